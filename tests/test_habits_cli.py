"""Habits people bring: "CSM vs PSM", labels instead of ids, one vocabulary of roles, team
spreadsheets saved by Excel in Europe (``;``, "Name", "Product Owner")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.mark.parametrize("args", [["CSM", "vs", "PSM"], ["CSM vs PSM"], ["CSM", "VS.", "PSM"],
                                  ["csm", "versus", "psm1"]])
def test_compare_accepts_vs(run, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = run("compare", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [c["code"] for c in json.loads(result.stdout)] == ["CSM", "PSM-I"]


def test_vs_alone_is_not_a_code(run) -> None:  # type: ignore[no-untyped-def]
    result = run("compare", "CSM", "vs")
    assert result.exit_code == 2
    assert "compare takes 2 to 6 codes, got 1" in result.stderr


def test_advise_takes_labels(run) -> None:  # type: ignore[no-untyped-def]
    by_label = run("advise", "--role", "Scrum Master", "--target", "Product Owner", "--goal",
                   "Learning the job well", "--format", "json")
    by_id = run("advise", "--role", "scrum_master", "--target", "product_owner", "--goal", "skills",
                "--format", "json")
    assert by_label.exit_code == by_id.exit_code == 0, by_label.stderr
    assert json.loads(by_label.stdout) == json.loads(by_id.stdout)


def test_list_role_speaks_advise_words(run, catalogue) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--role", "manager", "--format", "json")
    assert result.exit_code == 0, result.stderr
    codes = [c["code"] for c in json.loads(result.stdout)]
    expected = [c.code for c in catalogue.certifications.values()
                if {"leader", "project_manager"} & set(c.roles)]
    assert codes == expected and codes
    label = run("list", "--role", "Scrum Master", "--format", "json")
    assert [c["code"] for c in json.loads(label.stdout)] == [
        c.code for c in catalogue.certifications.values() if "scrum_master" in c.roles]


def test_unknown_role_lists_every_accepted_word(run) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--role", "wizard")
    assert result.exit_code == 2
    assert "manager" in result.stderr and "leader" in result.stderr


def test_a_semicolon_csv_with_labels_plans(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    europe = tmp_path / "team.csv"
    europe.write_bytes(("\ufeffName;Team;Role;Target;Goal;Held\r\n"
                        "Ann;Apollo;Scrum Master;Scrum Master;Learning the job well;CSM\r\n"
                        "Bob;Apollo;Product Owner;Product Owner;A credential employers recognise;\r\n"
                        ).encode("utf-8"))
    plain = tmp_path / "plain.csv"
    plain.write_text("name,team,role,target,goal,held\n"
                     "Ann,Apollo,scrum_master,scrum_master,skills,CSM\n"
                     "Bob,Apollo,product_owner,product_owner,job,\n", encoding="utf-8")
    a = run("plan", str(europe), "--format", "json")
    b = run("plan", str(plain), "--format", "json")
    assert a.exit_code == b.exit_code == 0, a.stderr
    assert json.loads(a.stdout) == json.loads(b.stdout)
    assert [p["name"] for p in json.loads(a.stdout)["people"]] == ["Ann", "Bob"]


def test_a_latin1_csv_says_how_to_save_it(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    team = tmp_path / "latin.csv"
    team.write_bytes("name,team\nJos\xe9,A\n".encode("latin-1"))
    result = run("plan", str(team))
    assert result.exit_code == 2
    assert "CSV UTF-8" in result.stderr
