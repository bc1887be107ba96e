"""The documented JSON: what ``--format json`` prints for each command (see README, "JSON output").

This is the stable interface scripts rely on: add keys, never rename or drop one. The JSON is built
from the model directly, never from the words shown on screen.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from scrumcert.catalogue.model import Catalogue, Certification, OtherCredential, Source

if TYPE_CHECKING:
    from scrumcert.ads import AdsReport
    from scrumcert.planner import Plan
    from scrumcert.recommender import Advice
    from scrumcert.renewals import AdviceRenewals, Renewals


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "_asdict"):  # a model NamedTuple
        return _plain(value._asdict())
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def cost_dict(c: Certification, years: int) -> dict[str, Any]:
    from scrumcert.costs import ownership

    o = ownership(c, years)
    return {"years": years, "low_usd": o.low, "high_usd": o.high, "renewals": o.renewals,
            "education_units": o.education_units, "unit": o.unit, "unknown": list(o.unknown),
            "assumptions": list(o.assumptions)}


def source_dict(s: Source) -> dict[str, Any]:
    """One source in JSON: the same keys wherever sources are listed (a renewal rule's source, which
    is always a web page, has no document)."""
    return {"title": s.title, "kind": s.kind, "url": s.url, "document": getattr(s, "document", None),
            "published": _plain(s.published), "checked": s.checked.isoformat(), "facts": list(s.facts),
            "quote": s.quote}


def regional_dicts(c: Certification, catalogue: Catalogue) -> list[dict[str, Any]]:
    """The regional course prices of one entry in JSON, in the currency each source gave."""
    out = []
    for p in catalogue.prices.get(c.code, ()):
        floor = None if p.floor is None else {
            "amount": p.floor.amount, "currency": p.currency, "since": p.floor.since.isoformat(),
            "note": p.floor.note, "source": source_dict(p.floor.source)}
        out.append({"region": p.region, "currency": p.currency, "min": p.min, "max": p.max,
                    "typical": {"min": p.typical_min, "max": p.typical_max}, "set_by": "trainer",
                    "includes": p.includes, "note": p.note, "minimum_advertised_price": floor,
                    "sources": [source_dict(s) for s in p.sources]})
    return out


def other_dict(o: OtherCredential) -> dict[str, Any]:
    """A credential outside the catalogue in JSON; ``in_catalogue`` tells it from a certification."""
    return {"code": o.code, "name": o.name, "issuer": o.issuer, "in_catalogue": False,
            "official_page": o.official_page, "note": o.note, "aliases": list(o.aliases),
            "roles": list(o.roles), "sources": [source_dict(s) for s in o.sources]}


def cert_dict(c: Certification, years: int | None = None) -> dict[str, Any]:
    """The documented JSON contract of one certification (see README, "JSON output")."""
    out = {
        "code": c.code, "name": c.name, "issuer": c.issuer, "kind": c.kind, "level": c.level,
        "official_page": c.official_page, "roles": list(c.roles), "summary": c.summary,
        "aliases": list(c.aliases),
        "course": _plain(c.course),
        "exam": None if c.exam is None else _plain(c.exam),
        "renewal": None if c.renewal is None else _plain(c.renewal),
        "pdus": c.pdus,
        "prerequisites": _plain(c.prerequisites),
        "leads_to": list(c.leads_to), "includes": list(c.includes), "unconfirmed": list(c.unconfirmed),
        "sources": [source_dict(s) for s in c.sources],
    }
    if years is not None:
        out["cost"] = cost_dict(c, years)
    return out


def advice_dict(advice: Advice, catalogue: Catalogue) -> dict[str, Any]:
    """The documented JSON contract of ``advise`` (see README, "JSON output")."""
    from scrumcert.answers import plain
    from scrumcert.why_not import alternatives

    def reason(x: Any) -> dict[str, Any]:
        return {"text": x.text, "weight": x.weight, "rule": x.rule, "source": x.source}

    return {
        "answers": plain(advice.answers),
        "recommended": advice.recommended,
        "fit": advice.entry(advice.recommended).fit if advice.recommended else None,
        "ranking": [{"code": r.code, "score": r.score, "fit": r.fit, "eligible": r.eligible,
                     "blocked": r.blocked, "cost_now_usd": r.cost_now, "fits_budget": r.fits_budget,
                     "reasons": [reason(x) for x in r.reasons],
                     "against": [reason(x) for x in r.against]} for r in advice.ranking],
        "alternatives": [{"code": a.code, "why_not": a.why_not} for a in alternatives(catalogue, advice)],
        "path": [{"code": s.code, "when": s.when, "why": s.why, "months_needed": s.months_needed}
                 for s in advice.path],
        "notes": list(advice.notes),
    }


def plan_dict(plan: Plan) -> dict[str, Any]:
    """The JSON of ``plan`` (see README)."""
    return {
        "years": plan.years,
        "people": [{"row": a.person.row, "name": a.person.name, "team": a.person.team,
                    "recommended": a.recommended, "attend": a.attend, "together_with": list(a.together_with),
                    "first_step": None if a.first_step is None else
                    {"code": a.first_step.code, "when": a.first_step.when, "why": a.first_step.why},
                    "why": a.why} for a in plan.people],
        "seats": plan.seats,
        "groups": [{"team": t, "course": c, "people": list(n)} for t, c, n in plan.groups],
        "cost": {"now_low_usd": plan.now_low, "now_high_usd": plan.now_high,
                 "years_low_usd": plan.years_low, "years_high_usd": plan.years_high,
                 "unpriced_seats": plan.unpriced,
                 "years_unknown": {code: list(parts) for code, parts in plan.years_unknown.items()}},
        "problems": [{"row": p.row, "message": p.message} for p in plan.problems],
    }


def renewals_dict(r: Renewals) -> dict[str, Any]:
    """`renewals`: items with code, since, expires, lapsed, fee_usd, education_units, unit and note;
    then total_fee_usd and total_units. The other keys add to it."""
    return {
        "today": r.today.isoformat(),
        "items": [{
            "code": i.code, "since": i.since.isoformat() if i.since else None,
            "expires": i.expires.isoformat() if i.expires else None, "lapsed": i.lapsed,
            "fee_usd": i.fee_usd, "education_units": i.education_units, "unit": i.unit, "note": i.note,
            "issuer": i.issuer, "lifetime": i.lifetime, "counts": i.counts, "todo": i.todo,
            "fee_unconfirmed": i.fee_unconfirmed, "renewed_with": i.paid_by,
        } for i in r.items],
        "total_fee_usd": r.total_fee_usd,
        "total_units": dict(r.total_units),
        "combined": list(r.combined),
        "unknown": list(r.unknown),
        "sources": [{"issuer": issuer, "title": s.title, "url": s.url, "kind": s.kind,
                     "checked": s.checked.isoformat(), "facts": list(s.facts), "quote": s.quote}
                    for issuer, s in r.sources],
    }


def ads_dict(report: AdsReport) -> dict[str, Any]:
    """`ads`: ``{"ads": n, "counts": {CODE: {"named", "required", "preferred"}}}``, most named first,
    then the alternatives and what each ad named."""
    return {
        "ads": report.ads,
        "counts": {c.code: {"named": c.named, "required": c.required, "preferred": c.preferred}
                   for c in report.counts},
        "alternatives": [list(g) for g in sorted({tuple(sorted(g)) for r in report.readings
                                                  for g in r.alternatives})],
        "per_ad": [{"ad": r.name, "named": dict(r.named), "alternatives": [list(g) for g in r.alternatives]}
                   for r in report.readings],
    }


def advice_extra_dict(extra: AdviceRenewals, report: AdsReport | None, asks: tuple[str, ...]
                      ) -> dict[str, Any]:
    """What `advise` adds to its JSON: the renewals due and the job ads read (when given)."""
    out: dict[str, Any] = {
        "renewals": {
            "held": renewals_dict(extra.held) if extra.held else None,
            "notes": list(extra.notes),
            "with": extra.with_code, "years": extra.years,
            "together_fee_usd": extra.together_fee_usd, "together_units": dict(extra.together_units),
            "apart_fee_usd": extra.apart_fee_usd,
        },
    }
    if report is not None:
        out["ads"] = {**ads_dict(report), "employer_asks": list(asks)}
    return out
