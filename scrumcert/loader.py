"""Find, parse and validate a catalogue from YAML; ``build.Builder`` then makes the model.

Every user catalogue comes through here, and so does the bundled one whenever its precompiled
snapshot (``snapshot.py``) does not match its files.

Safety: YAML is parsed with PyYAML's safe loader (the C one when present), so no tag can construct an
object; duplicate keys are refused; the size a document would expand to through aliases is measured on
the parsed node graph *before* anything is constructed, so an alias bomb is refused in microseconds.
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
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from scrumcert.build import Builder, Part
from scrumcert.errors import CatalogueError
from scrumcert.model import Catalogue
from scrumcert.schema import FILE, SchemaError
from scrumcert.snapshot import ENV_VAR, bundled_dir, json_default, json_hook

__all__ = ["ENV_VAR", "bundled_dir", "load_catalogue", "parse_file", "read_yaml"]

CACHE_ENV = "SCRUMCERT_CACHE_DIR"  # a folder, or "off"
_CACHE_SALT = f"scrumcert-parse-1|pyyaml-{yaml.__version__}|".encode()
MAX_VALUES = 200_000  # far above any real catalogue; an alias bomb expands to billions
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader, refusing duplicate keys (PyYAML silently keeps the last one)."""

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        """PyYAML's constructors fail on odd explicit tags ('!!int ""', '!!bool maybe') with plain
        Python errors; give them the node's position like any other YAML error."""
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, IndexError, KeyError, AttributeError) as exc:
            what = " ".join(str(exc).split()) or type(exc).__name__
            what = what if len(what) <= 80 else what[:80].rsplit(" ", 1)[0] + " ..."
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read this {node.tag.rsplit(':', 1)[-1]} value ({what})",
                node.start_mark) from None

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, MappingNode):  # e.g. '!!map [1, 2]' or '!!set abc'
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping for the tag {node.tag}", node.start_mark)
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key_node.value!r}", key_node.start_mark)
                seen.add(key_node.value)
        return super().construct_mapping(node, deep)


def _timestamp_or_text(loader: _StrictLoader, node: ScalarNode) -> Any:
    """An impossible date (2026-02-30) stays text, so the schema reports it with its line and field."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def catalogue_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """``--data`` first, then ``$SCRUMCERT_DATA``, then the bundled catalogue."""
    chosen = path or os.environ.get(ENV_VAR) or None
    return Path(chosen) if chosen else bundled_dir()


def _expanded_size(node: Node, memo: dict[int, int]) -> int:
    """How many values the node becomes once every alias is expanded (memoised per node)."""
    known = memo.get(id(node))
    if known is not None:
        return known
    memo[id(node)] = 1  # a node that refers to itself counts once
    if isinstance(node, SequenceNode):
        size = 1 + sum(_expanded_size(child, memo) for child in node.value)
    elif isinstance(node, MappingNode):
        size = 1 + sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    else:
        size = 1
    memo[id(node)] = size
    return size


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_yaml(path: Path, name: str) -> Any:
    """Parse one YAML document safely; every failure is a CatalogueError naming file and line."""
    return _read(path, name)[1]


def _bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CatalogueError(f"cannot read: {exc.strerror or exc}", name) from None


def _read(path: Path, name: str, raw: bytes | None = None) -> tuple[Node | None, Any]:
    raw = _bytes(path, name) if raw is None else raw
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise CatalogueError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", name, line) from None
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        # an alias needs a '*': without one the document cannot expand, so skip the walk
        if node is not None and "*" in text and _expanded_size(node, {}) > MAX_VALUES:
            raise CatalogueError(f"expands to more than {MAX_VALUES:,} values through aliases; refused",
                                 name, node.start_mark.line + 1)
        return node, (loader.construct_document(node) if node is not None else None)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        if problem.startswith("but ") and exc.context:  # PyYAML splits "expected X, but found Y"
            problem = f"{' '.join(str(exc.context).split())}, {problem}"
        if "constructor for the tag" in problem:
            problem = f"YAML tag {problem.split()[-1]} is not allowed (only plain data is read)"
        raise CatalogueError(problem, name, mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise CatalogueError(" ".join(str(exc).split()), name) from None
    except RecursionError:
        raise CatalogueError("nested too deeply", name) from None
    except ValueError as exc:  # outside any node (should not happen; kept as a last guard)
        raise CatalogueError(f"a value cannot be read ({' '.join(str(exc).split())[:80]})", name) from None
    finally:
        loader.dispose()


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
        files = sorted(p for p in where.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        if not files:
            raise CatalogueError("no .yaml files in this folder", _display(where))
    else:
        raise CatalogueError("no such folder", _display(where))
    bundled = path is None and not os.environ.get(ENV_VAR)
    parsed = [parse_file(f, f"data/{f.name}" if bundled else None) for f in files]
    return Builder(parsed, _display(where)).build()


