"""The real interactive interview of `scrumcert advise`, driven in a pseudo-terminal with pexpect:
questionary/prompt_toolkit read the keys exactly as from a person at a terminal.

prompt_toolkit asks the terminal where the cursor is (ESC [6n) before it draws each question and
waits about a second for the answer; a real terminal answers at once, so the helper answers too.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from scrumcert.errors import ExitStatus

pexpect = pytest.importorskip("pexpect")

REPO = Path(__file__).resolve().parent.parent


def _data(name: str) -> Any:
    return yaml.safe_load((REPO / "data" / name).read_text("utf-8"))


QUESTIONS = {q["id"]: q for q in _data("questions.yaml")["questions"]}
CODES = [c["code"] for c in _data("certifications.yaml")["certifications"]]  # the checkbox order

DOWN, ENTER, SPACE, BACKSPACE = "\x1b[B", "\r", " ", "\x7f"
CTRL_C, CTRL_D = "\x03", "\x04"
CPR_REQUEST, CPR_ANSWER = "\x1b[6n", "\x1b[1;1R"
TIMEOUT = 20

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")


class Terminal:
    """One `scrumcert advise` in a pseudo-terminal."""

    def __init__(self, child: Any) -> None:
        self.child = child
        self.log = io.StringIO()
        child.logfile_read = self.log

    def output(self) -> str:
        """Everything the program has printed so far."""
        return self.log.getvalue()

    def wait_for(self, pattern: str | re.Pattern[str], timeout: float = TIMEOUT) -> None:
        """Read until the text (or regex) appears, answering cursor-position requests on the way."""
        wanted = pattern if isinstance(pattern, re.Pattern) else re.compile(re.escape(pattern))
        while self.child.expect([re.compile(re.escape(CPR_REQUEST)), wanted], timeout=timeout) == 0:
            self.child.send(CPR_ANSWER)

    def question(self, qid: str, currency: str = "USD") -> None:
        self.wait_for(QUESTIONS[qid]["prompt"].replace("{currency}", currency))

    def choose(self, qid: str, value: str) -> None:
        """Wait for a choice question and move from its default to ``value`` with the down arrow."""
        q = QUESTIONS[qid]
        values = [c["value"] for c in q["choices"]]
        start = values.index(q["default"]) if q.get("default") else 0
        self.question(qid)
        self.child.send(DOWN * ((values.index(value) - start) % len(values)) + ENTER)

    def finish(self) -> str:
        """Read to the end; return everything printed after the last wait."""
        self.child.expect(pexpect.EOF, timeout=TIMEOUT)
        rest = self.child.before
        self.child.close()
        return rest


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Any]:
    children: list[Any] = []

    def spawn(*args: str) -> Terminal:
        env = {k: v for k, v in os.environ.items()
               if k not in ("NO_COLOR", "SCRUMCERT_DATA", "SCRUMCERT_CURRENCY")}
        env.update(COLUMNS="100", LINES="40", TERM="xterm")
        child = pexpect.spawn(sys.executable, ["-m", "scrumcert", "advise", *args], env=env,
                              cwd=str(tmp_path), encoding="utf-8", timeout=TIMEOUT, dimensions=(40, 100))
        children.append(child)
        return Terminal(child)

    yield spawn
    for child in children:  # never leave a child behind, even when a test fails half-way
        if child.isalive():
            child.terminate(force=True)


def skip(term: Terminal, *qids: str) -> None:
    """Keep the default of each question (an empty number, no code ticked)."""
    for qid in qids:
        term.question(qid)
        term.child.send(ENTER)


def recommended(term: Terminal) -> str:
    term.wait_for(re.compile(r"Pick: ([A-Z][A-Z0-9-]*)"))
    return term.child.match.group(1)


def test_interview_sm_wanting_the_po_side(terminal: Any, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    term = terminal("--save-answers", str(saved))
    term.choose("role", "scrum_master")
    term.choose("target", "product_owner")
    term.choose("goal", "job")
    # months as a Product Owner are asked (the target is PO), months as a Scrum Master are not
    skip(term, "experience", "months_as_po", "framework", "employer_asks", "exam", "renewal", "learning",
         "region")
    term.question("budget")  # in US dollars: the region is anywhere
    term.child.send("1000" + ENTER)
    skip(term, "held", "lapsed")
    assert recommended(term) == "CSPO"
    rest = term.finish()
    assert "A-CSPO" in rest  # the path goes on to the advanced credential
    assert "Traceback" not in rest
    assert term.child.exitstatus == 0
    assert yaml.safe_load(saved.read_text("utf-8")) == {
        "role": "scrum_master", "target": "product_owner", "goal": "job", "experience": "none",
        "months_as_po": None, "framework": "unknown", "employer_asks": [], "exam": "either",
        "renewal": "either", "learning": "either", "region": "any", "budget": 1000, "held": [], "lapsed": []}
    assert QUESTIONS["months_as_sm"]["prompt"] not in term.output()


def test_interview_po_holding_pspo_i_with_ticked_box_and_corrected_budget(terminal: Any, tmp_path: Path
                                                                           ) -> None:
    saved = tmp_path / "answers.json"
    term = terminal("--save-answers", str(saved))
    term.choose("role", "product_owner")
    term.choose("target", "product_owner")
    term.choose("goal", "advance")
    term.choose("experience", "1_to_3")
    term.question("months_as_po")
    term.child.send("18" + ENTER)
    skip(term, "framework")  # no job ads asked about: the goal is not a job
    term.choose("exam", "either")
    term.choose("renewal", "lifetime")  # wraps round from the default (the last choice)
    term.choose("learning", "self_study")
    term.choose("region", "any")
    term.question("budget")
    term.child.send("abc" + ENTER)  # refused: the interview says why and stays on the question
    term.wait_for("'budget' must be a whole number")
    term.child.send(BACKSPACE * 3 + "²" + ENTER)  # a digit to Python, not a number: refused, no traceback
    term.wait_for("²'")  # the refusal quotes it (redrawn in pieces, so only its end is matched)
    term.child.send(BACKSPACE + "$1,500" + ENTER)  # the same parser as --budget-usd and answers files
    term.question("held")
    term.child.send(DOWN * CODES.index("PSPO-I") + SPACE + ENTER)
    skip(term, "lapsed")
    assert recommended(term) == "PSPO-II"
    rest = term.finish()
    assert "PSPO-III" in rest
    assert term.child.exitstatus == 0
    assert json.loads(saved.read_text("utf-8")) == {
        "role": "product_owner", "target": "product_owner", "goal": "advance", "experience": "1_to_3",
        "months_as_po": 18, "framework": "unknown", "exam": "either", "renewal": "lifetime",
        "learning": "self_study", "region": "any", "budget": 1500, "held": ["PSPO-I"], "lapsed": []}


def test_answers_given_as_options_are_not_asked_again(terminal: Any) -> None:
    term = terminal("--role", "coach", "--target", "both", "--experience", "over_3")
    term.choose("goal", "skills")
    term.question("months_as_sm")  # experience was given: the interview goes straight to the next one
    term.child.send(ENTER)
    skip(term, "months_as_po", "framework", "exam", "renewal", "learning", "region", "budget", "held",
         "lapsed")
    assert recommended(term) == "PSMPO"
    term.finish()
    out = term.output()
    for qid in ("role", "target", "experience"):
        assert QUESTIONS[qid]["prompt"] not in out
    assert term.child.exitstatus == 0


def test_no_question_when_the_required_answers_are_given(terminal: Any) -> None:
    term = terminal("--role", "scrum_master", "--target", "both", "--goal", "team")
    assert recommended(term) == "PSMPO"
    term.finish()
    assert not any(q["prompt"] in term.output() for q in QUESTIONS.values())
    assert term.child.exitstatus == 0


def test_ctrl_c_at_the_first_question_cancels(terminal: Any, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    term = terminal("--save-answers", str(saved))
    term.question("role")
    term.child.send(CTRL_C)
    rest = term.finish()
    assert rest.strip().endswith("scrumcert: error: cancelled")
    assert rest.count("cancelled") == 1
    assert "Traceback" not in term.output()
    assert "Pick:" not in term.output()
    assert term.child.exitstatus == ExitStatus.CANCELLED
    assert term.child.signalstatus is None
    assert not saved.exists()  # nothing half-written
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_half_way_cancels(terminal: Any, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    term = terminal("--save-answers", str(saved))
    term.choose("role", "developer")
    term.choose("target", "both")
    term.question("goal")
    term.child.send(CTRL_C)
    rest = term.finish()
    assert rest.strip().endswith("scrumcert: error: cancelled")
    assert "Traceback" not in term.output()
    assert term.child.exitstatus == ExitStatus.CANCELLED
    assert not saved.exists()


def test_end_of_input_at_the_budget_question_cancels(terminal: Any, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    term = terminal("--role", "new", "--save-answers", str(saved))
    term.choose("target", "both")
    term.choose("goal", "job")
    skip(term, "experience", "framework", "employer_asks", "exam", "renewal",
         "learning", "region")
    term.question("budget")
    term.child.send(CTRL_D)
    rest = term.finish()
    assert rest.strip().endswith("scrumcert: error: cancelled")
    assert "Traceback" not in term.output()
    assert term.child.exitstatus == ExitStatus.CANCELLED
    assert not saved.exists()


@pytest.mark.parametrize("where", ["role", "held"])
def test_end_of_input_at_a_list_question_cancels(terminal: Any, tmp_path: Path, where: str) -> None:
    """Ctrl-D at a select (role) or checkbox (held) question ends the interview like Ctrl-C."""
    saved = tmp_path / "answers.yaml"
    term = terminal("--target", "both", "--goal", "job", "--experience", "none", "--exam", "either",
                    "--renewal", "either", "--learning", "either", "--budget-usd", "100", "--region", "any",
                    "--save-answers", str(saved))
    if where == "held":
        term.choose("role", "coach")
        skip(term, "months_as_sm", "months_as_po", "framework", "employer_asks")
    term.question(where)
    term.child.send(CTRL_D)
    rest = term.finish()
    assert rest.strip().endswith("scrumcert: error: cancelled")
    assert "Traceback" not in term.output()
    assert "Pick:" not in term.output()
    assert term.child.exitstatus == ExitStatus.CANCELLED
    assert not saved.exists()


# --- real signals (red team F13, F14) ---------------------------------------------------------------

def _terminal_modes(term: Terminal) -> tuple[bool, bool, bool]:
    """ECHO, ICANON and ISIG of the pseudo-terminal as the program left it."""
    import termios

    lflag = termios.tcgetattr(term.child.child_fd)[3]
    return bool(lflag & termios.ECHO), bool(lflag & termios.ICANON), bool(lflag & termios.ISIG)


@pytest.mark.parametrize("where", ["role", "budget", "held"])  # a select, a text and a checkbox prompt
@pytest.mark.parametrize("signum, status", [(2, ExitStatus.CANCELLED), (15, ExitStatus.TERMINATED),
                                            (1, ExitStatus.HANGUP)])
def test_a_signal_during_the_interview_cancels_and_restores_the_terminal(
        terminal: Any, tmp_path: Path, where: str, signum: int, status: int) -> None:
    """kill -INT / -TERM / -HUP while a question is shown: "cancelled", the terminal back in line mode
    with echo, exit 130 / 143 / 129, nothing written (a SIGINT signal used to be swallowed)."""
    saved = tmp_path / "answers.yaml"
    rest_given = ("--experience", "none", "--months-as-sm", "0", "--months-as-po", "0", "--framework",
                  "unknown", "--employer-asks", "", "--exam", "either", "--renewal", "either", "--learning",
                  "either")
    answered = {"role": (), "budget": (*rest_given, "--region", "any"),
                "held": (*rest_given, "--budget-usd", "100", "--region", "any")}[where]
    term = terminal("--target", "both", "--goal", "job", *answered, "--save-answers", str(saved))
    if where != "role":
        term.choose("role", "coach")  # the interview starts with the one required answer missing
    term.question(where)
    term.child.kill(signum)
    term.child.expect(pexpect.EOF, timeout=TIMEOUT)
    rest = term.child.before
    modes = _terminal_modes(term)  # as the program left the terminal, read before the pty is closed
    term.child.close()
    assert rest.strip().endswith("scrumcert: error: cancelled"), rest[-300:]
    assert "Traceback" not in term.output()
    assert term.child.exitstatus == status
    assert modes == (True, True, True)
    assert not saved.exists()


def test_a_region_sets_the_currency_of_the_budget_and_of_every_price(terminal: Any, tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    term = terminal("--role", "new", "--target", "scrum_master", "--experience", "none",
                    "--exam", "either", "--renewal", "either", "--learning", "live_course",
                    "--save-answers", str(saved))
    term.choose("goal", "job")  # a required answer is missing: the interview asks the rest
    skip(term, "framework", "employer_asks")  # no months in a role: someone new has none
    term.choose("region", "IN")
    term.question("budget", currency="INR")  # the budget is asked in the region's currency
    term.child.send("30000" + ENTER)
    skip(term, "held", "lapsed")
    assert recommended(term) == "CSM"  # INR 24,000 to 26,000 in India: within the budget
    rest = term.finish()
    assert "INR" in rest and "reference rates of" in rest
    assert term.child.exitstatus == 0
    assert yaml.safe_load(saved.read_text("utf-8"))["budget"] == 30000
