"""User catalogues: find, parse and validate them from YAML; ``build.Builder`` then makes the model.

Every user catalogue comes through here, and so does the bundled one whenever its precompiled
snapshot (``snapshot.py``) does not match its files. The YAML itself is read by ``yamlsafe.py``.

Speed: parsing YAML in Python costs about 1 ms per 200 values, far more than everything else a command
does. So the parse result of each file is cached as JSON under the hash of the file's bytes (see
``_parse_cached``): the same bytes always parse to the same data, only files that passed the schema are
cached, and every load still runs the full schema and cross-reference checks on what it reads. Nothing
in the cache is executable (JSON), and a missing or unwritable cache only costs time. The happy path
builds no line table; only when a value is wrong is the YAML re-read to find the line to report.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import Node

from scrumcert.catalogue.build import Builder, Part
from scrumcert.catalogue.locate import ENV_VAR, _display, catalogue_dir, json_default, json_hook, yaml_files
from scrumcert.catalogue.model import Catalogue
from scrumcert.catalogue.schema import FILE, SchemaError
from scrumcert.catalogue.yamlsafe import _bytes, _read
from scrumcert.errors import CatalogueError

__all__ = ["load_catalogue", "parse_file"]

CACHE_ENV = "SCRUMCERT_CACHE_DIR"  # a folder, or "off"
_CACHE_SALT = f"scrumcert-parse-1|pyyaml-{yaml.__version__}|".encode()


def _cache_dir() -> Path | None:
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return None if chosen == "off" else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "scrumcert"


def _parse_cached(path: Path, name: str) -> tuple[Node | None, Any, Path | None]:
    """Parse one file, or take its parse result from the cache; also return where to cache it."""
    raw = _bytes(path, name)
    folder = _cache_dir()
    entry = folder / f"{hashlib.sha256(_CACHE_SALT + raw).hexdigest()}.json" if folder else None
    if entry is not None:
        try:
            return None, json.loads(entry.read_text(encoding="utf-8"), object_hook=json_hook), None
        except (OSError, ValueError):
            pass  # no entry yet, or an unreadable one: parse the YAML
    node, data = _read(path, name, raw)
    return node, data, entry


def _store(entry: Path, data: Any) -> None:
    """Best effort: a cache that cannot be written only costs time."""
    from scrumcert.errors import ScrumcertError
    from scrumcert.files import write_atomic

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, json.dumps(data, default=json_default, separators=(",", ":")))
    except (OSError, ScrumcertError, TypeError, ValueError):
        pass


def parse_file(path: Path, shown: str | None = None) -> Part:
    """Parse one catalogue file safely and check it against the schema."""
    name = shown or _display(path)
    node, data, entry = _parse_cached(path, name)
    if data is None:
        data = {}
    one = Part(name, path, data, node)
    if not isinstance(data, dict):
        raise one.error((), "expected a mapping with roles, certifications, questions or rules at the top")
    try:
        one.data = FILE.check(data, ())
    except SchemaError as exc:
        raise one.error(exc.path, exc.message) from None
    if entry is not None:
        _store(entry, data)
    return one


def load_catalogue(path: str | os.PathLike[str] | None = None) -> Catalogue:
    """Load and fully validate the catalogue in one folder (or one file).

    The garbage collector is paused meanwhile: parsing makes many small objects and no cycles, and
    its collections (which scan every live object) made loading grow faster than the catalogue."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(path)
    finally:
        if was_enabled:
            gc.enable()


def _load(path: str | os.PathLike[str] | None) -> Catalogue:
    where = catalogue_dir(path)
    if where.is_file():
        files = [where]
    elif where.is_dir():
        files = yaml_files(where)
        if not files:
            raise CatalogueError("no .yaml files in this folder", _display(where))
    else:
        raise CatalogueError("no such folder", _display(where))
    bundled = path is None and not os.environ.get(ENV_VAR)
    parsed = [parse_file(f, f"data/{f.name}" if bundled else None) for f in files]
    return Builder(parsed, _display(where)).build()


