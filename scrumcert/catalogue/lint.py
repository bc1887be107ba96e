"""Checks on the words of the rules that the schema cannot express.

The reason shown with a certification must argue for (or against) that certification. So it may name
only that certification, what it includes or builds on, and the codes its rule's condition names ("You
hold the CSM; ..."). Anything else reads as advice about another certification. Run on YAML
catalogues (``scrumcert validate``, ``--data``), not on the checked bundled snapshot.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from scrumcert.catalogue.model import Certification, Rule

_PATTERNS: dict[int, tuple[Mapping[str, Certification], re.Pattern[str], dict[str, str]]] = {}


def _pattern(certs: Mapping[str, Certification]) -> tuple[re.Pattern[str], dict[str, str]]:
    hit = _PATTERNS.get(id(certs))
    if hit is not None and hit[0] is certs:
        return hit[1], hit[2]
    spelled: dict[str, str] = {}
    for c in certs.values():
        for text in (c.code, c.code.replace("-", " "), c.name, *c.aliases):
            if len(text) >= 2:
                spelled.setdefault(text, c.code)
    alternatives = sorted(spelled, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w-])")
    _PATTERNS.clear()
    _PATTERNS[id(certs)] = (certs, pattern, spelled)
    return pattern, spelled


def named_codes(text: str, certs: Mapping[str, Certification]) -> list[str]:
    """The certification codes a sentence names (by code, code with spaces, name or alias, as
    capitalised in the catalogue: "a CSPO class" does not name A-CSPO)."""
    pattern, spelled = _pattern(certs)
    return list(dict.fromkeys(spelled[m.group(1)] for m in pattern.finditer(text)))


def allowed_names(rule: Rule, code: str, certs: Mapping[str, Certification]) -> set[str]:
    """What the reason shown with ``code`` may name."""
    c = certs[code]
    allowed = {code, *c.includes, *c.prerequisites.codes, *c.prerequisites.recommended}
    for cond in rule.when.values():
        if isinstance(cond, tuple | list):
            allowed.update(v for v in cond if v in certs)
    return allowed


def foreign_names(rule: Rule, code: str, certs: Mapping[str, Certification]) -> list[str]:
    """The certifications the reason shown with ``code`` names but is not attached to."""
    allowed = allowed_names(rule, code, certs)
    return [n for n in named_codes(rule.reason_for(code), certs) if n not in allowed]
