"""Property tests over answer combinations of the bundled questions: the ranking is complete and
deterministic, nothing held or ineligible is recommended, and the budget is respected when it can be."""

from __future__ import annotations

import itertools
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrumcert.answers import with_defaults
from scrumcert.catalogue.loader import load_catalogue
from scrumcert.catalogue.model import Catalogue
from scrumcert.costs import cost_now
from scrumcert.recommender import Advice, implied_held, recommend

# Hypothesis cannot take a function-scoped fixture; the bundled catalogue is immutable, load it once.
CATALOGUE = load_catalogue()
MONEY = ("region", "currency")  # how prices are shown and which prices are used: tests/test_money_cli.py
CHOICES = {q.id: q.values for q in CATALOGUE.questions.values() if q.type == "choice" and q.id not in MONEY}
CODES = tuple(CATALOGUE.certifications)
PRICES = sorted({p for p in (cost_now(c) for c in CATALOGUE.certifications.values()) if p is not None})
BUDGETS = sorted({0, 5000, *PRICES, *(p - 1 for p in PRICES), *range(1000, 5001, 500)})


def test_the_questions_are_the_documented_ones() -> None:
    assert CHOICES == {
        "role": ("new", "developer", "scrum_master", "product_owner", "manager", "coach", "business_analyst",
                 "project_manager"),
        "target": ("scrum_master", "product_owner", "both", "leadership", "developer", "coach",
                   "project_manager"),
        "goal": ("job", "skills", "team", "advance"),
        "experience": ("none", "under_1", "1_to_3", "over_3"),
        "framework": ("scrum", "safe", "kanban", "other", "unknown"),
        "exam": ("exam", "workshop", "either"),
        "renewal": ("lifetime", "either"),
        "learning": ("self_study", "live_course", "either"),
    }
    for qid in ("budget_usd", "months_as_sm", "months_as_po"):
        assert CATALOGUE.questions[qid].type == "integer"
    for qid in ("held", "lapsed", "employer_asks"):
        assert CATALOGUE.questions[qid].type == "codes"


answers_strategy = st.fixed_dictionaries({
    **{qid: st.sampled_from(values) for qid, values in CHOICES.items()},
    # hypothesis favours small integers: add the known prices (and their neighbours) and large budgets
    "budget_usd": st.none() | st.integers(min_value=0, max_value=5000) | st.sampled_from(BUDGETS),
    "held": st.lists(st.sampled_from(CODES), unique=True).map(tuple),
    "lapsed": st.lists(st.sampled_from(CODES), max_size=2, unique=True).map(tuple),
    "employer_asks": st.lists(st.sampled_from(CODES), max_size=2, unique=True).map(tuple),
    "months_as_sm": st.none() | st.integers(min_value=0, max_value=120),
    "months_as_po": st.none() | st.integers(min_value=0, max_value=120),
})


def check_invariants(catalogue: Catalogue, answers: dict[str, Any]) -> Advice:
    full = with_defaults(catalogue, answers)
    advice = recommend(catalogue, full)

    # complete: every certification exactly once
    codes = [r.code for r in advice.ranking]
    assert sorted(codes) == sorted(catalogue.certifications)
    assert len(codes) == len(set(codes))

    # deterministic
    again = recommend(catalogue, dict(full))
    assert again == advice

    held = implied_held(catalogue, full["held"])
    eligible = [r for r in advice.ranking if r.eligible]
    # eligible ones first; eligible == not blocked
    assert [r.eligible for r in advice.ranking] == sorted((r.eligible for r in advice.ranking), reverse=True)
    assert all((r.blocked is None) == r.eligible for r in advice.ranking)
    # what is held (or implied) is never eligible
    assert not any(r.code in held for r in eligible)

    if eligible:
        assert advice.recommended == eligible[0].code == advice.ranking[0].code
        assert advice.recommended not in held
        top = catalogue.certifications[advice.recommended]
        once = held | implied_held(catalogue, tuple(full.get("lapsed") or ()))  # an expired one counts
        assert all(p in once for p in top.prerequisites.codes)
        assert advice.path[0].code == advice.recommended
        assert all(s.code not in held for s in advice.path)
        assert len({s.code for s in advice.path}) == len(advice.path)
    else:
        assert advice.recommended is None
        assert advice.path == ()

    budget = full["budget_usd"]
    positive = [r for r in eligible if r.score > 0]
    if budget is not None:
        if any(r.fits_budget is not False for r in positive):
            top = advice.entry(advice.recommended)
            assert top.fits_budget is not False  # only a known price over the budget demotes
            assert not any(n.startswith("Nothing you are eligible for") for n in advice.notes)
        elif positive and any(r.cost_now is not None for r in positive):
            assert advice.notes[0].startswith(f"Nothing you are eligible for is known to fit a budget of "
                                              f"${budget:,}.")
            assert advice.entry(advice.recommended).score > 0
    else:
        assert all(r.fits_budget is None for r in advice.ranking)
    for r in advice.ranking:  # what is said for and against each code
        assert all(x.weight > 0 for x in r.reasons) and all(x.weight < 0 for x in r.against)
        assert "seed" not in " ".join(x.text.lower() for x in (*r.reasons, *r.against))
    return advice


@settings(max_examples=300, deadline=None)
@given(answers=answers_strategy)
def test_invariants_over_generated_answers(answers: dict[str, Any]) -> None:
    check_invariants(CATALOGUE, answers)


@settings(max_examples=300, deadline=None)
@given(answers=answers_strategy, data=st.data())
def test_permuting_answers_or_held_changes_nothing(answers: dict[str, Any], data: st.DataObject) -> None:
    full = with_defaults(CATALOGUE, answers)
    keys = data.draw(st.permutations(list(full)))
    held = data.draw(st.permutations(list(full["held"])))
    shuffled = {k: full[k] for k in keys} | {"held": tuple(held)}
    a, b = recommend(CATALOGUE, full), recommend(CATALOGUE, shuffled)
    assert (a.recommended, a.path, a.notes) == (b.recommended, b.path, b.notes)
    def rows(advice: Advice) -> list[tuple[str, int, bool]]:
        return [(r.code, r.score, r.eligible) for r in advice.ranking]

    assert rows(a) == rows(b)


@settings(max_examples=300, deadline=None)
@given(answers=answers_strategy, extra=st.sampled_from(CODES))
def test_holding_more_never_brings_back_what_was_held(answers: dict[str, Any], extra: str) -> None:
    more = {**answers, "held": tuple(dict.fromkeys((*answers["held"], extra)))}
    advice = recommend(CATALOGUE, with_defaults(CATALOGUE, more))
    assert advice.recommended != extra
    assert extra not in [s.code for s in advice.path]


def test_exhaustive_product_of_all_choices() -> None:
    """Every combination of the choice answers but the framework (no budget, nothing held):
    8*7*4*4*3*2*3 = 16128."""
    choices = {qid: values for qid, values in CHOICES.items() if qid != "framework"}
    combos = list(itertools.product(*choices.values()))
    assert len(combos) == 16128
    start = time.perf_counter()
    recommended: set[str] = set()
    for values in combos:
        advice = check_invariants(CATALOGUE, dict(zip(choices, values, strict=True)))
        assert advice.recommended is not None  # holding nothing, something is always eligible
        recommended.add(advice.recommended)
    elapsed = time.perf_counter() - start
    assert elapsed < 60, f"{elapsed:.1f} s for the exhaustive product"
    # the foundations of both big bodies and the PSMPO course all come out for someone
    assert {"CSM", "CSPO", "PSM-I", "PSPO-I", "PSMPO", "PAL-I", "PSD-I", "PMI-ACP"} <= recommended


MAX_PRICE = max(PRICES)


@settings(max_examples=300, deadline=None)
@given(answers=answers_strategy, low=st.integers(min_value=0, max_value=6000),
       more=st.integers(min_value=1, max_value=6000))
def test_raising_the_budget_never_lowers_the_picks_score(answers: dict[str, Any], low: int,
                                                        more: int) -> None:
    def score(budget: int) -> int | None:
        advice = recommend(CATALOGUE, with_defaults(CATALOGUE, {**answers, "budget_usd": budget}))
        return None if advice.recommended is None else advice.entry(advice.recommended).score

    before, after = score(low), score(low + more)
    assert (before is None) == (after is None)
    if before is not None:
        assert after >= before  # type: ignore[operator]


@settings(max_examples=300, deadline=None)
@given(answers=answers_strategy, above=st.integers(min_value=0, max_value=100_000))
def test_a_budget_above_every_known_price_gives_the_pick_of_no_budget(answers: dict[str, Any],
                                                                      above: int) -> None:
    free = recommend(CATALOGUE, with_defaults(CATALOGUE, {**answers, "budget_usd": None}))
    rich = recommend(CATALOGUE, with_defaults(CATALOGUE, {**answers, "budget_usd": MAX_PRICE + above}))
    assert rich.recommended == free.recommended
    assert [s.code for s in rich.path] == [s.code for s in free.path]


@settings(max_examples=200, deadline=None)
@given(answers=answers_strategy)
def test_path_months_needed_come_from_months_in_the_role(answers: dict[str, Any]) -> None:
    advice = recommend(CATALOGUE, with_defaults(CATALOGUE, answers))
    for step in advice.path:
        c = CATALOGUE.certifications[step.code]
        need = c.prerequisites.experience_months or 0
        assert 0 <= step.months_needed <= need
        if step.months_needed:
            assert f"(you have {need - step.months_needed})" in step.when


@pytest.mark.parametrize("budget", [0, 199, 200, 250, 800, 995])
def test_budget_boundaries_over_all_targets(budget: int) -> None:
    for role, target, goal in itertools.product(CHOICES["role"], CHOICES["target"], CHOICES["goal"]):
        check_invariants(CATALOGUE, {"role": role, "target": target, "goal": goal, "budget_usd": budget})
