"""Blocks on a terminal, with Rich: the only module that imports it.

Only our own constant strings carry style; every value goes in as a ``Text``, so ``[WIP]`` or an
escape sequence in the data is printed as it is written. The console is created when a command runs,
never at import, so ``NO_COLOR``, ``COLUMNS`` and pipes are honoured.
"""

from __future__ import annotations

import sys
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from scrumcert.output import fit
from scrumcert.output.blocks import (
    Block,
    Bullets,
    Card,
    Chart,
    Command,
    Grid,
    Heading,
    Lead,
    Link,
    Note,
    Pairs,
    Para,
    SourceAppendix,
)

DIFFERS = "*"
LEGEND = f"{DIFFERS} marks the rows where they differ"


def make_console(stderr: bool = False, file: Any = None) -> Console:
    """A console for this run. Rich itself drops colour when piped or when NO_COLOR is set, takes the
    width from the terminal or COLUMNS (80 when piped), and falls back to ASCII when the locale is C.
    A COLUMNS of 0 or less (some environments export COLUMNS=0) is ignored: Rich would print nothing.
    ``file`` stands in for the stream (the output writer's Collector) and answers as it would."""
    import os

    stream = sys.stderr if stderr else sys.stdout
    width = None
    try:
        if int(os.environ.get("COLUMNS", "1")) <= 0:
            width = os.get_terminal_size(stream.fileno()).columns if stream.isatty() else 80
    except (ValueError, OSError, AttributeError):
        width = None
    return Console(file=file or stream, highlight=False, emoji=False, width=width)


def write(blocks: list[Block], console: Console | None = None) -> None:
    """Print the blocks, one after the other."""
    console = console or make_console()
    for part in renderables(blocks, console):
        console.print(part)


def command_lines(line: str, width: int) -> str:
    """A command line folded between words with a trailing backslash, so that it fits the width and
    still pastes into a shell as one command (a word longer than the width stays whole)."""
    out: list[str] = []
    current = ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) + 2 > width:
            out.append(current + " \\")
            current = "  " + word
        else:
            current = f"{current} {word}" if current else word
    return "\n".join([*out, current])


def renderables(blocks: list[Block], console: Console) -> list[RenderableType]:
    """One renderable per block, with a blank line before each heading but the first."""
    out: list[RenderableType] = []
    for b in blocks:
        if not getattr(b, "on_screen", True):
            continue  # in reports only (a chart; the answers just given)
        if out and isinstance(b, Heading | Lead | SourceAppendix | Command):
            out.append(Text())
        if isinstance(b, Command):
            out += [Text(b.intro, style="dim"), Text(command_lines(b.line, console.width), style="bold",
                                                     no_wrap=True, overflow="ignore")]
            continue
        out.append(_one(b, console))
    return out


def _box(console: Console) -> box.Box:
    return box.SQUARE if console.encoding.startswith("utf") else box.ASCII


def _one(b: Block, console: Console) -> RenderableType:
    if isinstance(b, Heading):
        return Text(b.text, style="bold")
    if isinstance(b, Note):
        return Text(b.text, style="yellow")
    if isinstance(b, Para):
        return Text(b.text)
    if isinstance(b, Bullets):
        shown = b.items if b.terminal_limit is None else b.items[:b.terminal_limit]
        items = fit.bullets([Text(item) for item in shown], indent=1, numbered=b.numbered)  # hanging
        if len(shown) < len(b.items):
            return Group(items, Text(f"... and {len(b.items) - len(shown):,} more: use --format json, "
                                     "--format markdown or --output FILE for all of them.", style="yellow"))
        return items  # each item hangs under its own first word
    if isinstance(b, Lead):
        return Group(Text(b.title, style="bold"), fit.bullets([_inline(line) for line in b.lines]))
    if isinstance(b, Pairs):
        pairs = Table.grid(padding=(0, 2))
        pairs.add_column(style="bold", no_wrap=True)
        pairs.add_column(overflow="fold")
        for key, value in b.rows:
            pairs.add_row(Text(key), Text(value))
        return Group(Text(b.title, style="bold"), pairs)
    if isinstance(b, Chart):
        return Group(Text(b.title, style="bold"), fit.bullets(list(b.words)))
    if isinstance(b, SourceAppendix):
        return _sources(b)
    if isinstance(b, Command):  # (write() prints the line itself apart, unwrapped)
        return Group(Text(b.intro, style="dim"), Text(b.line, style="bold"))
    if isinstance(b, Card):
        body: list[RenderableType] = []
        for n, part in enumerate(b.body):
            if n and not isinstance(b.body[n - 1], Heading):
                body.append(Text())  # the summary, the facts and the sources apart
            body.append(_one(part, console))
        return Panel(Group(*body), title=Text(b.title), title_align="left",
                     box=_box(console), expand=False)
    return _grid(b, console)


def _inline(value: str | Link | tuple[str | Link, ...]) -> Text:
    """Text with clickable links where the terminal supports them (plain in a pipe)."""
    if isinstance(value, Link):
        return fit.link(value.url, value.text)
    if isinstance(value, tuple):
        return Text().join(_inline(v) for v in value)
    return Text(value)


def _sources(b: SourceAppendix) -> RenderableType:
    """Sources by certification: the issuer's page first, each address clickable, its kind said."""
    from scrumcert.output.report import KIND_WORDS

    parts: list[RenderableType] = [Text(b.title, style="bold")]
    for g in b.groups:
        parts.append(Text.assemble((g.code, "bold"), f" {g.name}"))
        items: list[Text] = []
        if g.official_page:
            items.append(Text.assemble("Official page: ", fit.link(g.official_page, g.official_page)))
        for i in g.items:
            line = Text(f"[{KIND_WORDS[i.kind]}] " if i.kind in KIND_WORDS else "", style="dim")
            line.append(i.title)
            if i.url:
                line.append(" ")
                line.append_text(fit.link(i.url, i.url))
            line.append(f"; {i.detail}", style="dim")
            items.append(line)
        parts.append(fit.bullets(items))
    return Group(*parts)


def _grid(b: Grid, console: Console) -> RenderableType:
    """Grids fit the width: never cropped, a word or code never broken; stacked when too narrow."""
    if not b.framed:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        for _ in b.header[1:]:
            table.add_column(overflow="fold")
        for row in b.rows:
            table.add_row(row[0], *(Text(v) for v in row[1:]))
        return table
    rows = b.rows if b.terminal_limit is None else b.rows[:b.terminal_limit]
    if b.legend:  # a comparison: attribute labels down the side, one column per certification
        shown: RenderableType = fit.comparison(
            console, b.header[1:], [fit.Row(r[0], r[1:], n in b.strong) for n, r in enumerate(rows)])
    else:
        shown = fit.grid(console, b.header, rows, keep=b.keep,
                         style_rows=["yellow" if n in b.strong else "" for n in range(len(rows))])
    if len(rows) < len(b.rows):  # thousands of rows help nobody on a terminal, and Rich is slow
        return Group(shown, Text(f"... and {len(b.rows) - len(rows):,} more rows: use --format json, "
                                 "--format markdown or --output FILE for all of them.", style="yellow"))
    return shown
