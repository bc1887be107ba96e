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
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import Node

from scrumcert.catalogue.build import Builder, Part
from scrumcert.catalogue.locate import ENV_VAR, _display, catalogue_dir, json_default, json_hook, yaml_files
from scrumcert.catalogue.model import Catalogue
from scrumcert.catalogue.schema import FILE, SchemaError
from scrumcert.catalogue.yamlsafe import _bytes, _read
from scrumcert.errors import CatalogueError, ScrumcertError

__all__ = ["load_catalogue", "parse_file"]

CACHE_ENV = "SCRUMCERT_CACHE_DIR"  # a folder, or "off"
_OFF = ("off", "0", "false", "no", "none")
_CACHE_SALT = f"scrumcert-parse-2|pyyaml-{yaml.__version__}|".encode()
_KEY_FILE = "key"


def _cache_dir() -> Path | None:
    """``$SCRUMCERT_CACHE_DIR`` (any of "off", "0", "false", "no", "none" turn it off), else
    ``$XDG_CACHE_HOME/scrumcert`` when that is absolute (the XDG spec says to ignore a relative one),
    else ``~/.cache/scrumcert``."""
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen:
        return None if chosen.lower() in _OFF else Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "scrumcert"


def _key(folder: Path, create: bool) -> bytes | None:
    """This user's secret for signing cache entries, kept 0600 in the cache folder (made 0700): an
    entry someone else wrote, or edited, does not carry a valid signature and is parsed again."""
    path = folder / _KEY_FILE
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        if not create:
            return None
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            key = os.urandom(32)
            try:
                os.write(fd, key)
            finally:
                os.close(fd)
            return key
        except OSError:
            return None
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o077:
            return None  # not ours, or readable by others: sign nothing with it
        key = os.read(fd, 64)
        return key if len(key) == 32 else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _signature(key: bytes, digest: str, payload: bytes) -> bytes:
    import hmac

    return hmac.new(key, digest.encode() + b"|" + payload, hashlib.sha256).hexdigest().encode()


def _from_cache(entry: Path, key: bytes, digest: str, raw_size: int) -> Any:
    """A verified cache entry's data, or None: a regular file of sane size, signed with this user's
    key for these YAML bytes, JSON that parses. Anything else (a FIFO, a device, a folder, deep or
    edited JSON) is ignored and the YAML is parsed instead."""
    from scrumcert.files import FileRefused, read_bytes

    try:
        blob = read_bytes(entry, str(entry), limit=8 * raw_size + 65536, regular_only=True)
    except FileRefused:
        return None
    signature, _, payload = blob.partition(b"\n")
    import hmac

    if not hmac.compare_digest(signature, _signature(key, digest, payload)):
        return None
    try:
        return json.loads(payload.decode("utf-8"), object_hook=json_hook)
    except (ValueError, RecursionError):
        return None


def _parse_cached(path: Path, name: str, use_cache: bool = True
                  ) -> tuple[Node | None, Any, tuple[Path, bytes, str] | None]:
    """Parse one file, or take its parse result from the cache; also say where to cache it."""
    raw = _bytes(path, name, regular_only=True)
    folder = _cache_dir() if use_cache else None
    key = _key(folder, create=True) if folder else None
    if folder is not None and key is not None:
        digest = hashlib.sha256(_CACHE_SALT + raw).hexdigest()
        entry = folder / f"{digest}.json"
        data = _from_cache(entry, key, digest, len(raw))
        if data is not None:
            return None, data, None
        node, data = _read(path, name, raw)
        return node, data, (entry, key, digest)
    node, data = _read(path, name, raw)
    return node, data, None


def _store(where: tuple[Path, bytes, str], data: Any) -> None:
    """Best effort, private (0600 in a 0700 folder): a cache that cannot be written only costs time."""
    from scrumcert.files import write_text

    entry, key, digest = where
    try:
        payload = json.dumps(data, default=json_default, separators=(",", ":")).encode("utf-8")
        if entry.is_symlink() or (entry.exists() and not entry.is_file()):
            entry.unlink() if not entry.is_dir() else entry.rmdir()  # never write through a planted link
        write_text(entry, (_signature(key, digest, payload) + b"\n" + payload).decode("utf-8"), mode=0o600)
    except (OSError, ScrumcertError, TypeError, ValueError):
        pass


def parse_file(path: Path, shown: str | None = None, use_cache: bool = True) -> Part:
    """Parse one catalogue file safely and check it against the schema. Data from the cache goes
    through the same schema; should it fail, the YAML is parsed again (the YAML is the truth)."""
    name = shown or _display(path)
    node, data, where = _parse_cached(path, name, use_cache)
    if data is None:
        data = {}
    one = Part(name, path, data, node)
    try:
        if not isinstance(data, dict):
            raise SchemaError((), "expected a mapping with roles, certifications, questions or rules "
                                  "at the top")
        one.data = FILE.check(data, ())
    except SchemaError as exc:
        if node is None and where is None:  # the data came from the cache: never trust it over the YAML
            return parse_file(path, shown, use_cache=False)
        raise one.error(exc.path, exc.message) from None
    if where is not None:
        _store(where, data)
    return one


def load_catalogue(path: str | os.PathLike[str] | None = None, use_cache: bool = True) -> Catalogue:
    """Load and fully validate the catalogue in one folder (or one file); ``use_cache=False`` (what
    ``validate`` does) reads every file's YAML, whatever the parse cache holds.

    The garbage collector is paused meanwhile: parsing makes many small objects and no cycles, and
    its collections (which scan every live object) made loading grow faster than the catalogue."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(path, use_cache)
    finally:
        if was_enabled:
            gc.enable()


def _load(path: str | os.PathLike[str] | None, use_cache: bool = True) -> Catalogue:
    where = catalogue_dir(path)
    if where.is_file():
        files = [where]
    elif where.is_dir():
        files = yaml_files(where)
        if not files:
            raise CatalogueError("no .yaml files in this folder", _display(where))
    elif where.exists() or where.is_symlink():
        raise CatalogueError("not a folder or a .yaml file", _display(where))
    else:
        raise CatalogueError("no such folder", _display(where))
    bundled = path is None and not os.environ.get(ENV_VAR)
    parsed = [parse_file(f, f"data/{f.name}" if bundled else None, use_cache) for f in files]
    return Builder(parsed, _display(where)).build()


