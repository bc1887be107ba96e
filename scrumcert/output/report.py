"""The parts of a report a manager forwards: links, the bottom line, answers, a chart, grouped sources,
and the page around them (printable, readable on a phone, self-contained).

These blocks join the simple ones (headings, paragraphs, grids, bullets) in the same list, and each
has a Markdown and an HTML form here. Every text is escaped for the format it is written in; only the
chart's SVG, which :mod:`scrumcert.output.chart` built and escaped itself, goes in as markup.
"""


from collections.abc import Sequence
from typing import Any, NamedTuple

from scrumcert.catalogue.model import Certification
from scrumcert.safe_text import literal

# a source's kind as the catalogue names it: the issuer's own page, a trainer's, or someone else's
KIND_WORDS = {"official": "official", "trainer": "trainer", "secondary": "secondary"}


class Link(NamedTuple):
    """A piece of text that is a link where the format has links."""

    text: str
    url: str


Inline = str | Link | tuple[str | Link, ...]  # a cell, an item or a line: text, a link, or a run of both


class Lead(NamedTuple):
    """The bottom line: a few short sentences, set apart at the top of a report."""

    title: str
    lines: tuple[Inline, ...]


class Pairs(NamedTuple):
    """Questions and answers, terms and values: a two-column list that never needs a wide table."""

    title: str
    rows: tuple[tuple[str, str], ...]
    on_screen: bool = True  # False: in reports only (the terminal has just asked these questions)


class Chart(NamedTuple):
    """The cost over the years: an inline SVG picture in HTML (drawn only there), the same numbers in
    words everywhere."""

    title: str
    certs: tuple[Certification, ...]
    years: int
    words: tuple[str, ...]
    on_screen: bool = False  # a terminal has the same figures in the table's cost row


class SourceItem(NamedTuple):
    title: str
    url: str | None
    kind: str | None  # official, trainer, secondary (None: not said)
    detail: str  # checked date, page date, facts


class Command(NamedTuple):
    """A command line to copy: never wrapped into pieces a shell would run apart."""

    intro: str
    line: str


class SourceGroup(NamedTuple):
    code: str
    name: str
    official_page: str | None
    items: tuple[SourceItem, ...]


class SourceAppendix(NamedTuple):
    """The appendix: sources grouped by certification, the issuer's own page first."""

    title: str
    groups: tuple[SourceGroup, ...]
    on_screen: bool = True


MINE = (Lead, Pairs, Chart, SourceAppendix, Command)


def safe_url(url: str | None) -> str | None:
    """Only web addresses become links: a ``javascript:`` or ``file:`` URL from a catalogue stays text."""
    if not url or any(ord(ch) <= 32 or 127 <= ord(ch) <= 159 for ch in url.strip()):
        return None  # a space or a control character has no place in an address (nor in OSC 8)
    import re  # (already loaded by then; urllib.parse would cost 2 ms of every start)

    url = url.strip()
    return url if re.match(r"https?://[^/?#@\s]+", url, re.IGNORECASE) else None


def source_groups(certs: Sequence[Certification], facts_words: dict[str, str] | None = None
                  ) -> tuple[SourceGroup, ...]:
    """Each certification's sources, the issuer's own pages first, then trainers', then others."""
    order = {"official": 0, "trainer": 1, "secondary": 2}
    words = facts_words or {}
    groups = []
    for c in certs:
        items = []
        for s in c.sources:
            kind = getattr(s, "kind", None)
            bits = [f"checked {s.checked.isoformat()}"]
            if s.published:
                bits.insert(0, f"page dated {s.published.isoformat()}")
            if s.facts:
                bits.append("for " + ", ".join(words.get(f, f.replace("_", " ")) for f in s.facts))
            where = s.url or ""
            title = s.title
            if s.where and not safe_url(where):  # a document, or an address that is not a web page
                title = s.where if s.where.startswith(s.title) else f"{s.title} ({s.where})"
            items.append(SourceItem(literal(title), safe_url(where), kind, literal("; ".join(bits))))
        items.sort(key=lambda i: order.get(i.kind or "", 3))
        groups.append(SourceGroup(c.code, literal(c.name), safe_url(getattr(c, "official_page", None)),
                                  tuple(items)))
    return tuple(groups)


def plain(value: Inline) -> str:
    if isinstance(value, Link):
        return value.text
    if isinstance(value, tuple):
        return "".join(plain(v) for v in value)
    return value


def texts(block: Any) -> list[str]:
    """Every piece of text of one of this module's blocks (what every format must show)."""
    if isinstance(block, Lead):
        return [block.title, *(plain(line) for line in block.lines)]
    if isinstance(block, Pairs):
        return [block.title, *(t for row in block.rows for t in row)]
    if isinstance(block, Chart):
        return [block.title, *block.words]
    if isinstance(block, Command):
        return [block.intro, block.line]
    if isinstance(block, SourceAppendix):
        out = [block.title]
        for g in block.groups:
            out += [g.code, g.name, g.official_page or ""]
            out += [t for i in g.items for t in (i.title, i.url or "", i.detail)]
        return out
    return []


# --- Markdown -------------------------------------------------------------------------------------

def md_text(text: str) -> str:
    """One line of Markdown from data: no line breaks; characters Markdown or HTML would act on escaped
    (the one sanitiser, ``safe_text.markdown_text``)."""
    from scrumcert.safe_text import markdown_text

    return markdown_text(text)


def md_inline(value: Inline) -> str:
    if isinstance(value, Link):
        url = safe_url(value.url)
        shown = md_text(value.text)  # brackets come escaped
        return f"[{shown}](<{url.replace('>', '%3E').replace(' ', '%20')}>)" if url else md_text(value.text)
    if isinstance(value, tuple):
        return "".join(md_inline(v) for v in value)
    return md_text(value)


def to_markdown(block: Any) -> str | None:
    """The Markdown of one of this module's blocks; None for any other block."""
    if isinstance(block, Lead):
        return f"## {md_text(block.title)}\n\n" + "\n".join(f"> {md_inline(line)}  " for line in block.lines)
    if isinstance(block, Command):
        return f"{md_text(block.intro)}\n\n```sh\n{' '.join(block.line.split())}\n```"
    if isinstance(block, Pairs):
        rows = "\n".join(f"- **{md_text(k)}** {md_text(v)}" for k, v in block.rows)
        return f"## {md_text(block.title)}\n\n{rows}"
    if isinstance(block, Chart):
        return f"## {md_text(block.title)}\n\n" + "\n".join(f"- {md_text(w)}" for w in block.words)
    if isinstance(block, SourceAppendix):
        out = [f"## {md_text(block.title)}"]
        for g in block.groups:
            out.append(f"### {md_text(g.code)}: {md_text(g.name)}")
            lines = []
            if g.official_page:
                lines.append(f"- Official page: {md_inline(Link(g.official_page, g.official_page))}")
            for i in g.items:
                kind = md_text(f"[{KIND_WORDS[i.kind]}] ") if i.kind in KIND_WORDS else ""
                title = md_inline(Link(i.title, i.url)) if i.url else md_text(i.title)
                lines.append(f"- {kind}{title}: {md_text(i.detail)}")
            out.append("\n".join(lines) or "- none")
        return "\n\n".join(out)
    return None


# --- HTML -----------------------------------------------------------------------------------------

def html_inline(value: Inline) -> str:
    import html

    if isinstance(value, Link):
        url = safe_url(value.url)
        text = html.escape(value.text)
        return f'<a href="{html.escape(url)}">{text}</a>' if url else text
    if isinstance(value, tuple):
        return "".join(html_inline(v) for v in value)
    return html.escape(value)


def to_html(block: Any) -> str | None:
    """The HTML of one of this module's blocks; None for any other block."""
    import html

    esc = html.escape
    if isinstance(block, Lead):
        lines = "".join(f"<p>{html_inline(line)}</p>" for line in block.lines)
        return f'<section class="lead" id="bottom-line"><h2>{esc(block.title)}</h2>{lines}</section>'
    if isinstance(block, Command):
        return f'<p>{esc(block.intro)}</p><pre class="command"><code>{esc(block.line)}</code></pre>'
    if isinstance(block, Pairs):
        rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in block.rows)
        return f'<section id="answers"><h2>{esc(block.title)}</h2><dl class="pairs">{rows}</dl></section>'
    if isinstance(block, Chart):
        words = "".join(f"<li>{esc(w)}</li>" for w in block.words)
        from scrumcert.output.chart import cost_series, svg

        picture = svg([cost_series(c, block.years) for c in block.certs], title=block.title
                      ) if block.certs else ""
        return (f'<section id="chart"><h2>{esc(block.title)}</h2><figure>{picture}'
                f'<figcaption><ul class="chart-words">{words}</ul></figcaption></figure></section>')
    if isinstance(block, SourceAppendix):
        out = [f'<section id="sources" class="appendix"><h2>{esc(block.title)}</h2>']
        for g in block.groups:
            out.append(f'<h3><span class="code">{esc(g.code)}</span> {esc(g.name)}</h3><ul class="sources">')
            if g.official_page:
                out.append(f'<li class="official-page">Official page: '
                           f'{html_inline(Link(g.official_page, g.official_page))}</li>')
            for i in g.items:
                kind = (f'<span class="kind kind-{esc(i.kind)}">{esc(KIND_WORDS[i.kind])}</span> '
                        if i.kind in KIND_WORDS else "")
                title = html_inline(Link(i.title, i.url)) if i.url else esc(i.title)
                out.append(f"<li>{kind}{title} <span class=\"detail\">{esc(i.detail)}</span></li>")
            out.append("</ul>")
        out.append("</section>")
        return "".join(out)
    return None


CSS = """
:root{color-scheme:light;--ink:#1d1d1f;--muted:#5b5b66;--line:#c9c9d2;--accent:#0b5cad;--mark:#fff3c4}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);max-width:60rem;
margin:2rem auto;padding:0 1rem}
h1{font-size:1.7rem;line-height:1.25;margin:.2rem 0 1rem}h2{font-size:1.3rem;margin:2rem 0 .6rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
a{color:var(--accent);overflow-wrap:anywhere}
.code{white-space:nowrap}
.lead{border-left:.35rem solid var(--accent);background:#eef4fb;padding:.6rem 1rem;margin:1rem 0}
.lead h2{margin-top:.2rem}.lead p{margin:.3rem 0}
table{border-collapse:collapse;margin:.8rem 0;width:100%}
th,td{border:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top;
overflow-wrap:normal;hyphens:manual}
thead th{background:#eef0f8}tbody th{background:#f7f7fa;font-weight:600}
tr.differs td{background:var(--mark)}tr.differs th::after{content:" *";color:#a15c00}
.caption{color:var(--muted);font-size:.9rem}
dl.pairs{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dl.pairs dt{font-weight:600}dl.pairs dd{margin:0}
figure{margin:.5rem 0}svg.chart{width:100%;max-width:40rem;height:auto;display:block}
ul.chart-words{color:var(--muted);font-size:.9rem;margin:.4rem 0 0;padding-left:1.2rem}
ul.sources{padding-left:1.2rem}ul.sources li{margin:.25rem 0}
.kind{display:inline-block;font-size:.75rem;border:1px solid var(--line);border-radius:.6rem;
padding:0 .45rem;margin-right:.2rem;color:var(--muted);white-space:nowrap}
.kind-official{border-color:#2e7d32;color:#2e7d32}
.detail{color:var(--muted);font-size:.9rem}
.appendix{border-top:2px solid var(--line);margin-top:2.5rem}
pre.command{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f4f7;padding:.5rem .7rem}
footer{color:var(--muted);font-size:.85rem;margin-top:2rem}
@media (max-width:40rem){
body{margin:1rem auto;font-size:15px}h1{font-size:1.35rem}
table.stack,table.stack thead,table.stack tbody,table.stack tr,table.stack th,
table.stack td{display:block;width:100%}
table.stack{border:0}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.stack tr{border:1px solid var(--line);margin:0 0 .6rem}
table.stack td,table.stack tbody th{border:0;border-top:1px solid #eee}
table.stack td::before{content:attr(data-label);display:block;font-weight:600;font-size:.85rem;
color:var(--muted)}
dl.pairs{grid-template-columns:1fr}dl.pairs dd{margin:0 0 .4rem}
}
@media print{
body{max-width:none;margin:0;font-size:11pt}a{color:inherit}
.appendix a[href]::after{content:" <" attr(href) ">";font-size:.85em;color:#444}
h2,h3{break-after:avoid}table,figure,.lead,tr{break-inside:avoid}
.lead{background:none}
}
"""


def page(title: str, body: Sequence[str], generated: str) -> str:
    """A whole page: inline style, no script, no external resource of any kind."""
    import html

    esc = html.escape
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>\n<main>\n"
            f"<h1>{esc(title)}</h1>\n" + "\n".join(body)
            + f"\n</main>\n<footer>{esc(generated)}</footer>\n</body></html>\n")
