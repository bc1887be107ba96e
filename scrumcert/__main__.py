"""Allow ``python -m scrumcert``, and the console script's entry point.

``run`` imports the CLI inside the guard: Ctrl-C in the first few milliseconds (while Typer and Rich
are imported) ends the program with "cancelled" and 130 like any later Ctrl-C, not with a traceback.
"""

from __future__ import annotations

import sys


def run() -> None:
    """Console-script entry point (see pyproject.toml)."""
    try:
        from scrumcert.cli import main
    except KeyboardInterrupt:
        if sys.stderr is not None:
            sys.stderr.write("scrumcert: error: cancelled\n")
        raise SystemExit(130) from None
    main()


if __name__ == "__main__":
    run()
