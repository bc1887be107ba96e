"""Money in the reader's currency and region: one dated table of reference rates, conversion,
formatting, and the course prices trainers charge in each region.

The knowledge base stores issuers' fees in US dollars (their own currency for every fee we hold) and
course prices per region in the currency the page gave. This module converts once, at the edge:
the core keeps working in US dollars, and every figure shown goes through :func:`usd` (or
:meth:`Display.amount`), which renders it in the currency asked for. Pure: no I/O; the tables come
from the catalogue (``data/rates.yaml`` and ``data/prices.yaml``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, NamedTuple

from scrumcert.catalogue.model import AdvertisedFloor, Rates, RegionalPrice
from scrumcert.errors import ScrumcertError

if TYPE_CHECKING:
    from scrumcert.catalogue.model import Catalogue

__all__ = ["AdvertisedFloor", "Rates", "RegionalPrice"]  # the model's money types, re-exported

HOME = "USD"  # the currency the catalogue's fees are kept in
ENV_VAR = "SCRUMCERT_CURRENCY"
SET_BY_TRAINER = "set by the trainer"
_CODE = re.compile(r"[A-Z]{3}")


class Region(NamedTuple):
    id: str
    name: str
    currency: str


REGIONS: dict[str, Region] = {r.id: r for r in (
    Region("US", "United States", "USD"),
    Region("CA", "Canada", "CAD"),
    Region("UK", "United Kingdom", "GBP"),
    Region("EU", "euro area", "EUR"),
    Region("IN", "India", "INR"),
    Region("AU", "Australia", "AUD"),
)}
# how people also write them; a country of the euro area finds the euro area
_REGION_ALIASES = {"GB": "UK", "EA": "EU", "EURO": "EU", "EUROZONE": "EU", "USA": "US",
                   **{c: "EU" for c in ("DE", "FR", "NL", "IE", "ES", "IT", "AT", "BE", "FI", "PT")}}


# ---------------------------------------------------------------------------------------- parsing

def currency_code(text: str, rates: Rates | None) -> str:
    """An ISO 4217 code the rates table knows (any case, spaces ignored), or a one-line error."""
    code = str(text).strip().upper()
    if code == HOME:
        return code
    if not _CODE.fullmatch(code):
        raise ScrumcertError(f"currency {str(text)[:20]!r} is not an ISO 4217 code (three letters, "
                             "for example EUR)")
    if rates is None or not rates.knows(code):
        known = ", ".join(sorted(rates.per_base)) if rates else HOME
        raise ScrumcertError(f"unknown currency {code}; the rates table knows: {known}")
    return code


def region_id(text: str) -> str:
    """A region id (any case), or a one-line error listing the regions."""
    key = str(text).strip().upper().replace(" ", "")
    key = _REGION_ALIASES.get(key, key)
    if key not in REGIONS:
        shown = ", ".join(f"{r.id} ({r.name})" for r in REGIONS.values())
        raise ScrumcertError(f"unknown region {str(text)[:20]!r}; regions: {shown}")
    return key


# ------------------------------------------------------------------------------------- formatting

def whole(value: float) -> int:
    """Whole units, halves away from zero (prices are quoted in whole units)."""
    return math.floor(abs(value) + 0.5) * (1 if value >= 0 else -1)


def format_amount(value: float, currency: str) -> str:
    """``$1,234`` for US dollars (as every page writes them), ``EUR 1,234`` for every other code
    (unambiguous, and plain ASCII on any terminal)."""
    n = whole(value)
    return f"${n:,}" if currency == HOME else f"{currency} {n:,}"


class Display(NamedTuple):
    """How money is shown in one run: the currency, and the rates that convert to it."""

    currency: str = HOME
    rates: Rates | None = None
    region: str | None = None

    @property
    def converting(self) -> bool:
        return self.currency != HOME and self.rates is not None

    def from_usd(self, value: float) -> float:
        return self.rates.convert(value, HOME, self.currency) if self.converting and self.rates else value

    def amount(self, value: float, currency: str = HOME) -> str:
        """A figure held in ``currency``, shown in the display currency."""
        if currency == self.currency or self.rates is None or not self.rates.knows(currency):
            return format_amount(value, currency)
        return format_amount(self.rates.convert(value, currency, self.currency), self.currency)

    def note(self) -> str | None:
        """The one line that says which rates converted the figures shown (None: nothing converted)."""
        if not self.converting or self.rates is None:
            return None
        per_usd = self.rates.rate(HOME, self.currency)
        return (f"Amounts in {self.currency}, converted from US dollars at {_publisher(self.rates)} "
                f"reference rates of {self.rates.day.isoformat()} (1 USD = {per_usd:,.4g} "
                f"{self.currency}); what you pay depends on the day and your bank.")


def _publisher(rates: Rates) -> str:
    title = rates.source.title
    return f"the {title.split(',')[0]}'s" if "," in title else "the"


_PLAIN = Display()
_current: ContextVar[Display | None] = ContextVar("scrumcert_display", default=None)


def current() -> Display:
    return _current.get() or _PLAIN


@contextmanager
def using(display: Display) -> Iterator[Display]:
    """Show money as ``display`` says while the block runs (the renderers read :func:`current`)."""
    token = _current.set(display)
    try:
        yield display
    finally:
        _current.reset(token)


def usd(value: float) -> str:
    """A US-dollar figure as the current display shows it: the one formatter of every fee."""
    return current().amount(value, HOME)


def display_for(currency: str | None, region: str | None, rates: Rates | None) -> Display:
    """The display for ``--currency`` (or ``$SCRUMCERT_CURRENCY``) and ``--region``: unknown codes
    and regions are one-line errors. A region alone does not change the currency."""
    code = currency_code(currency, rates) if currency else HOME
    return Display(code, rates, region_id(region) if region else None)


# ---------------------------------------------------------------------------------- regional prices

def price_in(prices: Mapping[str, tuple[RegionalPrice, ...]], code: str, region: str
             ) -> RegionalPrice | None:
    for p in prices.get(code, ()):
        if p.region == region:
            return p
    return None


def range_text(p: RegionalPrice, display: Display) -> str:
    """``INR 24,000 to INR 26,000, typically ..., set by the trainer``; unknown ends are said."""
    def one(v: float) -> str:
        return display.amount(v, p.currency)

    if p.min is not None and p.max is not None:
        text = one(p.min) if whole(p.min) == whole(p.max) else f"{one(p.min)} to {one(p.max)}"
    elif p.min is not None:
        text = f"from {one(p.min)}"
    elif p.max is not None:
        text = f"up to {one(p.max)}"
    else:
        text = "unknown"
    if p.typical_known:
        lo = p.typical_min if p.typical_min is not None else p.typical_max
        hi = p.typical_max if p.typical_max is not None else p.typical_min
        assert lo is not None and hi is not None
        typical = one(lo) if whole(lo) == whole(hi) else f"{one(lo)} to {one(hi)}"
        text = f"typically {typical}" if text == "unknown" else f"{text}, typically {typical}"
    return f"{text}, {SET_BY_TRAINER}"


def floor_text(p: RegionalPrice, display: Display) -> str | None:
    f = p.floor
    if f is None:
        return None
    amount = display.amount(f.amount, p.currency) if f.amount is not None else "a figure not published"
    return f"minimum advertised price since {f.since.isoformat()}: {amount}"


def regional(catalogue: Catalogue, region: str, rates: Rates) -> Catalogue:
    """The catalogue with each course price replaced by its price in ``region``, converted to US
    dollars once, where the knowledge base has one; everything downstream (costs, the recommender,
    plans) then works in US dollars as always. Without a regional price the worldwide range stays."""
    from scrumcert.catalogue.model import PriceRange

    certs = dict(catalogue.certifications)
    for code, cert in certs.items():
        p = price_in(catalogue.prices, code, region)
        if p is None or not (p.known or p.typical_known) or not rates.knows(p.currency):
            continue
        lo = p.min if p.min is not None else (p.typical_min if p.typical_min is not None else p.max)
        hi = p.max if p.max is not None else (p.typical_max if p.typical_max is not None else p.min)
        dated = [s.checked for s in p.sources]
        as_of = max(dated) if dated else cert.course.price_usd.as_of
        price = PriceRange(None if lo is None else rates.convert(lo, p.currency, HOME),
                           None if hi is None else rates.convert(hi, p.currency, HOME), as_of)
        certs[code] = cert._replace(course=cert.course._replace(price_usd=price))
    return catalogue._replace(certifications=certs)


def budget_usd(amount: float, currency: str, rates: Rates | None) -> float:
    """A budget given in ``currency``, in US dollars (the recommender judges in US dollars)."""
    if currency == HOME:
        return amount
    if rates is None or not rates.knows(currency):
        raise ScrumcertError(f"unknown currency {currency}; no rate to convert the budget with")
    return rates.convert(amount, currency, HOME)


# ------------------------------------------------------------------------------------------- JSON

def annotate(value: Any, display: Display) -> Any:
    """JSON keeps every ``*_usd`` field and gains the converted figure beside it (``fee_eur``), plus
    a ``currency`` object saying the code, the rates' day and source. Unchanged without conversion."""
    if not display.converting or display.rates is None:
        return value
    suffix = "_" + display.currency.lower()

    def conv(v: Any) -> Any:
        if isinstance(v, bool) or v is None:
            return v
        if isinstance(v, int | float):
            return round(display.from_usd(v), 2)
        if isinstance(v, dict):
            return {k: (conv(x) if k in ("min", "max", "low", "high") else x) for k, x in v.items()}
        if isinstance(v, list):
            return [conv(x) for x in v]
        return v

    def walk(v: Any) -> Any:
        if isinstance(v, list):
            return [walk(x) for x in v]
        if not isinstance(v, dict):
            return v
        out: dict[str, Any] = {}
        for k, x in v.items():
            out[k] = walk(x)
            if isinstance(k, str) and k.endswith("_usd"):
                out[k[:-4] + suffix] = conv(x)
        return out

    info = currency_info(display)
    result = walk(value)
    if isinstance(result, dict):
        result["currency"] = info
    elif isinstance(result, list):
        result = [{**x, "currency": info} if isinstance(x, dict) else x for x in result]
    return result


def currency_info(display: Display) -> dict[str, Any]:
    assert display.rates is not None
    r = display.rates
    return {"code": display.currency, "per_usd": round(r.rate(HOME, display.currency), 6),
            "rates_day": r.day.isoformat(), "source": {"title": r.source.title, "url": r.source.url}}
