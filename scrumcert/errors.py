"""The project's own errors: every expected failure is one of these, so the CLI can turn it into a
single line on stderr and an exit status instead of a traceback."""

from __future__ import annotations

USAGE = 2  # bad input: unknown code, broken catalogue, bad answers
PARTIAL = 3  # a team plan was computed but some rows were skipped
CANCELLED = 130  # Ctrl-C or end of input during the interview


def dotted(path: tuple[str | int, ...]) -> str:
    """Where in a file a value sits: ``("certifications", 3, "exam")`` -> ``certifications[3].exam``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class ScrumcertError(Exception):
    """An expected failure with a one-line, user-facing message."""

    exit_code = USAGE

    def __init__(self, message: str, exit_code: int | None = None) -> None:
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
    """The user pressed Ctrl-C or closed the input during the interview."""

    exit_code = CANCELLED

    def __init__(self) -> None:
        super().__init__("cancelled")
