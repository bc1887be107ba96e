"""The reading commands (show, compare, list, validate) through Typer's test runner, in every format."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scrumcert import __version__
from scrumcert.catalogue.locate import bundled_dir
from scrumcert.catalogue.model import Catalogue

REPO = Path(__file__).resolve().parent.parent
BROKEN = Path(__file__).resolve().parent / "broken"
ROLES_TEXT = (bundled_dir() / "roles.yaml").read_text(encoding="utf-8")
QUESTIONS_TEXT = (bundled_dir() / "questions.yaml").read_text(encoding="utf-8")
WIDE = {"COLUMNS": "500"}  # nothing wraps: table rows can be read cell by cell
ISSUERS = "Scrum Alliance, Scrum.org, PMI, ICAgile, Scaled Agile"
ROLE_IDS = "scrum_master, product_owner, developer, leader, coach, product_manager, project_manager"
ROLE_WORDS = f"{ROLE_IDS}, manager, both, leadership"  # and advise's answers that name roles


@pytest.fixture(autouse=True)
def _pinned_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin the day of the staleness check, so that no 'last checked' warning appears as time passes."""
    monkeypatch.setenv("SCRUMCERT_TODAY", "2026-11-25")
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)


def ok(result: Any) -> str:
    assert result.exit_code == 0, (result.exit_code, result.stderr, result.exception)
    assert result.stderr == ""
    return result.stdout


def fails(result: Any) -> str:
    """An expected failure: status 2, nothing on stdout, one line on stderr; returns that line."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.exception)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("scrumcert: error: ")
    return lines[0]


def table_rows(text: str) -> list[list[str]]:
    """The cells of each line of a box-drawn table or panel (outer border removed)."""
    rows = []
    for line in text.splitlines():
        if "│" in line:
            rows.append([cell.strip() for cell in line.strip().strip("│").split("│")])
    return rows


def no_line_wider(text: str, width: int) -> None:
    widest = max(text.splitlines(), key=len)
    assert len(widest) <= width, f"{len(widest)} > {width}: {widest!r}"


# --- show -----------------------------------------------------------------------------------------


def test_show_pspo_table(run: Callable[..., Any], catalogue: Catalogue) -> None:
    out = ok(run("show", "PSPO"))
    assert out.splitlines()[0].startswith("┌─ PSPO-I: Professional Scrum Product Owner I ─")
    for label, value in [("Issuer", "Scrum.org"), ("Kind", "certification"), ("Roles", "Product Owner"),
                         ("Course", "optional, 2 days / 16 h"), ("Exam", "80 questions, 60 min"),
                         ("Pass mark", "85%"), ("Exam fee", "$200 per attempt"),
                         ("Renewal", "never (lifetime)"), ("Lifetime", "yes"),
                         ("Leads to", "PSPO-II, PSPO-A")]:
        assert re.search(rf"│ {re.escape(label)} +{re.escape(value)} +│", out), label
    assert "Scrum.org's foundation Product Owner certification" in out  # the summary
    # the sources follow the card, as an appendix grouped by certification
    assert "\nSources\nPSPO-I Professional Scrum Product Owner I\n" in out
    assert "checked 2026-11-25" in out


def test_show_lists_every_source_with_its_date(run: Callable[..., Any], catalogue: Catalogue) -> None:
    out = ok(run("show", "pspo-i", env=WIDE))
    cert = catalogue.certifications["PSPO-I"]
    assert len(cert.sources) >= 3
    lines = [line.rstrip() for line in out.splitlines()]
    where = []
    for s in cert.sources:
        line = next(line for line in lines if line.startswith(f"  - [{s.kind}] {s.title}"))
        assert (s.url or s.document or "") in line
        assert f"checked {s.checked.isoformat()}" in line
        where.append(lines.index(line))
    # the issuer's own page comes first, then every source with its kind, official ones first
    assert lines.index(f"  - Official page: {cert.official_page}") < min(where)
    kinds = [s.kind for s in cert.sources]
    assert kinds == sorted(kinds, key=("official", "trainer", "secondary").index)
    assert where == sorted(where)
    assert lines[where[0]].startswith("  - [official] ")


def test_show_psmpo_says_what_the_course_includes(run: Callable[..., Any]) -> None:
    out = ok(run("show", "PSMPO", env=WIDE))
    cells: dict[str, str] = {}
    for row in table_rows(out):
        parts = re.split(r"\s{2,}", row[0], maxsplit=1)
        if len(row) == 1 and len(parts) == 2:
            cells.setdefault(parts[0], parts[1])
    assert cells["Kind"] == "course"
    assert cells["Includes"] == "PSM-I, PSPO-I"
    assert cells["PDUs/SEUs earned"] == "21"
    assert cells["Course"] == "required, 3 days"


REQUIRED_KEYS = {"code", "name", "issuer", "kind", "official_page", "roles", "course", "exam", "renewal",
                 "pdus", "leads_to", "includes", "sources"}


def check_contract(d: dict[str, Any], catalogue: Catalogue) -> None:
    """The documented JSON keys of one certification, with their types."""
    assert set(d) >= REQUIRED_KEYS
    assert d["code"] in catalogue.certifications
    assert isinstance(d["name"], str) and isinstance(d["issuer"], str)
    assert d["kind"] in ("certification", "course")
    assert isinstance(d["roles"], list) and all(r in catalogue.roles for r in d["roles"])
    assert isinstance(d["course"]["required"], bool)
    assert d["course"]["days"] is None or isinstance(d["course"]["days"], int | float)
    if d["exam"] is not None:
        assert {"questions", "minutes", "pass_percent", "fee_usd"} <= set(d["exam"])
        for key in ("questions", "minutes", "pass_percent", "fee_usd"):
            assert d["exam"][key] is None or isinstance(d["exam"][key], int | float)
    if d["renewal"] is not None:
        assert {"every_years", "fee_usd", "education_units"} <= set(d["renewal"])
    assert d["pdus"] is None or isinstance(d["pdus"], int | float)
    assert all(c in catalogue.certifications for c in d["leads_to"] + d["includes"])
    assert d["official_page"] is None or d["official_page"].startswith(("http://", "https://"))
    assert d["sources"]
    ranks = [("official", "trainer", "secondary", None).index(s["kind"]) for s in d["sources"]]
    assert ranks == sorted(ranks)  # the issuer's own pages first
    for s in d["sources"]:
        assert isinstance(s["title"], str) and s["title"]
        assert s["quote"] is None or isinstance(s["quote"], str)
        assert s["url"] is None or s["url"].startswith(("http://", "https://"))
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", s["checked"])


def test_show_json(run: Callable[..., Any], catalogue: Catalogue) -> None:
    d = json.loads(ok(run("show", "PSPO", "--format", "json")))
    check_contract(d, catalogue)
    assert (d["code"], d["name"], d["issuer"], d["kind"]) == (
        "PSPO-I", "Professional Scrum Product Owner I", "Scrum.org", "certification")
    assert d["roles"] == ["product_owner"]
    assert (d["course"]["required"], d["course"]["days"]) == (False, 2)
    assert {k: d["exam"][k] for k in ("questions", "minutes", "pass_percent", "fee_usd")} == {
        "questions": 80, "minutes": 60, "pass_percent": 85, "fee_usd": 200}
    assert d["renewal"] is None
    assert d["pdus"] is None
    assert d["leads_to"] == ["PSPO-II", "PSPO-A"]
    assert d["includes"] == []
    assert len(d["sources"]) == len(catalogue.certifications["PSPO-I"].sources)
    assert {s["checked"] for s in d["sources"]} == {"2026-11-25", "2026-11-26"}
    assert d["official_page"] == "https://www.scrum.org/assessments/professional-scrum-product-owner-i-certification"
    assert [s["kind"] for s in d["sources"][:2]] == ["official", "official"]  # the issuer's pages first
    assert d["sources"][2] == {
        "title": "Naked Agility, Study guide for the Professional Scrum Product Owner", "kind": "trainer",
        "url": "https://nkdagility.com/study-guide-for-the-professional-scrum-product-owner/",
        "document": None, "published": None, "checked": "2026-11-26", "facts": ["course", "exam"],
        "quote": "Required course: None"}


def test_show_json_of_a_certification_without_exam_that_renews(run: Callable[..., Any],
                                                               catalogue: Catalogue) -> None:
    d = json.loads(ok(run("show", "cspo", "-f", "JSON")))
    check_contract(d, catalogue)
    assert d["exam"] is None
    assert {k: d["renewal"][k] for k in ("every_years", "fee_usd", "education_units")} == {
        "every_years": 2, "fee_usd": 100, "education_units": 20}
    assert (d["course"]["required"], d["course"]["days"]) == (True, 2)


def test_show_json_of_every_certification_keeps_the_contract(run: Callable[..., Any],
                                                             catalogue: Catalogue) -> None:
    for code in catalogue.certifications:
        d = json.loads(ok(run("show", code, "-f", "json")))
        check_contract(d, catalogue)
        assert d["code"] == code


def test_show_markdown(run: Callable[..., Any], catalogue: Catalogue) -> None:
    md = ok(run("show", "PSPO I", "--format", "markdown"))
    lines = md.splitlines()
    assert lines[0] == "## PSPO-I: Professional Scrum Product Owner I"
    for row in ("|  | PSPO-I |", "| Issuer | Scrum.org |", "| Exam | 80 questions, 60 min |",
                "| Pass mark | 85% |", "| Exam fee | $200 per attempt |", "| Renewal | never (lifetime) |",
                "| Leads to | PSPO-II, PSPO-A |"):
        assert row in lines, row
    assert "## Sources" in lines and "### PSPO-I: Professional Scrum Product Owner I" in lines
    shown = re.sub(r"\\(.)", r"\1", md)  # as a Markdown renderer shows it: escapes undone
    for s in catalogue.certifications["PSPO-I"].sources:
        assert s.title in shown and s.where in shown
    assert "checked 2026-11-25" in md
    assert "\x1b[" not in md


def test_an_unknown_exam_fee_is_shown_as_unknown(run: Callable[..., Any]) -> None:
    md = ok(run("show", "CSP-PO", "-f", "markdown")).splitlines()
    assert "| Exam | unknown |" in md
    assert "| Exam fee | unknown |" in md


# --- compare --------------------------------------------------------------------------------------


def test_compare_csm_cspo_table(run: Callable[..., Any]) -> None:
    out = ok(run("compare", "CSM", "CSPO", env=WIDE))
    rows = table_rows(out)
    assert rows[0] == ["", "CSM", "CSPO"]
    assert ["Name", "Certified ScrumMaster", "Certified Scrum Product Owner"] in rows
    # rows where they differ stand out with a star; equal rows do not
    assert ["* Exam", "50 questions, 60 min", "none"] in rows  # on Scrum Alliance's own pages
    assert ["* Pass mark", "74%", "-"] in rows
    assert ["* Leads to", "A-CSM", "A-CSPO"] in rows
    assert ["Issuer", "Scrum Alliance", "Scrum Alliance"] in rows
    assert ["Renewal", "every 2 years: $100 + 20 SEU", "every 2 years: $100 + 20 SEU"] in rows
    assert ["Course", "required, 2 days / 16 h", "required, 2 days / 16 h"] in rows
    assert ["Lifetime", "no", "no"] in rows
    assert "* marks the rows where they differ" in out


def test_compare_json_is_a_list_in_the_order_asked(run: Callable[..., Any], catalogue: Catalogue) -> None:
    data = json.loads(ok(run("compare", "CSPO", "CSM", "-f", "json")))
    assert [d["code"] for d in data] == ["CSPO", "CSM"]
    for d in data:
        check_contract(d, catalogue)
    cspo, csm = data
    assert cspo["exam"] is None
    assert {k: csm["exam"][k] for k in ("questions", "minutes", "pass_percent", "fee_usd")} == {
        "questions": 50, "minutes": 60, "pass_percent": 74, "fee_usd": None}
    assert csm["renewal"]["every_years"] == cspo["renewal"]["every_years"] == 2
    data = json.loads(ok(run("compare", "CSM", "CSPO", "--format", "json")))
    assert [d["code"] for d in data] == ["CSM", "CSPO"]


def test_compare_markdown(run: Callable[..., Any]) -> None:
    lines = ok(run("compare", "CSM", "CSPO", "-f", "markdown")).splitlines()
    assert lines[0] == "|  | CSM | CSPO |"
    assert lines[1] == "| --- | --- | --- |"
    for row in ("| Name | Certified ScrumMaster | Certified Scrum Product Owner |",
                "| **Exam** | 50 questions, 60 min | none |",
                "| **Pass mark** | 74% | - |",
                "| Renewal | every 2 years: $100 + 20 SEU | every 2 years: $100 + 20 SEU |",
                "| Issuer | Scrum Alliance | Scrum Alliance |"):
        assert row in lines, row
    assert "## Bottom line" in lines
    assert "## Sources" in lines and "### CSM: Certified ScrumMaster" in lines


def test_compare_four(run: Callable[..., Any], catalogue: Catalogue) -> None:
    rows = table_rows(ok(run("compare", "CSM", "CSPO", "PSPO", "PSMPO", env=WIDE)))
    assert rows[0] == ["", "CSM", "CSPO", "PSPO-I", "PSMPO"]
    assert ["* Issuer", "Scrum Alliance", "Scrum Alliance", "Scrum.org", "Scrum.org"] in rows
    assert ["* Kind", "certification", "certification", "certification", "course"] in rows
    assert ["* Exam", "50 questions, 60 min", "none", "80 questions, 60 min",
            "80 questions, 60 min"] in rows
    assert ["* Pass mark", "74%", "-", "85%", "85%"] in rows
    assert ["* Lifetime", "no", "no", "yes", "yes"] in rows
    assert ["* PDUs/SEUs earned", "14", "14", "unknown", "21"] in rows
    assert ["* Includes", "-", "-", "-", "PSM-I, PSPO-I"] in rows
    assert ["Level", "foundation", "foundation", "foundation", "foundation"] in rows
    data = json.loads(ok(run("compare", "CSM", "CSPO", "PSPO", "PSMPO", "-f", "json")))
    assert [d["code"] for d in data] == ["CSM", "CSPO", "PSPO-I", "PSMPO"]
    psmpo = data[3]
    assert (psmpo["kind"], psmpo["includes"], psmpo["pdus"]) == ("course", ["PSM-I", "PSPO-I"], 21)
    md = ok(run("compare", "CSM", "CSPO", "PSPO", "PSMPO", "-f", "markdown")).splitlines()
    assert md[0] == "|  | CSM | CSPO | PSPO-I | PSMPO |"
    assert "| **PDUs/SEUs earned** | 14 | 14 | unknown | 21 |" in md


def test_compare_six_is_the_most(run: Callable[..., Any]) -> None:
    data = json.loads(ok(run("compare", "csm", "cspo", "pspo", "psm", "psmpo", "popm", "-f", "json")))
    assert [d["code"] for d in data] == ["CSM", "CSPO", "PSPO-I", "PSM-I", "PSMPO", "SAFE-POPM"]


@pytest.mark.parametrize(("args", "message"), [
    (["PSPO"], "compare takes 2 to 6 codes, got 1"),
    (["CSM", "CSPO", "PSPO", "PSMPO", "PSM-II", "PSPO-II", "PMI-ACP"], "compare takes 2 to 6 codes, got 7"),
    (["PSPO", "pspo1"], "'PSPO' and 'pspo1' both mean PSPO-I; name each certification once"),
    (["CSM", "CSM"], "CSM is named twice; name each certification once"),
])
def test_compare_refuses(run: Callable[..., Any], args: list[str], message: str) -> None:
    for fmt in ("table", "json"):
        assert fails(run("compare", *args, "-f", fmt)) == f"scrumcert: error: {message}"


def test_compare_without_codes_is_a_usage_error(run: Callable[..., Any]) -> None:
    line = fails(run("compare"))
    assert line.startswith("scrumcert: error: Missing argument")
    assert line.endswith("(see 'scrumcert --help')")


# --- unknown codes and usage errors ----------------------------------------------------------------


@pytest.mark.parametrize("args", [["show", "PSPOO"], ["compare", "CSM", "PSPOO"],
                                  ["show", "PSPOO", "-f", "json"]])
def test_unknown_code_says_did_you_mean(run: Callable[..., Any], args: list[str]) -> None:
    line = fails(run(*args))
    assert line.startswith("scrumcert: error: unknown certification 'PSPOO'; did you mean PSPO-I")


def test_far_code_points_to_list(run: Callable[..., Any]) -> None:
    assert fails(run("show", "xyzzy")) == (
        "scrumcert: error: unknown certification 'xyzzy'; run 'scrumcert list' to see every code")


def test_bad_format_is_a_usage_error(run: Callable[..., Any]) -> None:
    line = fails(run("show", "PSPO", "--format", "xml"))
    assert "'xml'" in line


def test_version(run: Callable[..., Any]) -> None:
    assert ok(run("--version")) == f"scrumcert {__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_no_arguments_prints_the_help_without_an_empty_error(run: Callable[..., Any]) -> None:
    result = run()
    assert "Usage: scrumcert" in result.stdout
    assert "error:" not in result.stderr


# --- list -----------------------------------------------------------------------------------------


def test_list_everything(run: Callable[..., Any], catalogue: Catalogue) -> None:
    rows = table_rows(ok(run("list", env=WIDE)))
    assert rows[0] == ["Code", "Name", "Issuer", "Exam", "Renewal"]
    assert [r[0] for r in rows[1:]] == list(catalogue.certifications)
    assert ["PSPO-I", "Professional Scrum Product Owner I", "Scrum.org", "yes", "lifetime"] in rows
    assert ["CSPO", "Certified Scrum Product Owner", "Scrum Alliance", "none", "renews"] in rows
    assert ["ICP-APO", "ICAgile Certified Professional in Agile Product Ownership", "ICAgile", "none",
            "lifetime"] in rows
    data = json.loads(ok(run("list", "-f", "json")))
    assert [d["code"] for d in data] == list(catalogue.certifications)
    for d in data:
        check_contract(d, catalogue)
    md = ok(run("list", "-f", "markdown")).splitlines()
    assert md[:2] == ["| Code | Name | Issuer | Exam | Renewal |", "| --- | --- | --- | --- | --- |"]
    assert "| PSM-I | Professional Scrum Master I | Scrum.org | yes | lifetime |" in md
    assert len([line for line in md if line.startswith("| ")]) == 1 + 1 + len(catalogue.certifications)


def test_list_by_role(run: Callable[..., Any], catalogue: Catalogue) -> None:
    expected = [c.code for c in catalogue.certifications.values() if "product_owner" in c.roles]
    assert {"CSPO", "PSPO-I", "PSPO-II", "PSMPO", "SAFE-POPM", "ICP-APO"} <= set(expected)
    assert "CSM" not in expected
    data = json.loads(ok(run("list", "--role", "product_owner", "-f", "json")))
    assert [d["code"] for d in data] == expected
    rows = table_rows(ok(run("list", "--role", "product_owner", env=WIDE)))
    assert [r[0] for r in rows[1:]] == expected


def test_list_by_issuer(run: Callable[..., Any], catalogue: Catalogue) -> None:
    expected = [c.code for c in catalogue.certifications.values() if c.issuer == "Scrum.org"]
    assert len(expected) == 17  # 11 in certifications.yaml, 6 more (PSM-A, PSPO-A, PSK I, SPS, PSU I, PSPBM)
    for spelling in ("scrum.org", "Scrum.org", "SCRUM ORG"):
        data = json.loads(ok(run("list", "--issuer", spelling, "-f", "json")))
        assert [d["code"] for d in data] == expected
    md = ok(run("list", "--issuer", "scrum alliance", "-f", "markdown")).splitlines()
    assert [line.split(" | ")[0].removeprefix("| ") for line in md[2:] if line] == [
        "CSM", "CSPO", "A-CSM", "A-CSPO", "CSP-SM", "CSP-PO", "CSD", "CAL-1"]


def test_list_by_role_and_issuer(run: Callable[..., Any]) -> None:
    data = json.loads(ok(run("list", "--role", "scrum_master", "--issuer", "Scrum Alliance", "-f", "json")))
    assert [d["code"] for d in data] == ["CSM", "A-CSM", "CSP-SM"]


def test_list_unknown_issuer_and_role(run: Callable[..., Any]) -> None:
    assert fails(run("list", "--issuer", "nope")) == (
        f"scrumcert: error: unknown issuer 'nope'; issuers: {ISSUERS}")
    assert fails(run("list", "--role", "nope")) == (
        f"scrumcert: error: unknown role 'nope'; roles: {ROLE_WORDS}")


def test_list_says_unknown_when_the_exam_is_unknown(run: Callable[..., Any]) -> None:
    md = ok(run("list", "-f", "markdown")).splitlines()
    assert "| CSP-PO | Certified Scrum Professional Product Owner | Scrum Alliance | unknown | renews |" in md
    assert "| A-CSPO | Advanced Certified Scrum Product Owner | Scrum Alliance | none | renews |" in md


# --- validate, --data and SCRUMCERT_DATA ------------------------------------------------------------


def test_validate_bundled(run: Callable[..., Any], catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
                          ) -> None:
    monkeypatch.chdir(REPO)
    assert ok(run("validate")) == (
        f"ok: data: {len(catalogue.certifications)} certifications, 7 roles, "
        f"{len(catalogue.questions)} questions, "
        f"{len(catalogue.rules)} rules\n")


ACME = """\
certifications:
  - code: ACME-PO
    name: Acme Product Owner
    issuer: Acme Training
    kind: certification
    level: foundation
    roles: [product_owner]
    summary: The house Product Owner credential of a training company.
    course: {required: true, days: 1, price_usd: {min: 300, max: 300, as_of: 2026-01-10}}
    exam: {questions: 20, minutes: 30, pass_percent: 70, fee_usd: null}
    renewal: lifetime
    pdus: 7
    official_page: https://acme.example/po
    sources:
      - title: Acme course page
        url: https://acme.example/po
        kind: official
        checked: 2026-11-01
        facts: [course, price, exam, renewal, pdus, roles]
  - code: ACME-SM
    name: Acme Scrum Master
    issuer: Acme Training
    kind: certification
    level: foundation
    roles: [scrum_master]
    summary: The house Scrum Master credential of a training company.
    course: {required: false}
    exam: none
    renewal: {every_years: 1, fee_usd: 10, education_units: null, unit: null}
    pdus: null
    official_page: https://acme.example/sm
    sources:
      - title: Acme handbook
        document: Acme Training handbook, 2026 edition
        kind: official
        checked: 2026-11-01
        facts: [course, exam, renewal, roles]
"""


@pytest.fixture
def acme(write_catalogue: Callable[[dict[str, str]], Path], monkeypatch: pytest.MonkeyPatch,
         tmp_path: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    return write_catalogue({"roles.yaml": ROLES_TEXT, "acme.yaml": ACME})


def test_data_option_changes_what_list_shows(run: Callable[..., Any], acme: Path) -> None:
    data = json.loads(ok(run("list", "--data", str(acme), "-f", "json")))
    assert [d["code"] for d in data] == ["ACME-PO", "ACME-SM"]
    rows = table_rows(ok(run("list", "--data", str(acme), env=WIDE)))
    assert rows == [["Code", "Name", "Issuer", "Exam", "Renewal"],
                    ["ACME-PO", "Acme Product Owner", "Acme Training", "yes", "lifetime"],
                    ["ACME-SM", "Acme Scrum Master", "Acme Training", "none", "renews"]]
    data = json.loads(ok(run("list", "--data", str(acme), "--role", "scrum_master", "-f", "json")))
    assert [d["code"] for d in data] == ["ACME-SM"]


def test_environment_changes_what_list_shows(run: Callable[..., Any], acme: Path) -> None:
    data = json.loads(ok(run("list", "-f", "json", env={"SCRUMCERT_DATA": str(acme)})))
    assert [d["code"] for d in data] == ["ACME-PO", "ACME-SM"]
    out = ok(run("list", env={"SCRUMCERT_DATA": str(acme), **WIDE}))
    assert "ACME-SM" in out and "CSPO" not in out


def test_data_option_beats_the_environment(run: Callable[..., Any], acme: Path, tmp_path: Path) -> None:
    data = json.loads(ok(run("list", "--data", str(acme), "-f", "json",
                             env={"SCRUMCERT_DATA": str(tmp_path / "missing")})))
    assert [d["code"] for d in data] == ["ACME-PO", "ACME-SM"]


def test_show_and_compare_read_the_other_catalogue(run: Callable[..., Any], acme: Path) -> None:
    d = json.loads(ok(run("show", "acme po", "--data", str(acme), "-f", "json")))
    assert (d["code"], d["pdus"], d["course"]["days"]) == ("ACME-PO", 7, 1)
    assert d["course"]["price_usd"] == {"min": 300, "max": 300, "as_of": "2026-01-10"}
    assert d["sources"][0]["checked"] == "2026-11-01"
    out = ok(run("show", "ACME-SM", "--data", str(acme), env=WIDE))
    assert "  - Official page: https://acme.example/sm" in out
    assert "  - [official] Acme handbook (Acme Training handbook, 2026 edition); checked 2026-11-01" in out
    rows = table_rows(ok(run("compare", "ACME-PO", "ACME-SM", "--data", str(acme), env=WIDE)))
    assert rows[0] == ["", "ACME-PO", "ACME-SM"]
    assert ["* Renewal", "never (lifetime)", "every year: $10 + units unknown"] in rows
    assert fails(run("show", "PSPO", "--data", str(acme))).startswith(
        "scrumcert: error: unknown certification 'PSPO'")


def test_validate_another_catalogue(run: Callable[..., Any], acme: Path) -> None:
    expected = "ok: catalogue: 2 certifications, 7 roles, 0 questions, 0 rules\n"
    assert ok(run("validate", str(acme))) == expected
    assert ok(run("validate", "catalogue")) == expected
    assert ok(run("validate", "--data", str(acme))) == expected
    assert ok(run("validate", env={"SCRUMCERT_DATA": str(acme)})) == expected


def broken_folder(name: str, tmp_path: Path) -> Path:
    folder = tmp_path / "catalogue"
    folder.mkdir()
    shutil.copy(BROKEN / name, folder / name)
    if name != "no_certifications.yaml":
        (folder / "roles.yaml").write_text(ROLES_TEXT, encoding="utf-8")
        (folder / "questions.yaml").write_text(QUESTIONS_TEXT, encoding="utf-8")
    return folder


def _broken_names() -> list[Any]:
    return [pytest.param(p.name, id=p.stem) for p in sorted(BROKEN.glob("*.yaml"))]


@pytest.mark.parametrize("name", _broken_names())
def test_validate_a_broken_catalogue_gives_one_line(run: Callable[..., Any], name: str, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = broken_folder(name, tmp_path)
    monkeypatch.chdir(tmp_path)
    line = fails(run("validate", str(folder)))
    if name == "no_certifications.yaml":
        assert line == "scrumcert: error: catalogue: the catalogue has no certifications"
    else:  # file, line, then what is wrong
        assert re.match(rf"scrumcert: error: catalogue/{re.escape(name)}:[1-9][0-9]*: \S", line), line
    # every reading command refuses the same catalogue with the same line
    assert fails(run("list", "--data", str(folder))) == line
    assert fails(run("show", "CSM", env={"SCRUMCERT_DATA": str(folder)})) == line


def test_validate_exact_line(run: Callable[..., Any], tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    broken_folder("dangling_leads_to.yaml", tmp_path)
    monkeypatch.chdir(tmp_path)
    assert fails(run("validate", "catalogue")) == (
        "scrumcert: error: catalogue/dangling_leads_to.yaml:14: certifications[0].leads_to[0]: unknown "
        "certification code 'DEMO-II'")
    # one file on its own is a catalogue too: here it lacks the roles it names
    shutil.copy(BROKEN / "dangling_role.yaml", tmp_path / "catalogue")
    assert fails(run("validate", "catalogue/dangling_role.yaml")) == (
        "scrumcert: error: catalogue/dangling_role.yaml:8: certifications[0].roles[0]: unknown role "
        "'scrum_master' (roles: none defined)")


def test_validate_missing_and_non_utf8(run: Callable[..., Any], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert fails(run("validate", "nope")) == "scrumcert: error: nope: no such folder"
    (tmp_path / "latin").mkdir()
    (tmp_path / "latin" / "roles.yaml").write_bytes(b"roles:\n  - id: caf\xe9\n")
    assert fails(run("validate", "latin")) == (
        "scrumcert: error: latin/roles.yaml:2: not UTF-8 text (invalid continuation byte at byte 18)")


# --- colour and width -------------------------------------------------------------------------------

READING = [["show", "PSPO"], ["compare", "CSM", "CSPO"], ["compare", "CSM", "CSPO", "PSPO", "PSMPO"],
           ["list"], ["list", "--role", "product_owner"]]


@pytest.mark.parametrize("args", READING, ids=" ".join)
def test_piped_output_has_no_colour(run: Callable[..., Any], args: list[str]) -> None:
    assert "\x1b[" not in ok(run(*args))
    assert "\x1b[" not in ok(run(*args, env={"NO_COLOR": "1"}))
    assert "\x1b[" not in ok(run(*args, "-f", "markdown", env={"NO_COLOR": "1"}))


@pytest.mark.parametrize("args", [*READING, ["compare", "PSM-COURSE", "PSPO-COURSE", "PMI-ACP", "ICP-APO",
                                             "SAFE-POPM", "CSP-SM"]], ids=" ".join)
def test_tables_fit_80_columns(run: Callable[..., Any], args: list[str]) -> None:
    out = ok(run(*args, env={"COLUMNS": "80"}))
    no_line_wider(out, 80)
    assert out.count("\n") > 5


def test_every_show_fits_80_columns(run: Callable[..., Any], catalogue: Catalogue) -> None:
    for code in catalogue.certifications:
        out = ok(run("show", code, env={"COLUMNS": "80"}))
        no_line_wider(out, 80)
        assert code in out.splitlines()[0]


_COLOUR_SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _colour_params(raw: bytes) -> set[str]:
    """The colour parameters (foreground/background) among the SGR codes of some terminal output."""
    found = set()
    for params in _COLOUR_SGR.findall(raw.decode("utf-8", "replace")):
        for p in params.split(";"):
            if p.isdigit() and (30 <= int(p) <= 49 or 90 <= int(p) <= 107):
                found.add(p)
    return found


def _in_a_terminal(args: list[str], extra_env: dict[str, str]) -> bytes:
    """Run scrumcert with a pseudo-terminal as stdin, stdout and stderr; return what it wrote."""
    pty = pytest.importorskip("pty")
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "SCRUMCERT_DATA")}
    env.update({"TERM": "xterm-256color", "COLUMNS": "100", "SCRUMCERT_TODAY": "2026-11-25", **extra_env})
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "scrumcert", *args], stdin=follower, stdout=follower,
                                stderr=follower, env=env)
    finally:
        os.close(follower)  # the child holds its own copy; reading ends when it exits
    out = b""
    try:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(leader)
        returncode = proc.wait(timeout=60)
    assert returncode == 0, out
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_no_color_in_a_real_terminal() -> None:
    """In a terminal the differing rows are coloured; with NO_COLOR set no colour code is written."""
    coloured = _in_a_terminal(["compare", "CSM", "CSPO"], {})
    assert _colour_params(coloured), "expected colour in a terminal (the test would prove nothing)"
    plain = _in_a_terminal(["compare", "CSM", "CSPO"], {"NO_COLOR": "1"})
    assert b"CSPO" in plain
    assert _colour_params(plain) == set()
