"""Reports a manager forwards, opened in a real browser: headless Chromium at 1200 and 400 pixels.

The advice page must hold, in this order, the bottom line, "Your answers", the comparison, "Your
path", the cost chart (inline SVG) and the sources appendix with clickable links; it must carry no
script and fetch nothing; at 400 pixels nothing may scroll sideways (the tables stack). Screenshots
are saved beside the test's files (and copied to ``$SCRUMCERT_SCREENSHOTS`` when set, to look at).

Needs Debian's ``chromium``; skipped with the reason when it is missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser import chromium, needs_chromium, png_size

pytestmark = pytest.mark.slow


ADVICE = ["advise", "--role", "scrum_master", "--target", "product_owner", "--goal", "job",
          "--budget-usd", "1500", "--held", "CSM"]
SECTIONS = ["Bottom line", "Your answers", "Comparison", "Your path", "Cost over 3 years", "Sources"]

# Measures the laid-out page; added to a copy only (the report itself has no script).
MEASURE = """<script>
addEventListener('load', () => {
  const cell = document.querySelector('table.stack td');
  const out = {scroll: document.documentElement.scrollWidth, inner: innerWidth,
               cell: cell ? getComputedStyle(cell).display : null,
               svg: document.querySelector('svg.chart').getBoundingClientRect().width};
  const pre = parent.document.createElement('pre'); pre.id = 'measure'; pre.textContent = JSON.stringify(out);
  parent.document.body.appendChild(pre);
});
</script>"""


def framed(page: str, width: int) -> str:
    """The page inside a frame exactly ``width`` pixels wide (a headless window is never narrower
    than 500 pixels, a frame can be), measured from inside."""
    import html

    inner = page.replace("</body>", MEASURE + "</body>")
    return (f'<!DOCTYPE html><html><body style="margin:0"><iframe style="width:{width}px;height:2000px;'
            f'border:0" srcdoc="{html.escape(inner, quote=True)}"></iframe></body></html>')


class Page(HTMLParser):
    """Headings, links, and whether there is an SVG, a script, or anything fetched from elsewhere."""

    def __init__(self) -> None:
        super().__init__()
        self.h2: list[str] = []
        self.links: list[str] = []
        self.tags: set[str] = set()
        self.fetched: list[str] = []
        self._h2: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        if tag == "h2":
            self._h2 = []
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        for name in ("src", "srcset"):
            if values.get(name):
                self.fetched.append(values[name] or "")
        if tag == "link" and values.get("href"):
            self.fetched.append(values["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self._h2 is not None:
            self.h2.append(" ".join("".join(self._h2).split()))
            self._h2 = None

    def handle_data(self, data: str) -> None:
        if self._h2 is not None:
            self._h2.append(data)


@pytest.fixture(scope="module")
def advice_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from scrumcert.cli import app

    folder = tmp_path_factory.mktemp("advice")
    page = folder / "advice.html"
    result = CliRunner().invoke(app, [*ADVICE, "--output", str(page)], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    return page


def keep(shot: Path) -> None:
    folder = os.environ.get("SCRUMCERT_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(folder) / shot.name)


def test_the_page_itself_is_self_contained(advice_page: Path) -> None:
    text = advice_page.read_text(encoding="utf-8")
    page = Page()
    page.feed(text)
    assert "script" not in page.tags
    assert page.fetched == []
    assert not re.search(r"url\(|@import", text)
    assert "svg" in page.tags
    assert [h for h in page.h2 if h in SECTIONS] == SECTIONS  # in this order
    assert page.links and all(link.startswith(("https://", "http://")) for link in page.links)


@needs_chromium
@pytest.mark.parametrize("width", [1200, 400])
def test_chromium_lays_out_the_advice(advice_page: Path, tmp_path: Path, width: int) -> None:
    dom = chromium(tmp_path, "profile-dom", "--dump-dom", advice_page.as_uri())
    assert dom.returncode == 0, dom.stderr.decode(errors="replace")[-2000:]
    page = Page()
    page.feed(dom.stdout.decode("utf-8"))
    assert [h for h in page.h2 if h in SECTIONS] == SECTIONS
    assert "svg" in page.tags and page.links

    measured = tmp_path / f"measure-{width}.html"
    measured.write_text(framed(advice_page.read_text(encoding="utf-8"), width), encoding="utf-8")
    run = chromium(tmp_path, "profile-measure", f"--window-size={width + 100},2100",
                   "--virtual-time-budget=3000", "--dump-dom", measured.as_uri())
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-2000:]
    found = re.search(r'<pre id="measure">(.*?)</pre>', run.stdout.decode("utf-8"))
    assert found, "the measuring script did not run"
    box = json.loads(found.group(1).replace("&quot;", '"'))
    assert box["inner"] == width, box
    assert box["scroll"] <= box["inner"], box  # nothing scrolls sideways
    assert box["cell"] == ("block" if width == 400 else "table-cell"), box  # tables stack when narrow
    assert 0 < box["svg"] <= width

    shot = tmp_path / f"advice-{width}.png"
    height = 3000 if width > 500 else 5200  # the whole page, sources aside
    taken = chromium(tmp_path, "profile-shot", f"--screenshot={shot}", f"--window-size={width},{height}",
                     advice_page.as_uri())
    assert taken.returncode == 0, taken.stderr.decode(errors="replace")[-2000:]
    assert png_size(shot) == (width, height)
    assert shot.stat().st_size > 20_000  # text, tables and a chart, not a blank page
    keep(shot)
