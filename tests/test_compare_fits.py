"""`compare` never crops and never breaks a code or a word: six codes at 80 columns, four at 60, by
COLUMNS and at a real terminal's width (a pseudo-terminal of that size)."""

from __future__ import annotations

import os
import re
import sys

import pexpect
import pytest

SIX = ["CSM", "CSPO", "PSM", "PSPO", "PSMPO", "SAFE-POPM"]
FOUR = ["CSM", "CSPO", "PSM", "PSPO"]
CODES = {"PSM": "PSM-I", "PSPO": "PSPO-I"}
ANSI = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")


def words_shown(run, codes: list[str]) -> set[str]:  # type: ignore[no-untyped-def]
    """Every word the comparison holds, from its Markdown table (the same view)."""
    md = run("compare", *codes, "--format", "markdown").stdout
    table = [line for line in md.splitlines() if line.startswith("| ")]
    cells = [c.strip().strip("*") for line in table for c in re.split(r"(?<!\\)\|", line)[1:-1]]
    return {w for cell in cells for w in cell.replace("\\|", "|").replace("&amp;", "&").split()
            if w != "---"}


def tokens(text: str) -> set[str]:
    """The words on screen (a stacked label is followed by a colon: "Level: foundation (all)")."""
    found = {t for line in text.splitlines() for t in re.split(r"[\s│┃|]+", line) if t}
    return found | {t[:-1] for t in found if t.endswith(":")}


def check(out: str, width: int, codes: list[str], words: set[str]) -> None:
    lines = out.splitlines()
    assert lines and max(len(line.rstrip()) for line in lines) <= width, "a line is wider than the terminal"
    seen = tokens(out)
    for code in codes:
        assert CODES.get(code, code) in seen, code
    broken = sorted(w for w in words if w not in seen)
    assert not broken, f"words broken or cut off: {broken[:10]}"


@pytest.mark.parametrize(("codes", "width"), [(SIX, 80), (FOUR, 60), (SIX, 60), (FOUR, 80), (SIX, 120)],
                         ids=lambda v: str(v) if isinstance(v, int) else f"{len(v)}-codes")
def test_compare_fits_columns(run, codes: list[str], width: int) -> None:  # type: ignore[no-untyped-def]
    result = run("compare", *codes, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    check(result.stdout, width, codes, words_shown(run, codes))
    assert "Bottom line" in result.stdout


@pytest.mark.parametrize(("codes", "width"), [(SIX, 80), (FOUR, 60)], ids=["6-at-80", "4-at-60"])
def test_compare_fits_a_real_terminal(run, codes: list[str], width: int) -> None:  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "SCRUMCERT_DATA")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8")
    child = pexpect.spawn(sys.executable, ["-m", "scrumcert", "compare", *codes], env=env,
                          dimensions=(50, width), encoding="utf-8", timeout=60)
    out = child.read()
    child.close()
    assert child.exitstatus == 0, out[-2000:]
    check(ANSI.sub("", out).replace("\r", ""), width, codes, words_shown(run, codes))
