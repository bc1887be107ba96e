"""Renewals as the issuers apply them: when each certification held expires, what renewing it costs,
and which renewals combine.

Pure: the catalogue (its certifications' own renewal and the issuers' renewal policies) and the dates
go in, plain data comes out. The Scrum Alliance rule is the one that matters most: everything held
renews together, for the fee and primary SEUs of the highest level held plus the add-on SEUs of the
highest certification of each other track, and a new Scrum Alliance course renews all of it.
"""


import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from scrumcert.catalogue.model import LEVELS, Catalogue, Certification, PolicySource, RenewalPolicy
from scrumcert.errors import ScrumcertError
from scrumcert.money import usd

_HOLDING = re.compile(r"\s*(?P<code>[^@]+?)\s*(?:@\s*(?P<day>\S+)\s*)?")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class Holding(NamedTuple):
    """A certification held, with the day it was earned or last renewed (None: not given)."""

    code: str
    since: date | None = None


def parse_day(text: str, where: str, today: date) -> date:
    """A YYYY-MM-DD day that is not in the future."""
    if not _ISO_DAY.fullmatch(text):
        raise ScrumcertError(f"{where}: {text[:40]!r} is not a date YYYY-MM-DD")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ScrumcertError(f"{where}: {text!r} is not a real date") from None
    if day > today:
        raise ScrumcertError(f"{where}: {text} is in the future (today is {today.isoformat()})")
    return day


def parse_holding(catalogue: Catalogue, text: str, today: date, need_date: bool = False) -> Holding:
    """``CSM@2025-03-01`` (or ``CSM`` where a date may be left out) -> Holding('CSM', 2025-03-01)."""
    from scrumcert.catalogue.lookup import resolve

    if not isinstance(text, str) or not text.strip():
        raise ScrumcertError("no certification given (an empty one); write CODE@YYYY-MM-DD")
    match = _HOLDING.fullmatch(text)
    if match is None or text.count("@") > 1:
        raise ScrumcertError(f"{text[:60]!r}: write CODE@YYYY-MM-DD, for example CSM@2025-03-01")
    code = resolve(catalogue, match["code"])
    day = match["day"]
    if day is None:
        if need_date:
            raise ScrumcertError(f"{text[:60]!r}: no date; write {code}@YYYY-MM-DD, the day it was earned "
                                 "or last renewed")
        return Holding(code)
    return Holding(code, parse_day(day, code, today))


def merge(holdings: Iterable[Holding]) -> list[Holding]:
    """One holding per code: the latest date given wins (a renewal is the newer fact)."""
    out: dict[str, Holding] = {}
    for h in holdings:
        old = out.get(h.code)
        if old is None or (h.since is not None and (old.since is None or h.since > old.since)):
            out[h.code] = h
    return list(out.values())


def add_years(day: date, years: float) -> date:
    """``day`` plus a whole number of months; the 29th of February falls back to the 28th."""
    months = round(years * 12)
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - some day of every month exists


class Item(NamedTuple):
    """One certification held and its next renewal."""

    code: str
    issuer: str
    since: date | None
    expires: date | None  # None: valid for life, or the date or the cycle is unknown
    lapsed: bool | None  # None: unknown (no date given) or never (for life)
    lifetime: bool
    fee_usd: int | None  # what this certification adds to the renewal (0: renewed with another)
    education_units: int | None
    unit: str | None
    note: str  # how it renews, and with what
    counts: str | None  # what counts towards the units
    todo: str  # what to do now
    fee_unconfirmed: bool = False
    paid_by: str | None = None  # the certification whose renewal renews this one


class Renewals(NamedTuple):
    today: date
    items: tuple[Item, ...]
    total_fee_usd: int  # the known fees; see ``unknown`` for the parts that could not be priced
    total_units: dict[str, int]
    combined: tuple[str, ...]  # one sentence per group of renewals that combine
    unknown: tuple[str, ...]
    sources: tuple[tuple[str, PolicySource], ...]  # (issuer, source) of the rules applied

    @property
    def lapsed(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.lapsed)


def _rank(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else -1


def _money(value: int | None) -> str:
    return "an unknown fee" if value is None else f"{usd(value)}"


def _units(value: int | None, unit: str | None) -> str:
    """``20 SEUs``, ``1 PDU``, ``an unknown number of CEUs``."""
    name = unit or "unit"
    if name == "hours":
        name = "hour"
    if value is None:
        return f"an unknown number of {name}s"
    return f"{value} {name}" + ("" if value == 1 else "s")


def _what_to_do(item_expires: date | None, lapsed: bool | None, fee: int | None, units: int | None,
                unit: str | None, policy: RenewalPolicy | None, paid_by: str | None) -> str:
    if item_expires is None:
        issuer = f" on {policy.issuer}'s pages" if policy is not None else ""
        return (f"Its renewal terms are unknown{issuer} as checked: ask the issuer when it expires and what "
                "renewing costs.")
    if paid_by:
        head = f"Renewed with {paid_by}; nothing to pay for it on its own."
        return f"Lapsed on {item_expires.isoformat()}. {head}" if lapsed else head
    cost = f"earn {_units(units, unit)} and pay {_money(fee)}" if units else f"pay {_money(fee)}"
    course = (f" Or take a new {policy.issuer} course before then: it renews everything you hold."
              if policy is not None and policy.course_renews else "")
    if lapsed:
        after = policy.lapsed if policy is not None and policy.lapsed else f"To renew it, {cost}."
        return f"Lapsed on {item_expires.isoformat()}. {after}"
    return f"Renew by {item_expires.isoformat()}: {cost}.{course}"


def _single(c: Certification, since: date | None, today: date, policy: RenewalPolicy | None) -> Item:
    """A certification that renews on its own (or is for life)."""
    counts = policy.counts if policy else None
    if c.renewal is None:
        return Item(c.code, c.issuer, since, None, False if since else None, True, 0, 0, None,
                    "Valid for life: no renewal, no fee, no units.", counts,
                    "Nothing: it does not expire.")
    fee = c.renewal.fee_usd
    note = ""
    if policy is not None and policy.non_member_fee_usd is not None:
        fee = policy.non_member_fee_usd
        if policy.member_fee_usd is not None:
            note = (f" The fee is {usd(policy.non_member_fee_usd)}, or {usd(policy.member_fee_usd)} for "
                    f"members of {c.issuer}.")
    every = c.renewal.every_years
    expires = add_years(since, every) if since and every else None
    lapsed = None if expires is None else expires < today
    period = "unknown" if not every else ("every year" if every == 1 else f"every {every:g} years")
    note = f"Renews {period}.{note}" if every else "The renewal cycle is unknown." + note
    if c.renewal.note:
        note += " " + " ".join(c.renewal.note.split())
    units = c.renewal.education_units
    todo = _what_to_do(expires, lapsed, fee, units, c.renewal.unit, policy, None)
    return Item(c.code, c.issuer, since, expires, lapsed, False, fee, units, c.renewal.unit, note, counts,
                todo, c.is_unconfirmed("renewal_fee"))


def _scrum_alliance(catalogue: Catalogue, group: Sequence[Holding], policy: RenewalPolicy,
                    today: date) -> tuple[list[Item], str | None]:
    """Everything held from an issuer with a renewal table renews together (see the module doc)."""
    certs = [catalogue.certifications[h.code] for h in group]
    # a renewal whose fee no source states (CAL 1) is not put in the table on a guess: it stays unknown
    in_table = [c for c in certs if c.renewal is not None and c.renewal.fee_usd is not None
                and policy.tier(c.level) is not None]
    if len(in_table) < 2:
        return [_single(c, h.since, today, policy) for c, h in zip(certs, group, strict=True)], None
    track_of = {code: n for n, track in enumerate(policy.tracks) for code in track}
    tracks: dict[object, list[Certification]] = {}
    for c in in_table:
        tracks.setdefault(track_of.get(c.code, c.code), []).append(c)
    highest = {key: max(members, key=lambda c: _rank(c.level)) for key, members in tracks.items()}
    order = list(highest.values())
    primary = max(order, key=lambda c: _rank(c.level))  # the first of the highest level wins a tie
    tier = policy.tier(primary.level)
    assert tier is not None  # in_table holds only certifications with a tier
    dates = [h.since for h in group if h.code in {c.code for c in in_table}]
    since = max(dates) if dates and all(d is not None for d in dates) else None  # type: ignore[type-var]
    latest = next((h for h in group if h.since == since), None) if since else None
    expires = add_years(since, policy.every_years or 2) if since else None
    lapsed = None if expires is None else expires < today
    addons = [c for c in order if c is not primary]
    total_units = (tier.education_units or 0) + sum(policy.tier(c.level).addon_units or 0  # type: ignore[union-attr]
                                                     for c in addons)
    unknown_units = tier.education_units is None or any(
        policy.tier(c.level).addon_units is None for c in addons)  # type: ignore[union-attr]
    codes = [c.code for c in in_table]
    names = ", ".join(codes[:-1]) + f" and {codes[-1]}"
    unit = policy.unit or "SEU"
    summary = (f"{names} renew together with {policy.issuer}: one fee of {_money(tier.fee_usd)} (the "
               f"{primary.level} level of {primary.code}) and "
               f"{_units(None if unknown_units else total_units, unit)}.")
    aligned = ""
    if latest is not None and len({d for d in dates}) > 1:
        aligned = (f" The latest date given ({latest.code}, {since.isoformat()}) sets the expiry of all: "  # type: ignore[union-attr]
                   f"a new {policy.issuer} course or renewal renews everything held.")
    items: list[Item] = []
    for c, h in zip(certs, group, strict=True):
        if c not in in_table:
            items.append(_single(c, h.since, today, policy))
            continue
        if c is primary:
            fee, units = tier.fee_usd, tier.education_units
            note = (f"Pays the combined renewal: {_money(tier.fee_usd)} and {_units(units, unit)} for "
                    f"its {c.level} level, plus add-on {unit}s for the other tracks.{aligned}")
            paid_by = None
            todo = _what_to_do(expires, lapsed, tier.fee_usd, None if unknown_units else total_units, unit,
                               policy, None)
        elif c in addons:
            fee, units = 0, policy.tier(c.level).addon_units  # type: ignore[union-attr]
            note = (f"Renewed with {primary.code} at no extra fee; adds {_units(units, unit)} "
                    f"(the add-on of its {c.level} level).{aligned}")
            paid_by = primary.code
            todo = _what_to_do(expires, lapsed, fee, units, unit, policy, paid_by)
        else:
            top = highest[track_of.get(c.code, c.code)]
            fee, units = 0, 0
            note = f"Renewed with {top.code}, the highest certification of its track.{aligned}"
            paid_by = top.code
            todo = _what_to_do(expires, lapsed, fee, units, unit, policy, paid_by)
        items.append(Item(c.code, c.issuer, h.since, expires, lapsed, False, fee, units, unit, note,
                          policy.counts, todo, c.is_unconfirmed("renewal_fee"), paid_by))
    return items, summary


def renewals(catalogue: Catalogue, holdings: Iterable[Holding], today: date) -> Renewals:
    """The next renewal of everything held, combined the way each issuer combines them."""
    held = merge(holdings)
    by_issuer: dict[str, list[Holding]] = {}
    for h in held:
        by_issuer.setdefault(catalogue.certifications[h.code].issuer, []).append(h)
    items: dict[str, Item] = {}
    combined: list[str] = []
    cited: list[tuple[str, PolicySource]] = []
    for issuer, group in by_issuer.items():
        policy = catalogue.renewal_policies.get(issuer)
        if policy is not None:
            cited += [(issuer, s) for s in policy.sources]
        if policy is not None and policy.tiers:
            made, summary = _scrum_alliance(catalogue, group, policy, today)
            if summary:
                combined.append(summary)
        else:
            made = [_single(catalogue.certifications[h.code], h.since, today, policy) for h in group]
        items.update((i.code, i) for i in made)
    ordered = tuple(items[h.code] for h in held)
    total = sum(i.fee_usd or 0 for i in ordered)
    units: dict[str, int] = {}
    unknown: list[str] = []
    for i in ordered:
        if i.lifetime:
            continue
        if i.fee_usd is None:
            unknown.append(f"{i.code}: renewal fee")
        if i.education_units is None:
            unknown.append(f"{i.code}: {i.unit or 'education units'}")
        elif i.education_units and i.unit:
            units[i.unit] = units.get(i.unit, 0) + i.education_units
        if i.expires is None and i.since is not None:
            unknown.append(f"{i.code}: renewal cycle")
    return Renewals(today, ordered, total, units, tuple(combined), tuple(unknown), tuple(cited))


def split_dated(value: object) -> tuple[object, list[tuple[str, str]]]:
    """``held`` as given (a list or a comma-separated text) without its ``@DATE`` parts, and the
    (code as typed, date as typed) pairs taken off it; anything else is returned as it is."""
    if isinstance(value, str):
        items: list[object] = [v for v in value.replace(";", ",").split(",")]
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        return value, []
    dated: list[tuple[str, str]] = []
    plain: list[object] = []
    for v in items:
        if isinstance(v, str) and "@" in v:
            code, _, day = v.partition("@")
            dated.append((code.strip(), day.strip()))
            plain.append(code.strip())
        else:
            plain.append(v)
    return (plain if dated else value), dated


class AdviceRenewals(NamedTuple):
    """What the advice says about renewals: those due for what is held, and what holding the
    recommendation together with it costs in renewals over the years."""

    held: Renewals | None  # None: no dates given
    notes: tuple[str, ...]
    years: int
    with_code: str | None
    together_fee_usd: int | None
    together_units: dict[str, int]
    apart_fee_usd: int | None


def for_advice(catalogue: Catalogue, held: Sequence[str], since: dict[str, date], recommended: str | None,
               years: int, today: date) -> AdviceRenewals:
    """Renewals due within ``years`` for what is held (with the dates given), and the cost in renewals
    of the recommendation held together with it: a new course of an issuer that renews on a course
    renews what is held from it, so the clock restarts today."""
    from scrumcert.costs import held_together

    known = [c for c in held if c in catalogue.certifications]
    dated = [Holding(c, since[c]) for c in known if c in since]
    result = renewals(catalogue, dated, today) if dated else None
    notes: list[str] = []
    rec = catalogue.certifications.get(recommended) if recommended else None
    rec_policy = catalogue.renewal_policies.get(rec.issuer) if rec else None
    end = add_years(today, years)
    for item in result.items if result else ():
        if item.lifetime or item.expires is None or item.paid_by:
            continue
        renews_it = (rec is not None and rec_policy is not None and rec_policy.course_renews
                     and rec.issuer == item.issuer)
        cost = f"{_money(item.fee_usd)} and {_units(item.education_units, item.unit)}"
        if item.lapsed:
            text = f"Your {item.code} lapsed on {item.expires.isoformat()}."
            policy = catalogue.renewal_policies.get(item.issuer)
            then = f" {policy.lapsed}" if policy and policy.lapsed else ""
            text += (f" Taking the {rec.code} course renews it." if renews_it and rec else
                     f" Renewing it costs {cost}.{then}")
        elif item.expires <= end:
            text = f"Your {item.code} expires on {item.expires.isoformat()}; renewing it costs {cost}."
            if renews_it and rec:
                text += f" Taking the {rec.code} course renews it, and all you hold from {rec.issuer}."
        else:
            continue
        notes.append(text)
    together_fee = apart_fee = None
    together_units: dict[str, int] = {}
    if rec is not None and rec.renewal is not None:
        codes = [*(c for c in known if c != rec.code), rec.code]
        both = held_together(catalogue, codes, years, today, {c: d for c, d in since.items() if c in codes})
        alone_rec = held_together(catalogue, [rec.code], years, today)
        alone_held = held_together(catalogue, [c for c in codes if c != rec.code], years, today,
                                   {c: d for c, d in since.items() if c in codes})
        together_fee, together_units = both.low, both.education_units
        apart_fee = alone_rec.low + alone_held.low
        if known and both.low < apart_fee:
            units = " and ".join(f"{n} {u}s" for u, n in both.education_units.items()) or "no units"
            notes.append(f"Renewals over {years} years of {rec.code} together with what you hold: "
                         f"{usd(both.low)} and {units}, as {rec.issuer} renews them together "
                         f"({usd(apart_fee)} one by one).")
    return AdviceRenewals(result, tuple(notes), years, rec.code if rec else None, together_fee,
                          together_units, apart_fee)


def dated_since(catalogue: Catalogue, dated: Sequence[tuple[str, str]], today: date) -> dict[str, date]:
    """The days given with ``held`` (``CSM@2025-03-01``), by canonical code; a bad one is one error."""
    from scrumcert.catalogue.lookup import resolve

    out: dict[str, date] = {}
    for typed, day in dated:
        code = resolve(catalogue, typed)
        when = parse_day(day, f"held: {code}", today)
        if code not in out or when > out[code]:
            out[code] = when
    return out


def lapsed_by_date(catalogue: Catalogue, held: Sequence[str], since: dict[str, date], today: date
                   ) -> tuple[str, ...]:
    """The certifications held whose dates say they have lapsed, counted as the issuer renews them
    (a CSM earned in 2019 is renewed by a CSPO course taken in 2025)."""
    dated = [Holding(c, since[c]) for c in held if c in since and c in catalogue.certifications]
    return tuple(i.code for i in renewals(catalogue, dated, today).items if i.lapsed) if dated else ()
