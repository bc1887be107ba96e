"""The one safe reader and the one safe writer of every file a user names.

Every path that comes from the user (``--answers``, a team file, a catalogue file, ``--save-answers``,
``--output``, the parse cache) goes through here, so the rules hold everywhere at once:

Reading (``read_bytes``): never more than ``limit`` bytes (``/dev/zero`` or a huge file is refused
after reading at most ``limit + 1`` bytes, never by running out of memory); a named pipe with no writer
reads as empty instead of blocking (it is opened without blocking); a folder is named as a folder; where
a regular file is meant (``regular_only``) anything else is refused.

Writing (``write_text``): a regular file is replaced whole or not at all (a temporary file beside it,
renamed into place, removed again on any failure, Ctrl-C included); an existing file keeps its mode and,
where allowed, its owner; a symlink is followed and its target written, the link itself stays; a file
without write permission is refused, even for root; a pipe, a terminal or a device (``/dev/null``,
``/dev/stdout``) is written through, never replaced; nothing under ``/dev`` or ``/proc`` is replaced.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from scrumcert.errors import ScrumcertError
from scrumcert.outstream import write_all

MB = 1024 * 1024
DEFAULT_LIMIT = 10 * MB  # answers and team files: real ones are a few KB
CATALOGUE_LIMIT = 20 * MB  # one catalogue file: the bundled ones are about 80 KB


class FileRefused(ScrumcertError):
    """A named file that cannot be read or written; ``reason`` is the part after the file's name, so a
    caller can put the name in its own words (a catalogue error names file and line)."""

    def __init__(self, label: str, reason: str) -> None:
        super().__init__(f"{label}: {reason}")
        self.reason = reason


def _why(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links"
    if exc.errno == errno.ENXIO:
        return "is a pipe that nothing reads"
    return (exc.strerror or str(exc)).lower()


def _size(limit: int) -> str:
    return f"{limit // MB} MB" if limit % MB == 0 else f"{limit:,} bytes"


def read_bytes(path: Path | str, label: str | None = None, *, limit: int = DEFAULT_LIMIT,
               regular_only: bool = False) -> bytes:
    """The bytes of a file the user named, bounded by ``limit``; every failure is one FileRefused.

    A pipe (``<(...)``, ``/dev/stdin``) is read to its end; a pipe with no writer gives ``b""``."""
    label = label or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileRefused(label, _why(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused(label, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            if regular_only:
                raise FileRefused(label, "is not a regular file")
            if stat.S_ISBLK(info.st_mode):
                raise FileRefused(label, "is a device, not a file")
        elif info.st_size > limit:
            raise FileRefused(label, f"is larger than {_size(limit)}")
        os.set_blocking(fd, True)  # a FIFO with a writer is read to its end; one without reads as empty
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1 * MB, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:
            raise FileRefused(label, f"is larger than {_size(limit)}")
        return b"".join(chunks)
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise FileRefused(label, "is a folder, not a file") from None
        raise FileRefused(label, f"cannot read: {_why(exc)}") from None
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _passes_through_dev(path: Path) -> bool:
    """``/dev/stdout``, ``/dev/fd/1``, ``/proc/self/fd/1``: names of streams that are already open;
    replacing what they point at would cut the file away from the stream (or destroy a device)."""
    text = os.path.abspath(path)
    real = os.path.realpath(path)
    return any(p == root or p.startswith(root + "/") for p in (text, real) for root in ("/dev", "/proc"))


def _write_through(target: str, data: bytes, label: str) -> None:
    """Write into an existing pipe, terminal or device without replacing it."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileRefused(label, f"cannot write: {_why(exc)}") from None
    try:
        os.set_blocking(fd, True)
        write_all(fd, data, "short write")
    except OSError as exc:
        raise FileRefused(label, f"cannot write: {_why(exc)}") from None
    finally:
        os.close(fd)


def write_text(path: Path | str, text: str, label: str | None = None, *, mode: int | None = None) -> None:
    """Write ``text`` (UTF-8) to a file the user named, by the rules in this module's docstring.

    ``mode`` is the mode of a file created new (default: 0666 minus the umask, like any new file);
    an existing file keeps its own. Text that is not valid Unicode (a lone surrogate from a file name
    that is not UTF-8) is written as a backslash escape, never a crash."""
    label = label or str(path)
    data = text.encode("utf-8", errors="backslashreplace")
    path = Path(path)
    through = _passes_through_dev(path)  # /dev/stdout is opened as named: the kernel finds the stream
    target = os.path.realpath(path) if path.is_symlink() and not through else os.fspath(path)
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise FileRefused(label, f"cannot write: {_why(exc)}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise FileRefused(label, "is a folder, not a file")
    if (info is not None and not stat.S_ISREG(info.st_mode)) or through:
        if info is None:
            raise FileRefused(label, "cannot write: no such device")
        _write_through(target, data, label)
        return
    if info is not None:
        if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise FileRefused(label, "is read-only; not replaced")
        new_mode = stat.S_IMODE(info.st_mode)
    else:
        new_mode = (0o666 & ~_umask()) if mode is None else mode
    _replace(target, data, new_mode, info, label)


def _replace(target: str, data: bytes, new_mode: int, old: os.stat_result | None, label: str) -> None:
    """A temporary file beside the target, renamed over it: whole or not at all."""
    import tempfile

    folder, name = os.path.split(target)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".tmp")
        try:
            write_all(fd, data, "short write")
            os.fchmod(fd, new_mode)
            if old is not None and (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
                with contextlib.suppress(OSError):  # only root may give a file away; the mode stays
                    os.fchown(fd, old.st_uid, old.st_gid)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise FileRefused(label, f"cannot write: {_why(exc)}") from None
    finally:
        if tmp is not None:  # any failure, Ctrl-C included: never leave the temporary file
            with contextlib.suppress(OSError):
                os.unlink(tmp)
