"""Unit tests of the recommender: rule matching, implied holdings, hard constraints, the step-towards
bonus and the documented tie-break (eligible, not over budget, score, catalogue order),
on a small catalogue written for the purpose and on the bundled one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scrumcert.answers import with_defaults
from scrumcert.catalogue.loader import load_catalogue
from scrumcert.catalogue.model import Catalogue, Rule
from scrumcert.recommender import Advice, Step, implied_held, matches, recommend

SOURCE = """
    official_page: https://example.org/facts
    sources:
      - title: Test source
        url: https://example.org/facts
        kind: official
        checked: 2026-11-25
        facts: [course, price, exam, renewal, prerequisites, leads_to, includes, roles]
"""


def cert(code: str, *, fee: int | None = None, kind: str = "certification", price: int | None = None,
         requires: tuple[str, ...] = (), advised: tuple[str, ...] = (), months: int | None = None,
         leads_to: tuple[str, ...] = (), includes: tuple[str, ...] = ()) -> str:
    """One certification of the test catalogue, as YAML."""
    lst = lambda xs: "[" + ", ".join(xs) + "]"  # noqa: E731
    return f"""
  - code: {code}
    name: Test certification {code}
    issuer: Test body
    kind: {kind}
    level: {"advanced" if requires else "foundation"}
    roles: [scrum_master]
    summary: A certification for the tests.
    course:
      required: {"true" if kind == "course" else "false"}
      price_usd: {{min: {"null" if price is None else price}, max: null}}
    exam:
      fee_usd: {"null" if fee is None else fee}
    renewal: lifetime
    pdus: null
    prerequisites:
      codes: {lst(requires)}
      recommended: {lst(advised)}
      experience_months: {"null" if months is None else months}
    leads_to: {lst(leads_to)}
    includes: {lst(includes)}""" + SOURCE


# Catalogue order matters: it is the last tie-break.
CERTS = [
    cert("AAA", fee=300, leads_to=("ADV",)),
    cert("BBB", fee=100),
    cert("CCC"),  # price unknown
    cert("DDD", fee=100),  # same price as BBB, later in the catalogue
    cert("ADV", fee=50, requires=("AAA",), months=12),
    cert("NXT", fee=50, advised=("BBB",)),
    cert("CRS", kind="course", price=400, includes=("BBB", "DDD"), leads_to=("BBB", "DDD")),
]

QUESTIONS = """
questions:
  - id: pick
    prompt: Which scenario?
    help: Test scenarios.
    type: choice
    required: true
    default: nothing
    choices:
      - {value: nothing, label: No rule fires}
      - {value: tie, label: Four certifications tie}
      - {value: score, label: AAA scores more than BBB}
      - {value: adv, label: Only the advanced one is wanted}
      - {value: negative, label: The advanced one is unwanted}
      - {value: course, label: The course is wanted}
  - id: experience
    prompt: Years?
    help: Years of practice.
    type: choice
    default: none
    choices:
      - {value: none, label: None}
      - {value: under_1, label: Under one}
      - {value: 1_to_3, label: One to three}
      - {value: over_3, label: Over three}
  - id: budget_usd
    prompt: Budget?
    help: Dollars.
    type: integer
  - id: held
    prompt: Held?
    help: Codes.
    type: codes
"""

RULES = """
rules:
  - id: tie
    when: {pick: [tie]}
    weights: {AAA: 2, BBB: 2, CCC: 2, DDD: 2}
    reason: Four-way tie.
  - id: score
    when: {pick: [score]}
    weights: {AAA: 5, BBB: 1}
    reasons: {AAA: AAA is the better fit., BBB: BBB fits a little.}
  - id: adv
    when: {pick: [adv]}
    weights: {ADV: 6, NXT: 4}
    reason: The advanced one fits.
  - id: negative
    when: {pick: [negative]}
    weights: {ADV: -6, AAA: 1}
    reasons: {ADV: The advanced one does not fit., AAA: The foundation fits.}
  - id: course
    when: {pick: [course]}
    weights: {CRS: 9}
    reason: The course fits.
  - id: rich
    when: {budget_usd: {min: 1000}}
    weights: {CCC: 1}
    reason: A large budget.
  - id: holds-bbb
    when: {held: [BBB]}
    weights: {NXT: 1}
    reason: You hold BBB, and this builds on it.
"""

ROLES = """
roles:
  - {id: scrum_master, name: Scrum Master, description: Serves the team.}
"""


def build(write_catalogue: Callable[[dict[str, str]], Path], certs: list[str]) -> Catalogue:
    folder = write_catalogue({
        "roles.yaml": ROLES,
        "certifications.yaml": "certifications:" + "".join(certs),
        "questions.yaml": QUESTIONS,
        "rules.yaml": RULES,
    })
    return load_catalogue(folder)


@pytest.fixture
def small(write_catalogue: Callable[[dict[str, str]], Path]) -> Catalogue:
    return build(write_catalogue, CERTS)


def advise(catalogue: Catalogue, **answers: Any) -> Advice:
    if "held" in answers:
        answers["held"] = tuple(answers["held"])
    return recommend(catalogue, with_defaults(catalogue, answers))


def order(advice: Advice) -> list[str]:
    return [r.code for r in advice.ranking]


# --- matches ------------------------------------------------------------------------------------------


def rule(**when: Any) -> Rule:
    return Rule("r", when, {"AAA": 1}, "reason")


def test_matches_choice_value_in_list() -> None:
    r = rule(role=("scrum_master", "coach"))
    assert matches(r, {"role": "coach"})
    assert matches(r, {"role": "scrum_master"})
    assert not matches(r, {"role": "developer"})


def test_matches_missing_answer_never_matches() -> None:
    assert not matches(rule(role=("scrum_master",)), {})
    assert not matches(rule(role=("scrum_master",)), {"role": None})
    assert not matches(rule(budget_usd={"min": 0}), {"budget_usd": None})
    assert not matches(rule(budget_usd={"max": 100}), {})


def test_matches_needs_every_condition() -> None:
    r = rule(role=("scrum_master",), target=("product_owner",))
    assert matches(r, {"role": "scrum_master", "target": "product_owner"})
    assert not matches(r, {"role": "scrum_master", "target": "both"})
    assert not matches(r, {"role": "developer", "target": "product_owner"})


def test_matches_empty_when_always_matches() -> None:
    assert matches(rule(), {})
    assert matches(rule(), {"role": "new"})


def test_matches_bounds_are_inclusive() -> None:
    r = rule(budget_usd={"min": 200, "max": 500})
    assert not matches(r, {"budget_usd": 199})
    assert matches(r, {"budget_usd": 200})
    assert matches(r, {"budget_usd": 500})
    assert not matches(r, {"budget_usd": 501})
    assert matches(rule(budget_usd={"min": 0}), {"budget_usd": 0})
    assert matches(rule(budget_usd={"max": 0}), {"budget_usd": 0})


def test_matches_held_codes_any_of() -> None:
    r = rule(held=("CSM", "PSM-I"))
    assert matches(r, {"held": ("PSM-I",)})
    assert matches(r, {"held": ("CSPO", "CSM")})
    assert not matches(r, {"held": ("CSPO",)})
    assert not matches(r, {"held": ()})


def test_matches_bundled_rules(catalogue: Catalogue) -> None:
    rules = {r.id: r for r in catalogue.rules}
    base = with_defaults(catalogue, {"role": "scrum_master", "target": "product_owner", "goal": "job"})
    assert matches(rules["sm-tries-other-side"], base)
    assert not matches(rules["sm-tries-other-side"], {**base, "role": "product_owner"})
    assert matches(rules["next-after-csm"], {**base, "target": "scrum_master", "held": ("CSM",)})
    assert not matches(rules["next-after-csm"], {**base, "target": "scrum_master", "held": ()})
    assert not matches(rules["next-after-csm"], {**base, "held": ("CSM",)})  # target product_owner


# --- implied_held -------------------------------------------------------------------------------------


def test_implied_held_follows_required_and_advised_prerequisites(catalogue: Catalogue) -> None:
    assert implied_held(catalogue, ("CSP-SM",)) == {"CSP-SM", "A-CSM", "CSM"}
    assert implied_held(catalogue, ("A-CSPO",)) == {"A-CSPO", "CSPO"}
    assert implied_held(catalogue, ("PSPO-III",)) == {"PSPO-III", "PSPO-II", "PSPO-I"}
    assert implied_held(catalogue, ("CSM", "PSM-II")) == {"CSM", "PSM-II", "PSM-I"}


def test_implied_held_of_nothing_and_of_unknown_codes(catalogue: Catalogue) -> None:
    assert implied_held(catalogue, ()) == set()
    assert implied_held(catalogue, ("NOPE", "PSPO-I")) == {"PSPO-I"}


def test_implied_held_does_not_invent_what_a_foundation_leads_to(catalogue: Catalogue) -> None:
    assert implied_held(catalogue, ("CSM",)) == {"CSM"}
    assert implied_held(catalogue, ("PSM-I",)) == {"PSM-I"}


def test_implied_held_small_catalogue(small: Catalogue) -> None:
    assert implied_held(small, ("ADV",)) == {"ADV", "AAA"}
    assert implied_held(small, ("NXT",)) == {"NXT", "BBB"}
    assert implied_held(small, ("CRS",)) == {"CRS"}


# --- tie-break: eligible, fits budget, score, lower known price, catalogue order -----------------------


def test_tie_break_is_catalogue_order_whatever_the_price(small: Catalogue) -> None:
    advice = advise(small, pick="tie")
    # all four score 2: an unknown price (CCC) is not put last, nor a known low price (BBB) first
    assert order(advice)[:4] == ["AAA", "BBB", "CCC", "DDD"]
    assert [r.score for r in advice.ranking[:4]] == [2, 2, 2, 2]
    assert advice.recommended == "AAA"


def test_tie_break_catalogue_order_decides(write_catalogue: Callable[[dict[str, str]], Path]) -> None:
    swapped = [CERTS[3], CERTS[1], CERTS[2], CERTS[0], *CERTS[4:]]  # DDD first
    advice = advise(build(write_catalogue, swapped), pick="tie")
    assert order(advice)[:4] == ["DDD", "BBB", "CCC", "AAA"]
    assert advice.recommended == "DDD"


def test_tie_break_score_before_price(small: Catalogue) -> None:
    advice = advise(small, pick="score")
    assert order(advice)[:2] == ["AAA", "BBB"]
    assert (advice.entry("AAA").score, advice.entry("BBB").score) == (5, 1)


def test_zero_scores_ordered_by_catalogue(small: Catalogue) -> None:
    advice = advise(small, pick="nothing")
    eligible = [r.code for r in advice.ranking if r.eligible]
    assert eligible == ["AAA", "BBB", "CCC", "DDD", "CRS", "NXT"]  # NXT: eligible, -2 for its advised BBB
    assert advice.fired == ()


def test_eligible_always_ranked_before_ineligible(small: Catalogue) -> None:
    advice = advise(small, pick="adv")  # ADV scores 6 but lacks AAA
    flags = [r.eligible for r in advice.ranking]
    assert flags == sorted(flags, reverse=True)
    assert advice.entry("ADV").score == 6
    assert order(advice).index("ADV") > max(i for i, r in enumerate(advice.ranking) if r.eligible)
    assert advice.recommended != "ADV"


def test_result_is_deterministic_and_independent_of_answer_order(small: Catalogue) -> None:
    a = recommend(small, {"pick": "tie", "experience": "none", "budget_usd": 350, "held": ("CCC",)})
    b = recommend(small, {"held": ("CCC",), "budget_usd": 350, "experience": "none", "pick": "tie"})
    assert a == recommend(small, {"pick": "tie", "experience": "none", "budget_usd": 350, "held": ("CCC",)})
    assert (a.recommended, a.ranking, a.path, a.notes) == (b.recommended, b.ranking, b.path, b.notes)


def test_reasons_strongest_first(catalogue: Catalogue) -> None:
    advice = recommend(catalogue, with_defaults(catalogue, {
        "role": "scrum_master", "target": "product_owner", "goal": "job", "exam": "exam"}))
    for r in advice.ranking:
        for group in (r.reasons, r.against):
            weights = [abs(x.weight) for x in group]
            assert weights == sorted(weights, reverse=True)
        if r.eligible:
            assert r.score == sum(x.weight for x in (*r.reasons, *r.against))


# --- budget ----------------------------------------------------------------------------------------------


def test_budget_top_recommendation_fits_when_anything_fits(small: Catalogue) -> None:
    advice = advise(small, pick="score", budget_usd=150)  # AAA scores 5 but costs 300; BBB costs 100
    assert advice.recommended == "BBB"
    assert advice.entry("BBB").fits_budget is True
    assert advice.entry("AAA").fits_budget is False
    assert advice.entry("CCC").fits_budget is None  # an unknown price is unknown, not "over"
    assert order(advice)[:2] == ["BBB", "CCC"]  # not over budget first, then by score
    assert advice.notes == ("AAA fits your answers better, but costs from $300, over your budget of $150.",)


def test_budget_boundary_is_inclusive(small: Catalogue) -> None:
    advice = advise(small, pick="score", budget_usd=300)
    assert advice.recommended == "AAA"
    assert advice.entry("AAA").fits_budget is True


def test_budget_nothing_fits_recommends_the_smallest_shortfall(small: Catalogue) -> None:
    advice = advise(small, pick="score", budget_usd=99)
    assert advice.recommended == "BBB"  # $1 short, where AAA is $201 short
    assert advice.notes[0].startswith("Nothing you are eligible for is known to fit a budget of $99. The "
                                      "closest is BBB: it costs $100, $1 more than your budget.")
    assert "AAA fits your answers better, but costs from $300" in advice.notes[1]


def test_budget_only_eligible_cheap_ones_count(small: Catalogue) -> None:
    # ADV costs 50 and would fit, but it is not eligible: it must neither win nor make the others "fit"
    advice = advise(small, pick="score", budget_usd=60)
    assert advice.entry("ADV").fits_budget is True
    assert not advice.entry("ADV").eligible
    assert advice.recommended == "BBB"
    assert advice.notes[0].startswith("Nothing you are eligible for is known to fit a budget of $60.")


def test_budget_zero_and_thousands_separator(small: Catalogue) -> None:
    assert "$100 more" in advise(small, pick="score", budget_usd=0).notes[0]
    advice = advise(small, pick="score", budget_usd=1000)
    assert advice.notes == ()
    assert advice.recommended == "AAA"
    assert [r.rule for r in advice.entry("CCC").reasons] == ["rich"]  # {min: 1000} matched


def test_no_budget_means_fits_is_unknown(small: Catalogue) -> None:
    advice = advise(small, pick="score")
    assert all(r.fits_budget is None for r in advice.ranking)
    assert advice.notes == ()


# --- hard constraints: held, ineligible, courses ----------------------------------------------------------


def test_held_is_never_recommended_whatever_its_score(small: Catalogue) -> None:
    advice = advise(small, pick="score", held=["AAA"])
    aaa = advice.entry("AAA")
    assert aaa.score == 5
    assert not aaa.eligible
    assert aaa.blocked == "you already hold it"
    assert advice.recommended == "BBB"


def test_implied_held_is_blocked_too(small: Catalogue) -> None:
    advice = advise(small, pick="score", held=["ADV"], experience="1_to_3")
    assert advice.entry("AAA").blocked == "you already hold it"
    assert advice.entry("ADV").blocked == "you already hold it"
    assert advice.recommended == "BBB"


def test_missing_required_prerequisite_blocks(small: Catalogue) -> None:
    advice = advise(small, pick="adv", experience="over_3")
    assert advice.entry("ADV").blocked == "needs AAA first"
    assert advice.entry("NXT").eligible  # an advised prerequisite is a note, not a wall
    assert [(r.rule, r.weight) for r in advice.entry("NXT").against] == [("advised-first", -2)]


def test_experience_blocks_until_enough_months(small: Catalogue) -> None:
    for years in ("none", "under_1"):
        advice = advise(small, pick="adv", held=["AAA"], experience=years)
        assert advice.entry("ADV").blocked == "needs 12 months as a Scrum Master (you have 0)"
        assert advice.recommended != "ADV"
    for years in ("1_to_3", "over_3"):
        advice = advise(small, pick="adv", held=["AAA"], experience=years)
        assert advice.entry("ADV").eligible
        assert advice.recommended == "ADV"


def test_course_whose_assessments_are_all_held_is_excluded(small: Catalogue) -> None:
    assert advise(small, pick="course").recommended == "CRS"
    partly = advise(small, pick="course", held=["BBB"])
    assert partly.recommended == "CRS"
    assert partly.entry("CRS").eligible
    full = advise(small, pick="course", held=["BBB", "DDD"])
    assert full.entry("CRS").blocked == "you already hold everything it leads to (BBB, DDD)"
    assert full.recommended != "CRS"


def test_bundled_psmpo_excluded_when_psm_i_and_pspo_i_held(catalogue: Catalogue) -> None:
    advice = recommend(catalogue, with_defaults(catalogue, {
        "role": "scrum_master", "target": "both", "goal": "team", "held": ("PSM-I", "PSPO-I")}))
    assert advice.entry("PSMPO").blocked == "you already hold everything it leads to (PSM-I, PSPO-I)"
    assert advice.entry("PSMPO").score > 0
    assert advice.recommended != "PSMPO"


def test_everything_held_gives_no_recommendation(small: Catalogue) -> None:
    advice = advise(small, pick="tie", held=["AAA", "BBB", "CCC", "DDD", "ADV", "NXT", "CRS"])
    assert advice.recommended is None
    assert advice.path == ()
    assert advice.notes == ("Nothing is left to recommend: you hold everything you are eligible for.",)


def test_nothing_eligible_left_but_something_blocked_by_experience(small: Catalogue) -> None:
    advice = advise(small, pick="adv", held=["AAA", "BBB", "CCC", "DDD", "NXT", "CRS"])
    assert advice.entry("ADV").blocked == "needs 12 months as a Scrum Master (you have 0)"
    assert advice.recommended is None
    assert advice.notes == ("Nothing is left to recommend: you hold everything you are eligible for.",)


# --- step towards ----------------------------------------------------------------------------------------


def test_step_towards_passes_half_rounded_up_to_the_missing_prerequisite(small: Catalogue) -> None:
    advice = advise(small, pick="adv")
    aaa = advice.entry("AAA")
    steps = [r for r in aaa.reasons if r.rule == "step-towards"]
    assert len(steps) == 1
    assert steps[0].weight == 3  # ceil(6 / 2)
    assert steps[0].text.startswith("It is the first step towards ADV (Test certification ADV)")
    assert "needs AAA first" in steps[0].text
    assert aaa.score == 3
    bbb = advice.entry("BBB")  # an advised prerequisite is not a wall: NXT itself is eligible
    assert [r.rule for r in bbb.reasons] == []
    assert advice.recommended == "AAA"
    assert [s.code for s in advice.path] == ["AAA", "ADV"]
    assert advice.path[1].when == "once you have 12 months as a Scrum Master (you have 0)"
    assert advice.path[1].months_needed == 12


def test_step_towards_not_given_for_a_negative_score(small: Catalogue) -> None:
    advice = advise(small, pick="negative")
    assert advice.entry("ADV").score == -6
    assert [r.rule for r in advice.entry("AAA").reasons] == ["negative"]
    assert advice.entry("AAA").score == 1


def test_step_towards_not_given_to_what_is_held(small: Catalogue) -> None:
    advice = advise(small, pick="adv", held=["AAA"])  # ADV now blocked only by experience
    bonuses = [(x.code, r.weight) for x in advice.ranking for r in x.reasons if r.rule == "step-towards"]
    assert bonuses == []


def test_step_towards_on_the_bundled_catalogue(catalogue: Catalogue) -> None:
    advice = recommend(catalogue, with_defaults(catalogue, {
        "role": "scrum_master", "target": "scrum_master", "goal": "advance", "experience": "1_to_3"}))
    assert advice.entry("A-CSM").blocked == "needs CSM first"
    csm = advice.entry("CSM")
    assert any(r.rule == "step-towards" and r.text.startswith("It is the first step towards A-CSM")
               for r in csm.reasons)


def test_path_follows_leads_to_and_stops_at_a_missing_requirement(small: Catalogue) -> None:
    advice = advise(small, pick="score")
    assert advice.recommended == "AAA"
    assert [(s.code, s.when) for s in advice.path] == [
        ("AAA", "now"), ("ADV", "once you have 12 months as a Scrum Master (you have 0)")]
    assert advice.path[0].why == "AAA is the better fit."
    assert advice.path[1].why.startswith("It builds on AAA")


def test_path_of_a_course_lists_its_assessments(small: Catalogue) -> None:
    advice = advise(small, pick="course", held=["DDD"])
    assert [(s.code, s.when) for s in advice.path] == [("CRS", "now"), ("BBB", "right after the course")]
    assert advice.path[1].why == "The CRS course comes with an attempt at the BBB assessment."


def test_path_first_step_without_positive_reason(small: Catalogue) -> None:
    advice = advise(small, pick="nothing")
    assert advice.path[0] == Step("AAA", "now", "It fits your answers best among what you can take now.")
