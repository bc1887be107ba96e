"""Every line scrumcert writes on stderr, and nothing else does: errors, warnings, "wrote FILE".

The text may quote catalogue, file or user input, so each line is folded onto one line and its control
characters are shown as escapes (``safe_text.literal``): a team file or catalogue cannot move the
cursor, recolour the terminal or forge a second line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

from scrumcert.errors import ExitStatus
from scrumcert.safe_text import literal


def _line(kind: str, text: str) -> None:
    """One line; a closed or broken stderr (``2>&-``) loses the line but never changes the exit status."""
    prefix = f"scrumcert: {kind}: " if kind else "scrumcert: "
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(f"{prefix}{literal(' '.join(text.split()))}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def error(text: str) -> None:
    """One error line; the command may go on (a skipped row of a team plan)."""
    _line("error", text)


def warn(text: str) -> None:
    _line("warning", text)


def wrote(path: Path | str) -> None:
    """Where a report went, so a user who redirected stdout still sees it."""
    shown = literal(str(path)).replace("\n", "\\x0a").replace("\t", "\\x09")
    _line("", f"wrote {shown}")  # a newline in the name is shown, not obeyed


def fail(text: str, status: ExitStatus | int = ExitStatus.USAGE) -> NoReturn:
    """One error line, then exit: the only way an expected failure leaves the program."""
    error(text)
    raise SystemExit(int(status))


def warn_stale(stale: Iterable[str]) -> None:
    """One line when a fact shown was last checked more than 12 months ago (``freshness.stale``)."""
    old = list(stale)
    if old:
        warn(f"facts last checked more than 12 months ago: {'; '.join(old)}")


def tolerant_streams() -> None:
    """On a terminal that cannot encode some character (LANG=C without UTF-8 mode), print it as an
    escape instead of failing on it."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding and "utf" not in encoding and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
