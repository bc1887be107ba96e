"""The bottom line of a comparison: drawn from the facts, two or three sentences, unknowns said."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrumcert.costs import ownership
from scrumcert.verdict import bottom_line, cost_sentence, names, renewal_sentence, who_sentence

FOUNDATIONS = ["CSM", "CSPO", "PSM-I", "PSPO-I", "PSMPO", "SAFE-POPM"]


def certs(catalogue, *codes):  # type: ignore[no-untyped-def]
    return [catalogue.certifications[c] for c in codes]


def test_names_joins_like_a_sentence() -> None:
    assert names([]) == ""
    assert names(["A"]) == "A"
    assert names(["A", "B"]) == "A and B"
    assert names(["A", "B", "C"]) == "A, B and C"


def test_who_follows_how_each_is_earned(catalogue) -> None:  # type: ignore[no-untyped-def]
    chosen = certs(catalogue, "CSM", "CSPO", "PSM-I")
    text = who_sentence(chosen)
    assert text is not None
    alone = [c.code for c in chosen if not c.course.required and c.exam is not None]
    taught = [c.code for c in chosen if c.course.required]
    assert alone and taught  # the data these sentences are about
    first, second = text.split("; ")
    assert all(code in first for code in alone) and "exam" in first
    assert all(code in second for code in taught) and "course" in second
    no_exam = [c.code for c in chosen if c.exam is None]
    assert all(f"{code} has no exam" in second for code in no_exam)


def test_renewal_names_lifetime_and_the_renewal_terms(catalogue) -> None:  # type: ignore[no-untyped-def]
    chosen = certs(catalogue, "CSM", "PSM-I")
    csm = chosen[0].renewal
    assert csm is not None and chosen[1].renewal is None
    text = renewal_sentence(chosen)
    assert text.startswith("PSM-I is valid for life")
    assert f"every {csm.every_years:g} years (${csm.fee_usd:,} + {csm.education_units} {csm.unit})" in text


def test_all_lifetime(catalogue) -> None:  # type: ignore[no-untyped-def]
    assert renewal_sentence(certs(catalogue, "PSM-I", "PSPO-I")) == "Both are valid for life."


def test_cost_names_the_cheapest_and_dearest_from_ownership(catalogue) -> None:  # type: ignore[no-untyped-def]
    chosen = certs(catalogue, "CSM", "PSM-I")
    own = {c.code: ownership(c, 3) for c in chosen}
    assert not any(o.unknown for o in own.values())
    cheap, dear = sorted(own, key=lambda k: own[k].high)
    text = cost_sentence(chosen, 3)
    assert text.startswith(f"Over 3 years {cheap} costs least")
    assert f"{dear} most (${own[dear].low:,} to ${own[dear].high:,})" in text


def test_unknown_cost_is_said_never_ranked(catalogue) -> None:  # type: ignore[no-untyped-def]
    chosen = certs(catalogue, *FOUNDATIONS)
    unknown = [c.code for c in chosen if ownership(c, 3).unknown]
    assert unknown  # PSMPO's course price is not known in the bundled data
    text = cost_sentence(chosen, 3)
    tail = text.split("; ")[-1]
    assert "not fully known" in tail and all(code in tail for code in unknown)
    assert not any(f"{code} most" in text or f"{code} costs least" in text for code in unknown)


def test_money_formatter_is_used(catalogue) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(bottom_line(certs(catalogue, "CSM", "PSM-I"), 3, money=lambda v: f"EUR {v:.0f}"))
    assert "EUR" in text and "$" not in text


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([*FOUNDATIONS, "A-CSPO", "PAL-I", "PMI-ACP", "ICP-APO"]), min_size=2,
                max_size=6, unique=True), st.integers(min_value=1, max_value=10))
def test_two_or_three_sentences_naming_every_code(catalogue, codes, years) -> None:  # type: ignore[no-untyped-def]
    lines = bottom_line(certs(catalogue, *codes), years)
    assert 2 <= len(lines) <= 3
    text = " ".join(lines)
    for code in codes:
        assert code in text
    assert all(line.endswith(".") and line[0].isupper() for line in lines)


@pytest.mark.parametrize("years", [1, 2, 5])
def test_years_are_the_ones_asked(catalogue, years) -> None:  # type: ignore[no-untyped-def]
    text = bottom_line(certs(catalogue, "CSM", "PSM-I"), years)[-1]
    assert text.startswith(f"Over {years} year")
