"""The project's own errors and the one exit map: every expected failure is a ScrumcertError, so the
CLI can turn it into a single line on stderr and an ``ExitStatus`` instead of a traceback."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Every status scrumcert exits with (documented in the README); nothing else may be used."""

    OK = 0
    OUTPUT_FAILED = 1  # standard output could not take the output whole (a full disk, a closed stdout)
    USAGE = 2  # bad input: unknown code, broken catalogue, bad answers, a usage error
    PARTIAL = 3  # a team plan was computed but some rows were skipped
    SOURCES = 4  # sources --check: some sources fail, moved, or no longer contain their quote
    HANGUP = 129  # 128 + SIGHUP: the terminal went away
    CANCELLED = 130  # 128 + SIGINT: Ctrl-C or end of input during the interview
    TERMINATED = 143  # 128 + SIGTERM


def dotted(path: tuple[str | int, ...]) -> str:
    """Where in a file a value sits: ``("certifications", 3, "exam")`` -> ``certifications[3].exam``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class ScrumcertError(Exception):
    """An expected failure with a one-line, user-facing message."""

    exit_code: ExitStatus = ExitStatus.USAGE

    def __init__(self, message: str, exit_code: ExitStatus | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


class CatalogueError(ScrumcertError):
    """A catalogue file that cannot be used; names the file, the line and the field."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None,
                 field: str | None = None) -> None:
        self.file, self.line, self.field, self.problem = file, line, field, message
        where = ""
        if file:
            where = f"{file}:{line}: " if line else f"{file}: "
        what = f"{field}: " if field else ""
        super().__init__(f"{where}{what}{message}")


class Cancelled(ScrumcertError):
    """The user pressed Ctrl-C or closed the input during the interview, or a signal ended it (SIGTERM
    exits 143, SIGHUP 129, as a shell reports a process those signals ended)."""

    exit_code = ExitStatus.CANCELLED

    def __init__(self, status: ExitStatus = ExitStatus.CANCELLED) -> None:
        super().__init__("cancelled", status)
