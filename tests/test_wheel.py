"""Build the wheel, install it into a fresh virtual environment and run it from outside the repository.

The knowledge base must come from inside the installed package (``scrumcert/catalogue/_data``), never from the
repository's ``data/``: the commands run from a temporary folder with no path to the checkout.
Slow (a build and a pip install, which may fetch the dependencies from PyPI): ``-m "not slow"`` skips it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from scrumcert import __version__

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
# what the repository's data/ holds: the wheel must ship exactly that
BUNDLED_COUNT = sum(len(yaml.safe_load(p.read_text(encoding="utf-8")).get("certifications", []))
                    for p in (REPO / "data").glob("*.yaml"))


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 600
         ) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                          check=False)
    assert proc.returncode == 0, f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return proc


def _clean_env(tmp: Path) -> dict[str, str]:
    """No way back to the checkout: no PYTHONPATH, no SCRUMCERT_DATA, no virtualenv of ours."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "SCRUMCERT_DATA", "VIRTUAL_ENV", "PYTHONHOME", "NO_COLOR",
                        "FORCE_COLOR")}
    env.update({"COLUMNS": "100", "SCRUMCERT_TODAY": "2026-11-25", "SCRUMCERT_CACHE_DIR": str(tmp / "cache"),
                "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONIOENCODING": "utf-8"})
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(wheel, venv, an empty working folder outside the repository)."""
    tmp = tmp_path_factory.mktemp("wheel")
    env = _clean_env(tmp)
    dist = tmp / "dist"
    if importlib.util.find_spec("build") is not None:
        # the backend is already here: build without an isolated environment (faster, offline)
        isolation = ["--no-isolation"] if importlib.util.find_spec("hatchling") is not None else []
        _run([sys.executable, "-m", "build", "--wheel", *isolation, "--outdir", str(dist), str(REPO)],
             tmp, env)
    else:
        _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(dist), str(REPO)], tmp, env)
    wheels = sorted(dist.glob("scrumcert-*.whl"))
    assert len(wheels) == 1, wheels
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], tmp, env)
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheels[0])], tmp, env)
    work = tmp / "elsewhere"
    work.mkdir()
    return wheels[0], venv, work


def test_the_wheel_carries_the_knowledge_base(installed: tuple[Path, Path, Path]) -> None:
    wheel, _, _ = installed
    assert wheel.name == f"scrumcert-{__version__}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    for data_file in sorted(p.name for p in (REPO / "data").glob("*.yaml")):
        assert f"scrumcert/catalogue/_data/{data_file}" in names
    assert "scrumcert/catalogue/_data/certifications.yaml" in names
    assert "scrumcert/cli.py" in names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "scrumcert = scrumcert.__main__:run" in text


def test_installed_show_json(installed: tuple[Path, Path, Path]) -> None:
    _, venv, work = installed
    proc = _run([str(venv / "bin" / "scrumcert"), "show", "PSPO", "--format", "json"], work,
                _clean_env(work))
    d = json.loads(proc.stdout)
    assert (d["code"], d["issuer"], d["kind"]) == ("PSPO-I", "Scrum.org", "certification")
    assert {k: d["exam"][k] for k in ("questions", "minutes", "pass_percent", "fee_usd")} == {
        "questions": 80, "minutes": 60, "pass_percent": 85, "fee_usd": 200}
    assert d["renewal"] is None
    assert {s["checked"] for s in d["sources"]} <= {"2026-11-25", "2026-11-26"}
    assert d["official_page"].startswith("https://www.scrum.org/")
    assert d["sources"][0]["kind"] == "official"
    assert proc.stderr == ""


def test_installed_version(installed: tuple[Path, Path, Path]) -> None:
    _, venv, work = installed
    proc = _run([str(venv / "bin" / "scrumcert"), "--version"], work, _clean_env(work))
    assert proc.stdout == f"scrumcert {__version__}\n"


def test_installed_python_m_list(installed: tuple[Path, Path, Path]) -> None:
    _, venv, work = installed
    proc = _run([str(venv / "bin" / "python"), "-m", "scrumcert", "list"], work, _clean_env(work))
    assert "\x1b[" not in proc.stdout
    for code in ("CSM", "CSPO", "PSPO-I", "PSMPO", "SAFE-POPM", "ICP-APO", "PMI-ACP"):
        assert re.search(rf"^[│|] {re.escape(code)} ", proc.stdout, re.MULTILINE), code
    proc = _run([str(venv / "bin" / "python"), "-m", "scrumcert", "list", "-f", "json"], work,
                _clean_env(work))
    assert len(json.loads(proc.stdout)) == BUNDLED_COUNT


def test_installed_reads_its_own_data_not_the_repository(installed: tuple[Path, Path, Path]) -> None:
    _, venv, work = installed
    code = ("import scrumcert, scrumcert.catalogue.locate as w, scrumcert.catalogue.loader as l; "
            "print(scrumcert.__file__); print(w.bundled_dir()); "
            "print(len(l.load_catalogue().certifications))")
    lines = _run([str(venv / "bin" / "python"), "-c", code], work, _clean_env(work)).stdout.splitlines()
    package, data, count = Path(lines[0]), Path(lines[1]), lines[2]
    assert package.resolve().is_relative_to(venv.resolve())
    assert data.resolve() == (package.parent / "catalogue" / "_data").resolve()
    assert not data.resolve().is_relative_to(REPO.resolve())
    assert count == str(BUNDLED_COUNT)
    proc = _run([str(venv / "bin" / "scrumcert"), "validate"], work, _clean_env(work))
    assert proc.stdout.startswith("ok: ") and f" {BUNDLED_COUNT} certifications, 7 roles," in proc.stdout
