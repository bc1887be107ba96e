"""Safe YAML reading: every YAML file a catalogue, an answers file or a team file names comes through here.

PyYAML's safe loader (the C one when present), so no tag can construct an object; duplicate keys are
refused; the size a document would expand to through aliases, in values *and* in characters of text,
is measured on the parsed node graph *before* anything is constructed, so an alias bomb (many values,
or one big string used thousands of times) is refused in microseconds, before it can fill the memory
or the parse cache. Files are read through the one bounded reader (``files.read_bytes``). Every
failure is a CatalogueError naming the file and the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from scrumcert.errors import CatalogueError

__all__ = ["MAX_TEXT", "MAX_VALUES", "line_of", "read_yaml"]

MAX_VALUES = 200_000  # far above any real catalogue; an alias bomb expands to billions
MAX_TEXT = 20 * 1024 * 1024  # characters of text once aliases are expanded: no bigger than a file may be
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


def _expanded_size(node: Node, memo: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """How many values, and how many characters of text, the node becomes once every alias is
    expanded (memoised per node, so a shared node is measured once and counted every time it is used).
    Counting values alone let one 1 MB string used 10,000 times through: few values, 10 GB of text."""
    known = memo.get(id(node))
    if known is not None:
        return known
    memo[id(node)] = (1, 0)  # a node that refers to itself counts once
    if isinstance(node, ScalarNode):
        size = (1, len(node.value))
    else:
        children = ([child for pair in node.value for child in pair] if isinstance(node, MappingNode)
                    else node.value if isinstance(node, SequenceNode) else [])
        values, chars = 1, 0
        for child in children:
            v, c = _expanded_size(child, memo)
            values, chars = values + v, chars + c
        size = (values, chars)
    memo[id(node)] = size
    return size


def _too_big(node: Node) -> str | None:
    values, chars = _expanded_size(node, {})
    if values > MAX_VALUES:
        return f"expands to more than {MAX_VALUES:,} values through aliases; refused"
    if chars > MAX_TEXT:
        return f"expands to more than {MAX_TEXT // (1024 * 1024)} MB of text through aliases; refused"
    return None


def read_yaml(path: Path, name: str, raw: bytes | None = None) -> Any:
    """Parse one YAML document safely; every failure is a CatalogueError naming file and line."""
    return _read(path, name, raw)[1]


def _bytes(path: Path, name: str, *, limit: int | None = None, regular_only: bool = False) -> bytes:
    """The file's bytes through the one bounded reader, its refusal worded as a catalogue error."""
    from scrumcert.files import CATALOGUE_LIMIT, FileRefused, read_bytes

    try:
        return read_bytes(path, name, limit=limit or CATALOGUE_LIMIT, regular_only=regular_only)
    except FileRefused as exc:
        raise CatalogueError(exc.reason, name) from None


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
        refused = _too_big(node) if node is not None and "*" in text else None
        if refused:
            raise CatalogueError(refused, name, node.start_mark.line + 1)
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


def line_of(node: Node | None, path: tuple[str | int, ...]) -> int | None:
    """The line of the deepest node on ``path`` (1-based), for error messages."""
    line = None
    for depth, part in enumerate(path, 1):
        if node is None:
            break
        line = node.start_mark.line + 1
        nxt: Any = None
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.value == str(part):
                    # the last step points at the key: a block value starts on the next line
                    nxt = key if depth == len(path) else value
                    break
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            nxt = node.value[part]
        node = nxt
    if node is not None:
        line = node.start_mark.line + 1
    return line
