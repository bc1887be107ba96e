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

from scrumcert.output.blocks import Block, Bullets, Card, Grid, Heading, Note, Para

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


def renderables(blocks: list[Block], console: Console) -> list[RenderableType]:
    """One renderable per block, with a blank line before each heading but the first."""
    out: list[RenderableType] = []
    for b in blocks:
        if out and isinstance(b, Heading):
            out.append(Text())
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
        items = Table.grid(padding=(0, 1))
        items.add_column(no_wrap=True)
        items.add_column(overflow="fold")
        for n, item in enumerate(b.items, 1):
            items.add_row(f"{n}." if b.numbered else " -", Text(item))
        return items
    if isinstance(b, Card):
        body: list[RenderableType] = []
        for n, part in enumerate(b.body):
            if n and not isinstance(b.body[n - 1], Heading):
                body.append(Text())  # the summary, the facts and the sources apart
            body.append(_one(part, console))
        return Panel(Group(*body), title=Text(b.title), title_align="left",
                     box=_box(console), expand=False)
    return _grid(b, console)


def _grid(b: Grid, console: Console) -> RenderableType:
    if not b.framed:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        for _ in b.header[1:]:
            table.add_column(overflow="fold")
        for row in b.rows:
            table.add_row(row[0], *(Text(v) for v in row[1:]))
        return table
    table = Table(box=_box(console), expand=False, caption=LEGEND if b.legend else None,
                  caption_justify="left")
    for i, name in enumerate(b.header):
        if i < b.keep:
            table.add_column(Text(name), no_wrap=True, style="bold" if b.legend else "")
        else:
            table.add_column(Text(name), overflow="fold", min_width=min(len(name), 11))
    rows = b.rows if b.terminal_limit is None else b.rows[:b.terminal_limit]
    for n, row in enumerate(rows):
        differs = n in b.strong
        style = "yellow" if differs else ""
        cells = [Text(v, style=style) for v in row]
        if b.legend:  # the first column labels the rows: mark the ones that differ
            cells[0] = Text(f"{DIFFERS} {row[0]}" if differs else f"  {row[0]}",
                            style="bold yellow" if differs else "bold")
        table.add_row(*cells)
    if len(rows) < len(b.rows):  # thousands of rows help nobody on a terminal, and Rich is slow
        return Group(table, Text(f"... and {len(b.rows) - len(rows):,} more rows: use --format json, "
                                 "--format markdown or --output FILE for all of them.", style="yellow"))
    return table
