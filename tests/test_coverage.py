"""Coverage (issue 9, item 3): the certifications people ask about next, and the credentials outside
the catalogue that the advice must still understand when someone holds them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from scrumcert.catalogue.loader import load_catalogue
from scrumcert.catalogue.lookup import normalise, resolve, resolve_any
from scrumcert.catalogue.model import Catalogue, Certification, OtherCredential
from scrumcert.errors import CatalogueError, ScrumcertError

REPO = Path(__file__).resolve().parent.parent
MORE = yaml.safe_load((REPO / "data" / "certifications-more.yaml").read_text(encoding="utf-8"))
OTHERS = yaml.safe_load((REPO / "data" / "other-credentials.yaml").read_text(encoding="utf-8"))
MORE_CODES = [c["code"] for c in MORE["certifications"]]
OTHER_CODES = [o["code"] for o in OTHERS["others"]]


def ok(result: Any) -> str:
    assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr)
    return result.stdout


# --- the new entries ---------------------------------------------------------------------------------

def test_the_entries_the_issue_asks_for_are_all_there() -> None:
    assert set(MORE_CODES) >= {"PSM-A", "PSPO-A", "PSK-I", "SPS", "PSU-I", "ICP", "ICP-ACC", "CSD"}
    assert set(MORE_CODES) >= {"CAL-1", "SAFE-SA", "PSPBM"}  # "where sources allow": they did


@pytest.mark.parametrize(("typed", "code"), [
    ("PSK", "PSK-I"), ("psk1", "PSK-I"), ("PSK I", "PSK-I"), ("Scrum with Kanban", "PSK-I"),
    ("Professional Scrum with Kanban", "PSK-I"),
    ("PSU", "PSU-I"), ("psu 1", "PSU-I"), ("Scrum with UX", "PSU-I"),
    ("SPS", "SPS"), ("Scaled Professional Scrum", "SPS"), ("nexus", "SPS"),
    ("PSM-A", "PSM-A"), ("psma", "PSM-A"), ("PSM Advanced", "PSM-A"), ("PSM II course", "PSM-A"),
    ("PSPO-A", "PSPO-A"), ("pspo advanced", "PSPO-A"), ("Advanced PSPO", "PSPO-A"),
    ("PSPBM", "PSPBM"), ("Product Backlog Management Skills", "PSPBM"),
    ("CSD", "CSD"), ("Certified Scrum Developer", "CSD"),
    ("CAL 1", "CAL-1"), ("cal1", "CAL-1"), ("CAL-I", "CAL-1"), ("Certified Agile Leadership", "CAL-1"),
    ("ICP", "ICP"), ("ICP Agile Fundamentals", "ICP"), ("icagile certified professional", "ICP"),
    ("ICP-ACC", "ICP-ACC"), ("icpacc", "ICP-ACC"), ("Agile Coaching", "ICP-ACC"),
    ("SA", "SAFE-SA"), ("SAFe Agilist", "SAFE-SA"), ("Leading SAFe", "SAFE-SA"),
])
def test_new_entries_are_found_as_people_type_them(catalogue: Catalogue, typed: str, code: str) -> None:
    assert resolve(catalogue, typed) == code


@pytest.mark.parametrize("entry", MORE["certifications"], ids=MORE_CODES)
def test_every_spelling_of_a_new_entry_finds_it(catalogue: Catalogue, entry: dict[str, Any]) -> None:
    for spelling in (entry["code"], entry["name"], *entry.get("aliases", [])):
        assert resolve(catalogue, spelling) == entry["code"], spelling


@pytest.mark.parametrize("code", MORE_CODES)
def test_new_entry_has_its_official_page_and_an_official_source_first(catalogue: Catalogue, code: str
                                                                     ) -> None:
    c = catalogue.certifications[code]
    assert c.official_page and c.official_page.startswith("https://"), code
    assert all(s.kind in ("official", "trainer", "secondary") for s in c.sources), code
    assert c.sources[0].kind == "official", f"{code}: the issuer's own page comes first"
    issuer_sites = {"Scrum.org": "scrum.org", "Scrum Alliance": "scrumalliance.org",
                    "ICAgile": "icagile.com", "Scaled Agile": "scaledagile.com"}
    site = issuer_sites[c.issuer]
    assert site in c.official_page, code
    for s in c.sources:
        if s.kind == "official":
            assert s.url and site in s.url, (code, s.url)


@pytest.mark.parametrize("code", MORE_CODES)
def test_new_entry_is_complete(catalogue: Catalogue, code: str) -> None:
    c = catalogue.certifications[code]
    assert c.roles and c.summary and c.sources, code
    # every fact given is backed by a source that names it (the loader checks it; this keeps it visible)
    for fact, stated in (("pdus", c.pdus is not None), ("leads_to", bool(c.leads_to)),
                         ("includes", bool(c.includes)), ("roles", bool(c.roles))):
        if stated:
            assert c.sources_for(fact), (code, fact)


def test_advanced_courses_include_their_level_ii_attempt_and_follow_level_i(catalogue: Catalogue) -> None:
    certs = catalogue.certifications
    for course, level_one, level_two in (("PSM-A", "PSM-I", "PSM-II"), ("PSPO-A", "PSPO-I", "PSPO-II")):
        c = certs[course]
        assert (c.kind, c.level, c.includes) == ("course", "advanced", (level_two,))
        assert level_two in c.leads_to
        assert level_one in c.prerequisites.recommended
        assert course in certs[level_one].leads_to, f"{level_one} leads to {course}"
        assert c.exam is not None and c.exam.attempts_included == 1
        assert c.pdus == 14  # Scrum.org: a two-day course earns 14 PDUs
        assert c.is_unconfirmed("exam_fee")  # the level II price alone rests on secondary pages


def test_unknowns_stay_unknown(catalogue: Catalogue) -> None:
    """Nothing is filled in without a source: course prices of the new entries are not known."""
    for code in MORE_CODES:
        assert not catalogue.certifications[code].course.price_usd.known, code
    cal = catalogue.certifications["CAL-1"]
    assert cal.renewal is not None and (cal.renewal.fee_usd, cal.renewal.every_years) == (None, None)
    assert cal.exam is not None and cal.exam.questions is None


# --- other credentials ---------------------------------------------------------------------------------

def test_others_are_loaded(catalogue: Catalogue) -> None:
    assert list(catalogue.others) == OTHER_CODES
    assert {"PMP", "CAPM", "PRINCE2-F", "PRINCE2-P", "PRINCE2-AGILE", "ITIL4-F", "KMP"} <= set(OTHER_CODES)
    for o in catalogue.others.values():
        assert isinstance(o, OtherCredential)
        assert o.official_page.startswith("https://") and o.sources and o.note, o.code
        assert o.sources[0].kind == "official", o.code
        assert not set(o.roles) - set(catalogue.roles), o.code


@pytest.mark.parametrize(("typed", "code"), [
    ("PMP", "PMP"), ("pmp", "PMP"), ("Project Management Professional", "PMP"), ("capm", "CAPM"),
    ("PRINCE2", "PRINCE2-F"), ("prince 2", "PRINCE2-F"), ("PRINCE2 Practitioner", "PRINCE2-P"),
    ("PRINCE2 Agile", "PRINCE2-AGILE"), ("ITIL", "ITIL4-F"), ("ITIL 4 Foundation", "ITIL4-F"),
    ("KMP", "KMP"), ("DASSM", "DASSM"), ("SASM", "SAFE-SASM"), ("CAL 2", "CAL-2"), ("ICP-ATF", "ICP-ATF"),
])
def test_resolve_any_finds_other_credentials(catalogue: Catalogue, typed: str, code: str) -> None:
    found = resolve_any(catalogue, typed)
    assert isinstance(found, OtherCredential) and found.code == code


SPELLINGS = [(code, spelling) for o in OTHERS["others"] for code in [o["code"]]
             for spelling in (o["code"], o["name"], *o.get("aliases", []))]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SPELLINGS), st.lists(st.sampled_from([" ", "-", "_", "."]), max_size=3),
       st.booleans())
def test_other_credentials_are_found_however_they_are_typed(catalogue: Catalogue, pair: tuple[str, str],
                                                            noise: list[str], upper: bool) -> None:
    """Case, spaces, hyphens and dots never matter, exactly as for certifications."""
    code, spelling = pair
    typed = (spelling.upper() if upper else spelling.lower()).replace(" ", "".join(noise) or " ")
    found = resolve_any(catalogue, f" {typed} ")
    assert isinstance(found, OtherCredential) and found.code == code


def test_resolve_any_prefers_the_catalogue_and_errs_like_resolve(catalogue: Catalogue) -> None:
    found = resolve_any(catalogue, "pspo")
    assert isinstance(found, Certification) and found.code == "PSPO-I"
    with pytest.raises(ScrumcertError, match="did you mean"):
        resolve_any(catalogue, "PSPOO")
    with pytest.raises(ScrumcertError, match="empty"):
        resolve_any(catalogue, "  ")


def test_resolve_says_an_other_credential_is_outside_the_catalogue(catalogue: Catalogue) -> None:
    with pytest.raises(ScrumcertError, match=r"^PMP \(Project Management Professional, PMI\) is outside"):
        resolve(catalogue, "pmp")


def test_no_other_credential_is_spelled_like_a_certification(catalogue: Catalogue) -> None:
    for o in catalogue.others.values():
        for spelling in (o.code, o.name, *o.aliases):
            assert normalise(spelling) not in catalogue.index, (o.code, spelling)


def test_an_other_credential_spelled_like_a_certification_is_refused(data_copy: Path) -> None:
    path = data_copy / "other-credentials.yaml"
    text = path.read_text(encoding="utf-8").replace("aliases: [PMI-PMP, PMP certification]",
                                                    "aliases: [PMI-PMP, PMP certification, PSPO 1]")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(data_copy)
    message = str(caught.value)
    assert "other-credentials.yaml:" in message and "others[0].aliases[2]" in message
    assert "'PSPO 1' would also find PSPO-I" in message


def test_an_other_credential_needs_its_official_page(data_copy: Path) -> None:
    path = data_copy / "other-credentials.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    official_page: https://www.pmi.org/certifications/project-management-pmp\n", "", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"others\[0\]\.official_page: required field is missing"):
        load_catalogue(data_copy)


# --- through the CLI -------------------------------------------------------------------------------

def test_show_other_credential_says_it_is_outside_with_its_official_page(run: Callable[..., Any]) -> None:
    table = ok(run("show", "PMP"))
    assert "Outside scrumcert's catalogue" in table
    assert "https://www.pmi.org/certifications/project-management-pmp" in table
    md = ok(run("show", "prince2", "-f", "markdown"))
    assert md.startswith("## PRINCE2-F: PRINCE2 Foundation (PeopleCert (AXELOS))")
    assert "Official page: https://www.axelos.com/certifications/propath/prince2-project-management" in md
    data = json.loads(ok(run("show", "itil", "-f", "json")))
    assert (data["code"], data["in_catalogue"]) == ("ITIL4-F", False)
    assert data["official_page"].startswith("https://www.axelos.com/")


def test_compare_refuses_an_other_credential_with_one_clear_line(run: Callable[..., Any]) -> None:
    result = run("compare", "CSM", "PMP")
    assert result.exit_code == 2
    assert "outside scrumcert's catalogue" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_show_and_list_include_the_new_entries(run: Callable[..., Any], catalogue: Catalogue) -> None:
    listed = [d["code"] for d in json.loads(ok(run("list", "-f", "json")))]
    assert set(MORE_CODES) <= set(listed)
    assert listed[0] == "CSM"  # the original entries keep their order; the new ones follow
    kanban = ok(run("show", "psk", "-f", "markdown"))
    assert "Professional Scrum with Kanban I" in kanban and "45 questions, 60 min" in kanban
    data = json.loads(ok(run("show", "PSM-A", "-f", "json")))
    assert (data["code"], data["kind"], data["includes"]) == ("PSM-A", "course", ["PSM-II"])
    coaches = [d["code"] for d in json.loads(ok(run("list", "--role", "coach", "-f", "json")))]
    assert "ICP-ACC" in coaches


def test_list_others_shows_what_held_understands(run: Callable[..., Any], catalogue: Catalogue) -> None:
    data = json.loads(ok(run("list", "--others", "-f", "json")))
    assert [d["code"] for d in data] == list(catalogue.others)
    assert all(d["in_catalogue"] is False and d["official_page"].startswith("https://") for d in data)
    md = ok(run("list", "--others", "--issuer", "pmi", "-f", "markdown")).splitlines()
    assert md[0].startswith("Outside scrumcert's catalogue")
    codes = [line.split(" | ")[0].removeprefix("| ") for line in md
             if line.startswith("| ") and "---" not in line]
    assert codes == ["Code", "PMP", "CAPM", "DASM", "DASSM"]
    coaches = [d["code"] for d in json.loads(ok(run("list", "--others", "--role", "coach", "-f", "json")))]
    assert coaches and all("coach" in catalogue.others[c].roles for c in coaches)
    result = run("list", "--others", "--issuer", "acme")
    assert result.exit_code == 2 and "unknown issuer 'acme' among other credentials" in result.stderr
