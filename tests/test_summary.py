"""Titles that name the decision, answers in words, the advice's bottom line, and the command line
that repeats a run (checked by running it)."""

from __future__ import annotations

import json
import shlex

import pytest

from scrumcert.answers import with_defaults
from scrumcert.costs import cost_now_range, ownership
from scrumcert.recommender import recommend, with_months
from scrumcert.summary import (
    advice_bottom_line,
    advice_title,
    also_fits,
    answer_rows,
    command_line,
    compare_title,
    plan_title,
)

PEOPLE = [
    {"role": "scrum_master", "target": "product_owner", "goal": "job", "held": ("CSM",), "budget_usd": 1500},
    {"role": "new", "target": "scrum_master", "goal": "job", "renewal": "lifetime"},
    {"role": "manager", "target": "leadership", "goal": "skills", "experience": "over_3"},
]


@pytest.mark.parametrize("given", PEOPLE)
def test_the_command_line_repeats_the_run(run, catalogue, given) -> None:  # type: ignore[no-untyped-def]
    full = with_defaults(catalogue, given)
    line = command_line(catalogue, full)
    words = shlex.split(line)
    assert words[:2] == ["scrumcert", "advise"]
    result = run(*words[1:], "--format", "json")
    assert result.exit_code == 0, result.stderr
    again = json.loads(result.stdout)["answers"]
    assert again == {k: list(v) if isinstance(v, tuple) else v for k, v in with_months(full).items()}


def test_defaults_are_left_out_of_the_command_line(catalogue) -> None:  # type: ignore[no-untyped-def]
    line = command_line(catalogue, with_defaults(catalogue, PEOPLE[0]))
    assert "--exam" not in line and "--renewal" not in line
    assert "--held CSM" in line and "--budget-usd 1500" in line


def test_answers_in_words(catalogue) -> None:  # type: ignore[no-untyped-def]
    rows = dict(answer_rows(catalogue, with_defaults(catalogue, PEOPLE[0])))
    role = catalogue.questions["role"]
    assert rows[role.prompt] == next(c.label for c in role.choices if c.value == "scrum_master")
    assert rows[catalogue.questions["held"].prompt] == "CSM"
    assert rows[catalogue.questions["budget_usd"].prompt] == "1,500"


@pytest.mark.parametrize(("given", "shown"), [
    ({"budget_usd": 1500}, ["What is the most you can spend now, in US dollars?: 1,500"]),
    ({"currency": "INR", "budget": 25000}, ["What is the most you can spend now, in INR?: 25,000"]),
    ({}, ["What is the most you can spend now, in US dollars?: no limit"]),
])
def test_the_answers_show_one_budget_in_the_currency_given(catalogue, given, shown) -> None:  # type: ignore[no-untyped-def]
    person = {"role": "new", "target": "scrum_master", "goal": "job", **given}
    rows = answer_rows(catalogue, with_defaults(catalogue, person))
    assert [f"{q}: {a}" for q, a in rows if "spend" in q] == shown


def test_titles_name_the_decision(catalogue) -> None:  # type: ignore[no-untyped-def]
    full = with_defaults(catalogue, PEOPLE[0])
    title = advice_title(catalogue, full, "CSPO")
    assert title.startswith("Which certification next? CSPO") and "Scrum Master → Product Owner" in title
    certs = [catalogue.certifications[c] for c in ("CSM", "PSM-I")]
    assert compare_title(certs).startswith("CSM vs PSM-I")
    assert plan_title(1, 0, "team.csv") == "Training plan for 1 person (team.csv)"
    assert plan_title(5, 2, "team.csv") == "Training plan for 5 people in 2 teams (team.csv)"


@pytest.mark.parametrize("given", PEOPLE)
def test_the_bottom_line_of_an_advice(catalogue, given) -> None:  # type: ignore[no-untyped-def]
    advice = recommend(catalogue, with_defaults(catalogue, given))
    lines = advice_bottom_line(advice, catalogue, 3)
    pick = catalogue.certifications[advice.recommended]
    assert lines[0].startswith(f"Pick: {pick.code}, {pick.name}")
    best = next(r.text for r in advice.entry(pick.code).reasons if r.weight > 0)
    assert lines[1] == f"Main reason: {best}"
    cost = lines[-1]
    now = cost_now_range(pick)
    own = ownership(pick, 3)
    if now is None:  # e.g. PAL-I: no source that is not a content farm gives its fee
        assert cost == "Cost: unknown now; unknown over 3 years."
    else:
        assert cost.startswith(f"Cost: ${now[0]:,}")
        assert f"${own.high:,}" in cost and cost.endswith("over 3 years.")
    assert pick.code not in also_fits(advice)
    assert all(advice.entry(c).eligible for c in also_fits(advice))
