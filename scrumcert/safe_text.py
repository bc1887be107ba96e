"""Text from catalogues, team files and users is shown, never interpreted: the one sanitiser every format
uses.

Three forms, one set of dangerous characters:

- ``literal`` for the terminal (tables, panels, stderr lines): C0 and C1 control characters (ESC, BEL,
  CSI U+009B, OSC U+009D ...), bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069,
  U+200E/U+200F, U+061C), zero-width and invisible characters (U+200B-U+200D, U+2060-U+2064,
  U+FEFF), line and paragraph separators, and lone surrogates (from file names that are not UTF-8) are
  shown as ``\\x9b`` / ``\\u202e`` escapes, so no sequence in the data is acted on and no name is
  displayed reversed or hidden.
- ``json_text`` for JSON written with ``ensure_ascii=False``: the same characters as ``\\uXXXX`` JSON
  escapes, so the data stays exactly what it is and no terminal that shows the JSON acts on it.
- ``markdown_text`` for Markdown: ``literal`` plus every character Markdown or HTML would act on
  escaped (``\\ ` * _ [ ] ~ |``, ``&``, ``<``, ``>``, a leading ``#``, ``+``, ``-``, ``=`` or ``1.``),
  so catalogue text never becomes a live link, a remote image, a heading or markup.

Kept apart (and dependency-free) so that even the error path can use it before anything is loaded.
"""

from __future__ import annotations

import re

_DANGEROUS = (r"\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069"
              r"\ufeff\ud800-\udfff")
_CONTROL = re.compile(f"[{_DANGEROUS}]")
# Compiled when JSON or Markdown is first written: a table never needs them (start-up).
_JSON_UNSAFE = r"[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
_MARKDOWN = r"[\\`*_\[\]~|]"
_LEADING = r"^(?:[#+=-]|\d+[.)])"


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def literal(text: str) -> str:
    """Show control, bidirectional and invisible characters as ``\\x1b`` / ``\\u202e`` escapes, so a
    terminal escape sequence in the data is printed as text and never acted on."""
    return _CONTROL.sub(lambda m: _escape(m.group()), text)


def json_text(text: str) -> str:
    """JSON text (already encoded, ``ensure_ascii=False``) with the characters a terminal would act on
    written as ``\\uXXXX`` escapes: the same JSON value, harmless bytes."""
    return re.sub(_JSON_UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", text)


def markdown_text(text: str, line_start: bool = True) -> str:
    """One line of Markdown from data: on one line, shown literally, nothing Markdown or HTML acts on.
    ``line_start=False`` for a table cell, where a leading ``#`` or ``-`` means nothing."""
    text = literal(" ".join(text.split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(_MARKDOWN, lambda m: "\\" + m.group(), text)
    return re.sub(_LEADING, lambda m: m.group()[:-1] + "\\" + m.group()[-1], text) if line_start else text
