"""The documented JSON: what ``--format json`` prints for each command (see README, "JSON output").

This is the stable interface scripts rely on: add keys, never rename or drop one. The JSON is built
from the model directly, never from the words shown on screen.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from scrumcert.catalogue.model import Certification, OtherCredential, Source

if TYPE_CHECKING:
    from scrumcert.planner import Plan
    from scrumcert.recommender import Advice


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
    """One source in JSON: the same keys wherever sources are listed."""
    return {"title": s.title, "kind": s.kind, "url": s.url, "document": s.document,
            "published": _plain(s.published), "checked": s.checked.isoformat(), "facts": list(s.facts),
            "quote": s.quote}


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


def advice_dict(advice: Advice) -> dict[str, Any]:
    """The documented JSON contract of ``advise`` (see README, "JSON output")."""
    from scrumcert.answers import plain

    return {
        "answers": plain(advice.answers),
        "recommended": advice.recommended,
        "ranking": [{"code": r.code, "score": r.score, "eligible": r.eligible, "blocked": r.blocked,
                     "cost_now_usd": r.cost_now, "fits_budget": r.fits_budget,
                     "reasons": [{"text": x.text, "weight": x.weight, "rule": x.rule, "source": x.source}
                                 for x in r.reasons]} for r in advice.ranking],
        "path": [{"code": s.code, "when": s.when, "why": s.why} for s in advice.path],
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
