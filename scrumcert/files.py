"""Writing files the user asked for: whole or not at all, with the usual permissions."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from scrumcert.errors import ScrumcertError


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it into place, so that an
    interrupted run never leaves half a file; the mode follows the umask like any new file."""
    folder = path.parent if str(path.parent) else Path(".")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise ScrumcertError(f"cannot write {path}: {exc.strerror or exc}") from None
