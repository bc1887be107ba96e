"""answers.gather: options over the answers file over the interview, and one parser for every answer
however it comes (an option, a file, a typed reply)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrumcert import answers
from scrumcert.catalogue.model import Catalogue
from scrumcert.errors import ScrumcertError

REQUIRED = {"role": "developer", "target": "scrum_master", "goal": "job"}


def test_options_win_over_the_file(catalogue: Catalogue, tmp_path: Path) -> None:
    file = tmp_path / "a.yaml"
    file.write_text("role: developer\ntarget: scrum_master\ngoal: job\nbudget_usd: 500\n", encoding="utf-8")
    got = answers.gather(catalogue, {"goal": "skills", "budget_usd": None}, file, can_ask=False)
    assert got.given == {"role": "developer", "target": "scrum_master", "goal": "skills", "budget_usd": 500}
    assert got.full["goal"] == "skills"
    assert got.full["exam"] == catalogue.questions["exam"].default  # unanswered: the default
    assert got.ads is None and got.asks == ()


def test_missing_answers_without_a_terminal_are_named(catalogue: Catalogue) -> None:
    with pytest.raises(ScrumcertError, match="these answers are missing: target, goal; give them as "
                                             "--target VALUE --goal VALUE or in --answers FILE"):
        answers.gather(catalogue, {"role": "developer"}, can_ask=False)


def test_held_dates_are_kept_for_saving(catalogue: Catalogue) -> None:
    got = answers.gather(catalogue, {**REQUIRED, "held": "pspo1@2025-03-01,CSM"}, can_ask=False)
    assert got.full["held"] == ("PSPO-I", "CSM")
    assert got.since["PSPO-I"].isoformat() == "2025-03-01"
    assert got.to_save()["held"] == ("PSPO-I@2025-03-01", "CSM")


@pytest.mark.parametrize("typed, value", [("1500", 1500), ("$1,500", 1500), (" 80 ", 80), ("", None)])
def test_one_parser_reads_a_budget_however_it_is_typed(catalogue: Catalogue, typed: str, value: int | None
                                                       ) -> None:
    q = catalogue.questions["budget_usd"]
    assert answers.problem(catalogue, q, typed) is None
    assert answers.parse(catalogue, q, typed) == value
    assert answers.check(catalogue, {"budget_usd": typed}, "file") == {"budget_usd": value}


@pytest.mark.parametrize("typed", ["²", "١٢", "abc", "-5", "1.5", "9" * 13])
def test_a_typed_budget_that_is_no_whole_number_is_refused_with_a_reason(catalogue: Catalogue, typed: str
                                                                         ) -> None:
    q = catalogue.questions["budget_usd"]
    reason = answers.problem(catalogue, q, typed)
    assert reason is not None and reason.startswith("'budget_usd' must be a whole number from 0 to ")
    with pytest.raises(ScrumcertError):
        answers.parse(catalogue, q, typed)


def test_the_interview_asks_only_what_options_and_file_left_open(catalogue: Catalogue) -> None:
    seen: list[dict[str, object]] = []

    def interview(cat: Catalogue, given: answers.Answers) -> answers.Answers:
        seen.append(dict(given))
        return {**given, "goal": answers.parse(cat, cat.questions["goal"], "team")}

    got = answers.gather(catalogue, {"role": "coach", "target": "both"}, ask=interview, can_ask=True)
    assert seen == [{"role": "coach", "target": "both"}]
    assert (got.full["role"], got.full["goal"]) == ("coach", "team")
    with pytest.raises(ScrumcertError, match="no terminal to ask on"):
        answers.gather(catalogue, {"role": "coach"}, ask=interview, can_ask=False)
