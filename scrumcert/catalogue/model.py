"""Plain, immutable data types of the knowledge base.

The loader builds these from validated YAML; everything downstream (resolver, recommender, renderers)
reads them and nothing writes them. ``None`` on a number always means *unknown*, never zero.

They are ``NamedTuple``s rather than dataclasses for start-up time: building a class costs about
0.1 ms instead of 1 ms, and every command imports this module. ``_replace`` and ``_asdict`` serve
where ``dataclasses.replace`` and ``asdict`` would.
"""


from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

FACTS = ("course", "price", "exam", "renewal", "pdus", "prerequisites", "leads_to", "includes", "roles")
# What a certification can flag as unconfirmed: a fact, or the fee part of the exam or renewal.
UNCONFIRMABLE = (*FACTS, "exam_fee", "renewal_fee")
KINDS = ("certification", "course")
# What a source is: the issuer's own site, an accredited trainer's page, or anything else. Shown beside
# every source, and the order sources are listed in (official first).
SOURCE_KINDS = ("official", "trainer", "secondary")
LEVELS = ("foundation", "advanced", "professional", "expert")
UNITS = ("SEU", "PDU", "CEU", "hours")
QUESTION_TYPES = ("choice", "integer", "codes")
# regions with course prices: United States, Canada, United Kingdom, euro area, India, Australia
REGION_IDS = ("US", "CA", "UK", "EU", "IN", "AU")


class Source(NamedTuple):
    title: str
    checked: date
    url: str | None = None
    document: str | None = None
    published: date | None = None
    facts: tuple[str, ...] = ()
    kind: str | None = None  # one of SOURCE_KINDS; None only in catalogues written before it existed
    quote: str | None = None  # the words on the page that state the fact(s)

    @property
    def where(self) -> str:
        """The address or the named document, whichever the source has."""
        return self.url or self.document or ""


_KIND_RANK = {kind: rank for rank, kind in enumerate(SOURCE_KINDS)}


def official_first(sources: Iterable[Source]) -> tuple[Source, ...]:
    """Sources in the order every format lists them: the issuer's own pages first, then trainers',
    then the rest (a source of no stated kind last); the catalogue's own order within a kind."""
    return tuple(sorted(sources, key=lambda s: _KIND_RANK.get(s.kind or "", len(_KIND_RANK))))


class PriceRange(NamedTuple):
    min: int | None = None
    max: int | None = None
    as_of: date | None = None

    @property
    def known(self) -> bool:
        return self.min is not None or self.max is not None


class Course(NamedTuple):
    required: bool
    name: str | None = None
    days: float | None = None
    hours: float | None = None
    price_usd: PriceRange = PriceRange()
    note: str | None = None


class Exam(NamedTuple):
    questions: int | None = None
    minutes: int | None = None
    pass_percent: float | None = None
    fee_usd: int | None = None
    attempts_included: int | None = None
    note: str | None = None


class Renewal(NamedTuple):
    every_years: float | None = None
    fee_usd: int | None = None
    education_units: int | None = None
    unit: str | None = None
    note: str | None = None


class Prerequisites(NamedTuple):
    codes: tuple[str, ...] = ()
    recommended: tuple[str, ...] = ()
    experience_months: int | None = None
    note: str | None = None


class Certification(NamedTuple):
    code: str
    name: str
    issuer: str
    kind: str
    level: str
    roles: tuple[str, ...]
    summary: str
    course: Course
    exam: Exam | None  # None: there is no exam
    renewal: Renewal | None  # None: valid for life
    pdus: float | None
    prerequisites: Prerequisites
    leads_to: tuple[str, ...]
    includes: tuple[str, ...]
    sources: tuple[Source, ...]
    aliases: tuple[str, ...] = ()
    # facts that rest only on sources the fact sheet does not confirm: shown, but marked as such
    unconfirmed: tuple[str, ...] = ()
    official_page: str | None = None  # the issuer's own page for this certification or course

    def is_unconfirmed(self, fact: str) -> bool:
        """``exam_fee`` counts as unconfirmed when the whole exam is, and so on; a fee that is not
        known is not a value, so it is never marked."""
        if fact == "exam_fee" and (self.exam is None or self.exam.fee_usd is None):
            return False
        if fact == "renewal_fee" and (self.renewal is None or self.renewal.fee_usd is None):
            return False
        return fact in self.unconfirmed or fact.split("_")[0] in self.unconfirmed

    def sources_for(self, fact: str) -> tuple[Source, ...]:
        """The sources that back one fact (see ``FACTS``)."""
        return tuple(s for s in self.sources if fact in s.facts)


POLICY_FACTS = ("cycle", "fee", "units", "combined", "course_renews", "counts", "lapsed", "lifetime")


class PolicySource(NamedTuple):
    """Where an issuer's renewal rule comes from; ``kind`` says whose page it is."""

    title: str
    url: str
    kind: str
    checked: date
    facts: tuple[str, ...] = ()
    published: date | None = None
    quote: str | None = None


class Tier(NamedTuple):
    """One row of an issuer's renewal table: what renewing at this level costs, and the units a
    certification at this level adds when it renews alongside a higher one of another track."""

    level: str
    fee_usd: int | None
    education_units: int | None
    addon_units: int | None


class RenewalPolicy(NamedTuple):
    """How one issuer renews: its cycle and unit, how several certifications renew together (``tiers``
    and ``tracks``), member fees, what counts towards the units, and what to do once one lapsed."""

    issuer: str
    sources: tuple[PolicySource, ...]
    lifetime: bool = False
    every_years: float | None = None
    unit: str | None = None
    tiers: tuple[Tier, ...] = ()
    tracks: tuple[tuple[str, ...], ...] = ()
    course_renews: bool = False
    member_fee_usd: int | None = None
    non_member_fee_usd: int | None = None
    counts: str | None = None
    lapsed: str | None = None
    note: str | None = None

    def tier(self, level: str) -> Tier | None:
        return next((t for t in self.tiers if t.level == level), None)

    def sources_for(self, fact: str) -> tuple[PolicySource, ...]:
        return tuple(s for s in self.sources if fact in s.facts)


class Role(NamedTuple):
    id: str
    name: str
    description: str


class Choice(NamedTuple):
    value: str
    label: str
    help: str | None = None


class Question(NamedTuple):
    id: str
    prompt: str
    help: str
    type: str
    choices: tuple[Choice, ...] = ()
    default: object = None
    required: bool = False  # must be answered when there is no terminal to ask
    # ask it only when earlier answers match (question id -> accepted values); empty: always
    when: dict[str, tuple[str, ...]] = {}  # noqa: RUF012 - a NamedTuple default, never mutated

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)


class Rule(NamedTuple):
    id: str
    when: dict[str, object]
    weights: dict[str, int]
    reason: str  # the sentence for every weighted code without its own (may be empty when all have one)
    source: Source | None = None
    # code -> the sentence that argues for (or against) that code
    reasons: dict[str, str] = {}  # noqa: RUF012 - a NamedTuple default, never mutated
    on_target: bool = False  # a preference: weighs only the certifications of the target's track

    def reason_for(self, code: str) -> str:
        """The sentence shown with ``code``: its own, else the rule's shared one."""
        return self.reasons.get(code) or self.reason


class OtherCredential(NamedTuple):
    """A well-known credential outside the catalogue (PMP, PRINCE2, ITIL ...): never compared or
    recommended, only recognised, so that holding it can be said and understood."""

    code: str
    name: str
    issuer: str
    official_page: str
    note: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()

class Rates(NamedTuple):
    """One day's reference rates: units of each currency for one unit of ``base``."""

    base: str
    day: date
    per_base: dict[str, float]  # includes the base itself at 1
    source: Source

    def knows(self, code: str) -> bool:
        return code in self.per_base

    def rate(self, frm: str, to: str) -> float:
        """Units of ``to`` for one unit of ``frm`` (a cross rate through the base)."""
        return self.per_base[to] / self.per_base[frm]

    def convert(self, amount: float, frm: str, to: str) -> float:
        return amount if frm == to else amount * self.rate(frm, to)


class AdvertisedFloor(NamedTuple):
    """An issuer's Minimum Advertised Price policy for public course listings in a region."""

    amount: float | None  # None: the issuer does not publish the figure
    since: date
    note: str
    source: Source


class RegionalPrice(NamedTuple):
    """What trainers charge for one course in one region, in the currency the source gave."""

    code: str
    region: str
    currency: str
    min: float | None
    max: float | None
    typical_min: float | None = None
    typical_max: float | None = None
    includes: str | None = None
    note: str | None = None
    floor: AdvertisedFloor | None = None
    sources: tuple[Source, ...] = ()

    @property
    def known(self) -> bool:
        return self.min is not None or self.max is not None

    @property
    def typical_known(self) -> bool:
        return self.typical_min is not None or self.typical_max is not None


class Catalogue(NamedTuple):
    """Everything one catalogue folder holds, in file order."""

    origin: str
    roles: dict[str, Role]
    certifications: dict[str, Certification]
    questions: dict[str, Question]
    rules: tuple[Rule, ...]
    index: dict[str, str]  # normalised spelling -> code (see lookup.py)
    renewal_policies: dict[str, RenewalPolicy] = {}  # issuer -> how it renews  # noqa: RUF012
    # credentials outside the catalogue, and their spellings; read-only like everything here
    others: dict[str, OtherCredential] = {}  # noqa: RUF012
    other_index: dict[str, str] = {}  # noqa: RUF012
    prices: dict[str, tuple[RegionalPrice, ...]] = {}  # noqa: RUF012  code -> by region; never mutated
    rates: Rates | None = None  # None: the catalogue brings no rates (the bundled ones serve)

    def all_sources(self) -> list[tuple[str, Source]]:
        """Every (owner, source) pair: owner is a certification code or ``rule:<id>``."""
        pairs = [(c.code, s) for c in self.certifications.values() for s in c.sources]
        pairs += [(f"rule:{r.id}", r.source) for r in self.rules if r.source]
        pairs += [(o.code, s) for o in self.others.values() for s in o.sources]
        return pairs
