"""Shared fixtures: the bundled catalogue, a CLI runner, and a way to write a small catalogue."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrumcert.catalogue.loader import load_catalogue
from scrumcert.catalogue.locate import bundled_dir
from scrumcert.catalogue.model import Catalogue
from scrumcert.cli import app

REPO = Path(__file__).resolve().parent.parent

# Keep the parse cache of test runs (and of the CLI subprocesses they start) out of the user's home.
os.environ.setdefault("SCRUMCERT_CACHE_DIR", tempfile.mkdtemp(prefix="scrumcert-cache-"))


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The bundled catalogue, loaded once for the whole session."""
    return load_catalogue()


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    """Invoke the CLI in-process: ``run("show", "PSPO")`` -> Click Result (exit_code, stdout, stderr)."""
    monkeypatch.delenv("SCRUMCERT_DATA", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> object:
        return runner.invoke(app, list(args), input=input, env=env)

    return invoke


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled catalogue, to break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(bundled_dir(), target)
    return target


@pytest.fixture
def write_catalogue(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Write ``{file name: YAML text}`` into a fresh folder and return it."""

    def write(files: dict[str, str]) -> Path:
        folder = tmp_path / "catalogue"
        folder.mkdir(exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        return folder

    return write
