"""The bundled catalogue, precompiled: how the reading commands start without parsing YAML.

``data/*.yaml`` is the source of truth. ``python tools/regenerate.py`` validates it fully with the
loader and writes ``scrumcert/catalogue/_bundled.py``: the parsed content as JSON plus the size and
SHA-256 of each file it came from. At run time the snapshot is used only when the bundled files still
have exactly those sizes and checksums; otherwise (a file edited, a snapshot missing) the catalogue is
loaded and validated from YAML as usual. This module only reads; user catalogues (``--data``,
``$SCRUMCERT_DATA``) never use the snapshot.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scrumcert.catalogue.build import Part
from scrumcert.catalogue.locate import json_hook, yaml_files


def fingerprint(folder: Path) -> list[list[Any]]:
    """``[name, size, sha256]`` of each catalogue file: well under a millisecond at every start, and
    unlike a CRC-32 no same-size edit can keep it (a forged CRC served a stale snapshot)."""
    sha256 = _sha256()
    out = []
    for p in yaml_files(folder):
        raw = p.read_bytes()
        out.append([p.name, len(raw), sha256(raw).hexdigest()])
    return out


def _sha256() -> Any:
    """CPython's own SHA-256 (the same digest): hashlib would first load OpenSSL, two milliseconds of
    every start for a few kilobytes of data. hashlib where the built-in module is missing."""
    try:
        from _sha256 import sha256  # CPython 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # CPython 3.12 and later
        except ImportError:
            from hashlib import sha256
    return sha256


def _snapshot_parts(folder: Path) -> list[Part] | None:
    try:
        from scrumcert.catalogue import _bundled
    except ImportError:
        return None
    try:
        if fingerprint(folder) != _bundled.FILES:
            return None
    except OSError:
        return None
    return [Part(f"data/{name}", folder / name, data, checked=True)
            for name, data in json.loads(_bundled.DATA, object_hook=json_hook)]
