"""What a certification costs: now, and over the years once renewals are counted.

Pure arithmetic over the catalogue's facts. Unknown stays unknown: a sum that needs an unknown fee is
reported as a lower bound with the unknown parts named, never filled in with a guess.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from scrumcert.catalogue.model import Certification


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
            notes.append(f"{c.code}: one exam attempt at ${exam.fee_usd:,} on top of the training, passed "
                         f"first time ({_dated(c, 'exam')})")
    elif c.exam is not None:
        if c.exam.fee_usd is not None:
            low += c.exam.fee_usd
            high += c.exam.fee_usd
            notes.append(f"{c.code}: one exam attempt at ${c.exam.fee_usd:,} bought on its own, passed first "
                         f"time ({_dated(c, 'exam')})")
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
                fee = f"${c.renewal.fee_usd:,}" if c.renewal.fee_usd is not None else "an unknown fee"
                period = "every year" if every == 1 else f"every {every:g} years"
                notes.append(f"{c.code}: renewed {period} at {fee}, {renewals} renewal(s) in "
                             f"{years} years ({_dated(c, 'renewal')})")
        else:
            unknown.append("renewal period")
            units = None
    else:
        notes.append(f"{c.code}: valid for life, no renewal")
    return Ownership(c.code, years, low, high, renewals, units, unit, tuple(unknown), tuple(notes))
