"""Shell completion of what the options take: certification codes and answer values, never file names.

Each function runs on every Tab press, in a fresh process, so it reads the bundled catalogue (or
``$SCRUMCERT_DATA``) and nothing else heavy, and it never raises: a broken catalogue completes nothing.
Codes are offered as the catalogue spells them; shells match them to what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scrumcert.errors import ScrumcertError


def _catalogue() -> Any | None:
    from scrumcert.catalogue import open_catalogue

    try:
        return open_catalogue()  # the bundled one, or $SCRUMCERT_DATA
    except (ScrumcertError, OSError):
        return None


def _starting(words: list[str], incomplete: str) -> list[str]:
    low = incomplete.casefold()
    return [w for w in words if w.casefold().startswith(low)]


def codes(incomplete: str) -> list[str]:
    """Certification codes starting with what was typed (any case)."""
    catalogue = _catalogue()
    return [] if catalogue is None else _starting(list(catalogue.certifications), incomplete)


def code_list(incomplete: str) -> list[str]:
    """Codes for ``--held CSM,PS<Tab>``: complete the last code of a comma-separated list."""
    head, sep, last = incomplete.rpartition(",")
    return [f"{head}{sep}{code}" for code in codes(last)]


def answer(question: str) -> Callable[[str], list[str]]:
    """Completion of one choice question's values (``--role``, ``--target``, ...)."""

    def complete(incomplete: str) -> list[str]:
        catalogue = _catalogue()
        q = None if catalogue is None else catalogue.questions.get(question)
        if q is not None and q.type == "codes":
            return code_list(incomplete)
        return [] if q is None else _starting(list(q.values), incomplete)

    complete.__name__ = f"complete_{question}"
    return complete


def roles(incomplete: str) -> list[str]:
    """``list --role``: the role ids and advise's role answers that name roles."""
    from scrumcert.vocabulary import role_words

    catalogue = _catalogue()
    return [] if catalogue is None else _starting(role_words(catalogue), incomplete)


def issuers(incomplete: str) -> list[str]:
    catalogue = _catalogue()
    if catalogue is None:
        return []
    names = list(dict.fromkeys(c.issuer for c in catalogue.certifications.values()))
    return _starting(names, incomplete)
