"""The console-script entry point (the slim one-command app), JSON layout of plans, and plan edges
that the other files do not reach."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scrumcert import cli
from scrumcert.answers import with_defaults
from scrumcert.catalogue.model import Catalogue
from scrumcert.output.words import plan_totals
from scrumcert.planner import Person, make_plan, read_team_file
from scrumcert.recommender import recommend

ERROR = "scrumcert: error: "


def main(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real entry point, as the console script does."""
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "100", "SCRUMCERT_CACHE_DIR": "off", **(env_extra or {})}
    return subprocess.run([sys.executable, "-c", "from scrumcert.cli import main; main()", *args],
                          capture_output=True, text=True, env=env, timeout=60, check=False)


def test_only_builds_the_command_that_runs() -> None:
    slim = cli._only("show")
    assert slim is not None
    assert [c.callback.__name__ for c in slim.registered_commands] == ["show"]
    assert cli._only("list").registered_commands[0].name == "list"
    assert cli._only("nope") is None


@pytest.mark.parametrize(("args", "status", "expect_out", "expect_err"), [
    (["show", "pspo1", "--format", "json"], 0, '"code": "PSPO-I"', ""),
    (["show", "--help"], 0, "Usage: scrumcert show", ""),
    (["--version"], 0, "scrumcert ", ""),
    (["shw", "PSPO"], 2, "",
     f"{ERROR}No such command 'shw'. Did you mean 'show'? (see 'scrumcert --help')\n"),
    (["show", "NOPE"], 2, "",
     f"{ERROR}unknown certification 'NOPE'; run 'scrumcert list' to see every code\n"),
    (["compare", "CSM"], 2, "", f"{ERROR}compare takes 2 to 6 codes, got 1\n"),
])
def test_entry_point(args: list[str], status: int, expect_out: str, expect_err: str) -> None:
    done = main(*args)
    assert done.returncode == status, done.stderr
    assert expect_out in done.stdout
    if expect_err:
        assert done.stderr == expect_err
    assert "Traceback" not in done.stderr


def test_completion_uses_the_whole_app() -> None:
    done = main(env_extra={"_SCRUMCERT_COMPLETE": "complete_bash", "COMP_WORDS": "scrumcert com",
                           "COMP_CWORD": "1"})
    assert "compare" in done.stdout.split()


def test_plan_json_is_one_person_a_line(tmp_path: Path) -> None:
    team = tmp_path / "team.csv"
    team.write_text("name,team,role,target,goal\nAnn,A,scrum_master,both,team\n"
                    "Bob,A,product_owner,both,team\n", encoding="utf-8")
    done = main("plan", str(team), "--format", "json")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    people = [line for line in lines if line.startswith('    {"row": ')]
    assert len(people) == 2
    assert json.loads(done.stdout)["groups"] == [{"team": "A", "course": "PSMPO", "people": ["Ann", "Bob"]}]


def test_plan_refuses_an_unknown_column(tmp_path: Path) -> None:
    team = tmp_path / "team.csv"
    team.write_text("name,team,role,email\nAnn,A,new,ann@example.org\n", encoding="utf-8")
    done = main("plan", str(team))
    assert done.returncode == 2
    assert done.stderr == (f"{ERROR}team file {team}: unknown column 'email' (columns: name, team, role, "
                           "target, goal, experience, months_as_sm, months_as_po, framework, employer_asks, "
                           "exam, renewal, learning, region, currency, budget, budget_usd, held, lapsed)\n")


def test_plan_of_only_unpriced_seats_says_unknown_not_zero(catalogue: Catalogue) -> None:
    answers = with_defaults(catalogue, {"role": "scrum_master", "target": "both", "goal": "team"})
    people = [Person(1, "Ann", "A", answers), Person(2, "Bob", "A", {**answers, "role": "product_owner"})]
    plan = make_plan(catalogue, people)
    assert plan.seats == {"PSMPO": 2}
    assert plan_totals(plan) == ["Now: unknown (seats of unknown price: 2 x PSMPO)",
                                 "Over 3 years, renewals included: unknown (not priced: PSMPO: course price)"]


def test_path_after_a_course_names_the_course(catalogue: Catalogue) -> None:
    advice = recommend(catalogue, with_defaults(catalogue, {"role": "new", "target": "both", "goal": "team"}))
    assert [s.code for s in advice.path][:4] == ["PSMPO", "PSM-I", "PSPO-I", "PSM-II"]
    assert advice.path[3].why.startswith("The next level after the assessments the PSMPO course comes with.")


def test_read_team_file_yaml_list(tmp_path: Path, catalogue: Catalogue) -> None:
    team = tmp_path / "team.yaml"
    team.write_text("- {name: Ann, team: A, role: new, target: scrum_master, goal: job, held: [pspo1]}\n",
                    encoding="utf-8")
    people, problems = read_team_file(team, catalogue)
    assert problems == []
    assert people[0].answers["held"] == ("PSPO-I",)


def test_unconfirmed_facts_are_marked_never_shown_as_fact(catalogue: Catalogue) -> None:
    """Values found only on secondary pages, or on issuer pages that contradict each other, are shown
    as unconfirmed; what the issuer's own page states is shown plainly (the CSM test since the audit)."""
    from scrumcert.output.contract import cert_dict
    from scrumcert.output.words import attribute_rows

    rows = dict(attribute_rows([catalogue.certifications["CSM"], catalogue.certifications["SAFE-POPM"]],
                               catalogue, 3))
    assert rows["Exam"] == ["50 questions, 60 min", "45 questions, 90 min"]
    assert rows["Renewal"] == ["every 2 years: $100 + 20 SEU",
                               "every year: fee unknown + 10 PDU (unconfirmed)"]
    assert rows["Exam fee"] == ["with the course", "with the course"]  # no fee given: nothing to mark
    rows = dict(attribute_rows([catalogue.certifications["PSM-I"], catalogue.certifications["PSM-II"]],
                               catalogue, 3))
    assert rows["Exam fee"] == ["$200 per attempt", "$250 per attempt (unconfirmed)"]
    assert cert_dict(catalogue.certifications["CSM"])["unconfirmed"] == []
    assert cert_dict(catalogue.certifications["PSM-II"])["unconfirmed"] == ["exam_fee"]
    assert cert_dict(catalogue.certifications["PSPO-I"])["unconfirmed"] == []
