"""Rich renderings for the terminal.

Only our own constant strings may carry Rich markup; every value from a catalogue goes in as a
``Text`` (after :func:`scrumcert.present.literal`), so ``[WIP]`` or an escape sequence in the data is
printed as it is written. The console is created when a command runs, never at import, so
``NO_COLOR``, ``COLUMNS`` and pipes are honoured.
"""

from __future__ import annotations

import sys
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from scrumcert.catalogue.model import Catalogue, Certification, OtherCredential
from scrumcert.present import (
    OUTSIDE,
    attribute_rows,
    exam_summary,
    literal,
    official_page_line,
    source_label,
    source_line,
)

DIFFERS = "*"
PLAN_ROWS_SHOWN = 200


def make_console(stderr: bool = False) -> Console:
    """A console for this run. Rich itself drops colour when piped or when NO_COLOR is set, takes the
    width from the terminal or COLUMNS (80 when piped), and falls back to ASCII when the locale is C."""
    return Console(file=sys.stderr if stderr else sys.stdout, highlight=False, emoji=False)


def _box(console: Console) -> box.Box:
    return box.SQUARE if console.encoding.startswith("utf") else box.ASCII


def compare_table(certs: list[Certification], catalogue: Catalogue, console: Console,
                  years: int | None = None) -> Table:
    table = Table(box=_box(console), show_lines=False, expand=False, title_justify="left",
                  caption=f"{DIFFERS} marks the rows where they differ" if len(certs) > 1 else None,
                  caption_justify="left")
    table.add_column("", style="bold", no_wrap=True)
    for c in certs:
        table.add_column(Text(c.code), overflow="fold", ratio=1, min_width=min(len(c.code), 11))
    table.add_row("Name", *(Text(literal(c.name)) for c in certs))
    for label, values in attribute_rows(certs, catalogue, years):
        differs = len(certs) > 1 and len(set(values)) > 1
        head = Text(f"{DIFFERS} {label}" if differs else f"  {label}" if len(certs) > 1 else label,
                    style="bold yellow" if differs else "bold")
        table.add_row(head, *(Text(v, style="yellow" if differs else "") for v in values))
    return table


def show_panel(c: Certification, catalogue: Catalogue, console: Console, years: int | None = None
               ) -> Panel:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")
    for label, (value,) in attribute_rows([c], catalogue, years):
        facts.add_row(label, Text(value))
    for label, note in (("Course note", c.course.note), ("Exam note", c.exam and c.exam.note),
                        ("Renewal note", c.renewal and c.renewal.note),
                        ("Prerequisite note", c.prerequisites.note)):
        if note:
            facts.add_row(label, Text(literal(note)))
    sources = Text()
    page = official_page_line(c)
    if page:
        sources.append(page + "\n")
    for i, s in enumerate(c.sources, 1):
        sources.append(f"{i}. ")
        sources.append(source_line(s))
        sources.append(f"  [{', '.join(s.facts) or 'general'}]\n" if s.facts else "\n", style="dim")
    body: list[RenderableType] = [Text(literal(c.summary)), Text(), facts, Text(),
                                  Text("Sources", style="bold"), sources]
    return Panel(Group(*body), title=Text(literal(f"{c.code}: {c.name}")), title_align="left",
                 box=_box(console), expand=False)


def other_panel(o: OtherCredential, console: Console) -> Panel:
    """``show`` for a credential outside the catalogue (the same words as the Markdown view)."""
    sources = Text()
    for i, s in enumerate(o.sources, 1):
        sources.append(f"{i}. ")
        sources.append(source_line(s))
        sources.append("\n")
    body: list[RenderableType] = [Text(OUTSIDE, style="bold"), Text(), Text(literal(o.note)), Text(),
                                  Text.assemble(("Official page: ", "bold"), literal(o.official_page)),
                                  Text(), Text("Sources", style="bold"), sources]
    return Panel(Group(*body), title=Text(literal(f"{o.code}: {o.name} ({o.issuer})")), title_align="left",
                 box=_box(console), expand=False)


def list_table(certs: list[Certification], console: Console) -> Table:
    table = Table(box=_box(console), expand=False)
    for name, kw in (("Code", {"no_wrap": True}), ("Name", {"ratio": 3}), ("Issuer", {"ratio": 1}),
                     ("Exam", {}), ("Renewal", {})):
        table.add_column(name, overflow="fold", **kw)
    for c in certs:
        table.add_row(Text(c.code), Text(literal(c.name)), Text(literal(c.issuer)),
                      exam_summary(c.exam), "lifetime" if c.renewal is None else "renews")
    return table


def advice_view(advice: Any, catalogue: Catalogue, console: Console, explain: bool = False,
                years: int | None = None) -> list[RenderableType]:
    """The recommendation and why, the top three side by side, the path, and (with --explain) rules."""
    from scrumcert.present import top_codes, why_lines

    out: list[RenderableType] = []
    if advice.recommended is None:
        out.append(Text("No recommendation: " + " ".join(advice.notes)))
        return out
    top = catalogue.certifications[advice.recommended]
    reasons = Table.grid(padding=(0, 1))
    reasons.add_column(no_wrap=True)
    reasons.add_column(overflow="fold")
    for line in why_lines(advice, top.code):
        reasons.add_row(" -", Text(line))
    parts: list[RenderableType] = [Text("Why:", style="bold"), reasons]
    others = [r for r in advice.ranking[1:] if r.eligible][:4]
    if others:
        parts.append(Text.assemble(("Also fits: ", "bold"),
                                   ", ".join(f"{r.code} ({r.score:+d})" for r in others)))
    parts += [Text(f"Note: {literal(note)}", style="yellow") for note in advice.notes]
    out.append(Panel(Group(*parts), title=Text(literal(f"Recommended: {top.code}, {top.name} "
                                              f"(score {advice.entry(top.code).score:+d})")),
                     title_align="left", box=_box(console), expand=False))
    certs = [catalogue.certifications[c] for c in top_codes(advice)]
    out.append(compare_table(certs, catalogue, console, years))
    out += assumptions(certs, years)
    path = Table(title="Your path", title_justify="left", box=_box(console), expand=False)
    path.add_column("#", no_wrap=True)
    path.add_column("Step", no_wrap=True)
    path.add_column("When", ratio=1)
    path.add_column("Why", ratio=2)
    for i, step in enumerate(advice.path, 1):
        path.add_row(str(i), Text(step.code), Text(literal(step.when)), Text(literal(step.why)))
    out.append(path)
    if explain:
        out.append(explain_table(advice, console))
    return out


def explain_table(advice: Any, console: Console) -> Table:
    table = Table(title="Rules that fired", title_justify="left", box=_box(console), expand=False)
    table.add_column("Rule", no_wrap=True)
    table.add_column("Weights", ratio=1)
    table.add_column("Reason", ratio=2)
    for rule in advice.fired:
        weights = ", ".join(f"{code} {w:+d}" for code, w in rule.weights.items())
        table.add_row(Text(rule.id), Text(weights), Text(literal(rule.reason)))
    steps = [(r.code, x) for r in advice.ranking for x in r.reasons if x.rule == "step-towards"]
    for code, reason in steps:
        table.add_row("step-towards", Text(f"{code} {reason.weight:+d}"), Text(literal(reason.text)))
    if not advice.fired and not steps:
        table.add_row("-", "-", "No rule matched these answers.")
    return table


def assumptions(certs: list[Certification], years: int | None, catalogue: Catalogue | None = None
                ) -> list[RenderableType]:
    """The assumptions behind the cost-over-years row, printed under the table; with the catalogue,
    also what holding them together costs where an issuer renews several as one."""
    if years is None:
        return []
    from scrumcert.costs import ownership, together_notes

    text = Text(f"Cost over {years} years assumes:\n", style="dim")
    for c in certs:
        for note in ownership(c, years).assumptions:
            text.append(f"  - {literal(note)}\n", style="dim")
    for note in together_notes(catalogue, certs, years) if catalogue is not None else ():
        text.append(f"  - {literal(note)}\n")
    return [text]


def plan_view(plan: Any, catalogue: Catalogue, console: Console) -> list[RenderableType]:
    from scrumcert.present import plan_rows, plan_totals

    people = Table(title="Team plan", title_justify="left", box=_box(console), expand=False)
    for name in ("Name", "Team", "Recommended", "First step", "Plan"):
        people.add_column(name, overflow="fold")
    rows = plan_rows(plan)
    for row in rows[:PLAN_ROWS_SHOWN]:
        people.add_row(*(Text(v) for v in row))
    out: list[RenderableType] = [people]
    if len(rows) > PLAN_ROWS_SHOWN:  # thousands of rows help nobody on a terminal, and Rich is slow
        out.append(Text(f"... and {len(rows) - PLAN_ROWS_SHOWN:,} more people: use --format json, "
                        "--format markdown or --output FILE for everyone. Seats and totals count all.",
                        style="yellow"))
    if plan.groups:
        text = Text("Learning together:\n", style="bold")
        for team, code, names in plan.groups:
            text.append(f"  - team {literal(team)}: {', '.join(literal(n) for n in names)} attend one {code} "
                        "course\n", style="")
        out.append(text)
    seats = Table(title="Seats", title_justify="left", box=_box(console), expand=False)
    seats.add_column("Code")
    seats.add_column("Seats", justify="right")
    seats.add_column("Name")
    for code, n in plan.seats.items():
        seats.add_row(code, str(n), Text(literal(catalogue.certifications[code].name)))
    out.append(seats)
    out.append(Text("\n".join(plan_totals(plan)), style="bold"))
    out += assumptions([catalogue.certifications[c] for c in plan.seats], plan.years)
    return out  # skipped rows go to stderr, one line each (see cli.plan)


def sources_table(rows: list[tuple[str, Any]], console: Console) -> Table:
    table = Table(title="Sources, oldest check first", title_justify="left", box=_box(console), expand=False)
    for name, kw in (("Checked", {"no_wrap": True}), ("For", {}), ("Source", {"ratio": 3})):
        table.add_column(name, overflow="fold", **kw)
    for owner, s in rows:
        facts = f" ({', '.join(s.facts)})" if s.facts else ""
        table.add_row(s.checked.isoformat(), Text(owner + facts), Text(source_label(s)))
    return table
