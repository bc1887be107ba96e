"""Help people can learn from: every command's --help shows examples, the commands are grouped, and
every example runs as written."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest

from scrumcert.catalogue.locate import bundled_dir
from scrumcert.examples import EXAMPLES, PANELS
from scrumcert.teamcsv import template

COMMANDS = ["advise", "compare", "ads", "show", "list", "sources", "renewals", "plan", "validate"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_has_examples(run, command: str) -> None:  # type: ignore[no-untyped-def]
    result = run(command, "--help")
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "Examples" in text
    for what, line in EXAMPLES[command]:
        assert " ".join(line.split()) in text, line
        assert what in text


def test_commands_are_grouped(run) -> None:  # type: ignore[no-untyped-def]
    text = run("--help").stdout
    panels = [p for p in ("Advice", "Reference", "Teams", "Catalogue") if p in text]
    assert panels == ["Advice", "Reference", "Teams", "Catalogue"]
    positions = {c: text.index(f" {c} ") for c in COMMANDS}
    assert positions["advise"] < positions["show"] < positions["plan"] < positions["validate"]
    assert set(COMMANDS) <= set(PANELS)


EXAMPLE_LINES = [(c, line) for c, lines in EXAMPLES.items() for _, line in lines
                 if line.startswith("scrumcert ") and line != "scrumcert advise"]  # no pipes, no interview


@pytest.mark.parametrize(("command", "line"), EXAMPLE_LINES, ids=[line for _, line in EXAMPLE_LINES])
def test_every_example_runs(run, catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                            command: str, line: str) -> None:
    monkeypatch.chdir(tmp_path)
    words = shlex.split(line)
    assert words[:2] == ["scrumcert", command]
    if "team.csv" in words and "--template" not in words:
        (tmp_path / "team.csv").write_text(template(catalogue), encoding="utf-8")
    if "ad.txt" in words:
        (tmp_path / "ad.txt").write_text("Scrum Master wanted. CSM or PSM I required.\n", encoding="utf-8")
    if "./my-catalogue" in words:
        shutil.copytree(bundled_dir(), tmp_path / "my-catalogue")
    result = run(*words[1:])
    assert result.exit_code == 0, (line, result.stderr)
    if {"--output", "--template", "--ics"} & set(words):
        for word in words:
            if word.endswith((".html", ".md", ".csv", ".ics")):
                assert (tmp_path / word).is_file(), word
