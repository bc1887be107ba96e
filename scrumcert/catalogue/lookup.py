"""Names as people type them: certification codes, issuers and roles.

``PSPO``, ``pspo1``, ``PSPO I``, ``pspo-i`` and ``Professional Scrum Product Owner I`` must all find
PSPO-I. Every spelling is reduced to one key (compatibility-normalised and case-folded, letters and
digits of every script only, a trailing 1/2/3 read as the Roman numeral) and looked up in the index
the loader builds from codes, names and aliases. "Сертифицированный скрам-мастер" and
"認定プロダクトオーナー" are keys like any other; a spelling with no letter or digit has no key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from scrumcert.errors import ScrumcertError

if TYPE_CHECKING:
    from scrumcert.catalogue.model import Catalogue, Certification, OtherCredential

_ROMAN = {"1": "I", "2": "II", "3": "III"}
_NOT_ASCII_ALNUM = re.compile(r"[^A-Z0-9]")
_TRAILING_DIGIT = re.compile(r"(?<=[A-Z])([123])$")


def normalise(text: str) -> str:
    """The lookup key of one spelling: ``"pspo-1"`` -> ``"PSPOI"``; letters of every script are kept
    (keeping only A-Z made every Cyrillic or Japanese name the same empty key)."""
    if text.isascii():  # the common case, ten times faster: the same key as the general rule below
        key = _NOT_ASCII_ALNUM.sub("", text.upper())
    else:
        import unicodedata

        folded = unicodedata.normalize("NFKC", text).casefold().upper()
        key = "".join(ch for ch in folded if ch.isalnum())
    return _TRAILING_DIGIT.sub(lambda m: _ROMAN[m.group(1)], key)


def spellings(code: str, name: str, aliases: Iterable[str]) -> list[str]:
    """Every spelling that must find one certification."""
    return [code, name, *aliases]


def resolve(catalogue: Catalogue, text: str) -> str:
    """The canonical code for what the user typed, or an error that suggests the nearest codes.

    A credential outside the catalogue (PMP, PRINCE2 ...) is not a certification here: the error says
    so instead of suggesting a near miss."""
    if not text.strip():
        raise ScrumcertError("no certification code given (an empty one)")
    key = normalise(text)
    code = catalogue.index.get(key) if key else None
    if code:
        return code
    other = catalogue.other_index.get(key) if key else None
    if other:
        o = catalogue.others[other]
        raise ScrumcertError(f"{o.code} ({o.name}, {o.issuer}) is outside scrumcert's catalogue: "
                             "it is recognised when you hold it, but not compared or recommended")
    raise _unknown(catalogue, text, key)


def _unknown(catalogue: Catalogue, text: str, key: str) -> ScrumcertError:
    """The error for a spelling nothing has: the nearest codes, if any are close."""
    import difflib  # only on the error path

    close = difflib.get_close_matches(key, catalogue.index, n=6, cutoff=0.6) if key else []
    hints = list(dict.fromkeys(catalogue.index[k] for k in close))[:3]
    if hints:
        return ScrumcertError(f"unknown certification {text!r}; did you mean {' or '.join(hints)}?")
    return ScrumcertError(f"unknown certification {text!r}; run 'scrumcert list' to see every code")


def resolve_any(catalogue: Catalogue, text: str) -> Certification | OtherCredential:
    """A certification of the catalogue, or else a credential outside it, for what the user typed:
    ``--held PMP`` and ``show PMP`` must understand PMP though it is never recommended. Unknown
    spellings get the same error as ``resolve``."""
    key = normalise(text)
    code = catalogue.index.get(key)
    if code:
        return catalogue.certifications[code]
    other = catalogue.other_index.get(key)
    if other:
        return catalogue.others[other]
    if not text.strip():
        raise ScrumcertError("no certification code given (an empty one)")
    raise _unknown(catalogue, text, key)


def resolve_all(catalogue: Catalogue, texts: Iterable[str]) -> list[str]:
    return [resolve(catalogue, t) for t in texts]


_VERSUS = re.compile(r"\s+(?:vs\.?|versus)\s+", re.IGNORECASE)


def split_versus(words: Iterable[str]) -> list[str]:
    """``CSM vs PSM``, ``"CSM vs. PSM"`` and ``CSM versus PSM`` as people search for them: the codes,
    without the ``vs``."""
    out: list[str] = []
    for word in words:
        for part in _VERSUS.split(f" {word} "):
            if part.strip() and part.strip().lower() not in ("vs", "vs.", "versus"):
                out.append(part.strip())
    return out


def resolve_distinct(catalogue: Catalogue, codes: list[str], least: int, most: int) -> list[Certification]:
    """Resolve 2..6 typed codes (``vs`` between them allowed), refusing one named twice under two
    spellings."""
    codes = split_versus(codes)
    if not least <= len(codes) <= most:
        raise ScrumcertError(f"compare takes {least} to {most} codes, got {len(codes)}")
    seen: dict[str, str] = {}
    for typed in codes:
        code = resolve(catalogue, typed)
        if code in seen:
            first = seen[code]
            said = f"{code} is named twice" if first == typed else f"{first!r} and {typed!r} both mean {code}"
            raise ScrumcertError(f"{said}; name each certification once")
        seen[code] = typed
    return [catalogue.certifications[c] for c in seen]


def issuer_key(text: str) -> str:
    """An issuer as typed, case and spaces ignored: ``"scrum alliance"`` finds Scrum Alliance."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _by_role_and_issuer(catalogue: Catalogue, everything: list[Any], role: str | None, issuer: str | None,
                        among: str = "") -> list[Any]:
    """Of ``everything`` (the certifications, or the other credentials), those for one role and/or one
    issuer, as ``list`` filters both; an unknown role or issuer is refused with the known ones."""
    items = everything
    if role is not None:
        from scrumcert.vocabulary import role_ids, role_words  # the words advise --role takes too

        wanted_roles = role_ids(catalogue, role)
        if not wanted_roles:
            raise ScrumcertError(f"unknown role {role!r}; roles: {', '.join(role_words(catalogue))}")
        items = [i for i in items if any(r in i.roles for r in wanted_roles)]
    if issuer is not None:
        issuers = dict.fromkeys(i.issuer for i in everything)
        wanted = issuer_key(issuer)
        if wanted not in {issuer_key(i) for i in issuers}:
            raise ScrumcertError(f"unknown issuer {issuer!r}{among}; issuers: {', '.join(issuers) or 'none'}")
        items = [i for i in items if issuer_key(i.issuer) == wanted]
    return items


def filtered_others(catalogue: Catalogue, role: str | None = None, issuer: str | None = None
                    ) -> list[OtherCredential]:
    """The credentials outside the catalogue, or those for one role id and/or one issuer; an unknown
    role or issuer is refused as ``filtered`` refuses it."""
    return _by_role_and_issuer(catalogue, list(catalogue.others.values()), role, issuer,
                               " among other credentials")


def filtered(catalogue: Catalogue, role: str | None = None, issuer: str | None = None) -> list[Certification]:
    """Every certification, or those for one role id and/or one issuer; an unknown one is refused
    with the list of known ones."""
    return _by_role_and_issuer(catalogue, list(catalogue.certifications.values()), role, issuer)
