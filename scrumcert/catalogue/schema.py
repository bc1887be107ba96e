"""The catalogue's schema, written once and used twice.

The same small spec objects check parsed YAML at run time (fast: a few microseconds a field, no
dependency) and export the JSON Schema in ``schema/catalogue.schema.json`` that editors use while a
catalogue is being written. A test keeps the committed file equal to ``json_schema()``.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from scrumcert.catalogue.model import (
    FACTS,
    KINDS,
    LEVELS,
    POLICY_FACTS,
    QUESTION_TYPES,
    REGION_IDS,
    SOURCE_KINDS,
    UNCONFIRMABLE,
    UNITS,
)

Path = tuple[str | int, ...]


class SchemaError(Exception):
    """A value that does not fit the schema, at ``path`` inside one file."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path, self.message = path, message


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a mapping", date: "a date"}.get(type(value), type(value).__name__)


class Spec:
    def check(self, value: Any, path: Path) -> Any:
        raise NotImplementedError

    def json(self) -> dict[str, Any]:
        raise NotImplementedError


class Str(Spec):
    def __init__(self, pattern: str | None = None, hint: str = "") -> None:
        self.pattern = re.compile(pattern) if pattern else None
        self.raw, self.hint = pattern, hint

    def check(self, value: Any, path: Path) -> str:
        if not isinstance(value, str) or not value.strip():
            raise SchemaError(path, f"expected non-empty text, got {_kind(value)}")
        if self.pattern and not self.pattern.fullmatch(value):
            raise SchemaError(path, f"{value!r} is not {self.hint or 'valid'}")
        return value

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.raw:
            out["pattern"] = f"^(?:{self.raw})$"
        return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 24 else f"{text[:12]}...({len(text)} digits)"


def _bound(value: float) -> str:
    return f"{value:,}" if float(value).is_integer() else f"{value:g}"


class Num(Spec):
    """A number between ``minimum`` and ``maximum``. The maximum is required: an unbounded number
    let a 400-digit price through, which no renderer can show (``float()`` overflows) and no human
    meant; every number in a catalogue has a sane upper bound (see the constants below)."""

    def __init__(self, integer: bool = False, minimum: float = 0, *, maximum: float) -> None:
        self.integer, self.minimum, self.maximum = integer, minimum, maximum

    def check(self, value: Any, path: Path) -> int | float:
        ok = int if self.integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, ok):
            raise SchemaError(path, f"expected {'a whole number' if self.integer else 'a number'}, "
                                    f"got {_kind(value)} {_short(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise SchemaError(path, f"expected a finite number, got {value!r}")
        if value < self.minimum or value > self.maximum:
            low, high = _bound(self.minimum), _bound(self.maximum)
            raise SchemaError(path, f"{_short(value)} is out of range (expected between {low} and {high})")
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "integer" if self.integer else "number", "minimum": self.minimum,
                "maximum": self.maximum}


class Bool(Spec):
    def check(self, value: Any, path: Path) -> bool:
        if not isinstance(value, bool):
            raise SchemaError(path, f"expected true or false, got {_kind(value)} {value!r}")
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "boolean"}


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def latest_today() -> date:
    """Today's date where it is latest (UTC+14, Kiritimati): a date checked "today" by someone east of
    the user is not in the future, whatever the user's time zone (``date.today()`` is local time)."""
    from datetime import datetime, timedelta, timezone

    return datetime.now(timezone(timedelta(hours=14))).date()


# the latest "today" seen so far: days only move forward, so a date on or before it is not in the future,
# and a catalogue's thousands of dates need the clock (a time-zone computation) only when one is later
_seen_today = [date.min]


def _remember(today: date) -> date:
    _seen_today[0] = today
    return today


class Day(Spec):
    """A calendar date written as YAML's ``YYYY-MM-DD``, never in the future."""

    def check(self, value: Any, path: Path) -> date:
        if isinstance(value, str):
            try:
                if not _ISO_DAY.fullmatch(value):
                    raise ValueError(value)
                value = date.fromisoformat(value)
            except ValueError:
                raise SchemaError(path, f"expected a date YYYY-MM-DD, got {value!r}") from None
        if not isinstance(value, date) or hasattr(value, "hour"):
            raise SchemaError(path, f"expected a date YYYY-MM-DD, got {_kind(value)}")
        if value > _seen_today[0] and value > _remember(latest_today()):
            raise SchemaError(path, f"{value.isoformat()} is in the future")
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "string", "format": "date"}


class Enum(Spec):
    def __init__(self, values: tuple[str, ...]) -> None:
        self.values = values

    def check(self, value: Any, path: Path) -> str:
        if value not in self.values:
            raise SchemaError(path, f"{value!r} is not allowed (expected one of: {', '.join(self.values)})")
        return value

    def json(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


class Nullable(Spec):
    def __init__(self, inner: Spec) -> None:
        self.inner = inner

    def check(self, value: Any, path: Path) -> Any:
        return None if value is None else self.inner.check(value, path)

    def json(self) -> dict[str, Any]:
        return {"anyOf": [self.inner.json(), {"type": "null"}]}


class Literal(Spec):
    """One fixed word standing for a fact, e.g. ``exam: none`` or ``renewal: lifetime``."""

    def __init__(self, word: str, inner: Spec) -> None:
        self.word, self.inner = word, inner

    def check(self, value: Any, path: Path) -> Any:
        if value == self.word:
            return self.word
        if isinstance(value, str) or value is None:
            raise SchemaError(path, f"expected {self.word!r} or a mapping, got {value!r}")
        return self.inner.check(value, path)

    def json(self) -> dict[str, Any]:
        return {"anyOf": [{"const": self.word}, self.inner.json()]}


class ListOrBound(Spec):
    """A rule condition: a list of accepted values, or ``{min: N, max: N}`` for a number."""

    def __init__(self, values: Spec, bound: Spec) -> None:
        self.values, self.bound = values, bound

    def check(self, value: Any, path: Path) -> Any:
        if isinstance(value, dict):
            return self.bound.check(value, path)
        if not isinstance(value, list):
            raise SchemaError(path, f"expected a list of values or {{min: N, max: N}}, got {_kind(value)}")
        return self.values.check(value, path)

    def json(self) -> dict[str, Any]:
        return {"anyOf": [self.values.json(), self.bound.json()]}


class ListOf(Spec):
    def __init__(self, item: Spec, unique: bool = False) -> None:
        self.item, self.unique = item, unique

    def check(self, value: Any, path: Path) -> list[Any]:
        if not isinstance(value, list):
            raise SchemaError(path, f"expected a list, got {_kind(value)}")
        out = [self.item.check(v, (*path, i)) for i, v in enumerate(value)]
        if self.unique:
            seen: set[Any] = set()
            for i, v in enumerate(out):
                if v in seen:
                    raise SchemaError((*path, i), f"{v!r} is listed twice")
                seen.add(v)
        return out

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.json()}
        if self.unique:
            out["uniqueItems"] = True
        return out


class MapOf(Spec):
    def __init__(self, key: Spec, value: Spec) -> None:
        self.key, self.value = key, value

    def check(self, value: Any, path: Path) -> dict[Any, Any]:
        if not isinstance(value, dict):
            raise SchemaError(path, f"expected a mapping, got {_kind(value)}")
        return {self.key.check(k, (*path, str(k))): self.value.check(v, (*path, str(k)))
                for k, v in value.items()}

    def json(self) -> dict[str, Any]:
        return {"type": "object", "propertyNames": self.key.json(), "additionalProperties": self.value.json()}


class Obj(Spec):
    """A mapping with known fields; unknown fields are errors (they are usually typos).

    ``late`` names optional fields that every finished catalogue still must have: editors see them as
    required, while at run time the builder asks for them after the structural and cross-file checks
    (``build.Builder._check_provenance``), so that a catalogue with one real mistake is told about that
    mistake first, and a missing source kind or official page is named with its file, line and field."""

    def __init__(self, required: dict[str, Spec], optional: dict[str, Spec] | None = None,
                 description: str = "", late: tuple[str, ...] = ()) -> None:
        self.required, self.optional = required, optional or {}
        self.fields = {**self.required, **self.optional}
        self.description = description
        self.late = late

    def check(self, value: Any, path: Path) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise SchemaError(path, f"expected a mapping, got {_kind(value)}")
        keys = value.keys()
        if not (keys <= self.fields.keys() and self.required.keys() <= keys):  # the rare case: say which
            for key in value:
                if key not in self.fields:
                    raise SchemaError((*path, str(key)),
                                      f"unknown field (expected one of: {', '.join(self.fields)})")
            for key in self.required:
                if key not in value:
                    raise SchemaError((*path, key), "required field is missing")
        return {k: spec.check(value[k], (*path, k)) for k, spec in self.fields.items() if k in value}

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "object", "properties": {k: s.json() for k, s in self.fields.items()},
                               "required": [*self.required, *self.late], "additionalProperties": False}
        if self.description:
            out["description"] = self.description
        return out


# --- the catalogue ---------------------------------------------------------------------------------

CODE = Str(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*", "a code (upper-case letters, digits and '-')")
ID = Str(r"[a-z][a-z0-9_]*", "an id (lower_snake_case)")
VALUE = Str(r"[a-z0-9][a-z0-9_]*|[A-Z]{2,3}",
            "a value (lower_snake_case, may start with a digit; or a code in capitals such as EUR)")
TEXT = Str()
MAYBE_TEXT = Nullable(Str())
# Upper bounds: far above anything real, far below what breaks a renderer (floats end near 1.8e308).
MAX_USD = 10_000_000  # a price or a fee, in US dollars
MAX_COUNT = 100_000  # questions, minutes, attempts, education units, PDUs, course days and hours
MAX_MONTHS = 1_200  # experience asked for: a hundred years
MAYBE_USD = Nullable(Num(integer=True, maximum=MAX_USD))
MAYBE_INT = Nullable(Num(integer=True, maximum=MAX_COUNT))
MAYBE_NUM = Nullable(Num(maximum=MAX_COUNT))
URL = Str(r"https?://\S+", "an http(s) address")

_SOURCE_FIELDS = {"url": URL, "document": TEXT, "published": Nullable(Day()),
                  "facts": ListOf(Enum(FACTS), unique=True), "kind": Enum(SOURCE_KINDS), "quote": TEXT}
_SOURCE_TEXT = ("Where a fact comes from (a URL or a named document), what kind of page it is (the issuer's "
                "own, an accredited trainer's, or secondary), the words that state the fact, and when it was "
                "last checked.")
# a source of facts about a certification or credential: its kind is required
SOURCE = Obj({"title": TEXT, "checked": Day()}, _SOURCE_FIELDS, _SOURCE_TEXT, late=("kind",))
# where a rule's advice comes from (data/rules.yaml): the same spec, so its kind is required too
RULE_SOURCE = SOURCE

CURRENCY = Str(r"[A-Z]{3}", "an ISO 4217 currency code (three capital letters, for example EUR)")
AMOUNT = Nullable(Num(maximum=1e9))
REGIONAL_PRICE = Obj(
    {"region": Enum(REGION_IDS), "currency": CURRENCY, "min": AMOUNT, "max": AMOUNT,
     "sources": ListOf(SOURCE)},
    {"typical": Obj({}, {"min": AMOUNT, "max": AMOUNT}), "includes": MAYBE_TEXT, "note": MAYBE_TEXT,
     "minimum_advertised_price": Obj({"since": Day(), "note": TEXT, "source": SOURCE}, {"amount": AMOUNT},
                                     "An issuer's Minimum Advertised Price policy; amount null when the "
                                     "issuer does not publish it.")},
    "What trainers charge for one course in one region, in the currency the source gave.",
)
RATES = Obj(
    {"base": CURRENCY, "day": Day(), "per_base": MapOf(CURRENCY, Num(minimum=1e-9, maximum=1e9)),
     "source": SOURCE},
    {},
    "One day's reference rates: units of each currency for one unit of the base currency.",
)

CERTIFICATION = Obj(
    {
        "code": CODE, "name": TEXT, "issuer": TEXT, "kind": Enum(KINDS), "level": Enum(LEVELS),
        "roles": ListOf(ID, unique=True), "summary": TEXT,
        "course": Obj({"required": Bool()}, {
            "name": MAYBE_TEXT, "days": MAYBE_NUM, "hours": MAYBE_NUM, "note": MAYBE_TEXT,
            "price_usd": Obj({}, {"min": MAYBE_USD, "max": MAYBE_USD, "as_of": Nullable(Day())}),
        }),
        "exam": Literal("none", Obj({}, {
            "questions": MAYBE_INT, "minutes": MAYBE_INT, "pass_percent": Nullable(Num(maximum=100)),
            "fee_usd": MAYBE_USD, "attempts_included": MAYBE_INT, "note": MAYBE_TEXT,
        })),
        "renewal": Literal("lifetime", Obj({}, {
            "every_years": Nullable(Num(minimum=0.25, maximum=100)), "fee_usd": MAYBE_USD,
            "education_units": MAYBE_INT,
            "unit": Nullable(Enum(UNITS)), "note": MAYBE_TEXT,
        })),
        "pdus": MAYBE_NUM,
        "sources": ListOf(SOURCE),
    },
    {
        "aliases": ListOf(TEXT, unique=True),
        "official_page": URL,
        "unconfirmed": ListOf(Enum(UNCONFIRMABLE), unique=True),
        "prerequisites": Obj({}, {
            "codes": ListOf(CODE, unique=True), "recommended": ListOf(CODE, unique=True),
            "experience_months": Nullable(Num(integer=True, maximum=MAX_MONTHS)), "note": MAYBE_TEXT,
        }),
        "leads_to": ListOf(CODE, unique=True),
        "includes": ListOf(CODE, unique=True),
    },
    "One certification, or a course that comes with assessment attempts.",
    late=("official_page",),
)

ROLE = Obj({"id": ID, "name": TEXT, "description": TEXT})

OTHER = Obj(
    {"code": CODE, "name": TEXT, "issuer": TEXT, "official_page": URL, "note": TEXT,
     "sources": ListOf(SOURCE)},
    {"aliases": ListOf(TEXT, unique=True), "roles": ListOf(ID, unique=True)},
    "A well-known credential outside the catalogue: recognised when held, never recommended.",
)

QUESTION = Obj(
    {"id": ID, "prompt": TEXT, "help": TEXT, "type": Enum(QUESTION_TYPES)},
    {"choices": ListOf(Obj({"value": VALUE, "label": TEXT}, {"help": MAYBE_TEXT})),
     "default": Nullable(Str()), "required": Bool(),
     "when": MapOf(ID, ListOf(Str(), unique=True))},
)

BOUND = Obj({}, {"min": Num(integer=True, maximum=10**12), "max": Num(integer=True, maximum=10**12)})

RULE = Obj(
    {"id": Str(r"[a-z0-9][a-z0-9_-]*", "a rule id (lower-case, digits, '-', '_')"),
     "when": MapOf(ID, ListOrBound(ListOf(Str(), unique=True), BOUND)),
     "weights": MapOf(CODE, Num(integer=True, minimum=-100, maximum=100))},
    {"reason": TEXT, "reasons": MapOf(CODE, TEXT), "on_target": Bool(), "source": RULE_SOURCE},
    "Adds weight to certifications when the answers match; each code's reason (its own in `reasons`, "
    "else `reason`) is shown to the user with it.",
)

POLICY_SOURCE = Obj(
    {"title": TEXT, "url": Str(r"https?://\S+", "an http(s) address"), "kind": Enum(SOURCE_KINDS),
     "checked": Day()},
    {"published": Nullable(Day()), "quote": MAYBE_TEXT, "facts": ListOf(Enum(POLICY_FACTS), unique=True)},
    "Where an issuer's renewal rule comes from: official (the issuer's site), trainer or secondary.",
)

FEE = Nullable(Num(integer=True, minimum=0, maximum=100_000))
UNITS_COUNT = Nullable(Num(integer=True, minimum=0, maximum=1_000))

RENEWAL_POLICY = Obj(
    {"issuer": TEXT, "sources": ListOf(POLICY_SOURCE)},
    {"lifetime": Bool(), "every_years": Nullable(Num(minimum=0.5, maximum=10)), "unit": Enum(UNITS),
     "tiers": ListOf(Obj({"level": Enum(LEVELS), "fee_usd": FEE, "education_units": UNITS_COUNT,
                          "addon_units": UNITS_COUNT})),
     "tracks": ListOf(ListOf(CODE, unique=True)), "course_renews": Bool(),
     "member_fee_usd": FEE, "non_member_fee_usd": FEE,
     "counts": MAYBE_TEXT, "lapsed": MAYBE_TEXT, "note": MAYBE_TEXT},
    "How one issuer renews: several certifications together, member fees, what counts, what to do "
    "once lapsed. Each certification's own cycle, fee and units stay in its `renewal`.",
)

FILE = Obj({}, {
    "roles": ListOf(ROLE), "certifications": ListOf(CERTIFICATION),
    "questions": ListOf(QUESTION), "rules": ListOf(RULE), "renewal_policies": ListOf(RENEWAL_POLICY),
    "others": ListOf(OTHER), "prices": MapOf(CODE, ListOf(REGIONAL_PRICE)), "rates": RATES,
}, "One file of a scrumcert catalogue.")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one catalogue file."""
    schema = FILE.json()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://github.com/scrumcert/scrumcert/schema/catalogue.schema.json",
            "title": "scrumcert catalogue file", **schema}
