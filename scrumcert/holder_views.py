"""The rows of `renewals` and `ads`: one plain result, as JSON and as blocks (``output/blocks.py``) that
every other format is written from, so the formats always say the same things (the views in
``output/views.py`` hand them to ``output.show``).

Every string that comes from the catalogue or from an ad passes through ``literal`` before it is
shown, so control characters are made visible instead of interpreted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scrumcert.ads import AdsReport, meaning
from scrumcert.output.blocks import Block, Bullets, Grid, Heading, Para
from scrumcert.renewals import AdviceRenewals, Item, Renewals
from scrumcert.safe_text import literal


def _money(value: int | None) -> str:
    return "unknown" if value is None else f"${value:,}"


def expiry(item: Item) -> str:
    """``2027-03-01``, ``2025-01-10 lapsed``, ``never`` or ``unknown``."""
    if item.lifetime:
        return "never"
    if item.expires is None:
        return "unknown"
    return item.expires.isoformat() + (" lapsed" if item.lapsed else "")


def _fee(item: Item) -> str:
    if item.lifetime:
        return "-"
    return _money(item.fee_usd) + ("*" if item.fee_unconfirmed else "")


def _units(item: Item) -> str:
    if item.lifetime:
        return "-"
    unit = f"{item.unit}s" if item.unit and item.unit != "hours" else (item.unit or "units")
    if item.education_units is None:
        return f"unknown {unit}"
    return f"{item.education_units} {unit}"


def renews(item: Item, r: Renewals) -> str:
    """How it renews, in a few words: for life, on its own, with another, or paying for others."""
    if item.lifetime:
        return "-"
    if item.paid_by:
        return f"with {item.paid_by}"
    others = [i.code for i in r.items if i.paid_by == item.code]
    if not others:
        return "on its own"
    return "pays for both" if len(others) == 1 else f"pays for all {len(others) + 1}"


def total_line(r: Renewals) -> str:
    """``Total of the next renewals: $100 and 30 SEUs`` (a lower bound when a part is unknown)."""
    money = f"at least ${r.total_fee_usd:,}" if r.unknown else f"${r.total_fee_usd:,}"
    parts = [money, *(f"{n} {u}s" for u, n in r.total_units.items())]
    text = "Total of the next renewals: " + (", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1
                                             else parts[0])
    if r.unknown:
        text += f" (unknown: {'; '.join(r.unknown)})"
    return text + "."


def renewals_json(r: Renewals) -> dict[str, Any]:
    """The JSON contract: items with code, since, expires, lapsed, fee_usd, education_units, unit and
    note; then total_fee_usd and total_units. The other keys add to it."""
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


def renewals_blocks(r: Renewals) -> list[Block]:
    rows = [[i.code, i.since.isoformat() if i.since else "-", expiry(i), _fee(i), _units(i), renews(i, r)]
            for i in r.items]
    blocks: list[Block] = [
        Heading(f"Renewals as of {r.today.isoformat()}"),
        Grid(["Code", "Since", "Expires", "Fee", "Units", "Renews"], rows),
    ]
    if any(i.fee_unconfirmed for i in r.items):
        blocks.append(Para("* unconfirmed: the fee comes from sources our fact sheet does not confirm."))
    if r.combined:
        blocks += [Heading("Renewed together", 3), Bullets([literal(c) for c in r.combined])]
    blocks.append(Para(literal(total_line(r))))
    blocks += [Heading("What to do", 3), Bullets([literal(f"{i.code}: {i.todo}") for i in r.items])]
    counts: dict[str, str] = {}
    for i in r.items:
        if i.counts and not i.lifetime:
            counts.setdefault(i.issuer, i.counts)
    if counts:
        blocks += [Heading("What counts towards the units", 3),
                   Bullets([literal(f"{issuer}: {text}") for issuer, text in counts.items()])]
    if r.sources:
        blocks += [Heading("Sources", 3), Bullets([
            literal(f"{issuer}: {s.title} ({s.kind}), {s.url}; checked {s.checked.isoformat()}")
            for issuer, s in r.sources])]
    return blocks


def ads_rows(report: AdsReport) -> list[list[str]]:
    return [[c.code, f"{c.named} of {report.ads}", str(c.required), str(c.preferred),
             meaning(c, report.ads)] for c in report.counts]


def ads_blocks(report: AdsReport) -> list[Block]:
    blocks: list[Block] = [Heading(f"What your {report.ads} job ad{'s' if report.ads != 1 else ''} ask for")]
    if not report.counts:
        return [*blocks, Para("None of the ads names a credential scrumcert knows. Phrases such as "
                              "\"Scrum Master certification\" name none, so they are not counted.")]
    blocks.append(Grid(["Credential", "Named in", "Required", "Preferred", "What it means for you"],
                       [[literal(v) for v in row] for row in ads_rows(report)]))
    groups = sorted({g for r in report.readings for g in r.alternatives})
    if groups:
        blocks += [Heading("Offered as alternatives", 3),
                   Bullets([literal(" or ".join(g)) for g in groups])]
    blocks.append(Para("Each credential is counted once per ad. Required or preferred is read from the "
                       "words around it; an ad that names it without saying either counts only as named."))
    return blocks


def advice_extra_json(extra: AdviceRenewals, report: AdsReport | None, asks: Sequence[str]) -> dict[str, Any]:
    """What `advise` adds to its JSON: the renewals due and the job ads read (when given)."""
    out: dict[str, Any] = {
        "renewals": {
            "held": renewals_json(extra.held) if extra.held else None,
            "notes": list(extra.notes),
            "with": extra.with_code, "years": extra.years,
            "together_fee_usd": extra.together_fee_usd, "together_units": dict(extra.together_units),
            "apart_fee_usd": extra.apart_fee_usd,
        },
    }
    if report is not None:
        from scrumcert.ads import as_json

        out["ads"] = {**as_json(report), "employer_asks": list(asks)}
    return out


def advice_extra_blocks(extra: AdviceRenewals, ad_notes: Sequence[str]) -> list[Block]:
    """What `advise` adds under its advice, in every format: what the ads ask, and renewals due."""
    blocks: list[Block] = []
    if ad_notes:
        blocks += [Heading("What your job ads ask for", 3), Bullets([literal(n) for n in ad_notes])]
    if extra.notes:
        blocks += [Heading("Renewals", 3), Bullets([literal(n) for n in extra.notes])]
    return blocks
