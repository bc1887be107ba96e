"""Facts that say how old they are (issue 5, part 4): one warning line when a fact shown was last
checked more than 12 months ago, ``freshness.stale`` and its month arithmetic, and ``scrumcert sources``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from scrumcert.catalogue.freshness import stale, today
from scrumcert.catalogue.loader import load_catalogue
from scrumcert.catalogue.model import Source

TEAMS = Path(__file__).parent / "teams"
LATER = {"SCRUMCERT_TODAY": "2028-01-01"}


@pytest.fixture(autouse=True)
def real_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCRUMCERT_TODAY", raising=False)


def oldest(catalogue, code: str) -> str:  # type: ignore[no-untyped-def]
    return min(s.checked for s in catalogue.certifications[code].sources).isoformat()


def warning_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("scrumcert: warning:")]


# --- the warning on the command line ----------------------------------------------------------------


def test_show_warns_once_when_facts_are_old(run, catalogue):
    result = run("show", "CSM", env=LATER)
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    line = lines[0]
    assert line.startswith("scrumcert: warning: ")
    assert "12 months" in line
    assert "CSM" in line
    assert oldest(catalogue, "CSM") in line
    assert "Certified ScrumMaster" in result.stdout  # the facts are still shown


def test_no_warning_with_todays_date(run):
    """Fails once the bundled facts really are more than 12 months old: then they need checking."""
    result = run("show", "CSM")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_no_warning_just_before_twelve_months(run, catalogue):
    oldest_check = min(s.checked for s in catalogue.certifications["CSM"].sources)
    twelve_months_later = oldest_check.replace(year=oldest_check.year + 1)
    result = run("show", "CSM", env={"SCRUMCERT_TODAY": twelve_months_later.isoformat()})
    assert result.stderr == ""
    a_day_more = date.fromordinal(twelve_months_later.toordinal() + 1).isoformat()
    assert len(warning_lines(run("show", "CSM", env={"SCRUMCERT_TODAY": a_day_more}).stderr)) == 1


def test_compare_warns_in_one_line_naming_each(run, catalogue):
    result = run("compare", "CSM", "PSPO", "--format", "json", env=LATER)
    assert result.exit_code == 0
    json.loads(result.stdout)  # stdout stays clean JSON
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "CSM " in lines[0] and "PSPO-I " in lines[0]
    assert oldest(catalogue, "PSPO-I") in lines[0]


@pytest.mark.parametrize("args", [
    ["list"],
    ["list", "--format", "json"],
    ["show", "PSPO", "--format", "markdown"],
    ["advise", "--role", "new", "--target", "product_owner", "--goal", "job"],
    ["plan", str(TEAMS / "two_teams.csv")],
])
def test_every_reading_command_warns_once(run, args):
    result = run(*args, env=LATER)
    assert result.exit_code == 0, result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert len(warning_lines(result.stderr)) == 1


def test_report_writing_warns_once_too(run, tmp_path):
    out = tmp_path / "x.md"
    result = run("compare", "CSM", "CSPO", "-o", str(out), env=LATER)
    assert result.exit_code == 0
    assert len(warning_lines(result.stderr)) == 1
    assert result.stderr.splitlines()[1] == f"scrumcert: wrote {out}"


def test_a_catalogue_with_an_old_check_warns_today(run, data_copy):
    path = data_copy / "certifications.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    csm = next(c for c in data["certifications"] if c["code"] == "CSM")
    renewal = next(s for s in csm["sources"] if s["facts"] == ["renewal"])
    renewal["checked"] = date(2024, 1, 2)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = run("show", "CSM", "--data", str(data_copy))
    assert result.exit_code == 0
    assert result.stderr == ("scrumcert: warning: facts last checked more than 12 months ago: "
                             "CSM renewal (checked 2024-01-02)\n")
    # a certification whose facts are fresh says nothing
    assert run("show", "CSPO", "--data", str(data_copy)).stderr == ""


# --- freshness.stale --------------------------------------------------------------------------------


def src(checked: date, *facts: str) -> Source:
    return Source(title="A page", checked=checked, url="https://example.org/", facts=facts)


@pytest.fixture
def csm(catalogue):  # type: ignore[no-untyped-def]
    return catalogue.certifications["CSM"]


def test_stale_names_the_old_facts_and_the_oldest_date(csm):
    cert = csm._replace(sources=(
        src(date(2026, 1, 10), "roles"),
        src(date(2024, 5, 1), "exam", "price"),
        src(date(2025, 3, 3), "renewal", "exam"),
    ))
    assert stale([cert], now=date(2026, 6, 1)) == ["CSM exam, price, renewal (checked 2024-05-01)"]


def test_stale_is_empty_when_everything_is_fresh(csm):
    cert = csm._replace(sources=(src(date(2026, 1, 10), "roles"),))
    assert stale([cert], now=date(2026, 6, 1)) == []
    assert stale([], now=date(2026, 6, 1)) == []


def test_stale_source_without_facts_is_named_as_sources(csm):
    cert = csm._replace(sources=(src(date(2020, 1, 1)),))
    assert stale([cert], now=date(2026, 6, 1)) == ["CSM sources (checked 2020-01-01)"]


def test_stale_one_entry_per_certification_in_the_order_given(catalogue):
    old = (src(date(2020, 1, 1), "course"),)
    certs = [catalogue.certifications[c]._replace(sources=old) for c in ("PSPO-I", "CSM")]
    fresh = catalogue.certifications["CSPO"]._replace(sources=(src(date(2026, 5, 1), "course"),))
    assert stale([certs[0], fresh, certs[1]], now=date(2026, 6, 1)) == [
        "PSPO-I course (checked 2020-01-01)", "CSM course (checked 2020-01-01)"]


@pytest.mark.parametrize(("now", "months", "fresh", "old"), [
    # exactly twelve months is not more than twelve months
    (date(2027, 11, 25), 12, date(2026, 11, 25), date(2026, 11, 24)),
    # a year boundary
    (date(2028, 1, 1), 12, date(2027, 1, 1), date(2026, 12, 31)),
    (date(2028, 1, 15), 1, date(2027, 12, 15), date(2027, 12, 14)),
    # leap day: twelve months before 29 February is 28 February
    (date(2028, 2, 29), 12, date(2027, 2, 28), date(2027, 2, 27)),
    (date(2028, 2, 29), 48, date(2024, 2, 29), date(2024, 2, 28)),
    # the end of a longer month lands on the end of a shorter one
    (date(2027, 3, 31), 1, date(2027, 2, 28), date(2027, 2, 27)),
    (date(2028, 3, 31), 1, date(2028, 2, 29), date(2028, 2, 28)),
    (date(2026, 1, 31), 11, date(2025, 2, 28), date(2025, 2, 27)),
    (date(2027, 5, 31), 12, date(2026, 5, 31), date(2026, 5, 30)),
    # more than a year, and nothing at all
    (date(2028, 6, 15), 24, date(2026, 6, 15), date(2026, 6, 14)),
    (date(2028, 6, 15), 0, date(2028, 6, 15), date(2028, 6, 14)),
])
def test_month_arithmetic(csm, now, months, fresh, old):
    assert stale([csm._replace(sources=(src(fresh, "exam"),))], months=months, now=now) == []
    assert stale([csm._replace(sources=(src(old, "exam"),))], months=months, now=now) == [
        f"CSM exam (checked {old.isoformat()})"]


def test_stale_defaults_to_today(csm, monkeypatch):
    cert = csm._replace(sources=(src(date(2026, 11, 1), "exam"),))
    monkeypatch.setenv("SCRUMCERT_TODAY", "2027-11-02")
    assert stale([cert]) == ["CSM exam (checked 2026-11-01)"]
    monkeypatch.setenv("SCRUMCERT_TODAY", "2027-11-01")
    assert stale([cert]) == []


def test_today_is_pinned_by_the_environment(monkeypatch):
    assert today() == date.today()
    monkeypatch.setenv("SCRUMCERT_TODAY", "2028-02-29")
    assert today() == date(2028, 2, 29)


def test_control_characters_in_a_code_are_shown_not_sent(csm):
    cert = csm._replace(code="CSM\x1b[2J", sources=(src(date(2020, 1, 1), "exam"),))
    (line,) = stale([cert], now=date(2026, 1, 1))
    assert "\x1b" not in line
    assert line.startswith("CSM\\x1b[2J exam")


# --- scrumcert sources --------------------------------------------------------------------------------


@pytest.fixture
def aged(data_copy: Path) -> Path:
    """A copy of the catalogue where three sources were checked earlier than the rest."""
    path = data_copy / "certifications.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    certs = {c["code"]: c for c in data["certifications"]}
    next(s for s in certs["CSPO"]["sources"] if s["title"] == "Turboscrum, CSPO vs PSPO")["checked"] = date(
        2025, 1, 5)
    next(s for s in certs["CSM"]["sources"] if s["facts"] == ["course", "exam"])["checked"] = date(2025, 9, 9)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    rules_path = data_copy / "rules.yaml"
    rules = yaml.safe_load(rules_path.read_text(encoding="utf-8"))
    title = rules["rules"][1]["source"]["title"]
    for rule in rules["rules"]:  # the same page backs several rules: it was checked once, for all
        if rule.get("source", {}).get("title") == title:
            rule["source"]["checked"] = date(2024, 7, 7)
    rules_path.write_text(yaml.safe_dump(rules, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return data_copy


def test_sources_json_lists_every_source_grouped_oldest_first_within_a_kind(run, aged):
    catalogue = load_catalogue(aged)
    result = run("sources", "--format", "json", "--data", str(aged))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    listed = {(d["title"], d["checked"]) for d in data}
    assert {(s.title, s.checked.isoformat()) for _, s in catalogue.all_sources()} <= listed
    assert not any(d["for"].startswith("rule:") for d in data)  # no rule ids: the advice's sources
    advice = [d for d in data if d["for"] == "Advice"]
    aged_kind = next(d["kind"] for d in advice if d["checked"] == "2024-07-07")
    same_kind = [d for d in advice if d["kind"] == aged_kind]
    assert same_kind[0]["checked"] == "2024-07-07"  # the aged rule source comes first within its kind
    cspo = [d for d in data if d["for"] == "CSPO"]
    turbo = next(d for d in cspo if d["title"] == "Turboscrum, CSPO vs PSPO")
    assert turbo["url"] == "https://turboscrum.com/cspo-vs-pspo" and turbo["checked"] == "2025-01-05"
    for owner in {d["for"] for d in data}:
        rows = [d for d in data if d["for"] == owner]
        for kind in {d["kind"] for d in rows}:
            dates = [d["checked"] for d in rows if d["kind"] == kind]
            assert dates == sorted(dates), (owner, kind)
    assert set(data[0]) == {"for", "kind", "about", "title", "url", "document", "published", "checked",
                            "facts", "quote"}


def test_sources_keep_the_catalogue_order_of_certifications(run, catalogue):
    data = json.loads(run("sources", "--format", "json").stdout)
    owners = list(dict.fromkeys(d["for"] for d in data))
    certs = [c for c in owners if c in catalogue.certifications]
    assert certs == [c for c in catalogue.certifications if c in certs]


def test_sources_json_of_the_bundled_catalogue(run, catalogue):
    data = json.loads(run("sources", "-f", "json").stdout)
    assert len(data) >= len({(o, s.title) for o, s in catalogue.all_sources() if not o.startswith("rule:")})
    documents = [d for d in data if d["url"] is None]
    assert documents and all(d["document"] for d in documents)
    assert any(d["published"] == "2013-01-08" for d in data)


def test_sources_table(run, aged):
    result = run("sources", "--data", str(aged))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Sources, by certification; the issuer's own pages first" in out
    assert out.index("CSM: Certified ScrumMaster") < out.index("CSPO: Certified Scrum Product Owner")
    assert out.index("2025-01-05") > out.index("CSPO: Certified Scrum Product Owner")
    assert "rule:" not in out
    assert result.stderr == ""


def test_sources_markdown(run, aged):
    result = run("sources", "--format", "markdown", "--data", str(aged))
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Sources, by certification; the issuer's own pages first")
    assert "## CSPO: Certified Scrum Product Owner" in text
    assert ("| 2025-01-05 | Turboscrum, CSPO vs PSPO https://turboscrum.com/cspo-vs-pspo | price |" in text)
    assert "rule:" not in text


def test_a_bad_pinned_date_is_not_a_traceback(run):
    result = run("show", "CSM", env={"SCRUMCERT_TODAY": "garbage"})
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "scrumcert: error: SCRUMCERT_TODAY='garbage' is not a date YYYY-MM-DD\n"
