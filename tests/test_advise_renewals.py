"""`advise` with CODE@DATE in held and --ads: renewals due, the combined cost, what the ads ask for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

ADS = sorted((Path(__file__).resolve().parent / "ads").glob("*.txt"))
BASE = ("advise", "--role", "scrum_master", "--target", "product_owner", "--goal", "job")
TODAY = {"SCRUMCERT_TODAY": "2026-11-26"}


def advise_json(run, *args: str) -> dict:
    result = run(*BASE, *args, "--format", "json", env=TODAY)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_held_with_a_date_gives_the_renewal_due_and_the_combined_cost(run) -> None:
    data = advise_json(run, "--held", "CSM@2025-03-01")
    assert data["answers"]["held"] == ["CSM"]
    renewals = data["renewals"]
    assert renewals["held"]["items"][0]["expires"] == "2027-03-01"
    rec = data["recommended"]
    assert renewals["with"] == rec
    if data["recommended"] == "CSPO":  # a new Scrum Alliance course renews the CSM: one renewal in 3 years
        assert (renewals["together_fee_usd"], renewals["together_units"]) == (100, {"SEU": 30})
        assert renewals["apart_fee_usd"] == 300
        assert any("Taking the CSPO course renews it" in n for n in renewals["notes"])


def test_a_lapsed_csm_is_said_in_every_format(run) -> None:
    data = advise_json(run, "--held", "CSM@2023-01-10")
    assert data["renewals"]["held"]["items"][0]["lapsed"] is True
    assert any(n.startswith("Your CSM lapsed on 2025-01-10.") for n in data["renewals"]["notes"])
    for fmt in ("table", "markdown"):
        out = " ".join(run(*BASE, "--held", "CSM@2023-01-10", "-f", fmt, env=TODAY).stdout.split())
        assert "Your CSM lapsed on 2025-01-10." in out


def test_held_without_dates_still_counts_renewals_together(run) -> None:
    data = advise_json(run, "--held", "CSM")
    assert data["renewals"]["held"] is None
    if data["recommended"] == "CSPO":
        assert data["renewals"]["together_fee_usd"] == 100


def test_dates_in_an_answers_file_and_saved_back(run, tmp_path: Path) -> None:
    answers = tmp_path / "me.yaml"
    answers.write_text("role: scrum_master\ntarget: product_owner\ngoal: job\nheld: [csm@2025-03-01]\n",
                       encoding="utf-8")
    saved = tmp_path / "saved.yaml"
    result = run("advise", "--answers", str(answers), "--save-answers", str(saved), "-f", "json", env=TODAY)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["renewals"]["held"]["items"][0]["since"] == "2025-03-01"
    assert yaml.safe_load(saved.read_text(encoding="utf-8"))["held"] == ["CSM@2025-03-01"]
    again = run("advise", "--answers", str(saved), "-f", "json", env=TODAY)
    assert again.exit_code == 0 and json.loads(again.stdout)["answers"]["held"] == ["CSM"]


@pytest.mark.parametrize(("held", "message"), [
    ("CSM@2030-01-01", "in the future"),
    ("CSM@2025-02-30", "not a real date"),
    ("CSM@yesterday", "not a date YYYY-MM-DD"),
])
def test_a_bad_date_in_held_is_one_line_and_exit_2(run, held: str, message: str) -> None:
    result = run(*BASE, "--held", held, env=TODAY)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_ads_say_what_a_meaningful_share_of_them_name(run) -> None:
    args = [a for p in ADS for a in ("--ads", str(p))]
    data = advise_json(run, *args)
    assert data["ads"]["ads"] == 3
    assert data["ads"]["employer_asks"] == ["PSM-I", "CSPO"]
    out = " ".join(run(*BASE, *args, env=TODAY).stdout.split())
    assert "3 of your 3 ads name PSM-I (2 require it, 1 prefers it)." in out
    assert "2 of your 3 ads name CSPO" in out


def test_ads_from_standard_input(run) -> None:
    text = "\n---\n".join(p.read_text(encoding="utf-8") for p in ADS)
    result = run(*BASE, "--ads", "-", "-f", "json", input=text, env=TODAY)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ads"]["employer_asks"] == ["PSM-I", "CSPO"]


def test_ads_a_missing_file_is_one_line_and_exit_2(run, tmp_path: Path) -> None:
    result = run(*BASE, "--ads", str(tmp_path / "none.txt"), env=TODAY)
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_ads_set_employer_asks_and_the_advice_weighs_it(run) -> None:
    args = [a for p in ADS for a in ("--ads", str(p))]
    data = advise_json(run, *args)
    assert data["answers"]["employer_asks"] == ["PSM-I", "CSPO"]
    rules = {r["rule"] for entry in data["ranking"] if entry["code"] in ("PSM-I", "CSPO")
             for r in entry["reasons"]}
    assert "employer-asks" in rules
    plain = advise_json(run)
    assert not plain["answers"].get("employer_asks")


def test_employer_asks_given_and_read_from_ads_are_joined(run) -> None:
    one = next(p for p in ADS if p.name == "product-owner-retail.txt")  # names PSPO-I, CSPO, PSM-I
    data = advise_json(run, "--employer-asks", "PMI-ACP", "--ads", str(one))
    assert data["answers"]["employer_asks"] == ["PMI-ACP", "PSPO-I", "CSPO", "PSM-I"]


def test_a_held_certification_whose_date_has_lapsed_counts_as_lapsed(run) -> None:
    data = advise_json(run, "--held", "CSM@2023-01-10")
    assert "CSM" not in data["answers"]["held"] and data["answers"]["lapsed"] == ["CSM"]
    still = advise_json(run, "--held", "CSM@2019-06-01,CSPO@2025-03-01")  # the CSPO course renewed it
    assert set(still["answers"]["held"]) == {"CSM", "CSPO"} and not still["answers"].get("lapsed")


def test_the_saved_answers_keep_the_date_of_a_lapsed_certification(run, tmp_path: Path) -> None:
    saved = tmp_path / "saved.yaml"
    result = run(*BASE, "--held", "CSM@2023-01-10", "--save-answers", str(saved), env=TODAY)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(saved.read_text(encoding="utf-8"))["held"] == ["CSM@2023-01-10"]
