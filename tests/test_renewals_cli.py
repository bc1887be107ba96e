"""`scrumcert renewals CODE@DATE ...`: every format, the iCalendar file, and bad input."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

TODAY = {"SCRUMCERT_TODAY": "2026-11-26"}


def test_a_csm_earned_in_march_2025_expires_in_march_2027_for_100_and_20_seus(run) -> None:
    result = run("renewals", "CSM@2025-03-01", env=TODAY)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if "CSM" in line and "2027" in line)
    assert "2027-03-01" in row and "$100" in row and "20 SEUs" in row
    assert "Total of the next renewals: $100 and 20 SEUs." in result.stdout


def test_csm_and_cspo_together_total_100_and_30_seus_in_json(run) -> None:
    result = run("renewals", "CSM@2025-03-01", "CSPO@2025-03-01", "--format", "json", env=TODAY)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["total_fee_usd"], data["total_units"]) == (100, {"SEU": 30})
    first = data["items"][0]
    assert list(first)[:8] == ["code", "since", "expires", "lapsed", "fee_usd", "education_units", "unit",
                               "note"]
    assert [(i["code"], i["expires"], i["fee_usd"], i["education_units"]) for i in data["items"]] == [
        ("CSM", "2027-03-01", 100, 20), ("CSPO", "2027-03-01", 0, 10)]
    assert data["sources"][0]["kind"] == "official"


def test_a_csm_earned_in_january_2023_shows_as_lapsed_in_every_format(run) -> None:
    as_json = json.loads(run("renewals", "CSM@2023-01-10", "-f", "json", env=TODAY).stdout)
    assert as_json["items"][0]["lapsed"] is True and as_json["items"][0]["expires"] == "2025-01-10"
    for fmt in ("table", "markdown"):
        out = run("renewals", "CSM@2023-01-10", "-f", fmt, env=TODAY).stdout
        assert "2025-01-10 lapsed" in out
        assert "Lapsed on 2025-01-10." in out


def test_today_pins_what_has_lapsed(run) -> None:
    before = json.loads(run("renewals", "CSM@2023-01-10", "-f", "json",
                            env={"SCRUMCERT_TODAY": "2024-06-01"}).stdout)
    assert before["items"][0]["lapsed"] is False


def test_markdown_lists_what_counts_and_the_sources_with_their_kind(run) -> None:
    out = run("renewals", "CSM@2025-03-01", "PMI-ACP@2025-01-01", "-f", "markdown", env=TODAY).stdout
    assert "| Code | Since | Expires | Fee | Units | Renews |" in out
    assert "### What counts towards the units" in out and "PMI:" in out
    assert "(official), https://certification.scrumalliance.org/renewal-requirements" in out


def test_the_ics_file_has_one_event_per_expiry_with_a_reminder_60_days_before(run, tmp_path: Path) -> None:
    target = tmp_path / "renewals.ics"
    result = run("renewals", "CSM@2025-03-01", "CSPO@2025-03-01", "PSM-I@2024-05-05", "PMI-ACP@2025-06-30",
                 "--ics", str(target), env=TODAY)
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.stderr
    raw = target.read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(raw)
    events = {str(e["SUMMARY"]).split()[0]: e for e in cal.walk("VEVENT")}
    assert set(events) == {"CSM", "CSPO", "PMI-ACP"}  # PSM I is for life: no event
    csm = events["CSM"]
    assert csm.decoded("DTSTART") == date(2027, 3, 1)
    assert csm.decoded("DTEND") == date(2027, 3, 2)
    assert "$100" in str(csm["SUMMARY"]) and "20 SEU" in str(csm["SUMMARY"])
    alarms = csm.walk("VALARM")
    assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == -timedelta(days=60)
    assert str(alarms[0]["ACTION"]) == "DISPLAY"
    assert events["PMI-ACP"].decoded("DTSTART") == date(2028, 6, 30)
    assert len({str(e["UID"]) for e in events.values()}) == 3


def test_the_ics_text_is_escaped(tmp_path: Path) -> None:
    from scrumcert.ical import escape, fold

    assert escape("a, b; c\\d\nnext\x1b[31m") == "a\\, b\\; c\\\\d\\nnext[31m"
    long = "DESCRIPTION:" + "é" * 80
    folded = fold(long)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == long


@pytest.mark.parametrize(("args", "message"), [
    (["NOPE@2025-01-01"], "unknown certification"),
    (["CSM@2025-3-1"], "not a date YYYY-MM-DD"),
    (["CSM@2025-02-30"], "not a real date"),
    (["CSM@2030-01-01"], "in the future"),
    (["CSM"], "no date"),
])
def test_bad_input_is_one_line_and_exit_2(run, args: list[str], message: str) -> None:
    result = run("renewals", *args, env=TODAY)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("scrumcert: error:") and message in lines[0]


def test_no_arguments_is_a_usage_error(run) -> None:
    result = run("renewals", env=TODAY)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
