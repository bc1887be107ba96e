"""``sources --check`` against pages served from 127.0.0.1: no real address is ever fetched here.

The server answers with the page, a redirect to another page, a redirect that only adds a trailing
slash, a 404, a server that refuses HEAD, and a page that stalls longer than the timeout.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from scrumcert import linkcheck
from scrumcert.linkcheck import FAILED, MOVED, OK, QUOTE_MISSING, Target

PAGE = ("<html><head><style>p{color:red}</style></head><body><p>The CSM exam fee in India stands "
        "at Rs.&nbsp;24,000 to Rs 26,000.</p><p>It&#8217;s a two&ndash;day course.</p></body></html>")


class _Handler(BaseHTTPRequestHandler):
    heads: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:  # keep the test output quiet
        pass

    def _answer(self, body: bool) -> None:
        path = self.path
        if path == "/page":
            self._send(200, PAGE if body else "")
        elif path == "/old":
            self.send_response(301)
            self.send_header("Location", "/elsewhere")
            self.end_headers()
        elif path == "/slash":
            self.send_response(301)
            self.send_header("Location", "/slash/")
            self.end_headers()
        elif path in ("/elsewhere", "/slash/"):
            self._send(200, "<p>another page</p>" if body else "")
        elif path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif path == "/slow":
            time.sleep(2)
            self._send(200, "late" if body else "")
        else:
            self._send(404, "not here" if body else "")

    def _send(self, code: int, text: str) -> None:
        data = text.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if data:
            self.wfile.write(data)

    def do_HEAD(self) -> None:
        type(self).heads.append(self.path)
        if self.path == "/no-head":
            self._send(405, "")
            return
        self._answer(body=False)

    def do_GET(self) -> None:
        if self.path == "/no-head":
            self._send(200, "<p>fine with GET</p>")
            return
        self._answer(body=True)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (the timeout test) is expected


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _one(url: str, quotes: tuple[str, ...] = (), timeout: float = 5.0) -> linkcheck.Outcome:
    return linkcheck.check_one(Target(url, ("CSM",), quotes), timeout=timeout)


def test_a_page_that_answers_is_fine(site):
    assert _one(f"{site}/page").status == OK


def test_a_quote_is_found_as_a_reader_would_read_it(site):
    # entities, tags, typographic apostrophes and dashes, case and spacing do not matter
    found = _one(f"{site}/page", ("the CSM exam fee in India stands at Rs. 24,000", "It's a two-day course"))
    assert found.status == OK


def test_a_quote_the_page_no_longer_holds_is_reported(site):
    outcome = _one(f"{site}/page", ("Rs. 30,000",))
    assert outcome.status == QUOTE_MISSING
    assert outcome.detail == 'no longer says: "Rs. 30,000"'


def test_a_redirect_to_another_page_is_a_move(site):
    outcome = _one(f"{site}/old")
    assert outcome.status == MOVED
    assert outcome.detail == f"now at {site}/elsewhere" and outcome.final_url == f"{site}/elsewhere"


def test_a_trailing_slash_is_not_a_move(site):
    assert _one(f"{site}/slash").status == OK


def test_a_missing_page_fails_with_its_status(site):
    outcome = _one(f"{site}/gone")
    assert (outcome.status, outcome.detail) == (FAILED, "HTTP 404")


def test_head_first_then_get_when_head_is_refused(site):
    _Handler.heads.clear()
    assert _one(f"{site}/no-head").status == OK
    assert _Handler.heads == ["/no-head"]
    _Handler.heads.clear()
    assert _one(f"{site}/page", ("24,000",)).status == OK
    assert _Handler.heads == []  # a quote needs the body: straight to GET


def test_a_redirect_to_a_file_is_refused(site):
    outcome = _one(f"{site}/to-file")
    assert outcome.status == FAILED


def test_a_stalled_server_times_out(site):
    started = time.monotonic()
    outcome = _one(f"{site}/slow", timeout=0.5)
    assert (outcome.status, outcome.detail) == (FAILED, "timed out")
    assert time.monotonic() - started < 1.9


def test_nothing_listens_there():
    import socket

    with socket.socket() as s:  # a port that was free a moment ago
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    outcome = _one(f"http://127.0.0.1:{port}/")
    assert (outcome.status, outcome.detail) == (FAILED, "connection refused")


def test_only_web_addresses_are_fetched():
    assert _one("ftp://example.org/x").status == FAILED
    assert "not an http(s) address" in _one("file:///etc/passwd").detail


def test_each_address_is_fetched_once_with_every_owner_and_quote(site):
    from scrumcert.catalogue.model import Source

    def src(url: str, **kw: object) -> Source:
        s = Source(title="t", checked=date(2026, 11, 26), url=url)
        return s._replace(**kw) if kw and hasattr(s, "quote") else s

    pairs = [("CSM", src(f"{site}/page")), ("CSPO", src(f"{site}/page")), ("CSM", src(f"{site}/gone")),
             ("PSM-I", Source(title="a named document", checked=date(2026, 11, 26), document="book"))]
    found = linkcheck.targets(pairs)
    assert [(t.url, t.owners) for t in found] == [(f"{site}/page", ("CSM", "CSPO")),
                                                  (f"{site}/gone", ("CSM",))]
    outcomes = linkcheck.check(found, timeout=5, workers=2)
    assert [o.status for o in outcomes] == [OK, FAILED]
    assert linkcheck.check([]) == []
