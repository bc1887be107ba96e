"""Renewals as the issuers apply them: expiry, fee, units, lapse, and the Scrum Alliance combination."""

from __future__ import annotations

import functools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrumcert.catalogue.loader import load_catalogue
from scrumcert.catalogue.model import Catalogue
from scrumcert.costs import held_together
from scrumcert.errors import ScrumcertError
from scrumcert.renewals import Holding, add_years, merge, parse_holding, renewals

TODAY = date(2026, 11, 26)


@functools.cache
def bundled() -> Catalogue:
    """For the property tests, which cannot take function fixtures."""
    return load_catalogue()


def run(catalogue: Catalogue, *held: str):
    return renewals(catalogue, [parse_holding(catalogue, h, TODAY, need_date=True) for h in held], TODAY)


def item(result, code: str):
    return next(i for i in result.items if i.code == code)


def test_one_csm_expires_two_years_later_for_100_and_20_seus(catalogue: Catalogue) -> None:
    r = run(catalogue, "CSM@2025-03-01")
    csm = item(r, "CSM")
    assert (csm.expires, csm.lapsed, csm.fee_usd, csm.education_units, csm.unit) == (
        date(2027, 3, 1), False, 100, 20, "SEU")
    assert (r.total_fee_usd, r.total_units, r.unknown) == (100, {"SEU": 20}, ())
    assert "Renew by 2027-03-01" in csm.todo and "20 SEUs" in csm.todo


def test_csm_and_cspo_renew_together_for_one_fee_and_30_seus(catalogue: Catalogue) -> None:
    r = run(catalogue, "CSM@2025-03-01", "CSPO@2025-03-01")
    assert (r.total_fee_usd, r.total_units) == (100, {"SEU": 30})
    assert item(r, "CSPO").fee_usd == 0 and item(r, "CSPO").education_units == 10
    assert len(r.combined) == 1 and "CSM and CSPO renew together" in r.combined[0]


def test_a_csm_earned_in_january_2023_has_lapsed(catalogue: Catalogue) -> None:
    csm = item(run(catalogue, "CSM@2023-01-10"), "CSM")
    assert csm.expires == date(2025, 1, 10) and csm.lapsed is True
    assert csm.todo.startswith("Lapsed on 2025-01-10.")
    assert "new Scrum Alliance certification course" in csm.todo  # what to do, from the policy


def test_the_expiry_day_itself_is_not_lapsed(catalogue: Catalogue) -> None:
    assert item(run(catalogue, "CSM@2024-11-26"), "CSM").lapsed is False
    assert item(run(catalogue, "CSM@2024-11-25"), "CSM").lapsed is True


def test_the_highest_level_pays_and_other_tracks_add_their_add_on_units(catalogue: Catalogue) -> None:
    # Scrum Alliance's own example: CSP-SM, CSP-PO and CSD -> 250 USD and 40 + 20 + 10 SEUs; here the
    # catalogue's CSP-SM, CSP-PO and A-CSM (same track as CSP-SM, renewed by it).
    r = run(catalogue, "CSP-SM@2025-05-01", "CSP-PO@2025-05-01", "A-CSM@2024-01-01")
    assert r.total_fee_usd == 250
    assert r.total_units == {"SEU": 40 + 20}
    assert item(r, "A-CSM").fee_usd == 0 and item(r, "A-CSM").education_units == 0
    assert "Renewed with CSP-SM" in item(r, "A-CSM").note


def test_the_latest_date_sets_the_expiry_of_everything_held_from_scrum_alliance(catalogue: Catalogue) -> None:
    # a CSPO course taken in 2025 renewed the CSM earned in 2019, which had lapsed meanwhile
    r = run(catalogue, "CSM@2019-06-01", "CSPO@2025-03-01")
    assert {i.code: i.expires for i in r.items} == {"CSM": date(2027, 3, 1), "CSPO": date(2027, 3, 1)}
    assert not any(i.lapsed for i in r.items)
    assert "CSPO, 2025-03-01" in item(r, "CSM").note


def test_scrum_org_is_for_life_and_pmi_has_member_and_non_member_fees(catalogue: Catalogue) -> None:
    r = run(catalogue, "PSM-I@2015-01-01", "PMI-ACP@2024-02-29")
    psm = item(r, "PSM-I")
    assert (psm.lifetime, psm.expires, psm.lapsed, psm.fee_usd) == (True, None, False, 0)
    acp = item(r, "PMI-ACP")
    policy = catalogue.renewal_policies["PMI"]
    assert acp.expires == date(2027, 2, 28)  # three years on, the 29th falls back to the 28th
    assert acp.fee_usd == policy.non_member_fee_usd
    assert f"${policy.member_fee_usd}" in acp.note
    assert r.total_units == {"PDU": 30}


def test_an_unknown_fee_makes_the_total_a_lower_bound_that_names_it(catalogue: Catalogue) -> None:
    unpriced = [c.code for c in catalogue.certifications.values()
                if c.renewal is not None and c.renewal.fee_usd is None and c.issuer != "PMI"]
    if not unpriced:
        pytest.skip("every renewal fee in the catalogue is known")
    r = run(catalogue, f"{unpriced[0]}@2025-01-01")
    assert f"{unpriced[0]}: renewal fee" in r.unknown


@pytest.mark.parametrize(("text", "message"), [
    ("CSM@2025-13-01", "not a real date"),
    ("CSM@01-03-2025", "not a date YYYY-MM-DD"),
    ("CSM@2027-01-01", "in the future"),
    ("CSM", "no date"),
    ("NOPE@2025-01-01", "unknown certification"),
    ("CSM@2025-01-01@x", "CODE@YYYY-MM-DD"),
    ("", "empty"),
])
def test_bad_holdings_are_one_clear_error(catalogue: Catalogue, text: str, message: str) -> None:
    with pytest.raises(ScrumcertError, match=message):
        parse_holding(catalogue, text, TODAY, need_date=True)


def test_codes_resolve_as_people_type_them_and_the_latest_date_wins(catalogue: Catalogue) -> None:
    held = merge([parse_holding(catalogue, "psm1@2020-01-01", TODAY),
                  parse_holding(catalogue, "PSM-I @ 2021-05-05", TODAY)])
    assert held == [Holding("PSM-I", date(2021, 5, 5))]


def test_cost_over_years_of_csm_and_cspo_held_together(catalogue: Catalogue) -> None:
    cost = held_together(catalogue, ["CSM", "CSPO"], 3, TODAY)
    assert (cost.low, cost.renewals, cost.education_units) == (100, {"CSM": 1}, {"SEU": 30})
    alone = held_together(catalogue, ["CSM"], 3, TODAY).low + held_together(catalogue, ["CSPO"], 3, TODAY).low
    assert alone == 200  # counted one by one, the same two cost twice as much


def test_cost_over_years_counts_a_renewal_already_due(catalogue: Catalogue) -> None:
    cost = held_together(catalogue, ["CSM"], 1, TODAY, {"CSM": date(2023, 1, 10)})
    assert cost.renewals == {"CSM": 1} and cost.low == 100


def test_every_scrum_alliance_entry_agrees_with_the_renewal_table(catalogue: Catalogue) -> None:
    policy = catalogue.renewal_policies["Scrum Alliance"]
    for c in catalogue.certifications.values():
        if c.issuer == "Scrum Alliance" and c.renewal and policy.tier(c.level):
            if c.renewal.fee_usd is None and c.renewal.education_units is None:
                continue  # unknown (CAL 1: no page found states its renewal), which contradicts nothing
            tier = policy.tier(c.level)
            assert (c.renewal.fee_usd, c.renewal.education_units) == (tier.fee_usd, tier.education_units)


def test_every_policy_rule_cites_an_official_page_where_one_exists(catalogue: Catalogue) -> None:
    for issuer in ("Scrum Alliance", "Scaled Agile", "PMI"):
        kinds = [s.kind for s in catalogue.renewal_policies[issuer].sources]
        assert kinds[0] == "official", issuer


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), st.integers(1, 10))
def test_add_years_lands_on_the_same_day_or_the_end_of_the_month(day: date, years: int) -> None:
    later = add_years(day, years)
    assert later.year == day.year + years and later.month == day.month
    assert later.day == day.day or (day.month == 2 and day.day == 29 and later.day == 28)


@given(st.lists(st.sampled_from(["CSM", "CSPO", "A-CSM", "A-CSPO", "CSP-SM", "CSP-PO"]), min_size=1,
                max_size=6, unique=True))
def test_scrum_alliance_pays_one_fee_whatever_is_held(codes: list[str]) -> None:
    catalogue = bundled()
    r = renewals(catalogue, [Holding(c, date(2025, 6, 1)) for c in codes], TODAY)
    levels = [catalogue.certifications[c].level for c in codes]
    top = max(levels, key=["foundation", "advanced", "professional"].index)
    assert r.total_fee_usd == catalogue.renewal_policies["Scrum Alliance"].tier(top).fee_usd
    assert sum(1 for i in r.items if i.fee_usd) == 1
    assert len({i.expires for i in r.items}) == 1



def test_compare_shows_csm_and_cspo_held_together_as_one_renewal_of_100_and_30_seus(run) -> None:
    for fmt in ("table", "markdown"):
        out = " ".join(run("compare", "CSM", "CSPO", "-f", fmt, env={"SCRUMCERT_TODAY": "2026-11-26"}
                           ).stdout.split())
        assert ("Held together, CSM and CSPO renew as one with Scrum Alliance" in out
                and "1 renewal(s) in 3 years for $100 and 30 SEUs, against $200 and 40 SEUs" in out), out


def test_compare_of_two_issuers_adds_no_together_note(run) -> None:
    assert "Held together" not in run("compare", "CSM", "PSM-I").stdout


def test_a_dated_certification_whose_cycle_is_unknown_says_so(catalogue: Catalogue) -> None:
    unknown = [c.code for c in catalogue.certifications.values()
               if c.renewal is not None and c.renewal.every_years is None]
    if not unknown:
        pytest.skip("every renewal cycle in the catalogue is known")
    r = run(catalogue, f"{unknown[0]}@2025-01-01")
    only = item(r, unknown[0])
    assert only.expires is None and only.lapsed is None
    assert "renewal terms are unknown" in only.todo
    assert f"{unknown[0]}: renewal cycle" in r.unknown
