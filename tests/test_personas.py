"""Realistic personas from the seed advice (shared/cert-facts.md sections 1 and 4), table-driven.

Each persona gives the answers a real person would give, the certification the seed advice points
to, and a rule id (or a piece of reason text) that must be among the reasons of the recommendation,
so that the advice is right *for the right reason*. Answers are completed with the interview's
defaults exactly as ``scrumcert advise`` completes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from scrumcert.answers import check, with_defaults
from scrumcert.catalogue.model import Catalogue
from scrumcert.costs import cost_now
from scrumcert.recommender import Advice, implied_held, recommend


@dataclass(frozen=True)
class Persona:
    id: str
    answers: dict[str, Any]
    expected: str  # the code the seed advice points to
    reason: str  # a rule id, or a piece of reason text, expected among the recommendation's reasons


PERSONAS = [
    # --- S13: "If there is a ScrumMaster role that you are vying for, it makes more sense to get your CSM."
    Persona("S13-new-vying-for-sm-role-wants-recognised-credential",
            {"role": "new", "target": "scrum_master", "goal": "job"}, "CSM", "target-sm-foundation"),
    Persona("S13-developer-vying-for-sm-role",
            {"role": "developer", "target": "scrum_master", "goal": "job"}, "CSM", "target-sm-foundation"),
    Persona("S13-new-sm-in-a-live-course",
            {"role": "new", "target": "scrum_master", "goal": "job", "learning": "live_course"},
            "CSM", "live-course"),
    Persona("S13-new-sm-wants-lifetime-credential",
            {"role": "new", "target": "scrum_master", "goal": "job", "renewal": "lifetime"},
            "PSM-I", "wants-lifetime"),
    Persona("S13-new-sm-self-study",
            {"role": "new", "target": "scrum_master", "goal": "job", "learning": "self_study"},
            "PSM-I", "self-study"),
    # --- S13: "... or maybe you want to spend some time experiencing the other side, go with the CSPO"
    Persona("S13-sm-tries-the-other-side-for-a-job",
            {"role": "scrum_master", "target": "product_owner", "goal": "job"},
            "CSPO", "sm-tries-other-side"),
    Persona("S13-sm-tries-the-other-side-to-learn-it",
            {"role": "scrum_master", "target": "product_owner", "goal": "skills", "experience": "1_to_3"},
            "CSPO", "sm-tries-other-side"),
    # --- S16: CSPO for people taking on product direction; CSM also for leaders; future coaches take both
    Persona("S16-new-po-taking-on-product-direction",
            {"role": "new", "target": "product_owner", "goal": "skills"}, "CSPO", "target-po-foundation"),
    Persona("S16-new-po-wants-recognised-credential",
            {"role": "new", "target": "product_owner", "goal": "job"}, "CSPO", "target-po-foundation"),
    Persona("S16-future-coach-both-sides",
            {"role": "coach", "target": "both", "goal": "skills"}, "PSMPO", "coach-takes-both"),
    Persona("S16-coach-vying-for-sm-role",
            {"role": "coach", "target": "scrum_master", "goal": "job"}, "CSM", "coach-takes-both"),
    Persona("S16-manager-leading-several-teams",
            {"role": "manager", "target": "leadership", "goal": "job"}, "PAL-I", "target-leadership"),
    Persona("S16-manager-leading-learns-the-job",
            {"role": "manager", "target": "leadership", "goal": "skills", "experience": "over_3"},
            "PAL-I", "manager-leads"),
    # --- S8-S11: PSMPO, for Scrum Masters and Product Owners who learn together (same team)
    Persona("S11-sm-and-po-of-one-team-learn-together",
            {"role": "scrum_master", "target": "both", "goal": "team"}, "PSMPO", "team-learns-together"),
    Persona("S11-po-joins-her-sm-in-the-psmpo",
            {"role": "product_owner", "target": "both", "goal": "team", "experience": "under_1"},
            "PSMPO", "designed for Scrum Masters and Product Owners to learn together"),
    Persona("S11-developer-of-the-same-team",
            {"role": "developer", "target": "both", "goal": "team"}, "PSMPO", "target-both-psmpo"),
    Persona("S9-sm-holding-psm-i-still-gets-the-psmpo-for-pspo-i",
            {"role": "scrum_master", "target": "both", "goal": "team", "held": ["PSM I"]},
            "PSMPO", "team-learns-together"),
    Persona("S9-holding-both-psmpo-assessments-moves-on-to-level-ii",
            {"role": "scrum_master", "target": "both", "goal": "team", "held": ["PSM I", "PSPO I"]},
            "PSM-II", "next-after-psm"),
    # --- S1/S3: CSPO is a workshop without exam; PSPO I is a lifetime self-study assessment
    Persona("S1-po-prefers-a-workshop-without-exam",
            {"role": "product_owner", "target": "product_owner", "goal": "job", "exam": "workshop"},
            "CSPO", "the CSPO is earned by taking part in a two-day workshop"),
    Persona("S3-self-study-lifetime-minded-po",
            {"role": "product_owner", "target": "product_owner", "goal": "job", "renewal": "lifetime",
             "learning": "self_study"}, "PSPO-I", "self-study"),
    Persona("S1-sm-wants-po-side-but-with-an-exam",
            {"role": "scrum_master", "target": "product_owner", "goal": "job", "exam": "exam"},
            "PSPO-I", "wants-exam"),
    # --- section 4: career paths (next steps on the track already started)
    Persona("S5-po-holding-pspo-i-advances-with-1-3-years",
            {"role": "product_owner", "target": "product_owner", "goal": "advance", "experience": "1_to_3",
             "held": ["PSPO-I"]}, "PSPO-II", "next-after-pspo"),
    Persona("path-sm-holding-csm-advances-with-1-3-years",
            {"role": "scrum_master", "target": "scrum_master", "goal": "advance", "experience": "1_to_3",
             "held": ["CSM"]}, "A-CSM", "next-after-csm"),
    Persona("path-sm-holding-csm-prefers-workshops-advances",
            {"role": "scrum_master", "target": "scrum_master", "goal": "advance", "experience": "1_to_3",
             "exam": "workshop", "held": ["CSM"]}, "A-CSM", "next-after-csm"),
    Persona("path-sm-holding-psm-i-advances-with-1-3-years",
            {"role": "scrum_master", "target": "scrum_master", "goal": "advance", "experience": "1_to_3",
             "held": ["PSM-I"]}, "PSM-II", "next-after-psm"),
    Persona("path-po-holding-cspo-advances-with-1-3-years",
            {"role": "product_owner", "target": "product_owner", "goal": "advance", "experience": "1_to_3",
             "held": ["CSPO"]}, "A-CSPO", "next-after-cspo"),
    Persona("path-sm-without-foundation-wants-to-advance",
            {"role": "scrum_master", "target": "scrum_master", "goal": "advance", "experience": "1_to_3"},
            "CSM", "A first step towards A-CSM"),
    Persona("path-veteran-sm-holding-a-csm-goes-for-csp-sm",
            {"role": "scrum_master", "target": "scrum_master", "goal": "advance", "experience": "over_3",
             "held": ["A-CSM"]}, "CSP-SM", "next-after-advanced-sm"),
    Persona("path-veteran-po-holding-a-cspo-goes-for-csp-po",
            {"role": "product_owner", "target": "product_owner", "goal": "advance", "experience": "over_3",
             "held": ["A-CSPO"]}, "CSP-PO", "next-after-advanced-po"),
    # --- budget: the top recommendation fits it when anything eligible does
    Persona("budget-250-new-po",
            {"role": "new", "target": "product_owner", "goal": "job", "budget_usd": 250},
            "PSPO-I", "target-po-foundation"),
    Persona("budget-250-workshop-po-cannot-afford-the-cspo",
            {"role": "product_owner", "target": "product_owner", "goal": "job", "exam": "workshop",
             "budget_usd": 250}, "PSPO-I", "target-po-foundation"),
    Persona("budget-250-sm-in-a-live-course-exactly-affords-the-csm",
            {"role": "new", "target": "scrum_master", "goal": "job", "learning": "live_course",
             "budget_usd": 250}, "CSM", "target-sm-foundation"),
    # --- someone holding a whole track
    Persona("S13-veteran-holding-the-whole-sm-track-tries-the-other-side",
            {"role": "scrum_master", "target": "product_owner", "goal": "skills", "experience": "over_3",
             "held": ["CSP-SM", "PSM III", "SAFe SSM"]}, "CSPO", "sm-tries-other-side"),
]


@pytest.mark.parametrize(("raw", "unpriced"), [
    ({"role": "scrum_master", "target": "both", "goal": "team", "budget_usd": 3000}, "PSMPO"),
    ({"role": "scrum_master", "target": "scrum_master", "goal": "advance", "experience": "1_to_3",
      "held": ["CSM"], "budget_usd": 5000}, "A-CSM"),
])
def test_a_budget_keeps_unpriced_best_fits_out_of_the_top_and_says_so(
        catalogue: Catalogue, raw: dict[str, Any], unpriced: str) -> None:
    """The budget rule is literal: a price no source gives cannot be shown to fit, so a priced
    certification within budget comes first, and a note names the better fit to ask trainers about."""
    advice = advise(catalogue, raw)
    top = advice.entry(advice.recommended)
    assert top.cost_now is not None and top.cost_now <= raw["budget_usd"]
    assert advice.entry(unpriced).eligible and advice.entry(unpriced).cost_now is None
    assert advice.entry(unpriced).score > top.score
    assert any(n.startswith(f"{unpriced} fits your answers best") and "no source gives its price" in n
               for n in advice.notes)


def advise(catalogue: Catalogue, raw: dict[str, Any]) -> Advice:
    """What ``scrumcert advise`` computes for these answers (checked, then completed with defaults)."""
    return recommend(catalogue, with_defaults(catalogue, check(catalogue, raw, "persona")))


def has_reason(advice: Advice, code: str, wanted: str) -> bool:
    return any(r.rule == wanted or wanted in r.text for r in advice.entry(code).reasons)


def test_there_are_enough_personas() -> None:
    assert len(PERSONAS) >= 14
    assert len({p.id for p in PERSONAS}) == len(PERSONAS)


@pytest.mark.parametrize("p", PERSONAS, ids=[p.id for p in PERSONAS])
def test_persona(catalogue: Catalogue, p: Persona) -> None:
    advice = advise(catalogue, p.answers)
    expected, reason = p.expected, p.reason
    assert advice.recommended == expected, [(r.code, r.score) for r in advice.ranking[:4]]
    top = advice.entry(expected)
    assert top.eligible and top.blocked is None
    assert top.score > 0
    assert has_reason(advice, expected, reason), [(r.rule, r.text) for r in top.reasons]
    assert advice.path[0].code == expected
    assert advice.path[0].when == "now"


@pytest.mark.parametrize("p", PERSONAS, ids=[p.id for p in PERSONAS])
def test_persona_never_gets_what_they_hold(catalogue: Catalogue, p: Persona) -> None:
    advice = advise(catalogue, p.answers)
    held = implied_held(catalogue, advice.answers["held"])
    assert advice.recommended not in held
    assert all(step.code not in held for step in advice.path)
    for r in advice.ranking:
        if r.code in held:
            assert not r.eligible
            assert r.blocked == "you already hold it"


# --- paths (section 4 of the fact sheet) ----------------------------------------------------------------


def steps(advice: Advice) -> list[tuple[str, str]]:
    return [(s.code, s.when) for s in advice.path]


def test_path_new_po_cspo_then_advanced_once_experienced(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "new", "target": "product_owner", "goal": "skills"})
    assert steps(advice) == [
        ("CSPO", "now"),
        ("A-CSPO", "once you have 12 months in the role (you have: none)"),
        ("CSP-PO", "once you have 24 months in the role (you have: none)"),
    ]
    assert advice.path[1].why.startswith("It builds on CSPO: the next level of the same track.")
    assert advice.path[2].why.startswith("It builds on A-CSPO")


def test_path_po_with_under_a_year_waits_for_12_months(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "product_owner", "target": "product_owner", "goal": "skills",
                                "experience": "under_1"})
    assert steps(advice)[:2] == [
        ("CSPO", "now"),
        ("A-CSPO", "once you have 12 months in the role (you have: under 1)"),
    ]


def test_path_csm_in_a_live_course(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "new", "target": "scrum_master", "goal": "job",
                                "learning": "live_course"})
    assert steps(advice) == [
        ("CSM", "now"),
        ("A-CSM", "once you have 12 months in the role (you have: none)"),
        ("CSP-SM", "once you have 24 months in the role (you have: none)"),
    ]


def test_path_a_csm_with_1_to_3_years_then_csp_sm_later(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "scrum_master", "target": "scrum_master", "goal": "advance",
                                "experience": "1_to_3", "exam": "workshop", "held": ["CSM"]})
    assert steps(advice) == [
        ("A-CSM", "now"),
        ("CSP-SM", "once you have 24 months in the role (you have: 1 to 3)"),
    ]


def test_path_self_study_po_pspo_i_ii_iii(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "product_owner", "target": "product_owner", "goal": "job",
                                "renewal": "lifetime", "learning": "self_study"})
    assert steps(advice) == [
        ("PSPO-I", "now"),
        ("PSPO-II", "next, when you are ready"),
        ("PSPO-III", "next, when you are ready"),
    ]


def test_path_pspo_i_holder_goes_to_pspo_ii(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "product_owner", "target": "product_owner", "goal": "advance",
                                "experience": "1_to_3", "held": ["PSPO-I"]})
    assert steps(advice) == [("PSPO-II", "now"), ("PSPO-III", "next, when you are ready")]


def test_path_psmpo_gives_both_assessments_right_after_the_course(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "scrum_master", "target": "both", "goal": "team"})
    assert steps(advice)[:3] == [
        ("PSMPO", "now"),
        ("PSM-I", "right after the course"),
        ("PSPO-I", "right after the course"),
    ]
    assert advice.path[1].why == "The PSMPO course comes with an attempt at the PSM-I assessment."
    # section 4: PSMPO -> PSM I + PSPO I -> PSM II / PSPO II
    assert len(advice.path) >= 4
    assert advice.path[3].code in {"PSM-II", "PSPO-II"}
    assert advice.path[3].when == "next, when you are ready"


def test_path_psmpo_skips_the_assessment_already_held(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "scrum_master", "target": "both", "goal": "team", "held": ["PSM-I"]})
    assert steps(advice)[:2] == [("PSMPO", "now"), ("PSPO-I", "right after the course")]
    assert "PSM-I" not in [s.code for s in advice.path]


def test_path_without_foundation_starts_with_the_prerequisite(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "scrum_master", "target": "scrum_master", "goal": "advance",
                                "experience": "1_to_3"})
    first, second = advice.path[0], advice.path[1]
    advanced = catalogue.certifications[second.code]
    assert first.when == "now"
    assert catalogue.certifications[first.code].level == "foundation"
    assert advanced.level != "foundation"
    assert first.code in (*advanced.prerequisites.codes, *advanced.prerequisites.recommended)
    blocked = advice.entry(second.code)
    assert not blocked.eligible


def test_path_leader_is_a_single_step(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "manager", "target": "leadership", "goal": "job"})
    assert steps(advice) == [("PAL-I", "now")]


# --- budget and holdings, as personas see them ------------------------------------------------------------


def test_budget_persona_top_pick_fits_and_says_so(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "product_owner", "target": "product_owner", "goal": "job",
                                "exam": "workshop", "budget_usd": 250})
    top = advice.entry(advice.recommended)
    assert top.cost_now is not None and top.cost_now <= 250
    assert top.fits_budget is True
    assert advice.entry("CSPO").fits_budget is False
    # the literal budget rule: the best fit, over budget, is named, not recommended
    assert advice.notes == ("CSPO fits your answers best (+8), but costs from $800, over your budget "
                            "of $250.",)


def test_budget_nothing_fits_is_said_and_ignored(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "new", "target": "product_owner", "goal": "skills",
                                "budget_usd": 100})
    cheapest = min(cost_now(c) for c in catalogue.certifications.values() if cost_now(c) is not None)
    assert cheapest > 100
    assert advice.recommended == "CSPO"
    assert advice.notes == ("Nothing eligible is known to fit a budget of $100; the ranking ignores it.",)


def test_holding_the_whole_sm_track_blocks_all_of_it(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "scrum_master", "target": "scrum_master", "goal": "job",
                                "held": ["CSP-SM", "PSM III", "SAFe SSM"]})
    track = ["CSM", "A-CSM", "CSP-SM", "PSM-I", "PSM-II", "PSM-III", "SAFE-SSM"]
    for code in track:
        assert advice.entry(code).blocked == "you already hold it"
    assert advice.entry("PSM-COURSE").blocked == "you already hold everything it leads to (PSM-I)"
    assert advice.recommended not in track


def test_holding_everything_leaves_nothing_to_recommend(catalogue: Catalogue) -> None:
    advice = recommend(catalogue, with_defaults(catalogue, {
        "role": "coach", "target": "both", "goal": "skills", "held": tuple(catalogue.certifications)}))
    assert advice.recommended is None
    assert advice.path == ()
    assert advice.notes == ("Nothing is left to recommend: you hold everything you are eligible for.",)
    assert not any(r.eligible for r in advice.ranking)


# --- the recommendation serves the role the person wants to grow into ------------------------------------
# How someone likes to learn (a workshop, a live course) must not outweigh where they want to go: S16 says
# the CSM (or, for leaders, PAL I) serves leaders, and S13 the CSM serves a future Scrum Master.


@pytest.mark.parametrize(("answers", "role", "reason"), [
    pytest.param({"role": "manager", "target": "leadership", "goal": "job", "exam": "workshop"},
                 "leader", "target-leadership", id="S16-manager-leading-teams-prefers-workshops"),
    pytest.param({"role": "scrum_master", "target": "leadership", "goal": "job", "exam": "workshop"},
                 "leader", "target-leadership", id="S16-sm-growing-into-leadership-prefers-workshops"),
    pytest.param({"role": "new", "target": "scrum_master", "goal": "skills", "exam": "workshop",
                  "renewal": "lifetime", "learning": "live_course"},
                 "scrum_master", None, id="S13-future-sm-lifetime-workshop-live-course"),
    pytest.param({"role": "manager", "target": "leadership", "goal": "job"},
                 "leader", "target-leadership", id="S16-manager-leading-teams"),
    pytest.param({"role": "developer", "target": "scrum_master", "goal": "skills", "exam": "workshop"},
                 "scrum_master", "target-sm-foundation", id="S13-developer-to-sm-prefers-workshops"),
    pytest.param({"role": "scrum_master", "target": "product_owner", "goal": "skills", "exam": "exam",
                  "renewal": "lifetime"},
                 "product_owner", "target-po-foundation", id="S13-sm-to-po-lifetime-exam"),
])
def test_recommendation_serves_the_role_aimed_at(catalogue: Catalogue, answers: dict[str, Any], role: str,
                                                 reason: str | None) -> None:
    advice = advise(catalogue, answers)
    top = catalogue.certifications[advice.recommended]
    assert role in top.roles, (advice.recommended, [(r.code, r.score) for r in advice.ranking[:4]])
    if reason:
        assert has_reason(advice, top.code, reason)
