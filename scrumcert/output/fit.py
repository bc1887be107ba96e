"""Terminal layouts that fit the width: a comparison never cropped, a word or code never broken.

Rich shrinks a table that is too wide by cutting its columns below their longest word, which breaks
"PSPO-II" into "PSPO-I" / "I" and crops the last column. So the widths are decided here instead:
every column gets at least its longest word (Rich only wraps between words), the rest of the width
goes to the columns with the most text, and when even the longest words do not fit side by side
the comparison is stacked, one attribute after another with a line per certification. Long values
wrap under themselves (a hanging indent), and so do bullet lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from rich import box as rich_box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

DIFFERS = "*"
READABLE = 12  # below this a column reads as a ladder of single words, so stack instead
PAD = 1  # Rich's default cell padding, each side


class Row(NamedTuple):
    """One attribute compared: its label and one value per certification (text or Rich Text)."""

    label: str
    values: Sequence[str | Text]
    differs: bool = False


def plain(value: str | Text) -> str:
    return value.plain if isinstance(value, Text) else value


def longest_word(value: str | Text) -> int:
    return max((cell_len(w) for w in plain(value).split()), default=0)


def longest_line(value: str | Text) -> int:
    return max((cell_len(line) for line in plain(value).splitlines()), default=0)


def box_for(console: Console) -> rich_box.Box:
    return rich_box.SQUARE if console.encoding.startswith("utf") else rich_box.ASCII


def allocate(least: Sequence[int], most: Sequence[int], room: int) -> list[int] | None:
    """Column widths within ``room``: each at least ``least``, growing toward ``most`` evenly (water
    filling); None when the least widths alone do not fit."""
    widths = list(least)
    spare = room - sum(widths)
    if spare < 0:
        return None
    while spare > 0:
        wanting = [i for i, w in enumerate(widths) if w < most[i]]
        if not wanting:
            break
        share = max(1, spare // len(wanting))
        for i in wanting:
            give = min(share, most[i] - widths[i], spare)
            widths[i] += give
            spare -= give
            if not spare:
                break
    return widths


def label_text(row: Row, marked: bool) -> Text:
    if not marked:
        return Text(row.label, style="bold")
    if row.differs:
        return Text(f"{DIFFERS} {row.label}", style="bold yellow")
    return Text(f"  {row.label}", style="bold")


def value_text(value: str | Text, differs: bool) -> Text:
    text = value.copy() if isinstance(value, Text) else Text(value)
    if differs:
        text.stylize("yellow")
    return text


def side_by_side(console: Console, codes: Sequence[str], rows: Sequence[Row], width: int
                 ) -> Table | None:
    """A table with one column per certification, or None when it cannot fit ``width`` with every
    word whole and every column readable."""
    marked = len(codes) > 1
    label_width = max((cell_len(r.label) for r in rows), default=0) + (2 if marked else 0)
    columns = list(zip(*(r.values for r in rows), strict=True)) if rows else [() for _ in codes]
    most = [max((cell_len(code), *(longest_line(v) for v in column)))
            for code, column in zip(codes, columns, strict=True)]
    least = [max((cell_len(code), min(READABLE, full), *(longest_word(v) for v in column)))
             for code, full, column in zip(codes, most, columns, strict=True)]
    frame = (len(codes) + 2) + 2 * PAD * (len(codes) + 1)  # borders and padding
    widths = allocate(least, most, width - frame - label_width)
    if widths is None:
        return None
    table = Table(box=box_for(console), expand=False,
                  caption=f"{DIFFERS} marks the rows where they differ" if marked else None,
                  caption_justify="left")
    table.add_column("", no_wrap=True, width=label_width)
    for code, w in zip(codes, widths, strict=True):
        table.add_column(Text(code), width=w, overflow="fold")
    for row in rows:
        differs = marked and row.differs
        table.add_row(label_text(row, marked), *(value_text(v, differs) for v in row.values))
    return table


def stacked(console: Console, codes: Sequence[str], rows: Sequence[Row], width: int) -> RenderableType:
    """Attributes as rows: each label, then one line per certification with its value wrapped under
    itself. A value the same for all is said once."""
    code_width = max(cell_len(c) for c in codes)
    value_width = max(width - 2 - code_width - 2, 1)
    parts: list[RenderableType] = []
    for row in rows:
        same = len(codes) > 1 and not row.differs and len({plain(v) for v in row.values}) == 1
        if same:
            line = Table.grid(padding=(0, 1))
            line.add_column(no_wrap=True)
            line.add_column(overflow="fold", max_width=max(width - cell_len(row.label) - 3, 1))
            line.add_row(Text(f"  {row.label}:", style="bold"),
                         Text.assemble(value_text(row.values[0], False), (" (all)", "dim")))
            parts.append(line)
            continue
        parts.append(label_text(row, len(codes) > 1))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, width=code_width + 2, justify="left")
        grid.add_column(overflow="fold", width=value_width)
        for code, value in zip(codes, row.values, strict=True):
            grid.add_row(Text(f"  {code}", style="bold"), value_text(value, row.differs))
        parts.append(grid)
    if len(codes) > 1:
        parts.append(Text(f"{DIFFERS} marks the attributes where they differ", style="dim"))
    return Group(*parts)


def comparison(console: Console, codes: Sequence[str], rows: Sequence[Row],
               width: int | None = None) -> RenderableType:
    """Side by side when it fits the console's width with no word broken, else stacked."""
    width = width or console.width
    return side_by_side(console, codes, rows, width) or stacked(console, codes, rows, width)


class Hanging:
    """A list whose long items wrap under their own first word, not under the mark. Wrapped with
    Rich's own word wrap at print time (a grid would measure every row: ten times slower)."""

    def __init__(self, items: Sequence[str | Text], mark: str = "-", style: str = "", indent: int = 2,
                 numbered: bool = False) -> None:
        self.items, self.mark, self.style, self.indent, self.numbered = items, mark, style, indent, numbered

    def __rich_console__(self, console: Console, options: Any) -> Any:
        marks = [f"{n}." if self.numbered else self.mark for n in range(1, len(self.items) + 1)]
        pad = self.indent + max((len(m) for m in marks), default=0) + 1
        width = max(options.max_width - pad, 1)
        # Each line is already wrapped to fit: when nothing would justify it, its segments go out as
        # they are (Rich would wrap every yielded line again, the most of a long list's time).
        direct = options.justify in (None, "default") and not options.no_wrap and pad < options.max_width
        newline = Text("\n")
        for mark, item in zip(marks, self.items, strict=True):
            text = item.copy() if isinstance(item, Text) else Text(item)
            if self.style:
                text.stylize(self.style)
            for n, line in enumerate(text.wrap(console, width, overflow="fold")):
                head = (" " * self.indent + mark).ljust(pad) if n == 0 else " " * pad
                whole = Text(head, style=self.style) + line
                if direct:
                    yield from newline.join([whole]).render(console, end="\n")
                else:
                    yield whole

    def __rich_measure__(self, console: Console, options: Any) -> Any:
        from rich.measure import Measurement

        return Measurement(1, options.max_width)


def bullets(items: Sequence[str | Text], mark: str = "-", style: str = "", indent: int = 2,
            numbered: bool = False) -> Hanging:
    """A list whose long items wrap under their own first word, not under the mark."""
    return Hanging(items, mark, style, indent, numbered)


def link(url: str, text: str | None = None) -> Text:
    """A clickable link (OSC 8) where the terminal supports it; plain text elsewhere (Rich writes no
    escape codes to a pipe). Shown as ``text``, or the address without its scheme."""
    from scrumcert.output.report import safe_url

    shown = text
    if shown is None:
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        shown = (parts.netloc + parts.path).rstrip("/") or url
    target = safe_url(url)
    return Text(shown, style=f"link {target}" if target else "")


def grid(console: Console, header: Sequence[str], rows: Sequence[Sequence[str | Text]], keep: int = 1,
         width: int | None = None, style_rows: Sequence[str] = ()) -> RenderableType:
    """Any table (a path, a plan, a list of sources) at the console's width: the first ``keep``
    columns never wrap, the others wrap between words; when that cannot fit, one block per row with
    each value under its column's name. ``style_rows`` gives a style per row (may be shorter)."""
    width = width or console.width
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in header]
    most = [max((cell_len(h), *(longest_line(v) for v in col)))
            for h, col in zip(header, columns, strict=True)]
    least = [m if i < keep else max((cell_len(h), min(READABLE, m), *(longest_word(v) for v in col)))
             for i, (h, m, col) in enumerate(zip(header, most, columns, strict=True))]
    frame = (len(header) + 1) + 2 * PAD * len(header)
    widths = allocate(least, most, width - frame)
    if widths is not None:
        table = Table(box=box_for(console), expand=False)
        for i, (h, w) in enumerate(zip(header, widths, strict=True)):
            table.add_column(Text(h), width=w, no_wrap=i < keep, overflow="fold")
        for n, row in enumerate(rows):
            style = style_rows[n] if n < len(style_rows) else ""
            table.add_row(*(value_text(v, False) for v in row), style=style or None)
        return table
    parts: list[RenderableType] = []
    label_width = max((cell_len(h) for h in header[max(keep, 1):]), default=0) + 1
    for n, row in enumerate(rows):
        style = style_rows[n] if n < len(style_rows) else ""
        title = Text(" ").join(value_text(v, False) for v in row[:max(keep, 1)])
        title.stylize(f"bold {style}".strip())
        parts.append(title)
        block = Table.grid(padding=(0, 1))
        block.add_column(no_wrap=True, width=label_width + 2)
        block.add_column(overflow="fold", max_width=max(width - label_width - 3, 1))
        for h, v in zip(header[max(keep, 1):], row[max(keep, 1):], strict=True):
            if plain(v).strip():
                block.add_row(Text(f"  {h}:", style="dim"), value_text(v, False))
        parts.append(block)
    return Group(*parts)
