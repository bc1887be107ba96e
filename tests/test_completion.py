"""Shell completion (issue 5, part 5): certification codes, commands and options, through Typer's
real completion machinery in a subprocess, and the completion script."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from scrumcert.cli import complete_code


@pytest.fixture(autouse=True)
def bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCRUMCERT_DATA", raising=False)


def ps_codes(catalogue, typed: str = "PS") -> list[str]:  # type: ignore[no-untyped-def]
    """The codes starting with PS, each completed from what was typed (kept as typed)."""
    return [typed + c[2:] for c in catalogue.certifications if c.startswith("PS")]


def complete(words: str, cword: int | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
    """Ask the installed program what bash would be offered for ``words`` (the Typer protocol:
    ``_SCRUMCERT_COMPLETE=complete_bash``, ``COMP_WORDS``, ``COMP_CWORD``)."""
    env = {k: v for k, v in os.environ.items() if k not in ("SCRUMCERT_DATA", "_SCRUMCERT_COMPLETE")}
    env.update(_SCRUMCERT_COMPLETE="complete_bash", COMP_WORDS=words,
               COMP_CWORD=str(len(words.split()) - (0 if words.endswith(" ") else 1) if cword is None
                              else cword), **extra)
    return subprocess.run([sys.executable, "-m", "scrumcert"], capture_output=True, text=True, env=env,
                          timeout=60, check=False)


# --- complete_code -------------------------------------------------------------------------------


def test_complete_code_lowercase(catalogue):
    got = complete_code("ps")
    assert got == ps_codes(catalogue, "ps")
    assert {"psM-I", "psM-II", "psM-III", "psPO-I", "psPO-II", "psPO-III", "psD-I", "psMPO"} <= set(got)
    assert "CSM" not in got


def test_complete_code_any_case(catalogue):
    assert complete_code("PS") == ps_codes(catalogue)
    assert complete_code("pS") == ps_codes(catalogue, "pS")
    assert complete_code("pspo-") == ["pspo-I", "pspo-II", "pspo-III", "pspo-COURSE", "pspo-A"]
    assert complete_code("csm") == ["csm"]


def test_complete_code_nothing_and_everything(catalogue):
    assert complete_code("zz") == []
    assert complete_code("") == list(catalogue.certifications)


def test_complete_code_with_a_broken_catalogue_offers_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("SCRUMCERT_DATA", str(tmp_path / "missing"))
    assert complete_code("ps") == []


# --- the real machinery ---------------------------------------------------------------------------


def test_bash_completes_codes(catalogue):
    result = complete("scrumcert show PS", 2)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ps_codes(catalogue)


def test_bash_completes_every_code_of_compare(catalogue):
    result = complete("scrumcert compare CSM PSPO-", 3)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["PSPO-I", "PSPO-II", "PSPO-III", "PSPO-COURSE", "PSPO-A"]
    everything = complete("scrumcert compare ", 2)
    assert everything.stdout.split() == list(catalogue.certifications)


def test_bash_completes_codes_typed_in_lower_case(catalogue):
    result = complete("scrumcert show ps", 2)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ps_codes(catalogue, "ps")


def test_bash_completes_commands():
    result = complete("scrumcert s", 1)
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) == {"show", "sources"}
    every = set(complete("scrumcert ", 1).stdout.split())
    assert {"show", "compare", "list", "validate", "advise", "plan", "sources"} <= every


def test_bash_completes_options():
    result = complete("scrumcert compare --", 2)
    assert result.returncode == 0, result.stderr
    offered = set(result.stdout.split())
    assert {"--years", "--output", "--format", "--data", "--help"} <= offered
    assert "--years" in complete("scrumcert plan --y", 2).stdout.split()


def test_bash_completes_format_choices():
    result = complete("scrumcert show CSM --format ", 4)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["table", "json", "markdown", "html"]


def test_completion_prints_nothing_on_stderr():
    result = complete("scrumcert show PS", 2)
    assert result.stderr == ""


def test_show_completion_prints_a_bash_script():
    env = {k: v for k, v in os.environ.items() if k != "_SCRUMCERT_COMPLETE"}
    result = subprocess.run([sys.executable, "-m", "scrumcert", "--show-completion", "bash"],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    script = result.stdout
    assert "_SCRUMCERT_COMPLETE=complete_bash" in script
    assert "complete -o default -F _scrumcert_completion scrumcert" in script
    assert "COMP_WORDS" in script


def test_install_completion_writes_into_home(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "_SCRUMCERT_COMPLETE"}
    env["HOME"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-m", "scrumcert", "--install-completion", "bash"],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    script = tmp_path / ".bash_completions" / "scrumcert.sh"
    assert "_SCRUMCERT_COMPLETE=complete_bash" in script.read_text(encoding="utf-8")
    assert str(script) in (tmp_path / ".bashrc").read_text(encoding="utf-8")
