"""Start-up stays lean: each command imports only what it needs.

Every case runs the console-script entry point (``scrumcert.cli.main``) in a fresh interpreter with
``sys.argv`` set, then records which modules ended up in ``sys.modules``. questionary and
prompt_toolkit (about 100 ms) belong to the interview alone; ``--version`` needs neither the loader
nor PyYAML.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

WATCHED = ("questionary", "prompt_toolkit", "scrumcert.catalogue.loader", "scrumcert.catalogue.snapshot",
           "scrumcert.interview", "yaml",
           # what the bundled snapshot never needs: its sentences were linted and its files schema-checked
           # when it was regenerated; its checksum comes from CPython's own SHA-256, not OpenSSL's
           "scrumcert.catalogue.lint", "scrumcert.catalogue.schema", "hashlib", "calendar",
           # what only other commands or formats need
           "scrumcert.linkcheck", "scrumcert.planner", "scrumcert.output.chart", "html")

PROBE = """
import json, sys
out, argv = sys.argv[1], sys.argv[2:]
sys.argv = ["scrumcert", *argv]
from scrumcert import cli
try:
    cli.main()
    code = 0
except SystemExit as exc:
    code = exc.code
with open(out, "w") as fh:
    json.dump({"exit": code, "modules": {m: m in sys.modules for m in WATCHED}}, fh)
""".replace("WATCHED", repr(WATCHED))


def imported(tmp_path: Path, *argv: str) -> dict[str, bool]:
    out = tmp_path / "modules.json"
    env = {k: v for k, v in os.environ.items() if k != "SCRUMCERT_DATA"}
    done = subprocess.run([sys.executable, "-c", PROBE, str(out), *argv], stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=60, env=env, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    result = json.loads(out.read_text())
    assert result["exit"] in (0, None), (result, done.stderr.decode(errors="replace"))
    return result["modules"]


@pytest.mark.parametrize("argv", [
    ["show", "PSPO"],
    ["compare", "CSM", "CSPO"],
    ["list"],
    ["list", "--format", "json"],
    ["show", "PSPO", "--format", "markdown"],
], ids=lambda a: " ".join(a))
def test_reading_commands_do_not_import_the_interview(tmp_path: Path, argv: list[str]) -> None:
    modules = imported(tmp_path, *argv)
    assert modules["scrumcert.catalogue.snapshot"]  # the probe ran the command for real: it opened it
    assert not modules["questionary"]
    assert not modules["prompt_toolkit"]
    assert not modules["scrumcert.interview"]


@pytest.mark.parametrize("argv", [
    ["show", "PSPO"],
    ["compare", "CSM", "CSPO"],
    ["list", "--format", "json"],
], ids=lambda a: " ".join(a))
def test_reading_commands_trust_the_checked_snapshot(tmp_path: Path, argv: list[str]) -> None:
    """The start-up budget: no lint, schema, OpenSSL, calendar, link checker, planner, chart or HTML."""
    modules = imported(tmp_path, *argv)
    assert modules["scrumcert.catalogue.snapshot"]
    for name in ("scrumcert.catalogue.lint", "scrumcert.catalogue.schema", "scrumcert.catalogue.loader",
                 "hashlib", "calendar", "scrumcert.linkcheck", "scrumcert.planner", "scrumcert.output.chart",
                 "html"):
        assert not modules[name], name


def test_advise_from_a_file_does_not_import_the_interview(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("role: developer\ntarget: scrum_master\ngoal: job\n", encoding="utf-8")
    modules = imported(tmp_path, "advise", "--answers", str(answers), "--format", "json")
    assert not modules["questionary"]
    assert not modules["prompt_toolkit"]
    for name in ("scrumcert.catalogue.lint", "hashlib", "calendar", "scrumcert.planner", "html"):
        assert not modules[name], name


def test_version_imports_neither_the_loader_nor_yaml(tmp_path: Path) -> None:
    modules = imported(tmp_path, "--version")
    assert not modules["scrumcert.catalogue.loader"]
    assert not modules["yaml"]
    assert not modules["questionary"]
    assert not modules["prompt_toolkit"]


def test_the_probe_sees_an_import_when_there_is_one(tmp_path: Path) -> None:
    """The control: the same probe does see questionary once the interview module is imported."""
    out = tmp_path / "modules.json"
    probe = PROBE.replace("from scrumcert import cli", "from scrumcert import cli, interview")
    done = subprocess.run([sys.executable, "-c", probe, str(out), "--version"], capture_output=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    modules = json.loads(out.read_text())["modules"]
    assert modules["questionary"] and modules["prompt_toolkit"]
