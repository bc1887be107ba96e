"""The persona table (tests/personas_table.py) run through the recommender, plus the classes of advice
an expert checks beyond the pick: reasons that argue for the pick, objections shown, honest budgets,
months in the role, soft prerequisites, both tracks, "why not X".

Answers are completed with the interview's defaults exactly as ``scrumcert advise`` completes them.
"""

from __future__ import annotations

from typing import Any

import pytest

from scrumcert.answers import check, with_defaults
from scrumcert.catalogue.lint import named_codes
from scrumcert.catalogue.model import Catalogue
from scrumcert.recommender import Advice, implied_held, recommend
from scrumcert.why_not import alternatives
from tests.personas_table import PERSONAS, Persona, acceptable, expected_pick


def advise(catalogue: Catalogue, raw: dict[str, Any]) -> Advice:
    """What ``scrumcert advise`` computes for these answers (checked, then completed with defaults)."""
    return recommend(catalogue, with_defaults(catalogue, check(catalogue, raw, "persona")))


def has_reason(advice: Advice, code: str, wanted: str) -> bool:
    return any(r.rule == wanted or wanted in r.text for r in advice.entry(code).reasons)


def test_there_are_enough_personas() -> None:
    assert len(PERSONAS) >= 50
    assert len({p.id for p in PERSONAS}) == len(PERSONAS)


IDS = [p.id for p in PERSONAS]


@pytest.mark.parametrize("p", PERSONAS, ids=IDS)
def test_persona_pick_is_one_an_expert_accepts(catalogue: Catalogue, p: Persona) -> None:
    advice = advise(catalogue, p.answers)
    shown = [(r.code, r.score, r.fits_budget) for r in advice.ranking[:5]]
    assert advice.recommended in acceptable(catalogue, p), shown
    assert advice.recommended not in p.never, shown
    top = advice.entry(advice.recommended)
    assert top.eligible and top.score > 0, shown
    assert advice.path[0].code == advice.recommended and advice.path[0].when == "now"


@pytest.mark.parametrize("p", PERSONAS, ids=IDS)
def test_persona_expected_pick_with_its_reason(catalogue: Catalogue, p: Persona) -> None:
    """The expert's first choice, for the reason the expert gives."""
    advice = advise(catalogue, p.answers)
    expected = expected_pick(catalogue, p)
    assert advice.recommended == expected, [(r.code, r.score) for r in advice.ranking[:5]]
    if p.reason:
        assert has_reason(advice, expected, p.reason), advice.entry(expected).reasons


@pytest.mark.parametrize("p", [p for p in PERSONAS if p.against or p.note or p.path], ids=lambda p: p.id)
def test_persona_objections_notes_and_path(catalogue: Catalogue, p: Persona) -> None:
    advice = advise(catalogue, p.answers)
    if p.against:
        texts = [r.text for r in advice.entry(advice.recommended).against]
        assert any(p.against in t for t in texts), texts
    if p.note:
        assert any(p.note in n for n in advice.notes), advice.notes
    if p.path:
        got = [(s.code, s.when) for s in advice.path]
        at = 0
        for code, when in p.path:
            found = [i for i, (c, w) in enumerate(got) if i >= at and c == code and when in w]
            assert found, (code, when, got)
            at = found[0] + 1


@pytest.mark.parametrize("p", PERSONAS, ids=IDS)
def test_persona_reasons_argue_for_the_code_they_are_shown_with(catalogue: Catalogue, p: Persona) -> None:
    """No reason shown for a code names another certification, except what that code includes or
    builds on and what the person holds; none is shown that advises something held."""
    advice = advise(catalogue, p.answers)
    held = implied_held(catalogue, advice.answers["held"])
    for r in advice.ranking:
        if not r.eligible:
            continue
        c = catalogue.certifications[r.code]
        allowed = {r.code, *c.includes, *c.prerequisites.codes, *c.prerequisites.recommended, *held,
                   *advice.answers.get("lapsed", ()), *advice.answers.get("employer_asks", ())}
        for reason in (*r.reasons, *r.against):
            if reason.rule in ("step-towards", "advised-first"):
                continue
            assert set(named_codes(reason.text, catalogue.certifications)) <= allowed, (r.code, reason.text)
            assert "seed" not in reason.text.lower()
        assert all(x.weight > 0 for x in r.reasons) and all(x.weight < 0 for x in r.against)


@pytest.mark.parametrize("p", PERSONAS, ids=IDS)
def test_persona_never_gets_what_they_hold(catalogue: Catalogue, p: Persona) -> None:
    advice = advise(catalogue, p.answers)
    held = implied_held(catalogue, advice.answers["held"])
    lapsed = set(advice.answers.get("lapsed", ()))
    assert advice.recommended not in held | lapsed
    assert all(step.code not in held | lapsed for step in advice.path)
    for r in advice.ranking:
        if r.code in held:
            assert not r.eligible and r.blocked == "you already hold it"


@pytest.mark.parametrize("p", PERSONAS, ids=IDS)
def test_persona_alternatives_are_on_target_with_a_why_not(catalogue: Catalogue, p: Persona) -> None:
    advice = advise(catalogue, p.answers)
    alts = alternatives(catalogue, advice)
    assert len({a.code for a in alts}) == len(alts) and advice.recommended not in {a.code for a in alts}
    for a in alts:
        assert advice.entry(a.code).eligible
        assert a.why_not and advice.recommended in a.why_not


# --- the reproducers -------------------------------------------------------------------------------


def test_self_study_sm_on_250_is_told_why_psm_i_not_why_csm(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "new", "target": "scrum_master", "goal": "job",
                                "learning": "self_study", "budget_usd": 250})
    assert advice.recommended == "PSM-I"
    lead = advice.entry("PSM-I").reasons[0].text
    assert "PSM I" in lead and "CSM" not in lead and "seed" not in lead


def test_csm_holders_are_never_told_to_take_the_csm(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "scrum_master", "target": "scrum_master", "goal": "job",
                                "held": ["CSM"]})
    for r in advice.ranking:
        for reason in r.reasons:
            assert "advises the CSM" not in reason.text


def test_a_large_budget_keeps_the_pick_of_no_budget(catalogue: Catalogue) -> None:
    raw = {"role": "coach", "target": "both", "goal": "advance", "experience": "over_3",
           "held": ["CSM", "CSPO"], "months_as_sm": 36}
    without = advise(catalogue, raw)
    assert advise(catalogue, {**raw, "budget_usd": 4000}).recommended == without.recommended == "A-CSM"


@pytest.mark.parametrize("budget", [0, 150])
def test_nothing_fits_recommends_the_smallest_shortfall_and_says_what_is_free(
        catalogue: Catalogue, budget: int) -> None:
    advice = advise(catalogue, {"role": "new", "target": "scrum_master", "goal": "job",
                                "budget_usd": budget})
    assert advice.recommended == "PSM-I"
    note = advice.notes[0]
    assert f"${200 - budget:,} more" in note and "open assessments" in note and "Scrum Guide" in note


def test_an_unknown_price_is_not_over_budget(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "scrum_master", "target": "both", "goal": "team",
                                "budget_usd": 3000})
    assert advice.recommended == "PSMPO"
    assert advice.entry("PSMPO").fits_budget is None
    assert any("No source gives the price of PSMPO's course" in n for n in advice.notes)


def test_experience_in_another_role_does_not_count_for_the_advanced_level(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "developer", "target": "scrum_master", "goal": "job",
                                "experience": "over_3"})
    step = next(s for s in advice.path if s.code == "A-CSM")
    assert step.when == "once you have 12 months as a Scrum Master (you have 0)"
    assert step.months_needed == 12


def test_months_in_the_role_reach_the_professional_level(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "scrum_master", "target": "scrum_master", "goal": "advance",
                                "months_as_sm": 30, "held": ["A-CSM"]})
    assert advice.recommended == "CSP-SM"


def test_a_recommended_prerequisite_does_not_block_and_another_body_satisfies_it(
        catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "scrum_master", "target": "scrum_master", "goal": "advance",
                                "experience": "1_to_3", "held": ["CSM"], "exam": "exam",
                                "renewal": "lifetime"})
    assert advice.entry("PSM-II").eligible
    assert not [r for r in advice.entry("PSM-II").against if r.rule == "advised-first"]
    fresh = advise(catalogue, {"role": "new", "target": "scrum_master", "goal": "advance"})
    assert fresh.entry("PSM-II").eligible
    assert any(r.rule == "advised-first" and "PSM-I" in r.text for r in fresh.entry("PSM-II").against)


def test_preferences_weigh_only_the_target_track(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "new", "target": "scrum_master", "goal": "job",
                                "renewal": "lifetime", "learning": "self_study"})
    assert advice.entry("PSPO-I").score <= 0
    assert all(catalogue.certifications[a.code].roles for a in alternatives(catalogue, advice))
    assert "PSPO-I" not in {a.code for a in alternatives(catalogue, advice)}


def test_both_by_self_study_takes_the_other_track_second(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "new", "target": "both", "goal": "job", "learning": "self_study"})
    assert [s.code for s in advice.path][:2] == ["PSM-I", "PSPO-I"]


def test_scrum_org_levels_ii_and_iii_get_an_advisory_when(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "product_owner", "target": "product_owner", "goal": "job",
                                "renewal": "lifetime", "learning": "self_study"})
    steps = {s.code: s.when for s in advice.path}
    assert advice.recommended == "PSPO-I"
    assert "advised, not required" in steps["PSPO-II"]
    assert "essay" in steps["PSPO-III"]


def test_the_po_gate_says_how_many_months_are_missing(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "product_owner", "target": "product_owner", "goal": "advance",
                                "months_as_po": 4, "held": ["CSPO"]})
    step = next(s for s in advice.path if s.code == "A-CSPO")
    assert step.when == "once you have 12 months as a Product Owner (you have 4)"
    assert step.months_needed == 8


def test_lapsed_csm_counts_for_a_csm_and_is_not_recommended_again(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "scrum_master", "target": "scrum_master", "goal": "advance",
                                "months_as_sm": 18, "lapsed": ["CSM"]})
    assert advice.recommended == "A-CSM"
    assert not advice.entry("CSM").eligible and "expired" in advice.entry("CSM").blocked


@pytest.mark.parametrize("other", ["PMP", "CAPM", "PRINCE2", "SAFe Agilist", "ICP", "CSD", "PSK I", "ITIL"])
def test_well_known_credentials_outside_the_catalogue_are_accepted(catalogue: Catalogue, other: str) -> None:
    answers = check(catalogue, {"role": "new", "target": "scrum_master", "goal": "job", "held": [other]}, "p")
    assert len(answers["held"]) == 1
    assert recommend(catalogue, with_defaults(catalogue, answers)).recommended


def test_a_typo_of_a_catalogue_code_is_still_refused_with_a_hint(catalogue: Catalogue) -> None:
    from scrumcert.errors import ScrumcertError

    with pytest.raises(ScrumcertError, match="did you mean CSM"):
        check(catalogue, {"held": ["CSMM"]}, "p")


def test_months_default_to_the_experience_lower_bound_in_the_role_only(catalogue: Catalogue) -> None:
    sm = advise(catalogue, {"role": "scrum_master", "target": "both", "goal": "job", "experience": "over_3"})
    assert sm.answers["months_as_sm"] == 36 and sm.answers["months_as_po"] == 0
    dev = advise(catalogue, {"role": "developer", "target": "both", "goal": "job", "experience": "over_3"})
    assert dev.answers["months_as_sm"] == 0 and dev.answers["months_as_po"] == 0


def test_employer_asks_favours_what_the_ads_name_strongly_for_a_job(catalogue: Catalogue) -> None:
    job = advise(catalogue, {"role": "new", "target": "scrum_master", "goal": "job",
                             "employer_asks": ["PSM"]})
    skills = advise(catalogue, {"role": "new", "target": "scrum_master", "goal": "skills",
                                "employer_asks": ["PSM"]})
    gain_job = job.entry("PSM-I").score - advise(catalogue, {"role": "new", "target": "scrum_master",
                                                             "goal": "job"}).entry("PSM-I").score
    gain_skills = skills.entry("PSM-I").score - advise(catalogue, {"role": "new", "target": "scrum_master",
                                                                   "goal": "skills"}).entry("PSM-I").score
    assert gain_job > gain_skills > 0


def test_fit_words_replace_scores(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "new", "target": "scrum_master", "goal": "job"})
    assert advice.entry("CSM").fit == "strong fit"
    assert {r.fit for r in advice.ranking} <= {"strong fit", "good fit", "partial fit", "weak fit"}


def test_holding_everything_leaves_nothing_to_recommend(catalogue: Catalogue) -> None:
    advice = recommend(catalogue, with_defaults(catalogue, {
        "role": "coach", "target": "both", "goal": "skills", "held": tuple(catalogue.certifications)}))
    assert advice.recommended is None and advice.path == ()
    assert advice.notes == ("Nothing is left to recommend: you hold everything you are eligible for.",)


def test_an_unknown_credential_is_kept_and_said_to_change_nothing(catalogue: Catalogue) -> None:
    advice = advise(catalogue, {"role": "new", "target": "scrum_master", "goal": "job",
                                "held": ["Xyzzy Cert"]})
    assert advice.answers["held"] == ("XYZZY CERT",)
    assert advice.notes[-1] == ("XYZZY CERT: not in scrumcert's knowledge base; kept as you gave it, but it "
                                "does not change the advice.")
    assert advice.recommended == advise(catalogue, {"role": "new", "target": "scrum_master",
                                                    "goal": "job"}).recommended
