"""Reports as a list of simple blocks, written out as Markdown or as a self-contained HTML page.

``--format markdown`` and ``--output report.md|report.html`` build the same blocks from the same rows
as the terminal tables, so a report says exactly what the screen said, sources included.
"""

from __future__ import annotations

import html
from typing import Any, NamedTuple

from scrumcert.catalogue.model import Catalogue, Certification, OtherCredential
from scrumcert.present import (
    OUTSIDE,
    attribute_rows,
    exam_summary,
    literal,
    official_page_line,
    source_line,
    top_codes,
    why_lines,
)


class Heading(NamedTuple):
    text: str
    level: int = 2


class Para(NamedTuple):
    text: str


class Grid(NamedTuple):
    header: list[str]
    rows: list[list[str]]
    strong: frozenset[int] = frozenset()  # indexes of rows to stand out (values differ)


class Bullets(NamedTuple):
    items: list[str]


Block = Heading | Para | Grid | Bullets


# --- building ----------------------------------------------------------------------------------------

def sources_block(certs: list[Certification]) -> list[Block]:
    items = []
    for c in certs:
        page = official_page_line(c)
        if page:
            items.append(f"{c.code}: {page}")
        for s in c.sources:
            facts = f" ({', '.join(s.facts)})" if s.facts else ""
            items.append(f"{c.code}{facts}: {source_line(s)}")
    return [Heading("Sources", 3), Bullets(items)]


def comparison(certs: list[Certification], catalogue: Catalogue, years: int | None = None) -> list[Block]:
    rows = [["Name", *(literal(c.name) for c in certs)]]
    strong: set[int] = set()
    for label, values in attribute_rows(certs, catalogue, years):
        if len(certs) > 1 and len(set(values)) > 1:
            strong.add(len(rows))
        rows.append([label, *values])
    blocks: list[Block] = [Grid(["", *(c.code for c in certs)], rows, frozenset(strong))]
    if len(certs) > 1:
        blocks.append(Para("Rows in bold differ."))
    blocks += cost_notes(certs, years, catalogue)
    return blocks + sources_block(certs)


def cost_notes(certs: list[Certification], years: int | None, catalogue: Catalogue | None = None
               ) -> list[Block]:
    if years is None:
        return []
    from scrumcert.costs import ownership, together_notes

    notes = [literal(n) for c in certs for n in ownership(c, years).assumptions]
    if catalogue is not None:
        notes += [literal(n) for n in together_notes(catalogue, certs, years)]
    return [Heading(f"Cost over {years} years: assumptions", 3), Bullets(notes)] if notes else []


def show(c: Certification, catalogue: Catalogue, years: int | None = None) -> list[Block]:
    rows = [[label, value] for label, (value,) in attribute_rows([c], catalogue, years)]
    return [Heading(f"{c.code}: {literal(c.name)}"), Para(literal(c.summary)), Grid(["", c.code], rows),
            *cost_notes([c], years), *sources_block([c])]


def other_credential(o: OtherCredential) -> list[Block]:
    """``show`` for a credential outside the catalogue: what it is, that it is outside, where its
    issuer describes it."""
    return [Heading(literal(f"{o.code}: {o.name} ({o.issuer})")), Para(OUTSIDE), Para(literal(o.note)),
            Para(f"Official page: {literal(o.official_page)}"),
            Heading("Sources", 3), Bullets([source_line(s) for s in o.sources])]


def listing(certs: list[Certification]) -> list[Block]:
    rows = [[c.code, literal(c.name), literal(c.issuer), exam_summary(c.exam),
             "lifetime" if c.renewal is None else "renews"] for c in certs]
    return [Grid(["Code", "Name", "Issuer", "Exam", "Renewal"], rows)]


def advice(result: Any, catalogue: Catalogue, explain: bool = False, years: int | None = None
           ) -> list[Block]:
    if result.recommended is None:
        return [Para("No recommendation: " + " ".join(result.notes))]
    top = catalogue.certifications[result.recommended]
    blocks: list[Block] = [Heading(f"Recommended: {top.code}, {literal(top.name)}"), Para("Why:"),
                           Bullets(why_lines(result, top.code))]
    blocks += [Para(f"Note: {literal(n)}") for n in result.notes]
    blocks += comparison([catalogue.certifications[c] for c in top_codes(result)], catalogue, years)
    blocks += [Heading("Your path", 3),
               Grid(["#", "Step", "When", "Why"], [[str(i), s.code, literal(s.when), literal(s.why)]
                                                   for i, s in enumerate(result.path, 1)])]
    if explain:
        rows = [[r.id, ", ".join(f"{c} {w:+d}" for c, w in r.weights.items()), literal(r.reason)]
                for r in result.fired]
        blocks += [Heading("Rules that fired", 3), Grid(["Rule", "Weights", "Reason"], rows)]
    return blocks


# --- writing -----------------------------------------------------------------------------------------

def _cell(text: str) -> str:
    """One Markdown cell or line: no line breaks; pipes escaped; '<' and '&' escaped so that text from
    a catalogue is never taken for HTML by a Markdown renderer."""
    return " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|")


def to_markdown(blocks: list[Block]) -> str:
    out = []
    for b in blocks:
        if isinstance(b, Heading):
            out.append(f"{'#' * b.level} {_cell(b.text)}")
        elif isinstance(b, Para):
            out.append(_cell(b.text))
        elif isinstance(b, Bullets):
            out.append("\n".join(f"- {_cell(i)}" for i in b.items))
        else:
            lines = ["| " + " | ".join(_cell(h) for h in b.header) + " |", "|" + " --- |" * len(b.header)]
            for n, row in enumerate(b.rows):
                cells = [_cell(v) for v in row]
                if n in b.strong:
                    cells[0] = f"**{cells[0]}**"
                lines.append("| " + " | ".join(cells) + " |")
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


_CSS = """body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;padding:.35rem .6rem;
text-align:left;vertical-align:top}th{background:#eef}tr.differs td{background:#fff6d5;font-weight:600}
h1{font-size:1.6rem}h2{font-size:1.3rem}h3{font-size:1.1rem}footer{color:#666;font-size:.85rem}"""


def to_html(blocks: list[Block], title: str, generated: str) -> str:
    """A self-contained page: inline CSS, no script, no external resource."""
    esc = html.escape
    body = []
    for b in blocks:
        if isinstance(b, Heading):
            body.append(f"<h{b.level}>{esc(b.text)}</h{b.level}>")
        elif isinstance(b, Para):
            body.append(f"<p>{esc(b.text)}</p>")
        elif isinstance(b, Bullets):
            body.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in b.items) + "</ul>")
        else:
            head = "".join(f"<th>{esc(h)}</th>" for h in b.header)
            differs = ' class="differs"'
            rows = "".join(
                f"<tr{differs if n in b.strong else ''}>"
                + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>"
                for n, row in enumerate(b.rows))
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>\n<h1>{esc(title)}</h1>\n"
            + "\n".join(body) + f"\n<footer>{esc(generated)}</footer>\n</body></html>\n")


def plan(result: Any, catalogue: Catalogue) -> list[Block]:
    from scrumcert.present import plan_rows, plan_totals

    blocks: list[Block] = [Heading("Team plan"),
                           Grid(["Name", "Team", "Recommended", "First step", "Plan"], plan_rows(result))]
    if result.groups:
        blocks += [Heading("Learning together", 3),
                   Bullets([f"Team {literal(t)}: {', '.join(literal(n) for n in names)} attend one {c} course"
                            for t, c, names in result.groups])]
    seat_rows = [[code, str(n), literal(catalogue.certifications[code].name)]
                 for code, n in result.seats.items()]
    blocks += [Heading("Seats", 3), Grid(["Code", "Seats", "Name"], seat_rows),
               Heading("Total cost", 3), Bullets(plan_totals(result))]
    if result.problems:
        blocks += [Heading("Rows skipped", 3),
                   Bullets([f"row {p.row}: {literal(p.message)}" for p in result.problems])]
    certs = [catalogue.certifications[c] for c in result.seats]
    return blocks + cost_notes(certs, result.years) + sources_block(certs)
