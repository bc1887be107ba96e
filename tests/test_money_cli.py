"""--currency, --region and SCRUMCERT_CURRENCY on show, compare, advise and plan, with pinned rates.

The catalogue is the bundled one with its rates table replaced by round numbers (1 EUR = 1.25 USD =
0.8 GBP = 100 INR, so 1 USD = 0.8 EUR = 80 INR), so every expected figure can be checked by hand.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

PINNED = """# yaml-language-server: $schema=../schema/catalogue.schema.json
rates:
  base: EUR
  day: 2026-11-20
  per_base: {USD: 1.25, GBP: 0.8, INR: 100, AUD: 1.6, CAD: 1.5, CHF: 1, JPY: 160, SEK: 10, NOK: 10,
             DKK: 7.5, PLN: 4, CZK: 25, HUF: 400, RON: 5, ISK: 150, TRY: 40, BRL: 6, CNY: 8, HKD: 9,
             IDR: 18000, ILS: 4, KRW: 1500, MXN: 20, MYR: 5, NZD: 2, PHP: 60, SGD: 1.5, THB: 40,
             ZAR: 20, BGN: 2}
  source:
    title: "Test fixture, pinned reference rates"
    document: "tests/test_money_cli.py"
    kind: secondary
    checked: 2026-11-26
"""


@pytest.fixture
def pinned(data_copy: Path) -> Path:
    (data_copy / "rates.yaml").write_text(PINNED, encoding="utf-8")
    return data_copy


def ok(result: Any) -> str:
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout


def flat(text: str) -> str:
    """Table text as one line: the panel's borders and the wrapping gone."""
    return " ".join(text.replace("\u2502", " ").split())


def as_json(result: Any) -> Any:
    return json.loads(ok(result))


def test_show_converts_every_fee_and_says_the_rates_day(run: Any, pinned: Path) -> None:
    out = flat(ok(run("show", "PSM-I", "--currency", "EUR", "--data", str(pinned))))
    assert "EUR 160 per attempt" in out  # the 200 USD exam fee
    assert "$200 per attempt" not in out
    assert "2026-11-20" in out and "1 USD = 0.8 EUR" in out
    plain = ok(run("show", "PSM-I", "--data", str(pinned)))
    assert "$200 per attempt" in plain and "reference rates" not in plain


def test_the_environment_variable_chooses_the_currency(run: Any, pinned: Path) -> None:
    out = flat(ok(run("show", "CSM", "--data", str(pinned), env={"SCRUMCERT_CURRENCY": "gbp"})))
    assert "GBP 64 + 20 SEU" in out  # renewal 100 USD every 2 years
    assert "1 USD = 0.64 GBP" in out


def test_an_unknown_currency_is_one_line_and_exit_2(run: Any, pinned: Path) -> None:
    for command in (["show", "CSM"], ["compare", "CSM", "PSM"], ["plan", "x.csv"]):
        result = run(*command, "--currency", "XYZ", "--data", str(pinned))
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith("scrumcert: error: unknown currency XYZ; the rates table knows: ")
    bad = run("show", "CSM", "--currency", "euros", "--data", str(pinned))
    assert bad.exit_code == 2 and "is not an ISO 4217 code" in bad.stderr


def test_an_unknown_region_is_one_line_and_exit_2(run: Any, pinned: Path) -> None:
    result = run("show", "CSM", "--region", "Mars", "--data", str(pinned))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == ("scrumcert: error: unknown region 'Mars'; regions: US (United States), CA "
                             "(Canada), UK (United Kingdom), EU (Euro area), IN (India), AU (Australia)\n")


def test_show_lists_every_regional_price_set_by_the_trainer(run: Any, pinned: Path) -> None:
    out = flat(ok(run("show", "CSM", "--data", str(pinned))))
    for region in ("the United States", "Canada", "the United Kingdom", "the euro area", "India"):
        assert f"Price in {region}" in out
    assert "INR 24,000 to INR 26,000, set by the trainer" in out
    assert "Minimum advertised price since 2025-08-01: a figure not published." in out


def test_a_region_picks_its_course_price_and_its_currency(run: Any, pinned: Path) -> None:
    out = flat(ok(run("show", "CSM", "--region", "in", "--data", str(pinned))))
    assert "Course price in India INR 24,000 to INR 26,000" in out
    assert "set by the trainer" in out
    # the cost over 3 years: the course in India and one renewal of 100 USD (80 INR per USD)
    assert "Cost over 3 years INR 32,000 to INR 34,000 + 20 SEU" in out
    data = as_json(run("show", "CSM", "--region", "IN", "--format", "json", "--data", str(pinned)))
    assert data["course"]["price_usd"]["min"] == pytest.approx(300)  # 24,000 INR at 80 per USD
    assert data["course"]["price_inr"]["min"] == pytest.approx(24000)
    assert data["currency"]["code"] == "INR" and data["currency"]["rates_day"] == "2026-11-20"
    india = next(p for p in data["regional_prices"] if p["region"] == "IN")
    assert (india["currency"], india["min"], india["max"]) == ("INR", 24000, 26000)
    assert india["set_by"] == "trainer"
    assert india["minimum_advertised_price"]["amount"] is None
    assert india["minimum_advertised_price"]["source"]["kind"] == "official"


def test_a_region_without_a_price_keeps_the_worldwide_range(run: Any, pinned: Path) -> None:
    out = flat(ok(run("show", "PSPO-I", "--region", "IN", "--data", str(pinned))))
    assert "INR 16,000 per attempt" in out  # the 200 USD assessment, converted


def test_json_keeps_the_dollar_fields_and_adds_the_converted_ones(run: Any, pinned: Path) -> None:
    data = as_json(run("show", "PSM-I", "--currency", "EUR", "--format", "json", "--data", str(pinned)))
    assert data["exam"]["fee_usd"] == 200 and data["exam"]["fee_eur"] == 160
    assert data["currency"] == {"code": "EUR", "per_usd": 0.8, "rates_day": "2026-11-20",
                                "source": {"title": "Test fixture, pinned reference rates", "url": None}}
    plain = as_json(run("show", "PSM-I", "--format", "json", "--data", str(pinned)))
    assert "fee_eur" not in plain["exam"] and "currency" not in plain


def test_compare_converts_both_columns(run: Any, pinned: Path) -> None:
    out = ok(run("compare", "CSM", "PSM-I", "--currency", "INR", "--data", str(pinned)))
    assert "INR 16,000 per attempt" in out and "INR 8,000 + 20" in out
    items = as_json(run("compare", "CSM", "PSM-I", "--currency", "INR", "-f", "json", "--data", str(pinned)))
    assert all(item["currency"]["code"] == "INR" for item in items)
    md = ok(run("compare", "CSM", "PSM-I", "--currency", "INR", "-f", "markdown", "--data", str(pinned)))
    assert "INR 16,000 per attempt" in md and "reference rates of 2026-11-20" in md


def test_advise_judges_a_budget_in_rupees_in_dollars(run: Any, pinned: Path) -> None:
    base = ("advise", "--role", "new", "--target", "scrum_master", "--goal", "job", "--learning",
            "live_course", "--format", "json", "--data", str(pinned))
    data = as_json(run(*base, "--currency", "INR", "--budget", "30000", "--region", "IN"))
    answers = data["answers"]
    assert (answers["currency"], answers["budget"], answers["region"]) == ("INR", 30000, "IN")
    assert answers["budget_usd"] == pytest.approx(375)  # 30,000 INR at 80 per USD, converted once
    assert data["recommended"] == "CSM"
    top = data["ranking"][0]
    assert top["code"] == "CSM" and top["fits_budget"] is True
    assert top["cost_now_inr"] == pytest.approx(24000)
    # the same budget without the region: the worldwide range starts at 250 USD, which also fits 375 USD
    worldwide = as_json(run(*base, "--currency", "INR", "--budget", "30000"))
    assert worldwide["answers"]["budget_usd"] == pytest.approx(375)


def test_the_region_alone_sets_the_budget_currency(run: Any, pinned: Path, tmp_path: Path) -> None:
    answers = tmp_path / "me.yaml"
    answers.write_text("role: new\ntarget: scrum_master\ngoal: job\nregion: IN\nbudget: 16000\n",
                       encoding="utf-8")
    data = as_json(run("advise", "--answers", str(answers), "-f", "json", "--data", str(pinned)))
    assert data["answers"]["currency"] == "INR"
    assert data["answers"]["budget_usd"] == pytest.approx(200)


def test_budget_in_a_currency_wins_over_budget_usd(run: Any, pinned: Path) -> None:
    data = as_json(run("advise", "--role", "new", "--target", "scrum_master", "--goal", "job",
                       "--budget-usd", "5000", "--budget", "100", "--currency", "EUR", "-f", "json",
                       "--data", str(pinned)))
    assert data["answers"]["budget_usd"] == pytest.approx(125)


def test_old_answers_files_keep_their_meaning(run: Any, pinned: Path, tmp_path: Path) -> None:
    answers = tmp_path / "old.yaml"
    answers.write_text("role: new\ntarget: scrum_master\ngoal: job\nbudget_usd: 250\n", encoding="utf-8")
    data = as_json(run("advise", "--answers", str(answers), "-f", "json", "--data", str(pinned)))
    assert data["answers"]["budget_usd"] == 250 and data["answers"]["currency"] == "USD"


def test_advise_text_converts_the_budget_notes(run: Any, pinned: Path) -> None:
    out = ok(run("advise", "--role", "new", "--target", "scrum_master", "--goal", "job",
                 "--budget", "8", "--currency", "EUR", "--data", str(pinned)))
    assert "EUR 8" in out and not re.search(r"budget of \$", out)


def test_plan_converts_the_totals(run: Any, pinned: Path, tmp_path: Path) -> None:
    team = tmp_path / "team.csv"
    team.write_text("name,team,role,target,goal,learning\nAnn,A,new,scrum_master,job,self_study\n"
                    "Bo,A,new,scrum_master,job,self_study\n", encoding="utf-8")
    out = ok(run("plan", str(team), "--currency", "EUR", "--data", str(pinned)))
    assert "EUR 320" in out  # two PSM I attempts at 200 USD
    assert "reference rates of 2026-11-20" in out
    data = json.loads(ok(run("plan", str(team), "--currency", "EUR", "-f", "json", "--data", str(pinned))))
    assert data["currency"]["code"] == "EUR"


def test_a_report_file_says_the_rates_too(run: Any, pinned: Path, tmp_path: Path) -> None:
    page = tmp_path / "cmp.html"
    ok(run("compare", "CSM", "PSM-I", "--currency", "GBP", "--output", str(page), "--data", str(pinned)))
    text = page.read_text(encoding="utf-8")
    assert "GBP 128 per attempt" in text and "reference rates of 2026-11-20" in text


def test_a_catalogue_without_rates_converts_with_the_bundled_table(run: Any, data_copy: Path) -> None:
    (data_copy / "rates.yaml").unlink()
    out = ok(run("show", "PSM-I", "--currency", "EUR", "--data", str(data_copy)))
    assert re.search(r"EUR \d+ per attempt", out) and "European Central Bank" in out


def test_one_command_never_leaks_its_currency_into_the_next(run: Any, pinned: Path) -> None:
    ok(run("show", "PSM-I", "--currency", "EUR", "--data", str(pinned)))
    assert "$200 per attempt" in ok(run("show", "PSM-I", "--data", str(pinned)))


@pytest.mark.parametrize("args", [
    ("compare", "CSM", "PSM-I", "PSPO-I", "CSPO", "SAFE-POPM", "PMI-ACP"),
    ("advise", "--role", "new", "--target", "both", "--goal", "job", "--budget", "100"),
    ("advise", "--role", "coach", "--target", "both", "--goal", "advance", "--experience", "over_3",
     "--held", "CSM,CSPO", "--budget", "4000"),
    ("advise", "--role", "scrum_master", "--target", "product_owner", "--goal", "job", "--held",
     "CSM@2025-01-10"),
])
@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_no_dollar_figure_escapes_the_conversion(run: Any, pinned: Path, args: tuple[str, ...],
                                                 fmt: str) -> None:
    """Every money figure these commands show goes through the one formatter: with --currency EUR no
    "$" amount is left (a new sentence that formats dollars itself fails here)."""
    out = ok(run(*args, "--currency", "EUR", "-f", fmt, "--data", str(pinned)))
    assert "EUR " in out
    leaked = re.findall(r".{0,40}\$\d[\d,]*", out)
    assert leaked == [], leaked
