"""Find, parse and validate a catalogue, and build the model from it.

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
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from scrumcert.codes import normalise, spellings
from scrumcert.errors import CatalogueError
from scrumcert.model import (
    FACTS,
    Catalogue,
    Certification,
    Choice,
    Course,
    Exam,
    Prerequisites,
    PriceRange,
    Question,
    Renewal,
    Role,
    Rule,
    Source,
)
from scrumcert.schema import FILE, SchemaError, dotted

ENV_VAR = "SCRUMCERT_DATA"
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


def bundled_dir() -> Path:
    """The catalogue shipped in the wheel, or ``data/`` beside the package in a source checkout."""
    shipped = resources.files("scrumcert") / "_data"
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parent.parent / "data"


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


@dataclass(slots=True)
class _File:
    name: str
    path: Path
    data: dict[str, Any]
    _node: Node | None = field(default=None, repr=False)

    @property
    def node(self) -> Node | None:
        """The YAML node graph, re-read only when an error needs a line number."""
        if self._node is None:
            self._node = _read(self.path, self.name)[0]
        return self._node

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        """The line of the deepest node on ``path`` (1-based), for error messages."""
        node, line = self.node, None
        for depth, part in enumerate(path, 1):
            if node is None:
                break
            line = node.start_mark.line + 1
            nxt: Node | None = None
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

    def error(self, path: tuple[str | int, ...], message: str) -> CatalogueError:
        return CatalogueError(message, self.name, self.line_of(path), dotted(path) or None)


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


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    raise TypeError(type(value).__name__)


def _json_hook(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and "$date" in obj:
        return date.fromisoformat(obj["$date"])
    return obj


def _parse_cached(path: Path, name: str) -> tuple[Node | None, Any, Path | None]:
    """Parse one file, or take its parse result from the cache; also return where to cache it."""
    raw = _bytes(path, name)
    folder = _cache_dir()
    entry = folder / f"{hashlib.sha256(_CACHE_SALT + raw).hexdigest()}.json" if folder else None
    if entry is not None:
        try:
            return None, json.loads(entry.read_text(encoding="utf-8"), object_hook=_json_hook), None
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
        write_atomic(entry, json.dumps(data, default=_json_default, separators=(",", ":")))
    except (OSError, ScrumcertError, TypeError, ValueError):
        pass


def parse_file(path: Path, shown: str | None = None) -> _File:
    """Parse one catalogue file safely and check it against the schema."""
    name = shown or _display(path)
    node, data, entry = _parse_cached(path, name)
    if data is None:
        data = {}
    one = _File(name, path, data, node)
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
    """Load and fully validate the catalogue in one folder (or one file)."""
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
    return _Builder(parsed, _display(where)).build()


class _Builder:
    """Cross-file checks (unique ids, references, sources for facts) and model construction."""

    def __init__(self, files: list[_File], origin: str) -> None:
        self.files, self.origin = files, origin
        self.items: dict[str, list[tuple[_File, int, dict[str, Any]]]] = {
            key: [(f, i, item) for f in files for i, item in enumerate(f.data.get(key, []))]
            for key in ("roles", "certifications", "questions", "rules")}

    def build(self) -> Catalogue:
        if not self.items["certifications"]:
            raise CatalogueError("the catalogue has no certifications", self.origin)
        roles = {r.id: r for r in (self._role(x) for x in self.items["roles"])}
        certs = self._certifications(roles)
        index = self._index(certs)
        questions = self._questions()
        self._unique("rules", "id")
        rules = tuple(self._rule(x, certs, questions, index) for x in self.items["rules"])
        return Catalogue(self.origin, roles, certs, questions, rules, index)

    def _unique(self, key: str, field: str) -> None:
        seen: dict[str, tuple[_File, int]] = {}
        for f, i, item in self.items[key]:
            value = item[field]
            if value in seen:
                first = seen[value]
                raise f.error((key, i, field), f"{value!r} is defined twice (first in {first[0].name}, "
                                               f"line {first[0].line_of((key, first[1], field))})")
            seen[value] = (f, i)

    def _role(self, entry: tuple[_File, int, dict[str, Any]]) -> Role:
        _, _, r = entry
        return Role(r["id"], r["name"], r["description"])

    def _certifications(self, roles: dict[str, Role]) -> dict[str, Certification]:
        self._unique("roles", "id")
        self._unique("certifications", "code")
        codes = {item["code"] for _, _, item in self.items["certifications"]}
        certs: dict[str, Certification] = {}
        for f, i, c in self.items["certifications"]:
            at = ("certifications", i)
            pre = c.get("prerequisites", {})
            for where, names in ((("leads_to",), c.get("leads_to", [])),
                                 (("includes",), c.get("includes", [])),
                                 (("prerequisites", "codes"), pre.get("codes", [])),
                                 (("prerequisites", "recommended"), pre.get("recommended", []))):
                for j, code in enumerate(names):
                    if code not in codes:
                        raise f.error((*at, *where, j), f"unknown certification code {code!r}")
                    if code == c["code"]:
                        raise f.error((*at, *where, j), "a certification cannot name itself")
            for j, role in enumerate(c["roles"]):
                if role not in roles:
                    raise f.error((*at, "roles", j), f"unknown role {role!r} "
                                                     f"(roles: {', '.join(roles) or 'none defined'})")
            if c["kind"] == "course" and not c.get("includes"):
                raise f.error((*at, "includes"), "a course must name the assessments it includes")
            self._check_sourced(f, at, c)
            certs[c["code"]] = self._certification(c)
        return certs

    def _check_sourced(self, f: _File, at: tuple[str | int, ...], c: dict[str, Any]) -> None:
        """Every fact that is given must be backed by a source that names it."""
        if not c["sources"]:
            raise f.error((*at, "sources"), "at least one source is required")
        backed: set[str] = set()
        for j, s in enumerate(c["sources"]):
            if not s.get("url") and not s.get("document"):
                raise f.error((*at, "sources", j), "a source needs a url or a document name")
            backed.update(s.get("facts", ()))
        pre = c.get("prerequisites", {})
        given = {
            "course": True,
            "price": any(c["course"].get("price_usd", {}).get(k) is not None for k in ("min", "max")),
            "exam": c["exam"] == "none" or any(v is not None for k, v in c["exam"].items() if k != "note"),
            "renewal": c["renewal"] == "lifetime" or any(
                v is not None for k, v in c["renewal"].items() if k != "note"),
            "pdus": c.get("pdus") is not None,
            "prerequisites": bool(pre.get("codes") or pre.get("recommended")
                                  or pre.get("experience_months") is not None),
            "leads_to": bool(c.get("leads_to")),
            "includes": bool(c.get("includes")),
            "roles": bool(c["roles"]),
        }
        for fact in FACTS:
            if given[fact] and fact not in backed:
                raise f.error((*at, "sources"), f"no source backs the fact {fact!r} (add it to the "
                                                "'facts' of a source, or write it as unknown)")

    @staticmethod
    def _source(s: dict[str, Any]) -> Source:
        return Source(s["title"], s["checked"], s.get("url"), s.get("document"), s.get("published"),
                      tuple(s.get("facts", ())))

    def _certification(self, c: dict[str, Any]) -> Certification:
        course = c["course"]
        price = course.get("price_usd", {})
        pre = c.get("prerequisites", {})
        exam = None if c["exam"] == "none" else Exam(**c["exam"])
        renewal = None if c["renewal"] == "lifetime" else Renewal(**c["renewal"])
        return Certification(
            code=c["code"], name=c["name"], issuer=c["issuer"], kind=c["kind"], level=c["level"],
            roles=tuple(c["roles"]), summary=" ".join(c["summary"].split()),
            course=Course(course["required"], course.get("name"), course.get("days"), course.get("hours"),
                          PriceRange(price.get("min"), price.get("max"), price.get("as_of")),
                          course.get("note")),
            exam=exam, renewal=renewal, pdus=c.get("pdus"),
            prerequisites=Prerequisites(tuple(pre.get("codes", ())), tuple(pre.get("recommended", ())),
                                        pre.get("experience_months"), pre.get("note")),
            leads_to=tuple(c.get("leads_to", ())), includes=tuple(c.get("includes", ())),
            sources=tuple(self._source(s) for s in c["sources"]), aliases=tuple(c.get("aliases", ())),
        )

    def _index(self, certs: dict[str, Certification]) -> dict[str, str]:
        index: dict[str, str] = {}
        for f, i, c in self.items["certifications"]:
            for j, spelling in enumerate(spellings(c["code"], c["name"], c.get("aliases", []))):
                key = normalise(spelling)
                other = index.get(key)
                if other and other != c["code"]:
                    path = ("certifications", i, *(("code",) if j == 0 else ("name",) if j == 1
                                                   else ("aliases", j - 2)))
                    raise f.error(path, f"{spelling!r} would also find {other}; spellings must be unique")
                index[key] = c["code"]
        return index

    def _questions(self) -> dict[str, Question]:
        self._unique("questions", "id")
        out: dict[str, Question] = {}
        for f, i, q in self.items["questions"]:
            choices = tuple(Choice(c["value"], c["label"], c.get("help")) for c in q.get("choices", []))
            if q["type"] == "choice":
                if not choices:
                    raise f.error(("questions", i, "choices"), "a choice question needs choices")
                values = [c.value for c in choices]
                dup = next((v for v in values if values.count(v) > 1), None)
                if dup:
                    raise f.error(("questions", i, "choices"), f"the value {dup!r} is listed twice")
                if q.get("default") is not None and q["default"] not in values:
                    raise f.error(("questions", i, "default"),
                                  f"{q['default']!r} is not one of the choices ({', '.join(values)})")
            elif choices:
                raise f.error(("questions", i, "choices"), f"a {q['type']} question takes no choices")
            out[q["id"]] = Question(q["id"], q["prompt"], " ".join(q["help"].split()), q["type"], choices,
                                    q.get("default"), q.get("required", False))
        return out

    def _rule(self, entry: tuple[_File, int, dict[str, Any]], certs: dict[str, Certification],
              questions: dict[str, Question], index: dict[str, str]) -> Rule:
        f, i, r = entry
        at = ("rules", i)
        when: dict[str, object] = {}
        for qid, cond in r["when"].items():
            q = questions.get(qid)
            if q is None:
                raise f.error((*at, "when", qid), f"unknown question {qid!r} "
                                                  f"(questions: {', '.join(questions) or 'none defined'})")
            if isinstance(cond, dict):
                if q.type != "integer":
                    raise f.error((*at, "when", qid), "{min, max} only applies to a number question")
                when[qid] = cond
                continue
            if q.type == "integer":
                raise f.error((*at, "when", qid), "a number question takes {min: N, max: N}")
            if q.type == "codes":
                resolved = []
                for j, text in enumerate(cond):
                    code = index.get(normalise(text))
                    if code is None:
                        raise f.error((*at, "when", qid, j), f"unknown certification code {text!r}")
                    resolved.append(code)
                when[qid] = tuple(resolved)
                continue
            for j, value in enumerate(cond):
                if value not in q.values:
                    raise f.error((*at, "when", qid, j), f"{value!r} is not a value of {qid!r} "
                                                         f"(allowed: {', '.join(q.values)})")
            when[qid] = tuple(cond)
        for code in r["weights"]:
            if code not in certs:
                raise f.error((*at, "weights", code), f"unknown certification code {code!r}")
        source = self._source(r["source"]) if r.get("source") else None
        return Rule(r["id"], when, dict(r["weights"]), " ".join(r["reason"].split()), source)


def today() -> date:
    """Indirection so tests can pin the date used by staleness checks."""
    return date.today()
