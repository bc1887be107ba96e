"""The one writer of standard output: every byte gets there, or the run ends with one line and status 1.

Python's ``sys.stdout`` loses output quietly in three ways: a short write on a nearly full disk (or
under a file-size limit) drops the rest and the run exits 0; a failed first write (``> /dev/full``)
raises an OSError far from any handler; a closed stdout (``>&-``) makes ``sys.stdout`` None. Here the
text is encoded once and written with a loop of ``os.write`` calls, each short write continued and each
failure turned into :class:`OutputFailed`; a reader that went away (``| head -1``) is
:class:`OutputClosed`, which the CLI ends silently, as every Unix tool does.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from typing import Any

from scrumcert.errors import ExitStatus, ScrumcertError


class OutputFailed(ScrumcertError):
    """Standard output could not take everything written to it."""

    exit_code = ExitStatus.OUTPUT_FAILED


class OutputClosed(OutputFailed):
    """The reader of a pipe stopped reading (``| head``): not an error worth a line."""


def write_all(fd: int, data: bytes, why: str) -> None:
    """Write every byte, continuing short writes; a write that moves nothing raises ``why`` (EIO) rather
    than looping for ever. Shared by standard output and the safe writer of user files."""
    view = memoryview(data)
    while view:
        done = os.write(fd, view)
        if done <= 0:
            raise OSError(errno.EIO, why)
        view = view[done:]


def _fileno(stream: object) -> int | None:
    try:
        return stream.fileno()  # type: ignore[attr-defined,no-any-return]
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return None  # an in-memory stream (a test runner's): its own write is the whole story


def write_out(text: str) -> None:
    """Write ``text`` to standard output completely, or raise OutputFailed / OutputClosed."""
    stream = sys.stdout
    if stream is None:
        raise OutputFailed("cannot write output: standard output is closed")
    fd = _fileno(stream)
    try:
        if fd is None:
            stream.write(text)
            stream.flush()
            return
        encoding = getattr(stream, "encoding", None) or "utf-8"
        errors = getattr(stream, "errors", None) or "strict"
        try:
            data = text.encode(encoding, errors)
        except UnicodeEncodeError:
            data = text.encode(encoding, "backslashreplace")
        stream.flush()  # whatever was written the ordinary way goes first
        write_all(fd, data, "nothing was written")
    except BrokenPipeError:
        raise OutputClosed("output closed by its reader") from None
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise OutputClosed("output closed by its reader") from None
        raise OutputFailed(f"cannot write output: {(exc.strerror or str(exc)).lower()}") from None


class Collector(io.TextIOBase):
    """Stands in for stdout while Rich renders: it looks like the real stream to Rich (encoding, is
    it a terminal) but keeps the text, which then goes out through ``write_out`` in one piece."""

    def __init__(self, real: Any) -> None:
        super().__init__()
        self.real, self.parts = real, list[str]()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.real, "encoding", None) or "utf-8"

    def isatty(self) -> bool:
        try:
            return bool(self.real is not None and self.real.isatty())
        except (AttributeError, OSError, ValueError):
            return False

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    def text(self) -> str:
        return "".join(self.parts)


def silence_stdout() -> None:
    """After a failed write, make the interpreter's final flush of stdout harmless."""
    try:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives until exit
    except OSError:
        sys.stdout = None  # type: ignore[assignment]
