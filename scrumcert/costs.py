"""What a certification costs: now, and over the years once renewals are counted.

Pure arithmetic over the catalogue's facts. Unknown stays unknown: a sum that needs an unknown fee is
reported as a lower bound with the unknown parts named, never filled in with a guess.
"""


import math
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from scrumcert.catalogue.model import Catalogue, Certification
from scrumcert.money import usd


def cost_now_range(c: Certification) -> tuple[int, int] | None:
    """The known price range of earning it today: the required (or bundled) course's range, else one
    exam attempt bought on its own. None when that price is unknown; one known end stands for both."""
    if c.course.required or c.kind == "course":
        ends = [v for v in (c.course.price_usd.min, c.course.price_usd.max) if v is not None]
        return (ends[0], ends[-1]) if ends else None
    if c.exam is not None and c.exam.fee_usd is not None:
        return c.exam.fee_usd, c.exam.fee_usd
    return None


def cost_now(c: Certification) -> int | None:
    """The least known price of earning it today (the low end of ``cost_now_range``)."""
    span = cost_now_range(c)
    return span[0] if span else None


class Ownership(NamedTuple):
    """The cost of holding one certification for ``years`` years."""

    code: str
    years: int
    low: int  # sum of the known parts at their lowest
    high: int  # sum of the known parts at their highest
    renewals: int  # how many renewals fall within the years
    education_units: int | None  # units to earn over the years (None: unknown)
    unit: str | None
    unknown: tuple[str, ...] = ()  # parts that could not be priced
    assumptions: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.unknown


def _dated(c: Certification, fact: str) -> str:
    """Where a fee comes from, by date: the oldest check of the sources that back the fact."""
    sources = c.sources_for(fact)
    if not sources:
        return "no source"
    oldest = min(sources, key=lambda s: s.checked)
    page = f", page dated {oldest.published.isoformat()}" if oldest.published else ", page undated"
    return f"source checked {oldest.checked.isoformat()}{page}"


def ownership(c: Certification, years: int) -> Ownership:
    """Course (its price range), one exam attempt when not bundled, then renewals within ``years``."""
    low = high = 0
    unknown: list[str] = []
    notes: list[str] = []
    if c.course.required or c.kind == "course":
        price = c.course.price_usd
        if price.known:
            low += price.min if price.min is not None else price.max or 0
            high += price.max if price.max is not None else price.min or 0
            when = price.as_of.isoformat() if price.as_of else "an undated page"
            notes.append(f"{c.code}: course price range as of {when} ({_dated(c, 'price')}); it includes "
                         "the exam attempts that come with it")
        else:
            unknown.append("course price")
        exam = c.exam
        if exam is not None and exam.fee_usd is not None and not exam.attempts_included:
            low += exam.fee_usd  # the course does not come with an attempt: the exam is bought apart
            high += exam.fee_usd
            notes.append(f"{c.code}: one exam attempt at {usd(exam.fee_usd)} on top of the training, passed "
                         f"first time ({_dated(c, 'exam')})")
    elif c.exam is not None:
        if c.exam.fee_usd is not None:
            low += c.exam.fee_usd
            high += c.exam.fee_usd
            notes.append(f"{c.code}: one exam attempt at {usd(c.exam.fee_usd)} bought on its own, passed "
                         f"first time ({_dated(c, 'exam')})")
        else:
            unknown.append("exam fee")
    renewals = 0
    units: int | None = 0
    unit = None
    if c.renewal is not None:
        every = c.renewal.every_years
        if every:
            renewals = math.floor(years / every)
            if renewals:
                if c.renewal.fee_usd is not None:
                    low += renewals * c.renewal.fee_usd
                    high += renewals * c.renewal.fee_usd
                else:
                    unknown.append("renewal fee")
                per = c.renewal.education_units
                units = renewals * per if per is not None else None
                if units is None:
                    unknown.append("education units")
                unit = c.renewal.unit
                fee = f"{usd(c.renewal.fee_usd)}" if c.renewal.fee_usd is not None else "an unknown fee"
                period = "every year" if every == 1 else f"every {every:g} years"
                notes.append(f"{c.code}: renewed {period} at {fee}, {renewals} renewal(s) in "
                             f"{years} years ({_dated(c, 'renewal')})")
        else:
            unknown.append("renewal period")
            units = None
    else:
        notes.append(f"{c.code}: valid for life, no renewal")
    return Ownership(c.code, years, low, high, renewals, units, unit, tuple(unknown), tuple(notes))


class HeldTogether(NamedTuple):
    """Renewals of a set of certifications held together over ``years``: how many times each group
    renews, its fee and units, counted the way the issuer combines them."""

    years: int
    low: int  # known fees
    renewals: dict[str, int]  # code that pays -> number of renewals in the years
    education_units: dict[str, int]
    unknown: tuple[str, ...]
    notes: tuple[str, ...]


def held_together(catalogue: Catalogue, codes: Sequence[str], years: int, start: date,
                  since: dict[str, date] | None = None) -> HeldTogether:
    """The renewals due within ``years`` from ``start`` for ``codes`` held together.

    A certification without a date is taken as earned on ``start``. Every renewal of a group costs
    the group's combined fee: the next one falls on its expiry, then one every cycle."""
    from scrumcert.renewals import Holding, add_years, renewals

    since = since or {}
    holdings = [Holding(c, since.get(c, start)) for c in dict.fromkeys(codes)]
    plan = renewals(catalogue, holdings, start)
    end = add_years(start, years)
    low = 0
    counts: dict[str, int] = {}
    units: dict[str, int] = {}
    unknown: list[str] = []
    notes: list[str] = list(plan.combined)
    for item in plan.items:
        if item.lifetime or item.expires is None:
            if not item.lifetime:
                unknown.append(f"{item.code}: renewal cycle")
            continue
        if item.fee_usd == 0 and not item.education_units:
            continue  # renewed with another certification of its track
        cert = catalogue.certifications[item.code]
        policy = catalogue.renewal_policies.get(item.issuer)
        every = (policy.every_years if policy and policy.tiers and policy.every_years
                 else cert.renewal.every_years if cert.renewal else None)
        if not every:
            continue
        due, n = max(item.expires, start), 0
        while due <= end:
            n += 1
            due = add_years(due, every)
        if not n:
            continue
        if item.fee_usd:
            counts[item.code] = n
        if item.fee_usd is None:
            unknown.append(f"{item.code}: renewal fee")
        else:
            low += n * item.fee_usd
        if item.education_units is None:
            unknown.append(f"{item.code}: {item.unit or 'education units'}")
        elif item.unit:
            units[item.unit] = units.get(item.unit, 0) + n * item.education_units
    return HeldTogether(years, low, counts, units, tuple(dict.fromkeys(unknown)), tuple(notes))


def together_notes(catalogue: Catalogue, certs: Sequence[Certification], years: int) -> list[str]:
    """What holding these certifications together costs in renewals, where an issuer renews several as
    one (Scrum Alliance: CSM and CSPO for one fee of $100 and 30 SEUs), against counting them one by one."""
    from scrumcert.catalogue.freshness import today

    start = today()
    by_issuer: dict[str, list[str]] = {}
    for c in certs:
        policy = catalogue.renewal_policies.get(c.issuer)
        if c.renewal is not None and policy is not None and policy.tier(c.level) is not None:
            by_issuer.setdefault(c.issuer, []).append(c.code)
    notes = []
    for issuer, codes in by_issuer.items():
        if len(codes) < 2:
            continue
        both = held_together(catalogue, codes, years, start)
        apart = [held_together(catalogue, [code], years, start) for code in codes]
        apart_fee = sum(a.low for a in apart)
        apart_units: dict[str, int] = {}
        for a in apart:
            for u, n in a.education_units.items():
                apart_units[u] = apart_units.get(u, 0) + n
        count = sum(both.renewals.values())
        units = " and ".join(f"{n} {u}s" for u, n in both.education_units.items()) or "no units"
        apart_text = " and ".join(f"{n} {u}s" for u, n in apart_units.items()) or "no units"
        names = ", ".join(codes[:-1]) + f" and {codes[-1]}"
        policy = catalogue.renewal_policies[issuer]
        notes.append(
            f"Held together, {names} renew as one with {issuer} (one fee for the highest level, add-on units "
            f"for the others, every {policy.every_years or 2:g} years): {count} renewal(s) in {years} years "
            f"for {usd(both.low)} and {units}, against {usd(apart_fee)} and {apart_text} counted one by one.")
    return notes
