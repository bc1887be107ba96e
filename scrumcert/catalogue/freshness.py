"""How old a fact is: today (or ``$SCRUMCERT_TODAY``, so tests can age the catalogue) and which facts
shown were last checked more than a year ago."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from scrumcert.safe_text import literal

if TYPE_CHECKING:
    from scrumcert.catalogue.model import Certification


def today() -> date:
    """Today, or ``$SCRUMCERT_TODAY`` (YYYY-MM-DD) so that tests can age the catalogue."""
    import os

    pinned = os.environ.get("SCRUMCERT_TODAY")
    if not pinned:
        return date.today()
    import re

    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pinned):  # fromisoformat also takes 20261125, 2026-W48-3
            raise ValueError(pinned)
        return date.fromisoformat(pinned)
    except ValueError:
        from scrumcert.errors import ScrumcertError

        raise ScrumcertError(f"SCRUMCERT_TODAY={pinned!r} is not a date YYYY-MM-DD") from None


def stale(certs: list[Certification], months: int = 12, now: date | None = None) -> list[str]:
    """Per certification shown, the facts last checked more than ``months`` ago and the oldest date:
    ``'CSM exam, renewal (checked 2024-01-02)'``."""
    now = now or today()
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    if year < 1:
        return []  # nothing can be checked before the year 1
    month += 1
    # the days of that month, without importing calendar (a millisecond of every start) for it
    days = 31 if month == 12 else (date(year, month + 1, 1) - date(year, month, 1)).days
    limit = date(year, month, min(now.day, days))
    out = []
    for c in certs:
        old = [s for s in c.sources if s.checked < limit]
        if old:
            facts = ", ".join(dict.fromkeys(f for s in old for f in s.facts)) or "sources"
            oldest = min(s.checked for s in old).isoformat()
            out.append(literal(f"{c.code} {facts} (checked {oldest})"))
    return out
