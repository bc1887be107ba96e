"""Money in the reader's currency and region: one dated table of reference rates, conversion,
formatting, and the course prices trainers charge in each region.

The knowledge base stores issuers' fees in US dollars (their own currency for every fee we hold) and
course prices per region in the currency the page gave. This module converts once, at the edge:
the core keeps working in US dollars, and every figure shown goes through :func:`usd` (or
:meth:`Display.amount`), which renders it in the currency asked for. Pure: no I/O; the tables come
from the catalogue (``data/rates.yaml`` and ``data/prices.yaml``).
"""

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
    Region("EU", "Euro area", "EUR"),
    Region("IN", "India", "INR"),
    Region("AU", "Australia", "AUD"),
)}
def region_phrase(region: str) -> str:
    """How a sentence names the region: "the United States", "the euro area", "India"."""
    name = REGIONS[region].name if region in REGIONS else region
    return {"Euro area": "the euro area"}.get(name, f"the {name}" if name.startswith("United") else name)


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


def use(display: Display) -> None:
    """Show money as ``display`` says for the rest of this command; the CLI resets it after each
    command (:func:`reset`), so one run never leaks into the next in the same process."""
    _current.set(display)


def reset() -> None:
    _current.set(None)


def usd(value: float) -> str:
    """A US-dollar figure as the current display shows it: the one formatter of every fee."""
    return current().amount(value, HOME)


def rates_for(catalogue: "Catalogue") -> Rates | None:
    """The catalogue's own rates, else the bundled table (a trainer's catalogue need not bring one)."""
    if catalogue.rates is not None:
        return catalogue.rates
    from scrumcert.catalogue import open_catalogue
    from scrumcert.catalogue.locate import bundled_dir

    try:
        return open_catalogue(bundled_dir()).rates
    except ScrumcertError:
        return None


def prepare(catalogue: "Catalogue", currency: str | None, region: str | None
            ) -> tuple["Catalogue", Display]:
    """What ``--currency`` and ``--region`` make of a catalogue: the display to show money with, and
    the catalogue with the region's course prices (in US dollars) where it has them. Unknown codes and
    regions are one-line errors (exit 2)."""
    wanted = (currency or HOME).strip().upper()
    rates = rates_for(catalogue) if wanted != HOME or region else catalogue.rates
    display = display_for(currency, region, rates)
    if display.region is not None and rates is not None:
        catalogue = regional(catalogue, display.region, rates)
    return catalogue, display


def display_for(currency: str | None, region: str | None, rates: Rates | None) -> Display:
    """The display for ``--currency`` (or ``$SCRUMCERT_CURRENCY``) and ``--region``: unknown codes
    and regions are one-line errors. A region without a currency shows the region's currency."""
    where = region_id(region) if region else None
    if currency:
        code = currency_code(currency, rates)
    elif where is not None and rates is not None and rates.knows(REGIONS[where].currency):
        code = REGIONS[where].currency  # a region alone shows its own currency
    else:
        code = HOME
    return Display(code, rates, where)


# ---------------------------------------------------------------------------------- regional prices

def price_in(prices: Mapping[str, tuple[RegionalPrice, ...]], code: str, region: str
             ) -> RegionalPrice | None:
    for p in prices.get(code, ()):
        if p.region == region:
            return p
    return None


def _span(low: float | None, high: float | None, one: Any) -> str | None:
    if low is not None and high is not None:
        return one(low) if whole(low) == whole(high) else f"{one(low)} to {one(high)}"
    if low is not None:
        return f"from {one(low)}"
    if high is not None:
        return f"up to {one(high)}"
    return None


def range_text(p: RegionalPrice, display: Display) -> str:
    """``INR 24,000 to INR 26,000, set by the trainer`` in the currency the page gave, with the
    display currency's figure beside it when another one was asked for; unknown ends are said."""
    def local(v: float) -> str:
        return format_amount(v, p.currency)

    text = _span(p.min, p.max, local)
    typical = _span(p.typical_min if p.typical_min is not None else p.typical_max,
                    p.typical_max if p.typical_max is not None else p.typical_min, local)
    if typical:
        text = f"{text}, typically {typical}" if text else f"typically {typical}"
    if text and display.converting and display.rates and p.currency != display.currency \
            and display.rates.knows(p.currency):
        lo, hi = (p.min, p.max) if p.known else (p.typical_min, p.typical_max)
        text += f" (about {_span(lo, hi, lambda v: display.amount(v, p.currency))})"
    return f"{text or 'unknown'}, {SET_BY_TRAINER}"


def floor_text(p: RegionalPrice, display: Display) -> str | None:
    f = p.floor
    if f is None:
        return None
    amount = display.amount(f.amount, p.currency) if f.amount is not None else "a figure not published"
    return f"minimum advertised price since {f.since.isoformat()}: {amount}"


def regional(catalogue: "Catalogue", region: str, rates: Rates) -> "Catalogue":
    """The catalogue with each course price replaced by its price in ``region``, converted to US
    dollars once, where the knowledge base has one; everything downstream (costs, the recommender,
    plans) then works in US dollars as always, and the price's own sources back it. Without a
    regional price the worldwide range stays."""
    from scrumcert.catalogue.model import PriceRange

    certs = dict(catalogue.certifications)
    for code, cert in certs.items():
        p = price_in(catalogue.prices, code, region)
        if p is None or not (p.known or p.typical_known) or not rates.knows(p.currency):
            continue
        lo = p.min if p.min is not None else (p.typical_min if p.typical_min is not None else p.max)
        hi = p.max if p.max is not None else (p.typical_max if p.typical_max is not None else p.min)
        pages = [s.published for s in p.sources if s.published]
        price = PriceRange(None if lo is None else rates.convert(lo, p.currency, HOME),
                           None if hi is None else rates.convert(hi, p.currency, HOME),
                           max(pages) if pages else None)
        own = tuple(s._replace(facts=("price",)) for s in p.sources)
        rest = tuple(s._replace(facts=tuple(f for f in s.facts if f != "price")) for s in cert.sources)
        certs[code] = cert._replace(course=cert.course._replace(price_usd=price), sources=own + rest,
                                    unconfirmed=tuple(f for f in cert.unconfirmed if f != "price"))
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
