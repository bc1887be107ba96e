"""Cost of ownership (issue 5, part 2): ``cost_now`` and ``ownership`` against the bundled facts, the
``--years`` option of show/compare/advise/plan, and unknown prices that stay unknown."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from scrumcert.catalogue.loader import load_catalogue
from scrumcert.catalogue.model import Exam, PriceRange, Renewal
from scrumcert.costs import cost_now, ownership
from scrumcert.output.contract import cost_dict
from scrumcert.output.words import ownership_text

TEAMS = Path(__file__).parent / "teams"


def edit_certifications(folder: Path, change) -> None:  # type: ignore[no-untyped-def]
    """Load ``certifications.yaml`` of a catalogue copy, let ``change`` edit it by code, write it back."""
    path = folder / "certifications.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change({c["code"]: c for c in data["certifications"]})
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


# --- cost_now ------------------------------------------------------------------------------------


def test_cost_now_of_a_required_course_is_its_lowest_price(catalogue):
    assert cost_now(catalogue.certifications["CSM"]) == 250
    assert cost_now(catalogue.certifications["CSPO"]) == 800


def test_cost_now_of_an_assessment_alone_is_one_attempt(catalogue):
    assert cost_now(catalogue.certifications["PSPO-I"]) == 200
    assert cost_now(catalogue.certifications["PSM-II"]) == 250
    assert cost_now(catalogue.certifications["PSM-III"]) == 500


@pytest.mark.parametrize("code", ["PSMPO", "A-CSM", "ICP-APO"])
def test_cost_now_of_an_unknown_course_price_is_none_never_zero(catalogue, code):
    assert cost_now(catalogue.certifications[code]) is None


# --- ownership against the bundled facts ----------------------------------------------------------


def test_csm_over_three_years(catalogue):
    o = ownership(catalogue.certifications["CSM"], 3)
    assert (o.code, o.years) == ("CSM", 3)
    assert (o.low, o.high) == (250 + 100, 2495 + 100) == (350, 2595)
    assert o.renewals == 1
    assert (o.education_units, o.unit) == (20, "SEU")
    assert o.unknown == ()
    assert o.complete


def test_csm_over_five_years_counts_two_renewals(catalogue):
    o = ownership(catalogue.certifications["CSM"], 5)
    assert o.renewals == 2
    assert (o.low, o.high) == (250 + 2 * 100, 2495 + 2 * 100)
    assert o.education_units == 40


def test_csm_over_one_year_has_no_renewal(catalogue):
    o = ownership(catalogue.certifications["CSM"], 1)
    assert o.renewals == 0
    assert (o.low, o.high) == (250, 2495)
    assert o.education_units == 0
    assert o.unknown == ()


@pytest.mark.parametrize("years", [1, 2, 3, 5, 10, 50])
def test_pspo_one_costs_one_attempt_for_any_number_of_years(catalogue, years):
    o = ownership(catalogue.certifications["PSPO-I"], years)
    assert (o.low, o.high, o.renewals) == (200, 200, 0)
    assert o.unknown == ()
    assert o.education_units == 0
    assert any("valid for life" in a for a in o.assumptions)
    assert ownership_text(catalogue.certifications["PSPO-I"], years) == "$200"


def test_unknown_course_price_is_listed_not_counted_as_zero(catalogue):
    psmpo = catalogue.certifications["PSMPO"]
    o = ownership(psmpo, 3)
    assert o.unknown == ("course price",)
    assert not o.complete
    assert (o.low, o.high) == (0, 0)  # the known parts: nothing
    text = ownership_text(psmpo, 3)
    assert text == "unknown (course price)"
    assert "$0" not in text


def test_unknown_renewal_fee_is_listed_and_the_rest_is_a_lower_bound(catalogue):
    safe = catalogue.certifications["SAFE-POPM"]
    assert safe.renewal is not None and safe.renewal.fee_usd is None  # the fact under test
    o = ownership(safe, 3)
    assert (o.low, o.high) == (995, 995)
    assert o.renewals == 3  # renewed every year
    assert (o.education_units, o.unit) == (30, "PDU")
    assert o.unknown == ("renewal fee",)
    assert ownership_text(safe, 3) == "at least $995 (unknown: renewal fee) + 30 PDU"
    assert any("an unknown fee" in a for a in o.assumptions)


def test_unknown_renewal_fee_only_matters_once_a_renewal_falls_due(catalogue):
    ssm = catalogue.certifications["SAFE-SSM"]  # a two-year cycle whose fee Scaled Agile does not state
    assert "renewal fee" not in ownership(ssm, 1).unknown
    assert ownership(ssm, 1).renewals == 0
    assert "renewal fee" in ownership(ssm, 2).unknown
    assert (ownership(ssm, 2).renewals, ownership(ssm, 2).education_units) == (1, 24)


def test_known_exam_fee_beside_a_required_course_is_counted(catalogue):
    acp = catalogue.certifications["PMI-ACP"]
    assert acp.exam is not None and acp.exam.fee_usd == 495
    o = ownership(acp, 3)
    assert (o.low, o.high) == (495 + 150, 495 + 150)  # the exam, and one renewal at the non-member fee
    assert o.unknown == ("course price",)
    assert o.assumptions[0] == ("PMI-ACP: one exam attempt at $495 on top of the training, passed first time "
                                "(source checked 2026-11-25, page undated)")


def test_csm_assumptions_name_each_fee_and_its_source_date(catalogue):
    o = ownership(catalogue.certifications["CSM"], 3)
    course, renewal = o.assumptions
    assert course.startswith("CSM: course price range as of 2026-02-16")
    assert "source checked 2026-11-26, page dated 2026-02-16" in course
    assert renewal.startswith("CSM: renewed every 2 years at $100, 1 renewal(s) in 3 years")
    assert "source checked 2026-11-26" in renewal


def test_assumptions_give_the_oldest_check_of_the_sources_of_that_fee(data_copy):
    def change(certs):  # type: ignore[no-untyped-def]
        renewal = [s for s in certs["CSM"]["sources"] if s["facts"] == ["renewal"]]
        renewal[0]["checked"], renewal[1]["checked"] = date(2026, 4, 1), date(2026, 3, 2)
        renewal[1]["published"] = date(2025, 12, 31)
        for s in certs["CSM"]["sources"]:
            if s["facts"] == ["price"]:
                s["checked"], s["published"] = date(2026, 1, 15), None

    edit_certifications(data_copy, change)
    csm = load_catalogue(data_copy).certifications["CSM"]
    course, renewal = ownership(csm, 3).assumptions
    assert "source checked 2026-01-15, page undated" in course
    assert "source checked 2026-03-02, page dated 2025-12-31" in renewal


def test_exam_fee_assumption_names_its_source_date(catalogue):
    (exam, life) = ownership(catalogue.certifications["PSPO-I"], 3).assumptions
    assert exam.startswith("PSPO-I: one exam attempt at $200")
    assert "source checked 2026-11-25" in exam
    assert life == "PSPO-I: valid for life, no renewal"


# --- ownership: the arithmetic on made-up facts ---------------------------------------------------


def test_fractional_renewal_period(catalogue):
    c = catalogue.certifications["CSM"]._replace(renewal=Renewal(1.5, 50, 10, "SEU"))
    o = ownership(c, 3)
    assert o.renewals == 2
    assert (o.low, o.high) == (250 + 100, 2495 + 100)
    assert o.education_units == 20


def test_unknown_renewal_period_is_named(catalogue):
    c = catalogue.certifications["CSM"]._replace(renewal=Renewal(None, 100, 20, "SEU"))
    o = ownership(c, 3)
    assert "renewal period" in o.unknown
    assert o.education_units is None
    assert (o.low, o.high) == (250, 2495)


def test_unknown_education_units_are_named(catalogue):
    c = catalogue.certifications["CSM"]._replace(renewal=Renewal(2, 100, None, "SEU"))
    o = ownership(c, 4)
    assert o.unknown == ("education units",)
    assert o.education_units is None
    assert (o.low, o.high) == (250 + 200, 2495 + 200)


def test_only_one_end_of_the_price_range_known(catalogue):
    csm = catalogue.certifications["CSM"]
    only_max = ownership(csm._replace(course=csm.course._replace(price_usd=PriceRange(None, 900))), 1)
    assert (only_max.low, only_max.high) == (900, 900)
    only_min = ownership(csm._replace(course=csm.course._replace(price_usd=PriceRange(300, None))), 1)
    assert (only_min.low, only_min.high) == (300, 300)


def test_unknown_exam_fee_of_an_assessment_is_named(catalogue):
    pspo = catalogue.certifications["PSPO-I"]
    c = pspo._replace(exam=pspo.exam._replace(fee_usd=None))
    assert cost_now(c) is None
    o = ownership(c, 3)
    assert o.unknown == ("exam fee",)
    assert ownership_text(c, 3) == "unknown (exam fee)"


def test_no_exam_no_course_costs_nothing_known(catalogue):
    pspo = catalogue.certifications["PSPO-I"]
    c = pspo._replace(exam=None)
    assert cost_now(c) is None
    assert ownership(c, 3).low == 0


def test_price_as_of_date_is_named_in_the_assumption(catalogue):
    csm = catalogue.certifications["CSM"]
    c = csm._replace(course=csm.course._replace(price_usd=PriceRange(250, 2495, date(2026, 3, 1))))
    assert "as of 2026-03-01" in ownership(c, 3).assumptions[0]


def test_exam_with_fee_of_a_made_up_assessment(catalogue):
    pspo = catalogue.certifications["PSPO-I"]
    c = pspo._replace(exam=Exam(fee_usd=150), renewal=Renewal(2, 50, 10, "PDU"))
    o = ownership(c, 6)
    assert (o.low, o.high, o.renewals, o.education_units, o.unit) == (150 + 3 * 50, 300, 3, 30, "PDU")
    assert ownership_text(c, 6) == "$300 + 30 PDU"


def test_cost_dict(catalogue):
    d = cost_dict(catalogue.certifications["CSM"], 5)
    assert d == {"years": 5, "low_usd": 450, "high_usd": 2695, "renewals": 2, "education_units": 40,
                 "unit": "SEU", "unknown": [], "assumptions": list(ownership(
                     catalogue.certifications["CSM"], 5).assumptions)}
    assert cost_dict(catalogue.certifications["PSMPO"], 3)["unknown"] == ["course price"]


def test_ownership_text_of_csm(catalogue):
    assert ownership_text(catalogue.certifications["CSM"], 3) == "$350 to $2,595 + 20 SEU"
    assert ownership_text(catalogue.certifications["CSM"], 5) == "$450 to $2,695 + 40 SEU"


# --- the command line ------------------------------------------------------------------------------


def test_show_has_the_cost_over_the_years_asked(run):
    result = run("show", "CSM", "--years", "5")
    assert result.exit_code == 0, result.stderr
    assert "Cost over 5 years" in result.stdout
    assert "Cost over 5 years: assumptions" in result.stdout
    assert "renewed every 2 years at $100" in result.stdout


def test_show_defaults_to_three_years(run):
    result = run("show", "CSM", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "| Cost over 3 years | $350 to $2,595 + 20 SEU |" in result.stdout
    assert "### Cost over 3 years: assumptions" in result.stdout


def test_show_markdown_over_five_years(run):
    result = run("show", "CSM", "--years", "5", "--format", "markdown")
    assert "| Cost over 5 years | $450 to $2,695 + 40 SEU |" in result.stdout


def test_show_json_has_the_cost(run):
    result = run("show", "CSM", "--years", "5", "--format", "json")
    cost = json.loads(result.stdout)["cost"]
    assert (cost["years"], cost["low_usd"], cost["high_usd"], cost["renewals"]) == (5, 450, 2695, 2)
    assert cost["education_units"] == 40
    assert cost["unknown"] == []


def test_show_json_of_an_unknown_price_lists_it(run):
    cost = json.loads(run("show", "PSMPO", "--format", "json").stdout)["cost"]
    assert cost["unknown"] == ["course price"]


def test_compare_json_has_a_three_year_cost_by_default(run):
    result = run("compare", "CSM", "PSPO", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["code"] for d in data] == ["CSM", "PSPO-I"]
    assert [d["cost"]["years"] for d in data] == [3, 3]
    assert (data[0]["cost"]["low_usd"], data[0]["cost"]["high_usd"]) == (350, 2595)
    assert (data[1]["cost"]["low_usd"], data[1]["cost"]["high_usd"], data[1]["cost"]["renewals"]) == (
        200, 200, 0)


def test_compare_table_has_the_cost_row(run):
    result = run("compare", "CSM", "PSPO", "--years", "4")
    assert result.exit_code == 0, result.stderr
    assert "Cost over 4 years" in result.stdout


def test_advise_json_costs_its_top_picks_over_the_years(run):
    result = run("advise", "--role", "new", "--target", "scrum_master", "--goal", "job", "--years", "7",
                 "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["recommended"] in data["cost"]
    assert {c["years"] for c in data["cost"].values()} == {7}


def test_plan_json_costs_over_the_years(run):
    result = run("plan", str(TEAMS / "two_teams.csv"), "--years", "6", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["years"] == 6


COMMANDS = {
    "show": ["show", "CSM"],
    "compare": ["compare", "CSM", "PSPO"],
    "advise": ["advise", "--role", "new", "--target", "scrum_master", "--goal", "job"],
    "plan": ["plan", str(TEAMS / "two_teams.csv")],
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("years", ["0", "-1", "51", "three"])
def test_bad_years_are_rejected_in_one_line(run, command, years):
    result = run(*COMMANDS[command], "--years", years)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("scrumcert: error: ")
    assert "--years" in lines[0]
    assert "Traceback" not in result.stderr
