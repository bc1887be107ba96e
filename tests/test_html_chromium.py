"""The HTML report renders in a real browser (issue 5, part 3): headless Chromium, no network.

Needs Debian's ``chromium`` package (``apt-get install chromium``); skipped with the reason when it is
missing. The screenshot is left in the test's temporary folder as evidence.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser import chromium, needs_chromium, png_size

pytestmark = pytest.mark.slow


class Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture
def report(run, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    page = tmp_path / "comparison.html"
    result = run("compare", "CSM", "PSPO", "--output", str(page))
    assert result.exit_code == 0, result.stderr
    return page


@needs_chromium
def test_chromium_renders_the_table(report: Path, tmp_path: Path) -> None:
    result = chromium(tmp_path, "profile-dom", "--dump-dom", report.as_uri())
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    dom = result.stdout.decode("utf-8")
    assert "<table>" in dom  # two codes: three narrow columns, no stacking needed
    parser = Cells()
    parser.feed(dom)
    for cell in ("CSM", "PSPO-I", "Name", "Certified ScrumMaster", "Professional Scrum Product Owner I",
                 "$200 per attempt", "Cost over 3 years", "$350 to $2,595 + 20 SEU"):
        assert cell in parser.cells, cell
    assert "<script" not in dom


@needs_chromium
def test_chromium_screenshot(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    result = chromium(tmp_path, "profile-shot", f"--screenshot={shot}", "--window-size=1200,1600",
                      report.as_uri())
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    assert shot.is_file()
    assert png_size(shot) == (1200, 1600)
    assert shot.stat().st_size > 10_000  # a page with text and a table, not a blank image
