"""Every source of a catalogue, grouped as a reader checks them: by certification, and within one
certification the issuer's own pages first, then trainers' pages, then everything else.

Pure: the ``sources`` command renders these groups; ``sources --check`` fetches their addresses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from scrumcert.catalogue.model import Catalogue, Source

KINDS = ("official", "trainer", "secondary")
KIND_NAMES = {"official": "issuer's own pages", "trainer": "trainers' pages", "secondary": "other pages",
              None: "kind not given"}
ADVICE, RATES, RENEWALS = "Advice", "Exchange rates", "Renewals"


class Entry(NamedTuple):
    source: Source  # or a renewal policy's source, which has the same fields but no document
    about: str  # what it backs: "course, exam", "price in India", "advice" ...


class Group(NamedTuple):
    owner: str  # a certification code, ADVICE or RATES
    title: str
    kinds: tuple[tuple[str | None, tuple[Entry, ...]], ...]  # official first

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(e for _, entries in self.kinds for e in entries)


def kind_of(source: Source) -> str | None:
    kind = getattr(source, "kind", None)
    return kind if kind in KINDS else None


def _rank(kind: str | None) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def _group(owner: str, title: str, entries: list[Entry]) -> Group:
    by_kind: dict[str | None, list[Entry]] = {}
    for e in entries:
        by_kind.setdefault(kind_of(e.source), []).append(e)
    kinds = sorted(by_kind.items(), key=lambda pair: _rank(pair[0]))
    return Group(owner, title, tuple((k, tuple(sorted(v, key=lambda e: e.source.checked))) for k, v in kinds))


def grouped(catalogue: Catalogue) -> list[Group]:
    """Certifications in catalogue order (their regional prices' sources with them), the other
    credentials, the issuers' renewal rules, the sources of the advice, and the exchange rates."""
    from scrumcert.money import region_phrase

    prices = getattr(catalogue, "prices", {}) or {}
    groups = []
    for code, cert in catalogue.certifications.items():
        entries = [Entry(s, ", ".join(s.facts)) for s in cert.sources]
        for p in prices.get(code, ()):
            entries += [Entry(s, f"price in {region_phrase(p.region)}") for s in p.sources]
            if p.floor is not None and all(e.source != p.floor.source for e in entries):
                entries.append(Entry(p.floor.source, "minimum advertised price"))
        if entries:
            groups.append(_group(code, cert.name, entries))
    for o in getattr(catalogue, "others", {}).values():
        if o.sources:
            groups.append(_group(o.code, o.name, [Entry(s, ", ".join(s.facts)) for s in o.sources]))
    for issuer, policy in getattr(catalogue, "renewal_policies", {}).items():
        if policy.sources:
            groups.append(_group(f"{RENEWALS}: {issuer}", f"How {issuer} renews",
                                 [Entry(s, ", ".join(s.facts) or "renewal") for s in policy.sources]))
    rules = list({(r.source.title, r.source.where): Entry(r.source, "advice")
                  for r in catalogue.rules if r.source}.values())  # one entry however many rules cite it
    if rules:
        groups.append(_group(ADVICE, "Sources of the advice", rules))
    rates = getattr(catalogue, "rates", None)
    if rates is not None:
        groups.append(_group(RATES, f"Exchange rates of {rates.day.isoformat()}",
                             [Entry(rates.source, "currency conversion")]))
    return groups


def pairs(groups: list[Group]) -> list[tuple[str, Source]]:
    """(owner, source) for every entry, as ``sources --check`` takes them."""
    return [(g.owner, e.source) for g in groups for e in g.entries]
