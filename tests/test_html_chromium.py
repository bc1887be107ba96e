"""The HTML report renders in a real browser (issue 5, part 3): headless Chromium, no network.

Needs Debian's ``chromium`` package (``apt-get install chromium``); skipped with the reason when it is
missing. The screenshot is left in the test's temporary folder as evidence.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not installed (Debian: apt-get install -y chromium)")


def chromium(tmp_path: Path, profile: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run headless Chromium offline with a throw-away profile and home."""
    assert CHROMIUM is not None
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"))
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
               f"--user-data-dir={tmp_path / profile}", *args]
    return subprocess.run(command, capture_output=True, timeout=120, env=env, check=False)


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
                      "--hide-scrollbars", report.as_uri())
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    assert shot.is_file()
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    assert (width, height) == (1200, 1600)
    assert len(data) > 10_000  # a page with text and a table, not a blank image
