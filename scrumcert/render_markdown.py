"""Markdown renderings: the same rows as the terminal tables, for pasting into a wiki or a ticket."""

from __future__ import annotations

from typing import Any

from scrumcert.model import Catalogue, Certification
from scrumcert.present import attribute_rows, literal, source_line


def cell(text: str) -> str:
    """One table cell: no line breaks, pipes escaped."""
    return " ".join(literal(text).split()).replace("|", "\\|")


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def sources_list(certs: list[Certification]) -> str:
    lines = []
    for c in certs:
        for s in c.sources:
            facts = f" ({', '.join(s.facts)})" if s.facts else ""
            lines.append(f"- {cell(c.code)}{facts}: {cell(source_line(s))}")
    return "\n".join(lines)


def compare(certs: list[Certification], catalogue: Catalogue) -> str:
    rows = [["Name", *(c.name for c in certs)]]
    for label, values in attribute_rows(certs, catalogue):
        differs = len(certs) > 1 and len(set(values)) > 1
        rows.append([f"**{label}**" if differs else label, *values])
    note = "\n\nRows in **bold** differ." if len(certs) > 1 else ""
    return (f"{table(['', *(c.code for c in certs)], rows)}{note}\n\n### Sources\n\n"
            f"{sources_list(certs)}\n")


def show(c: Certification, catalogue: Catalogue) -> str:
    rows = [[label, value] for label, (value,) in attribute_rows([c], catalogue)]
    return (f"## {cell(c.code)}: {cell(c.name)}\n\n{cell(c.summary)}\n\n{table(['', c.code], rows)}\n\n"
            f"### Sources\n\n{sources_list([c])}\n")


def listing(certs: list[Certification]) -> str:
    rows = [[c.code, c.name, c.issuer, "none" if c.exam is None else "yes",
             "lifetime" if c.renewal is None else "renews"] for c in certs]
    return table(["Code", "Name", "Issuer", "Exam", "Renewal"], rows) + "\n"


def advice(result: Any, catalogue: Catalogue, explain: bool = False) -> str:
    from scrumcert.present import top_codes, why_lines

    if result.recommended is None:
        return "No recommendation: " + " ".join(result.notes) + "\n"
    top = catalogue.certifications[result.recommended]
    parts = [f"## Recommended: {cell(top.code)}, {cell(top.name)}\n",
             "Why:\n\n" + "\n".join(f"- {cell(line)}" for line in why_lines(result, top.code))]
    parts += [f"> Note: {cell(n)}" for n in result.notes]
    parts.append(compare([catalogue.certifications[c] for c in top_codes(result)], catalogue))
    parts.append("### Your path\n\n" + table(["#", "Step", "When", "Why"],
                                              [[str(i), s.code, s.when, s.why]
                                               for i, s in enumerate(result.path, 1)]))
    if explain:
        rows = [[r.id, ", ".join(f"{c} {w:+d}" for c, w in r.weights.items()), r.reason]
                for r in result.fired]
        parts.append("### Rules that fired\n\n" + table(["Rule", "Weights", "Reason"], rows))
    return "\n\n".join(parts) + "\n"
