"""``scrumcert sources``: grouped by certification and kind; ``--check`` against a site on 127.0.0.1.

The catalogue here is a trainer's own, whose sources all live on the local test server, so the check
runs in the default test run without touching the network.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from scrumcert.catalogue.locate import bundled_dir
from scrumcert.errors import ExitStatus

ROLES_TEXT = (bundled_dir() / "roles.yaml").read_text(encoding="utf-8")
PAGES = {"/official": "<h1>Acme PO</h1><p>The exam has 20 questions in 30&nbsp;minutes.</p>",
         "/trainer": "<p>Acme PO classes cost 300 USD.</p>", "/moved-here": "<p>new home</p>"}


class _Site(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        self._answer(False)

    def do_GET(self) -> None:
        self._answer(True)

    def _answer(self, body: bool) -> None:
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/moved-here")
            self.end_headers()
            return
        page = PAGES.get(self.path)
        data = (page or "gone").encode()
        self.send_response(200 if page else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def catalogue_text(site: str, trainer_quote: str = "classes cost 300 USD", secondary: str = "/gone") -> str:
    return f"""certifications:
  - code: ACME-PO
    name: Acme Product Owner
    issuer: Acme Training
    official_page: {site}/official
    kind: certification
    level: foundation
    roles: [product_owner]
    summary: The house Product Owner credential of a training company.
    course: {{required: true, days: 1, price_usd: {{min: 300, max: 300, as_of: 2026-01-10}}}}
    exam: {{questions: 20, minutes: 30, pass_percent: 70, fee_usd: null}}
    renewal: lifetime
    pdus: 7
    sources:
      - title: A blog about Acme
        url: {site}{secondary}
        kind: secondary
        checked: 2026-11-02
        facts: [roles]
      - title: Acme course page
        url: {site}/trainer
        kind: trainer
        checked: 2026-11-01
        quote: "{trainer_quote}"
        facts: [course, price, pdus]
      - title: Acme's own exam page
        url: {site}/official
        kind: official
        checked: 2026-11-03
        quote: "20 questions in 30 minutes"
        facts: [exam, renewal, roles]
prices:
  ACME-PO:
    - region: UK
      currency: GBP
      min: 250
      max: 260
      sources:
        - title: Acme UK page
          url: {site}/old
          kind: trainer
          checked: 2026-11-04
"""


@pytest.fixture
def trainer(write_catalogue: Callable[[dict[str, str]], Path], site: str) -> Callable[..., Path]:
    def make(**kw: str) -> Path:
        return write_catalogue({"roles.yaml": ROLES_TEXT, "acme.yaml": catalogue_text(site, **kw)})

    return make


def test_sources_are_grouped_with_the_issuers_own_pages_first(run: Any, trainer: Callable[..., Path],
                                                              site: str) -> None:
    result = run("sources", "-f", "json", "--data", str(trainer()))
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["for"], r["kind"]) for r in rows] == [
        ("ACME-PO", "official"), ("ACME-PO", "trainer"), ("ACME-PO", "trainer"), ("ACME-PO", "secondary")]
    assert rows[0]["quote"] == "20 questions in 30 minutes"
    assert rows[2]["about"] == "price in the United Kingdom"
    table = run("sources", "--data", str(trainer()))
    text = table.stdout
    assert text.index("issuer's own pages") < text.index("trainers' pages") < text.index("other pages")
    md = run("sources", "-f", "markdown", "--data", str(trainer())).stdout
    assert "## ACME-PO: Acme Product Owner" in md


def test_check_reports_what_failed_moved_or_lost_its_quote(run: Any, trainer: Callable[..., Path],
                                                           site: str) -> None:
    result = run("sources", "--check", "-f", "json", "--timeout", "5",
                 "--data", str(trainer(trainer_quote="classes cost 250 USD")))
    assert result.exit_code == ExitStatus.SOURCES == 4
    found = json.loads(result.stdout)
    assert found["checked"] == 4 and found["fine"] == 1
    by_url = {p["url"]: p for p in found["problems"]}
    assert by_url[f"{site}/gone"]["status"] == "failed" and by_url[f"{site}/gone"]["detail"] == "HTTP 404"
    assert by_url[f"{site}/old"]["status"] == "moved"
    assert by_url[f"{site}/old"]["final_url"] == f"{site}/moved-here"
    assert by_url[f"{site}/trainer"]["status"] == "quote missing"
    assert by_url[f"{site}/trainer"]["for"] == ["ACME-PO"]


def test_check_in_a_table_names_each_problem_and_sums_up(run: Any, trainer: Callable[..., Path],
                                                        site: str) -> None:
    result = run("sources", "--check", "--data", str(trainer()))
    assert result.exit_code == 4
    out = " ".join(result.stdout.split())
    assert "fails" in out and "moved" in out
    assert "Checked 4 addresses: 2 fine, 1 fail, 1 moved, 0 no longer say what they are cited for." in out


def test_check_passes_when_every_source_holds(run: Any, trainer: Callable[..., Path], site: str,
                                             tmp_path: Path) -> None:
    folder = trainer(secondary="/official")
    text = (folder / "acme.yaml").read_text(encoding="utf-8").replace(f"{site}/old", f"{site}/trainer")
    (folder / "acme.yaml").write_text(text, encoding="utf-8")
    result = run("sources", "--check", "-f", "json", "--data", str(folder))
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout) == {"checked": 2, "problems": [], "fine": 2}


def test_the_bundled_sources_group_official_pages_first(run: Any) -> None:
    rows = json.loads(run("sources", "-f", "json").stdout)
    order = {"official": 0, "trainer": 1, "secondary": 2, None: 3}
    for owner in {r["for"] for r in rows}:
        kinds = [order[r["kind"]] for r in rows if r["for"] == owner]
        assert kinds == sorted(kinds), owner
    assert any(r["for"] == "Exchange rates" and r["kind"] == "official" for r in rows)
