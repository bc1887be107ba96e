"""The model as plain words: numbers, money, ranges and the sentences every format shows.

The views (``views.py``) build their rows from these helpers, once, for every format. Every string that
comes from a catalogue passes through :func:`literal`, which makes terminal escape sequences and other
control characters visible instead of interpreted.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from scrumcert.catalogue.model import (
    Catalogue,
    Certification,
    Exam,
    PriceRange,
    Renewal,
    Source,
)
from scrumcert.safe_text import literal

if TYPE_CHECKING:
    from scrumcert.planner import Plan
    from scrumcert.recommender import Advice

UNKNOWN = "unknown"
UNCONFIRMED = "(unconfirmed)"  # a value from sources the fact sheet does not confirm


def number(value: float | None) -> str:
    if value is None:
        return UNKNOWN
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def money(value: float | None) -> str:
    """A US-dollar figure, in the currency of ``--currency`` when one was asked for."""
    if value is None:
        return UNKNOWN
    converter = sys.modules.get("scrumcert.money")  # loaded only by --currency or --region
    return converter.usd(value) if converter else f"${number(value)}"


def course_price(c: Certification) -> str:
    """The course price said plainly: trainers set it, and the range shown is what pages report."""
    text = price_range(c.course.price_usd)
    return text if text == UNKNOWN else f"{text}; set by the trainer"


def regional_rows(c: Certification, catalogue: Catalogue) -> list[tuple[str, str]]:
    """("Price in India", "INR 24,000 to INR 26,000, set by the trainer; ...") for each region the
    knowledge base has a course price for (none when it has none)."""
    prices = catalogue.prices.get(c.code, ())
    if not prices:
        return []
    from scrumcert import money as money_mod

    shown = money_mod.current()
    rows = []
    for p in prices:
        head = money_mod.range_text(p, shown) + (f"; includes {p.includes}" if p.includes else "")
        floor = money_mod.floor_text(p, shown)
        # the figures read as one clause, the note and the advertised-price floor as sentences of their own
        sentences = [head, p.note, floor and floor[:1].upper() + floor[1:]]
        rows.append((f"Price in {money_mod.region_phrase(p.region)}",
                     " ".join(t if t.endswith(".") else f"{t}." for t in sentences if t)))
    return rows


def price_range(price: PriceRange) -> str:
    """``$250 to $2,495 (as of 2025-03-01)``; an unknown end is said, never guessed."""
    if not price.known:
        return UNKNOWN
    if price.min == price.max or price.max is None or price.min is None:
        low = price.min if price.min is not None else price.max
        text = f"about {money(low)}" if price.min is not None and price.max is not None else (
            f"from {money(price.min)}" if price.max is None else f"up to {money(price.max)}")
    else:
        text = f"{money(price.min)} to {money(price.max)}"
    return f"{text} (as of {price.as_of.isoformat()})" if price.as_of else f"{text} (source undated)"


def course_text(c: Certification) -> str:
    length = []
    if c.course.days is not None:
        length.append(f"{number(c.course.days)} days")
    if c.course.hours is not None:
        length.append(f"{number(c.course.hours)} h")
    size = " / ".join(length) or "length unknown"
    return f"required, {size}" if c.course.required else f"optional, {size}"


def exam_text(exam: Exam | None) -> str:
    if exam is None:
        return "none"
    parts = []
    if exam.questions is not None:
        parts.append(f"{exam.questions} questions")
    if exam.minutes is not None:
        parts.append(f"{exam.minutes} min")
    return ", ".join(parts) or UNKNOWN


def exam_summary(exam: Exam | None) -> str:
    """'none', 'unknown' (an exam nothing is known about) or 'yes', for one-word columns."""
    if exam is None:
        return "none"
    known = (exam.questions, exam.minutes, exam.pass_percent, exam.fee_usd, exam.attempts_included)
    return "yes" if any(v is not None for v in known) else UNKNOWN


def pass_text(exam: Exam | None) -> str:
    if exam is None:
        return "-"
    return UNKNOWN if exam.pass_percent is None else f"{number(exam.pass_percent)}%"


def exam_fee_text(c: Certification) -> str:
    exam = c.exam
    if exam is None:
        return "-"
    if exam.fee_usd is not None:
        return f"{money(exam.fee_usd)} per attempt"
    if c.course.required and exam.attempts_included:
        return "with the course"
    return UNKNOWN


def renewal_text(renewal: Renewal | None) -> str:
    if renewal is None:
        return "never (lifetime)"
    if renewal.every_years is None:
        every = "period unknown"
    else:
        every = "every year" if renewal.every_years == 1 else f"every {number(renewal.every_years)} years"
    fee = f"{money(renewal.fee_usd)}" if renewal.fee_usd is not None else "fee unknown"
    units = (f"{renewal.education_units} {renewal.unit or 'units'}" if renewal.education_units is not None
             else "units unknown")
    return f"{every}: {fee} + {units}"


def prerequisites_text(c: Certification) -> str:
    pre = c.prerequisites
    parts = list(pre.codes)
    if pre.recommended:
        parts.append(f"advised first: {', '.join(pre.recommended)}")
    if pre.experience_months:
        parts.append(f"{pre.experience_months} months in the role")
    return "; ".join(parts) or "none"


def listing(codes: tuple[str, ...]) -> str:
    return ", ".join(codes) or "-"


def ownership_text(c: Certification, years: int) -> str:
    """``$350 to $2,595 + 20 SEU`` over the years; unknown parts are named, never guessed."""
    from scrumcert.costs import ownership

    o = ownership(c, years)
    money_part = money(o.low) if o.low == o.high else f"{money(o.low)} to {money(o.high)}"
    if o.unknown:
        money_part = f"at least {money_part} (unknown: {', '.join(o.unknown)})" if o.high else (
            f"unknown ({', '.join(o.unknown)})")
    if o.education_units:
        money_part += f" + {o.education_units} {o.unit or 'units'}"
    return money_part


def price_label() -> str:
    """'Course price', or 'Course price in India' when --region picked the prices."""
    converter = sys.modules.get("scrumcert.money")
    region = converter.current().region if converter else None
    if region is None:
        return "Course price"
    return f"Course price in {converter.region_phrase(region)}"  # type: ignore[union-attr]


def attribute_rows(certs: list[Certification], catalogue: Catalogue, years: int | None = None
                   ) -> list[tuple[str, list[str]]]:
    """One (label, values) row per attribute, in the order people compare them; with ``years``, the
    cost of ownership over that many years too."""

    def roles(c: Certification) -> str:
        return ", ".join(catalogue.roles[r].name if r in catalogue.roles else r for r in c.roles) or "-"

    # each row names the facts it shows, so a value resting on unconfirmed sources is marked
    getters: list[tuple[str, Any, tuple[str, ...]]] = [
        ("Issuer", lambda c: c.issuer, ()),
        ("Kind", lambda c: c.kind, ()),
        ("Level", lambda c: c.level, ()),
        ("Roles", roles, ("roles",)),
        ("Course", course_text, ("course",)),
        (price_label(), course_price, ("price",)),
        ("Exam", lambda c: exam_text(c.exam), ("exam",)),
        ("Pass mark", lambda c: pass_text(c.exam), ("exam",)),
        ("Exam fee", exam_fee_text, ("exam_fee",)),
        ("Renewal", lambda c: renewal_text(c.renewal), ("renewal", "renewal_fee")),
        ("Lifetime", lambda c: "yes" if c.renewal is None else "no", ("renewal",)),
        ("PDUs/SEUs earned", lambda c: number(c.pdus), ("pdus",)),
        ("Prerequisites", prerequisites_text, ("prerequisites",)),
        ("Includes", lambda c: listing(c.includes), ("includes",)),
        ("Leads to", lambda c: listing(c.leads_to), ("leads_to",)),
    ]
    if years is not None:
        getters.append((f"Cost over {years} years", lambda c: ownership_text(c, years),
                        ("price", "renewal_fee", "exam_fee")))
    if len(certs) == 1:  # one entry shown: every region's price, each with its own words
        regional = regional_rows(certs[0], catalogue)
        getters[6:6] = [(label, lambda _c, text=text: text, ()) for label, text in regional]

    def cell(c: Certification, get: Any, facts: tuple[str, ...]) -> str:
        text = get(c)
        if text != "-" and not text.startswith(UNKNOWN) and any(c.is_unconfirmed(f) for f in facts):
            text += f" {UNCONFIRMED}"
        return literal(text)

    return [(label, [cell(c, get, facts) for c in certs]) for label, get, facts in getters]


# how each kind of source is named beside it, in every format
SOURCE_KIND_LABELS = {"official": "official", "trainer": "trainer", "secondary": "secondary"}


def source_line(s: Source) -> str:
    """One source as people read it: its kind first, so the issuer's own word stands out."""
    published = f", page dated {s.published.isoformat()}" if s.published else ""
    kind = f"[{SOURCE_KIND_LABELS[s.kind]}] " if s.kind else ""
    return literal(f"{kind}{s.title} ({s.where}){published}; checked {s.checked.isoformat()}")


def source_label(s: Source) -> str:
    """A source in one short cell of the ``sources`` listing: kind, title and address."""
    kind = f"[{SOURCE_KIND_LABELS[s.kind]}] " if s.kind else ""
    return literal(f"{kind}{s.title} {s.where}")


OUTSIDE = ("Outside scrumcert's catalogue: scrumcert recognises it when you hold it, but does not compare "
           "or recommend it.")
OUTSIDE_ALL = ("Outside scrumcert's catalogue: recognised when you hold them (advise --held, show), "
               "but never compared or recommended.")


def official_page_line(c: Certification) -> str | None:
    """The issuer's own page for a certification, listed before its sources; None when not given."""
    return literal(f"Official page ({c.issuer}): {c.official_page}") if c.official_page else None


def top_codes(advice: Advice, catalogue: Catalogue) -> list[str]:
    """The recommendation and its alternatives ("why not X"), for the comparison table."""
    from scrumcert.why_not import alternatives

    if advice.recommended is None:
        return []
    return [advice.recommended, *(a.code for a in alternatives(catalogue, advice))]


def why_lines(advice: Advice, code: str, n: int = 4) -> list[str]:
    """The strongest reasons in favour of one certification, as plain sentences."""
    return [literal(r.text) for r in advice.entry(code).reasons][:n]


def against_lines(advice: Any, code: str, n: int = 3) -> list[str]:
    """What in the answers speaks against one certification, strongest first."""
    return [literal(r.text) for r in advice.entry(code).against][:n]


def also_fits_text(advice: Any, catalogue: Catalogue) -> str:
    """Other positive, on-target certifications, in fit words: ``PSM-I (good fit), ...``."""
    from scrumcert.why_not import also_fits

    return ", ".join(f"{r.code} ({r.fit}{', over your budget' if r.fits_budget is False else ''})"
                     for r in also_fits(catalogue, advice))


def why_not_rows(advice: Any, catalogue: Catalogue) -> list[tuple[str, str]]:
    from scrumcert.why_not import alternatives

    return [(a.code, literal(a.why_not)) for a in alternatives(catalogue, advice)]


def condition_text(rule: Any, catalogue: Catalogue) -> str:
    """A rule's condition in words, for --explain: ``target: Scrum Master; goal: ...``."""
    parts = []
    for qid, cond in rule.when.items():
        q = catalogue.questions.get(qid)
        if isinstance(cond, dict):
            bounds = [f"at least {cond['min']}" if "min" in cond else "", f"at most {cond['max']}"
                      if "max" in cond else ""]
            said = " and ".join(b for b in bounds if b)
        else:
            labels = {c.value: c.label for c in q.choices} if q else {}
            said = " or ".join(labels.get(v, v) for v in cond)
        parts.append(f"{qid.replace('_', ' ')}: {said}")
    return literal("; ".join(parts) or "always")


def explain_rows(advice: Any, catalogue: Catalogue) -> list[tuple[str, str, str]]:
    """(when you said, what it weighed, the reason shown) for every weight that counted: the rules
    that fired, in their order, then the built-in weights."""
    said: dict[str, list[tuple[str, Any]]] = {}
    for entry in advice.ranking:
        for x in (*entry.reasons, *entry.against):
            said.setdefault(x.rule, []).append((entry.code, x))
    rows = [(condition_text(r, catalogue), f"{code} {x.weight:+d}", literal(x.text))
            for r in advice.fired for code, x in said.get(r.id, [])]
    fired = {r.id for r in advice.fired}
    rows += [("(built in)", f"{code} {x.weight:+d}", literal(x.text))
             for rule, pairs in said.items() if rule not in fired for code, x in pairs]
    return rows


def plan_rows(plan: Plan) -> list[list[str]]:
    """One row per person: name, team, recommendation, first step, what the plan books."""
    rows = []
    for a in plan.people:
        first = f"{a.first_step.code} ({a.first_step.when})" if a.first_step else "-"
        booked = a.attend or "-"
        if a.together_with:
            booked += f" with {', '.join(a.together_with)}"
        rows.append([literal(a.person.name), literal(a.person.team or "-"), a.recommended or "-", first,
                     literal(booked)])
    return rows


def plan_totals(plan: Plan) -> list[str]:
    def span(low: int, high: int) -> str:
        return money(low) if low == high else f"{money(low)} to {money(high)}"

    def total(low: int, high: int, unknown: str) -> str:
        if not unknown:
            return span(low, high)
        if not high:
            return f"unknown ({unknown})"
        return f"{span(low, high)} + {unknown}"

    unpriced = ", ".join(f"{n:,} x {code}" for code, n in plan.unpriced.items())
    later = "; ".join(f"{code}: {', '.join(parts)}" for code, parts in plan.years_unknown.items())
    seats = f"seats of unknown price: {unpriced}" if unpriced else ""
    return [f"Now: {total(plan.now_low, plan.now_high, seats)}",
            f"Over {plan.years} years, renewals included: "
            f"{total(plan.years_low, plan.years_high, f'not priced: {later}' if later else '')}"]
