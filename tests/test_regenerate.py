"""tools/regenerate.py, the one writer of the two generated files: both are current, its check
notices a stale one, and an invalid catalogue is never snapshot."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from scrumcert.errors import CatalogueError

REPO = Path(__file__).resolve().parent.parent
TOOL = REPO / "tools" / "regenerate.py"


@pytest.fixture(scope="module")
def regenerate() -> ModuleType:
    """The tool as a module (it is a script beside the package, not part of it)."""
    spec = importlib.util.spec_from_file_location("regenerate", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_files_are_current() -> None:
    """Fails when data/*.yaml or the schema changed without `python tools/regenerate.py`."""
    done = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""


def test_check_names_a_stale_file_and_writes_nothing(regenerate: ModuleType, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    schema = tmp_path / "catalogue.schema.json"
    schema.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(regenerate, "REPO", tmp_path)
    monkeypatch.setattr(regenerate, "GENERATED", {schema: regenerate.schema_text})
    assert regenerate.main(["--check"]) == 1
    assert capsys.readouterr().err == (
        "out of date: catalogue.schema.json (run: python tools/regenerate.py)\n")
    assert schema.read_text(encoding="utf-8") == "{}\n"
    assert regenerate.main([]) == 0
    assert schema.read_text(encoding="utf-8") == regenerate.schema_text()
    assert regenerate.main(["--check"]) == 0


def test_the_snapshot_comes_from_the_bundled_data(regenerate: ModuleType) -> None:
    assert regenerate.SNAPSHOT.read_text(encoding="utf-8") == regenerate.generate(REPO / "data")


def test_generate_refuses_an_invalid_catalogue(regenerate: ModuleType, tmp_path: Path) -> None:
    copy = tmp_path / "data"
    shutil.copytree(REPO / "data", copy)
    (copy / "roles.yaml").write_text("roles:\n  - {id: Bad Id, name: x, description: y}\n",
                                     encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"roles\[0\]\.id"):
        regenerate.generate(copy)
