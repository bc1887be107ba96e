"""Answers as people type them: ids or the labels of the interview, in any case and spacing.

A spreadsheet says "Product Owner" where the answers file says ``product_owner``; ``list --role``
and ``advise --role`` should understand the same words. This module maps what was typed onto the
catalogue's own ids, and refuses what is ambiguous rather than guessing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scrumcert.catalogue.model import Catalogue, Choice, Question

# advise's answers that name no single catalogue role, as the roles they stand for; the ids that are
# also role ids (scrum_master, product_owner, developer, coach) map to themselves
ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "manager": ("leader", "project_manager"),
    "leadership": ("leader",),
    "both": ("scrum_master", "product_owner"),
}


def key(text: str) -> str:
    """The comparison form: case, spaces, hyphens and underscores ignored (``Product Owner`` ==
    ``product_owner`` == ``product-owner``)."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _segments(label: str) -> list[str]:
    """``Manager, team lead or project manager`` -> the label and each of its alternatives."""
    return [label, *(p for p in re.split(r",|\bor\b", label) if p.strip())]


def choice_value(q: Question, typed: str) -> str | None:
    """The choice id meant by ``typed``: its id or label, or one alternative named in a label.
    None when nothing matches or more than one choice does (the caller then reports the allowed ids)."""
    return _choice_value(q.choices, typed)


@lru_cache(maxsize=4096)
def _choice_value(choices: tuple[Choice, ...], typed: str) -> str | None:
    """Memoised on the choices themselves: a team file of 10,000 people repeats a handful of cells,
    and matching one against every label and alternative costs more than the advice it feeds."""
    wanted = key(typed)
    if not wanted:
        return None
    for c in choices:
        if key(c.value) == wanted or key(c.label) == wanted:
            return c.value
    hits = {c.value for c in choices for part in _segments(c.label) if key(part) == wanted}
    return hits.pop() if len(hits) == 1 else None


def role_ids(catalogue: Catalogue, typed: str) -> tuple[str, ...]:
    """The catalogue roles meant by ``typed`` in ``list --role``: a role id or name, or an answer to
    advise's role or target question (``manager``, ``Product Owner or product manager``)."""
    wanted = key(typed)
    for r in catalogue.roles.values():
        if key(r.id) == wanted or key(r.name) == wanted:
            return (r.id,)
    for qid in ("role", "target"):
        q = catalogue.questions.get(qid)
        value = choice_value(q, typed) if q is not None else None
        if value is None:
            continue
        if value in ROLE_ALIASES:
            return tuple(r for r in ROLE_ALIASES[value] if r in catalogue.roles)
        if value in catalogue.roles:
            return (value,)
        label = next(c.label for c in q.choices if c.value == value)  # type: ignore[union-attr]
        named = tuple(r.id for r in catalogue.roles.values()
                      if any(key(part) in (key(r.name), key(r.id)) for part in _segments(label)))
        if named:
            return named
    return ()


def role_words(catalogue: Catalogue) -> list[str]:
    """Every id ``list --role`` accepts, for help, errors and completion."""
    words = list(catalogue.roles)
    for qid in ("role", "target"):
        q = catalogue.questions.get(qid)
        if q is not None:
            words += [c.value for c in q.choices if role_ids(catalogue, c.value)]
    return list(dict.fromkeys(words))
