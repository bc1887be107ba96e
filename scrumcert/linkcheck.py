"""``scrumcert sources --check``: fetch every source address and say which fail, which moved to
another page, and which no longer contain the words (``quote``) they are cited for.

The only module that touches the network, and only when asked: the default test run never calls it
with a real address (its tests serve pages from 127.0.0.1). Each address is fetched once however
many facts cite it, a few at a time (``workers``), each request bounded by ``timeout`` seconds and
at most ``MAX_BYTES`` of body. HEAD first, since it is cheap for the server; GET when a quote has
to be read or the server refuses HEAD. Only http and https are followed, redirects included.
"""

from __future__ import annotations

import html
import re
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple
from urllib.parse import urlsplit

MAX_BYTES = 2_000_000
TIMEOUT = 10.0
WORKERS = 6

OK, FAILED, MOVED, QUOTE_MISSING = "ok", "failed", "moved", "quote missing"
PROBLEMS = (FAILED, MOVED, QUOTE_MISSING)


class Target(NamedTuple):
    """One address to fetch, with every fact owner that cites it and the quotes to find there."""

    url: str
    owners: tuple[str, ...]
    quotes: tuple[str, ...] = ()


class Outcome(NamedTuple):
    url: str
    owners: tuple[str, ...]
    status: str  # OK, FAILED, MOVED or QUOTE_MISSING
    detail: str = ""
    final_url: str | None = None

    @property
    def problem(self) -> bool:
        return self.status in PROBLEMS


def targets(pairs: Iterable[tuple[str, object]]) -> list[Target]:
    """Group (owner, source) pairs by address, in first-seen order; sources without one are skipped."""
    seen: dict[str, tuple[list[str], list[str]]] = {}
    for owner, source in pairs:
        url = getattr(source, "url", None)
        if not url:
            continue
        owners, quotes = seen.setdefault(url, ([], []))
        if owner not in owners:
            owners.append(owner)
        quote = getattr(source, "quote", None)
        if quote and quote not in quotes:
            quotes.append(quote)
    return [Target(u, tuple(o), tuple(q)) for u, (o, q) in seen.items()]


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http and https addresses (never file: or ftp:)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, f"redirect to a {urlsplit(newurl).scheme}: "
                                         "address refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(),
                    urllib.request.HTTPSHandler(), urllib.request.HTTPDefaultErrorHandler(),
                    _Redirects(), urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def _same_page(a: str, b: str) -> bool:
    """Moving from http to https, adding or dropping ``www.`` or a trailing slash is not moving."""
    def key(url: str) -> tuple[str, str, str]:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
        return host, parts.path.rstrip("/") or "/", parts.query

    return key(a) == key(b)


_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                       "\u2014": "-", "\u00a0": " ", "\u202f": " "})


def plain_words(text: str) -> str:
    """Text as a reader sees it, for finding a quote: tags dropped, entities decoded, typographic
    quotes and dashes made plain, case and runs of spaces ignored."""
    text = html.unescape(_TAGS.sub(" ", text)).translate(_FOLD)
    return " ".join(text.split()).casefold()


def contains(page: str, quote: str) -> bool:
    return plain_words(quote) in plain_words(page)


def _fetch(opener: urllib.request.OpenerDirector, url: str, method: str, timeout: float
           ) -> tuple[str, str]:
    request = urllib.request.Request(url, method=method, headers={
        "User-Agent": "scrumcert-sources-check/1 (+https://github.com/scrumcert/scrumcert)",
        "Accept": "text/html,application/xhtml+xml,*/*;q=0.5"})
    with opener.open(request, timeout=timeout) as response:
        body = response.read(MAX_BYTES) if method == "GET" else b""
        charset = response.headers.get_content_charset() or "utf-8"
        try:
            return response.geturl(), body.decode(charset, errors="replace")
        except LookupError:  # a charset Python does not know
            return response.geturl(), body.decode("utf-8", errors="replace")


def _why(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code}"
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, socket.timeout | TimeoutError) or "timed out" in str(reason):
        return "timed out"
    if isinstance(reason, ssl.SSLError):
        return "TLS error"
    if isinstance(reason, socket.gaierror):
        return "no such host"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    text = " ".join(str(reason).split())
    return text[:80] or type(exc).__name__


def check_one(target: Target, timeout: float = TIMEOUT,
              opener: urllib.request.OpenerDirector | None = None) -> Outcome:
    """Fetch one address: HEAD, then GET when a quote must be read or HEAD is refused."""
    opener = opener or _opener()
    scheme = urlsplit(target.url).scheme
    if scheme not in ("http", "https"):
        return Outcome(target.url, target.owners, FAILED, f"not an http(s) address ({scheme or 'none'})")
    final, page = target.url, ""
    try:
        need_body = bool(target.quotes)
        if not need_body:
            try:
                final, _ = _fetch(opener, target.url, "HEAD", timeout)
            except urllib.error.HTTPError as exc:
                if exc.code not in (400, 403, 405, 406, 429, 501):
                    raise
                need_body = True  # many servers refuse HEAD but serve GET
        if need_body:
            final, page = _fetch(opener, target.url, "GET", timeout)
    except (urllib.error.URLError, OSError, ValueError, UnicodeError) as exc:
        return Outcome(target.url, target.owners, FAILED, _why(exc))
    except Exception as exc:  # http.client's odd failures (bad status line, too many headers)
        return Outcome(target.url, target.owners, FAILED, _why(exc))
    if not _same_page(target.url, final):
        return Outcome(target.url, target.owners, MOVED, f"now at {final}", final)
    if target.quotes:
        missing = [q for q in target.quotes if not contains(page, q)]
        if missing:
            shown = missing[0] if len(missing[0]) <= 60 else missing[0][:57] + "..."
            more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
            return Outcome(target.url, target.owners, QUOTE_MISSING, f"no longer says: \"{shown}\"{more}",
                           final)
    return Outcome(target.url, target.owners, OK, "", final)


def check(items: Iterable[Target], timeout: float = TIMEOUT, workers: int = WORKERS) -> list[Outcome]:
    """Check every target, ``workers`` at a time; the outcomes come back in the targets' order."""
    todo = list(items)
    if not todo:
        return []
    opener = _opener()
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(todo)))) as pool:
        return list(pool.map(lambda t: check_one(t, timeout, opener), todo))
