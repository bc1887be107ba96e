"""The bundled catalogue snapshot: proven equal to data/ at test time, used only when it matches."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import scrumcert.catalogue
from scrumcert.catalogue import locate, open_catalogue, snapshot
from scrumcert.catalogue.loader import load_catalogue
from scrumcert.catalogue.model import Catalogue

REPO = Path(__file__).resolve().parent.parent


def test_snapshot_catalogue_equals_the_validated_yaml(catalogue: Catalogue) -> None:
    fast = open_catalogue()
    assert fast.certifications == catalogue.certifications
    assert fast.roles == catalogue.roles
    assert fast.questions == catalogue.questions
    assert fast.rules == catalogue.rules
    assert fast.index == catalogue.index


def test_snapshot_is_not_used_when_a_bundled_file_differs(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "data"
    shutil.copytree(REPO / "data", copy)
    assert snapshot._snapshot_parts(copy) is not None
    text = (copy / "roles.yaml").read_text(encoding="utf-8")
    (copy / "roles.yaml").write_text(text.replace("Scrum Master", "Scrum  Master", 1), encoding="utf-8")
    assert snapshot._snapshot_parts(copy) is None  # same size or not, the checksum differs
    monkeypatch.setattr(locate, "bundled_dir", lambda: copy)
    opened = open_catalogue()  # falls back to the YAML loader, fully validated
    assert opened.roles["scrum_master"].name == "Scrum  Master"


def test_snapshot_never_serves_a_user_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "mine"
    shutil.copytree(REPO / "data", copy)
    (copy / "certifications.yaml").write_text(
        (copy / "certifications.yaml").read_text(encoding="utf-8").replace(
            "name: Certified ScrumMaster\n", "name: Certified ScrumMaster (our edition)\n", 1),
        encoding="utf-8")
    assert open_catalogue(copy).certifications["CSM"].name == "Certified ScrumMaster (our edition)"
    monkeypatch.setenv("SCRUMCERT_DATA", str(copy))
    assert open_catalogue().certifications["CSM"].name == "Certified ScrumMaster (our edition)"


def test_reading_commands_start_without_yaml_or_the_schema() -> None:
    """The point of the snapshot: show and list never import the YAML parser or the schema."""
    probe = ("import sys, io, contextlib\n"
             "sys.argv = ['scrumcert', 'show', 'PSPO']\n"
             "from scrumcert import cli\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             "    try:\n        cli.main()\n    except SystemExit:\n        pass\n"
             "print(sorted(m for m in ('yaml', 'scrumcert.catalogue.loader', 'scrumcert.catalogue.schema',\n"
             "                         'scrumcert.catalogue.yamlsafe') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "SCRUMCERT_CACHE_DIR": "off"})
    assert out.stdout.strip() == "[]"


def test_loaded_once_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing is parsed or validated twice per run: one open_catalogue call per command."""
    from typer.testing import CliRunner

    from scrumcert import cli

    calls: list[object] = []
    real = open_catalogue
    monkeypatch.setattr(scrumcert.catalogue, "open_catalogue",
                        lambda path=None: calls.append(path) or real(path))
    result = CliRunner().invoke(cli.app, ["compare", "CSM", "CSPO", "--format", "json"])
    assert result.exit_code == 0
    assert calls == [None]


def test_the_loader_and_the_snapshot_agree_on_a_user_copy(tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(REPO / "data", copy)
    assert load_catalogue(copy).certifications == open_catalogue().certifications
