"""The bottom line of a comparison: which certification suits whom, in two or three sentences.

A grid of facts does not tell a reader what to conclude. These sentences are drawn only from the
catalogue's facts (a required course or not, an exam or not, renewal, the cost over the years), so
they change when the data does and never say more than the data knows: an unknown cost is said to
be unknown, never left out of a "cheapest" claim silently.

Pure: certifications in, sentences out. Money is written by the ``money`` function the caller gives,
so the same sentences serve every currency.
"""


from collections.abc import Callable, Sequence
from typing import NamedTuple

from scrumcert.catalogue.model import Certification

Money = Callable[[float], str]


def usd(value: float) -> str:
    """A US-dollar figure as this run shows money (``--currency`` converts it)."""
    from scrumcert.money import usd as shown

    return shown(value)


def names(codes: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    codes = list(codes)
    if len(codes) <= 1:
        return "".join(codes)
    return f"{', '.join(codes[:-1])} and {codes[-1]}"


class Cost(NamedTuple):
    """The cost of one certification over the years, as the bottom line needs it."""

    code: str
    low: int
    high: int
    unknown: tuple[str, ...]

    @property
    def known(self) -> bool:
        return not self.unknown


def cost_over(c: Certification, years: int) -> Cost:
    from scrumcert.costs import ownership

    o = ownership(c, years)
    return Cost(c.code, o.low, o.high, tuple(o.unknown))


def span(low: float, high: float, money: Money) -> str:
    return money(low) if low == high else f"{money(low)} to {money(high)}"


def _requires_course(c: Certification) -> bool:
    return c.course.required or c.kind == "course"


def who_sentence(certs: Sequence[Certification]) -> str | None:
    """Who each suits, by how it is earned: study alone and pass an exam, or learn in a course."""
    alone = [c.code for c in certs if not _requires_course(c) and c.exam is not None]
    course = [c for c in certs if _requires_course(c)]
    parts = []
    if alone:
        verb = "suits" if len(alone) == 1 else "suit"
        parts.append(f"{names(alone)} {verb} someone who would rather study on their own and prove it in "
                     "an exam (no course is required)")
    if course:
        codes = [c.code for c in course]
        verb = "suits" if len(codes) == 1 else "suit"
        text = f"{names(codes)} {verb} someone who wants to learn in a course with a trainer"
        no_exam = [c.code for c in course if c.exam is None]
        if no_exam and len(no_exam) < len(codes):
            text += f", and {names(no_exam)} {'has' if len(no_exam) == 1 else 'have'} no exam"
        elif no_exam:
            text += ", with no exam"
        parts.append(text)
    if not parts:
        return None
    return "; ".join(parts) + "."


def _renewal_phrase(c: Certification, money: Money) -> str:
    r = c.renewal
    assert r is not None
    if r.every_years is None:
        every = "at an unknown interval"
    else:
        every = "every year" if r.every_years == 1 else f"every {r.every_years:g} years"
    fee = money(r.fee_usd) if r.fee_usd is not None else "an unknown fee"
    units = f" + {r.education_units} {r.unit or 'units'}" if r.education_units else ""
    return f"{every} ({fee}{units})"


def renewal_sentence(certs: Sequence[Certification], money: Money = usd) -> str:
    """Which last for life and which must be renewed, how often and at what price."""
    lifetime = [c.code for c in certs if c.renewal is None]
    renewing: dict[str, list[str]] = {}
    for c in certs:
        if c.renewal is not None:
            renewing.setdefault(_renewal_phrase(c, money), []).append(c.code)
    renew_text = "; ".join(f"{names(codes)} {phrase}" for phrase, codes in renewing.items())
    if not renewing:
        if len(lifetime) == 1:
            return f"{lifetime[0]} is valid for life."
        return "Both are valid for life." if len(lifetime) == 2 else "All of them are valid for life."
    if not lifetime:
        return f"Each must be renewed: {renew_text}."
    verb = "is" if len(lifetime) == 1 else "are"
    return f"{names(lifetime)} {verb} valid for life; renewal is due for {renew_text}."


def cost_sentence(certs: Sequence[Certification], years: int, money: Money = usd) -> str:
    """The cheapest and the dearest over the years, with the certifications whose cost is unknown."""
    costs = [cost_over(c, years) for c in certs]
    known = [k for k in costs if k.known]
    unknown = [k.code for k in costs if not k.known]
    period = f"Over {years} year{'s' if years != 1 else ''}"
    text = ""
    if len(known) >= 2:
        low = min(known, key=lambda k: (k.high, k.low))
        high = max(known, key=lambda k: (k.high, k.low))
        if (low.low, low.high) == (high.low, high.high):
            same = span(low.low, low.high, money)
            text = f"{period} {names([k.code for k in known])} cost the same, {same}"
        else:
            cheapest = [k.code for k in known if (k.low, k.high) == (low.low, low.high)]
            text = (f"{period} {names(cheapest)} {'costs' if len(cheapest) == 1 else 'cost'} least "
                    f"({span(low.low, low.high, money)}{' each' if len(cheapest) > 1 else ''}) and "
                    f"{high.code} most ({span(high.low, high.high, money)})")
    elif len(known) == 1:
        k = known[0]
        text = f"{period} {k.code} costs {span(k.low, k.high, money)}"
    if unknown:
        floors = [f"{k.code} at least {money(k.high)}" for k in costs if not k.known and k.high]
        tail = f"what {names(unknown)} cost{'s' if len(unknown) == 1 else ''} is not fully known"
        tail += f" ({'; '.join(floors)})" if floors else ""
        text = f"{text}; {tail}" if text else f"{period} {tail}"
    return text[0].upper() + text[1:] + "."


def bottom_line(certs: Sequence[Certification], years: int, money: Money = usd) -> list[str]:
    """Two or three sentences: who each suits, renewal, and the cost over ``years``."""
    if not certs:
        return []
    sentences = [who_sentence(certs), renewal_sentence(certs, money), cost_sentence(certs, years, money)]
    return [s for s in sentences if s]
