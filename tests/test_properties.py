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
        "role": ("new", "developer", "scrum_master", "product_owner", "manager", "coach"),
        "target": ("scrum_master", "product_owner", "both", "leadership"),
        "goal": ("job", "skills", "team", "advance"),
        "experience": ("none", "under_1", "1_to_3", "over_3"),
        "exam": ("exam", "workshop", "either"),
        "renewal": ("lifetime", "either"),
        "learning": ("self_study", "live_course", "either"),
    }
    assert CATALOGUE.questions["budget_usd"].type == "integer"
    assert CATALOGUE.questions["held"].type == "codes"


answers_strategy = st.fixed_dictionaries({
    **{qid: st.sampled_from(values) for qid, values in CHOICES.items()},
    # hypothesis favours small integers: add the known prices (and their neighbours) and large budgets
    "budget_usd": st.none() | st.integers(min_value=0, max_value=5000) | st.sampled_from(BUDGETS),
    "held": st.lists(st.sampled_from(CODES), unique=True).map(tuple),
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
        assert all(p in held for p in top.prerequisites.codes)
        assert advice.path[0].code == advice.recommended
        assert all(s.code not in held for s in advice.path)
        assert len({s.code for s in advice.path}) == len(advice.path)
    else:
        assert advice.recommended is None
        assert advice.path == ()

    budget = full["budget_usd"]
    if budget is not None:
        fits = [r for r in eligible if r.cost_now is not None and r.cost_now <= budget]
        if fits:
            chosen = cost_now(catalogue.certifications[advice.recommended])
            assert chosen is not None and chosen <= budget
            assert advice.entry(advice.recommended).fits_budget is True
            assert not any(n.startswith("Nothing eligible is known to fit") for n in advice.notes)
        elif eligible:
            assert f"Nothing eligible is known to fit a budget of ${budget:,}; the ranking ignores it." \
                in advice.notes
    else:
        assert all(r.fits_budget is None for r in advice.ranking)
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
    """Every combination of the choice answers (no budget, nothing held): 6*4*4*4*3*2*3 = 6912."""
    combos = list(itertools.product(*CHOICES.values()))
    assert len(combos) == 6912
    start = time.perf_counter()
    recommended: set[str] = set()
    for values in combos:
        advice = check_invariants(CATALOGUE, dict(zip(CHOICES, values, strict=True)))
        assert advice.recommended is not None  # holding nothing, something is always eligible
        recommended.add(advice.recommended)
    elapsed = time.perf_counter() - start
    assert elapsed < 30, f"{elapsed:.1f} s for the exhaustive product"
    # the foundations of both big bodies and the PSMPO course all come out for someone
    assert {"CSM", "CSPO", "PSM-I", "PSPO-I", "PSMPO", "PAL-I"} <= recommended


@pytest.mark.parametrize("budget", [0, 199, 200, 250, 800, 995])
def test_budget_boundaries_over_all_targets(budget: int) -> None:
    for role, target, goal in itertools.product(CHOICES["role"], CHOICES["target"], CHOICES["goal"]):
        check_invariants(CATALOGUE, {"role": role, "target": target, "goal": goal, "budget_usd": budget})
