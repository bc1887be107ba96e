"""What a view is made of, and how it is written as Markdown or as a self-contained HTML page.

A view (``views.py``) says *what* is shown as a list of these blocks; the writers here and in
``terminal.py`` only lay it out, so a report, ``--format markdown`` and the screen cannot disagree.
Block text is plain and already made literal (no control characters); each writer escapes it for
its own format.
"""


import re
from typing import NamedTuple

from scrumcert.output import report
from scrumcert.output.report import Chart, Command, Lead, Link, Pairs, SourceAppendix

# the report blocks, defined beside their writers
__all__ = ["Chart", "Command", "Lead", "Link", "Pairs", "SourceAppendix"]


class Heading(NamedTuple):
    text: str
    level: int = 2


class Para(NamedTuple):
    text: str


class Note(NamedTuple):
    """A caveat the reader must not miss (shown apart: yellow on a terminal)."""

    text: str


class Grid(NamedTuple):
    header: list[str]
    rows: list[list[str]]
    strong: frozenset[int] = frozenset()  # indexes of rows that stand out (their values differ)
    framed: bool = True  # False: label/value pairs, drawn on a terminal without borders or header
    keep: int = 1  # how many leading columns are never wrapped (codes, dates, labels)
    legend: bool = False  # say how the strong rows are marked
    terminal_limit: int | None = None  # a terminal shows at most this many rows and says so


class Bullets(NamedTuple):
    items: list[str]
    numbered: bool = False
    terminal_limit: int | None = None  # a terminal shows at most this many items and says so


class Card(NamedTuple):
    """A titled group of blocks: a panel on a terminal, a section with a heading elsewhere."""

    title: str
    body: list["Block"]


Block = Heading | Para | Note | Grid | Bullets | Card | Lead | Pairs | Chart | SourceAppendix | Command

STRONG_LEGEND = "Rows in bold differ."
HTML_LEGEND = "Rows marked * differ."


def flat(blocks: list[Block]) -> list[Block]:
    """The blocks with every card opened into its heading and body (Markdown and HTML read so)."""
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Card):
            out += [Heading(b.title), *flat(b.body)]
        else:
            out.append(b)
    return out


def texts(blocks: list[Block]) -> list[str]:
    """Every piece of text in the blocks, in order (what each format must show)."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Card):
            out += [b.title, *texts(b.body)]
        elif isinstance(b, Grid):
            out += [*b.header, *(cell for row in b.rows for cell in row)]
        elif isinstance(b, Bullets):
            out += b.items
        elif isinstance(b, report.MINE):
            out += report.texts(b)
        else:
            out.append(b.text)
    return [t for t in out if t]


# --- Markdown ------------------------------------------------------------------------------------------

def _cell(text: str, line_start: bool = True) -> str:
    """One Markdown cell or line, through the one sanitiser: text from a catalogue never becomes a
    link, an image, a heading or HTML once a Markdown renderer reads it."""
    from scrumcert.safe_text import markdown_text

    return markdown_text(text, line_start)


def to_markdown(blocks: list[Block]) -> str:
    out = []
    for b in flat(blocks):
        if isinstance(b, Heading):
            out.append(f"{'#' * b.level} {_cell(b.text)}")
        elif isinstance(b, Para | Note):
            out.append(_cell(b.text))
        elif isinstance(b, Bullets):
            out.append("\n".join(f"{f'{n}.' if b.numbered else '-'} {_cell(i)}"
                                 for n, i in enumerate(b.items, 1)))
        elif isinstance(b, Grid):
            head = " | ".join(_cell(h, False) for h in b.header)
            lines = [f"| {head} |", "|" + " --- |" * len(b.header)]
            for n, row in enumerate(b.rows):
                cells = [_cell(v, False) for v in row]
                if n in b.strong:
                    cells[0] = f"**{cells[0]}**"
                lines.append("| " + " | ".join(cells) + " |")
            out.append("\n".join(lines))
            if b.legend:
                out.append(STRONG_LEGEND)
        elif isinstance(b, report.MINE):
            out.append(report.to_markdown(b) or "")
    return "\n\n".join(out) + "\n"


# --- HTML ----------------------------------------------------------------------------------------------

def html_body(blocks: list[Block]) -> str:
    import html  # only for HTML: its entity table costs a millisecond of every start

    esc = html.escape
    body = []
    for b in flat(blocks):
        if isinstance(b, Heading):
            body.append(f"<h{b.level}>{esc(b.text)}</h{b.level}>")
        elif isinstance(b, Note):
            body.append(f'<p class="note">{esc(b.text)}</p>')
        elif isinstance(b, Para):
            body.append(f"<p>{esc(b.text)}</p>")
        elif isinstance(b, Bullets):
            tag = "ol" if b.numbered else "ul"
            body.append(f"<{tag}>" + "".join(f"<li>{esc(i)}</li>" for i in b.items) + f"</{tag}>")
        elif isinstance(b, Grid):
            body.append(_html_grid(b))
            if b.legend:
                body.append(f'<p class="caption">{esc(HTML_LEGEND)}</p>')
        elif isinstance(b, report.MINE):
            body.append(report.to_html(b) or "")
    return "\n".join(body)


_CODE = re.compile(r"[A-Z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+")


def _html_grid(b: Grid) -> str:
    """A table that stacks on a phone: each cell carries its column's name for the narrow layout
    (``data-label``), codes in the header never break, and in a comparison the first cell of a
    row is its label."""
    import html

    esc = html.escape
    head = "".join(f'<th scope="col"><span class="code">{esc(h)}</span></th>' if i and " " not in h.strip()
                   else f'<th scope="col">{esc(h)}</th>' for i, h in enumerate(b.header))  # codes never break
    rows = []
    for n, row in enumerate(b.rows):
        cells = []
        for i, v in enumerate(row):
            label = esc(b.header[i]) if i < len(b.header) else ""
            if i == 0 and b.legend:
                cells.append(f'<th scope="row">{esc(v)}</th>')
            elif _CODE.fullmatch(v):  # a code never breaks at its hyphen ("A-" / "CSPO")
                cells.append(f'<td data-label="{label}"><span class="code">{esc(v)}</span></td>')
            else:
                cells.append(f'<td data-label="{label}">{esc(v)}</td>')
        mark = ' class="differs"' if n in b.strong else ""
        rows.append(f"<tr{mark}>{''.join(cells)}</tr>")
    stack = ' class="stack"' if len(b.header) > 3 else ""  # three narrow columns fit a phone as they are
    return f"<table{stack}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def to_html(blocks: list[Block], title: str, generated: str) -> str:
    """A self-contained page: inline CSS, no script, no external resource; printable, and its tables
    stack on a narrow screen."""
    return report.page(title, [html_body(blocks)], generated)
