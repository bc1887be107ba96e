"""What a view is made of, and how it is written as Markdown or as a self-contained HTML page.

A view (``views.py``) says *what* is shown as a list of these blocks; the writers here and in
``terminal.py`` only lay it out, so a report, ``--format markdown`` and the screen cannot disagree.
Block text is plain and already made literal (no control characters); each writer escapes it for
its own format.
"""

from __future__ import annotations

from typing import NamedTuple


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


class Card(NamedTuple):
    """A titled group of blocks: a panel on a terminal, a section with a heading elsewhere."""

    title: str
    body: list[Block]


Block = Heading | Para | Note | Grid | Bullets | Card

STRONG_LEGEND = "Rows in bold differ."


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
    return "\n\n".join(out) + "\n"


# --- HTML ----------------------------------------------------------------------------------------------

_CSS = """body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;padding:.35rem .6rem;
text-align:left;vertical-align:top}th{background:#eef}tr.differs td{background:#fff6d5;font-weight:600}
p.note{background:#fff6d5;padding:.3rem .6rem}
h1{font-size:1.6rem}h2{font-size:1.3rem}h3{font-size:1.1rem}footer{color:#666;font-size:.85rem}"""


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
            head = "".join(f"<th>{esc(h)}</th>" for h in b.header)
            differs = ' class="differs"'
            rows = "".join(
                f"<tr{differs if n in b.strong else ''}>"
                + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>"
                for n, row in enumerate(b.rows))
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
            if b.legend:
                body.append(f"<p>{esc(STRONG_LEGEND)}</p>")
    return "\n".join(body)


def to_html(blocks: list[Block], title: str, generated: str) -> str:
    """A self-contained page: inline CSS, no script, no external resource."""
    import html

    esc = html.escape
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>\n<h1>{esc(title)}</h1>\n"
            + html_body(blocks) + f"\n<footer>{esc(generated)}</footer>\n</body></html>\n")
