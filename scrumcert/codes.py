"""Certification codes as people type them.

``PSPO``, ``pspo1``, ``PSPO I``, ``pspo-i`` and ``Professional Scrum Product Owner I`` must all find
PSPO-I. Every spelling is reduced to one key (upper case, letters and digits only, a trailing 1/2/3
read as the Roman numeral) and looked up in the index the loader builds from codes, names and aliases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from scrumcert.errors import ScrumcertError
from scrumcert.model import Catalogue

_ROMAN = {"1": "I", "2": "II", "3": "III"}
_TRAILING_DIGIT = re.compile(r"(?<=[A-Z])([123])$")


def normalise(text: str) -> str:
    """The lookup key of one spelling: ``"pspo-1"`` -> ``"PSPOI"``."""
    key = re.sub(r"[^A-Z0-9]", "", text.upper())
    return _TRAILING_DIGIT.sub(lambda m: _ROMAN[m.group(1)], key)


def spellings(code: str, name: str, aliases: Iterable[str]) -> list[str]:
    """Every spelling that must find one certification."""
    return [code, name, *aliases]


def resolve(catalogue: Catalogue, text: str) -> str:
    """The canonical code for what the user typed, or an error that suggests the nearest codes."""
    key = normalise(text)
    code = catalogue.index.get(key)
    if code:
        return code
    import difflib  # only on the error path

    close = difflib.get_close_matches(key, catalogue.index, n=6, cutoff=0.6) if key else []
    hints = list(dict.fromkeys(catalogue.index[k] for k in close))[:3]
    if not text.strip():
        raise ScrumcertError("no certification code given (an empty one)")
    shown = text
    if hints:
        raise ScrumcertError(f"unknown certification {shown!r}; did you mean {' or '.join(hints)}?")
    raise ScrumcertError(f"unknown certification {shown!r}; run 'scrumcert list' to see every code")


def resolve_all(catalogue: Catalogue, texts: Iterable[str]) -> list[str]:
    return [resolve(catalogue, t) for t in texts]
