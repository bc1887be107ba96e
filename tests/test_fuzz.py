"""Fuzzing the loader and the recommender with hypothesis.

The property is the same everywhere: whatever a catalogue or an answers file holds, scrumcert either
works or raises its own :class:`scrumcert.errors.ScrumcertError` (``CatalogueError`` is one) with a
one-line message; never any other exception. Catalogues start from a valid generated one (roles,
certifications of both kinds with every fact sourced, questions, rules) and are mutated: fields
dropped, values replaced by other types, random text, random nesting, unknown keys; beside those,
files of random YAML-like text and random bytes. Answers are random mappings, given directly and
through YAML and JSON files. What loads is also recommended for, rendered as JSON data, and loaded a
second time (that load comes from the parse cache and must build the same catalogue).

Runs: by default each property tries a few dozen examples, derandomised, so the file takes a few
seconds and CI is deterministic. For a longer, random run set ``SCRUMCERT_FUZZ_EXAMPLES``:

    SCRUMCERT_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from scrumcert import answers as answers_mod
from scrumcert.catalogue.loader import load_catalogue
from scrumcert.catalogue.model import Catalogue
from scrumcert.errors import ScrumcertError
from scrumcert.output.contract import advice_dict, cert_dict
from scrumcert.recommender import recommend

_LONG = os.environ.get("SCRUMCERT_FUZZ_EXAMPLES")
EXAMPLES = int(_LONG) if _LONG else 60
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not _LONG, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
CHECKED = date.today() - timedelta(days=10)


# --- a valid catalogue to start from ---------------------------------------------------------------

def valid_catalogue(n: int = 3) -> dict[str, dict[str, Any]]:
    """``{file name: document}``: roles, ``n`` certifications (the last one a course including the
    first), questions and rules, all valid."""
    codes = [f"CERT-{chr(65 + i)}" for i in range(n)]
    roles = [{"id": "scrum_master", "name": "Scrum Master", "description": "Serves the team."},
             {"id": "product_owner", "name": "Product Owner", "description": "Owns the backlog."}]
    certs = []
    for i, code in enumerate(codes):
        course = i == n - 1 and n > 1
        certs.append({
            "code": code, "name": f"Certification {chr(65 + i)}", "aliases": [f"Alias {chr(65 + i)}"],
            "issuer": f"Issuer {i % 2}", "kind": "course" if course else "certification",
            "level": ("foundation", "advanced", "professional", "expert")[i % 4],
            "roles": ["scrum_master"] if i % 2 else ["scrum_master", "product_owner"],
            "summary": f"Summary of {code}.", "official_page": f"https://example.org/{i}",
            "course": {"required": course, "name": f"Course {i}", "days": 2, "hours": 16.5,
                       "price_usd": {"min": 100 * (i + 1), "max": 200 * (i + 1), "as_of": CHECKED},
                       "note": None},
            "exam": "none" if course else {"questions": 80, "minutes": 60, "pass_percent": 85,
                                           "fee_usd": 150, "attempts_included": 1, "note": "One try."},
            "renewal": "lifetime" if i % 2 == 0 else {"every_years": 2, "fee_usd": 100, "education_units": 20,
                                                      "unit": "SEU", "note": None},
            "pdus": 14,
            "prerequisites": {"codes": [], "recommended": [codes[i - 1]] if 0 < i < n - 1 else [],
                              "experience_months": 12 if i == 1 else None, "note": None},
            "leads_to": [codes[i + 1]] if i + 1 < n - 1 else [],
            "includes": [codes[0]] if course else [],
            "sources": [
                {"title": f"Page of {code}", "url": f"https://example.org/{i}", "kind": "official",
                 "published": None,
                 "checked": CHECKED, "facts": ["course", "price", "exam", "renewal", "pdus", "roles"]},
                {"title": f"Handbook of {code}", "document": "Handbook, chapter 1", "kind": "trainer",
                 "published": CHECKED,
                 "checked": CHECKED, "facts": ["prerequisites", "leads_to", "includes"]},
            ],
        })
    questions = [
        {"id": "role", "prompt": "Role?", "help": "Now.", "type": "choice", "default": "new",
         "required": True, "choices": [{"value": "new", "label": "New"},
                                       {"value": "scrum_master", "label": "SM", "help": None}]},
        {"id": "budget_usd", "prompt": "Budget?", "help": "Dollars.", "type": "integer"},
        {"id": "held", "prompt": "Held?", "help": "Codes.", "type": "codes"},
    ]
    rules = [
        {"id": "new-first", "when": {"role": ["new"]}, "weights": {codes[0]: 3}, "reason": "Start here."},
        {"id": "cheap", "when": {"budget_usd": {"max": 500}}, "weights": {codes[-1]: -1},
         "reason": "Over budget.", "source": {"title": "Advice", "url": "https://example.org/r",
                                              "checked": CHECKED}},
        {"id": "holder", "when": {"held": [codes[0]]}, "weights": {codes[-1]: 2}, "reason": "Next."},
    ]
    return {"roles.yaml": {"roles": roles}, "certifications.yaml": {"certifications": certs},
            "advice.yaml": {"questions": questions, "rules": rules}}


WORDS = ["none", "lifetime", "course", "certification", "foundation", "scrum_master", "CERT-A", "CERT-B",
         "role", "new", "SEU", "exam", "price", "https://example.org", "", " ", "null", "[bold]x[/bold]",
         "\x1b[31m", "0", "-1", "2024-01-31"]
KEYS = ["code", "name", "roles", "facts", "exam", "renewal", "course", "price_usd", "min", "max", "when",
        "weights", "choices", "value", "id", "type", "sources", "url", "document", "checked", "kind",
        "official_page", "x"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-3, max_value=200),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12), st.sampled_from(WORDS),
    st.dates(max_value=date(2100, 1, 1)),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=6)), inner,
                                            max_size=3)),
    max_leaves=8,
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside the tree (not the root)."""
    out: list[tuple[Any, ...]] = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in items:
        out.append((*prefix, key))
        out.extend(paths(child, (*prefix, key)))
    return out


def mutate(tree: dict[str, Any], data: st.DataObject) -> None:
    """Apply one random change at one random place of the tree (in place)."""
    where = data.draw(st.sampled_from(paths(tree)))
    parent = tree
    for key in where[:-1]:
        parent = parent[key]
    last = where[-1]
    kind = data.draw(st.sampled_from(["drop", "replace", "text", "nest", "unknown-key", "duplicate", "empty",
                                      "same-type", "same-type", "same-type"]))
    value = parent[last]
    if kind == "same-type":  # keeps the shape: what loads exercises recommending and rendering
        if isinstance(value, bool):
            parent[last] = not value
        elif isinstance(value, int):
            parent[last] = data.draw(st.integers(min_value=-2, max_value=10**15))
        elif isinstance(value, float):
            parent[last] = data.draw(st.floats(min_value=0, max_value=1e9))
        elif isinstance(value, str):
            parent[last] = data.draw(st.text(min_size=1, max_size=40))
        elif isinstance(value, list) and value:
            parent[last] = data.draw(st.permutations(value)) + data.draw(st.lists(st.sampled_from(value),
                                                                                  max_size=1))
        elif isinstance(value, date):
            parent[last] = data.draw(st.dates(max_value=date.today()))
    elif kind == "drop" and len(where) > 1:
        del parent[last]
    elif kind == "text":
        parent[last] = data.draw(st.text(max_size=30))
    elif kind == "nest":
        parent[last] = data.draw(st.sampled_from([[parent[last]], {"x": parent[last]}, [[parent[last]]]]))
    elif kind == "unknown-key" and isinstance(parent[last], dict):
        parent[last][data.draw(st.sampled_from(KEYS))] = data.draw(values)
    elif kind == "duplicate" and isinstance(parent, list):
        parent.append(parent[last])
    elif kind == "empty":
        parent[last] = type(parent[last])() if isinstance(parent[last], list | dict | str) else None
    else:
        parent[last] = data.draw(values)


def write_files(folder: Path, files: dict[str, Any]) -> None:
    for name, doc in files.items():
        path = folder / name
        if isinstance(doc, bytes):
            path.write_bytes(doc)
        elif isinstance(doc, str):
            path.write_text(doc, encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def note(what: str) -> None:
    """Count outcomes for --hypothesis-show-statistics (outside a hypothesis test: nothing)."""
    if currently_in_test_context():
        event(what)


def loads_or_refuses(folder: Path) -> Catalogue | None:
    """The property: a Catalogue, or a ScrumcertError with a one-line message; nothing else."""
    try:
        catalogue = load_catalogue(folder)
    except ScrumcertError as exc:
        # (a key from the data may carry a newline into the message; diagnostics.fail prints it on one line,
        # see test_catalogue_key_with_control_characters_in_an_error in tests/test_bad_input.py)
        assert exc.message.strip()
        assert "Traceback" not in exc.message
        note("refused")
        return None
    note("loaded")
    assert repr(load_catalogue(folder)) == repr(catalogue)  # the second load comes from the parse cache
    return catalogue


def use(catalogue: Catalogue) -> None:
    """What loaded must be usable: recommend for default answers and render the JSON data."""
    full = answers_mod.with_defaults(catalogue, {})
    advice = recommend(catalogue, full)
    json.dumps(advice_dict(advice, catalogue))
    for cert in catalogue.certifications.values():
        json.dumps(cert_dict(cert), default=str)


@pytest.fixture(scope="module")
def scratch() -> Callable[[], tempfile.TemporaryDirectory[str]]:
    return lambda: tempfile.TemporaryDirectory(prefix="scrumcert-fuzz-")


# --- catalogues -------------------------------------------------------------------------------------

def test_the_starting_catalogue_is_valid(tmp_path: Path) -> None:
    write_files(tmp_path, valid_catalogue(4))
    catalogue = load_catalogue(tmp_path)
    assert list(catalogue.certifications) == ["CERT-A", "CERT-B", "CERT-C", "CERT-D"]
    use(catalogue)


@FUZZ
@given(n=st.integers(min_value=1, max_value=5), mutations=st.integers(min_value=1, max_value=4),
       data=st.data())
def test_mutated_catalogues_load_or_raise_our_error(scratch: Any, n: int, mutations: int,
                                                    data: st.DataObject) -> None:
    tree = valid_catalogue(n)
    for _ in range(mutations):
        mutate(tree, data)
    dumped = {name: yaml.safe_dump(doc, sort_keys=False, allow_unicode=True) for name, doc in tree.items()}
    with scratch() as name:
        write_files(Path(name), dumped)
        catalogue = loads_or_refuses(Path(name))
        if catalogue is not None:
            use(catalogue)


YAMLISH = ["- ", ": ", "&a ", "*a ", "*b ", "&b ", "<<: *a\n", "[", "]", "{", "}", ", ", "\n", "  ", "\t",
           "? ",
           "|\n  ", ">-\n  ", "'", '"', "#", "---\n", "...\n", "~", "null", "roles", "certifications",
           "questions", "rules", "code: ", "CERT-A", "!!python/object/apply:os.system ", "!!binary ",
           "!!omap ", "!!pairs ", "!!seq ", "!!str ", "!!int ", "!!float ", "!!bool ", "!!timestamp ",
           "!!set ", "!!map ", "!custom ", "!<tag:example.org,2000:x> ", "%YAML 1.1\n",
           "0x1F", "0o17", "1e400",
           ".nan", ".inf", "-.inf", "2024-01-31", "12:30:00", "yes", "no", "on", "\\e[31m", "\ufeff", "\x85",
           "\u2028", "é", "\x00"]


@FUZZ
@given(parts=st.lists(st.sampled_from(YAMLISH), max_size=40), noise=st.text(max_size=20))
def test_random_yaml_text_loads_or_raises_our_error(scratch: Any, parts: list[str], noise: str) -> None:
    text = "".join(parts) + noise
    base = {n: yaml.safe_dump(d, sort_keys=False) for n, d in valid_catalogue(2).items()}
    with scratch() as name:
        write_files(Path(name), {**base, "zz-random.yaml": text})
        catalogue = loads_or_refuses(Path(name))
        if catalogue is not None:
            use(catalogue)


@FUZZ
@given(text=st.text(max_size=200))
def test_random_text_alone_loads_or_raises_our_error(scratch: Any, text: str) -> None:
    with scratch() as name:
        write_files(Path(name), {"c.yaml": text})
        assert loads_or_refuses(Path(name)) is None  # no certifications in random text


@FUZZ
@given(raw=st.binary(max_size=200))
def test_random_bytes_load_or_raise_our_error(scratch: Any, raw: bytes) -> None:
    with scratch() as name:
        write_files(Path(name), {"c.yaml": raw})
        assert loads_or_refuses(Path(name)) is None


@pytest.mark.parametrize("text", ["checked: 2024-02-30\n", "n: " + "9" * 5000 + "\n", "!!set ---\n",
                                  "roles: !!set abc\n", "n: !!int abc\n"],
                         ids=["impossible-date", "huge-integer", "set-scalar-document", "set-scalar",
                              "int-word"])
def test_values_python_cannot_build_are_refused(tmp_path: Path, text: str) -> None:
    write_files(tmp_path, {"c.yaml": text})
    assert loads_or_refuses(tmp_path) is None


@pytest.mark.parametrize("text", ["n: !!int ''\n", "n: !!float\n", "n: !!bool maybe\n",
                                  "n: !!timestamp soon\n", "roles: !!set [a]\n", "roles: !!map [a, b]\n"])
def test_tag_on_a_value_it_cannot_build_is_refused(tmp_path: Path, text: str) -> None:
    write_files(tmp_path, {"c.yaml": text})
    assert loads_or_refuses(tmp_path) is None


# --- answers ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled() -> Catalogue:
    return load_catalogue()


def answer_values(catalogue: Catalogue) -> st.SearchStrategy[Any]:
    words = sorted({v for q in catalogue.questions.values() for v in q.values}
                   | set(catalogue.certifications)
                   | {"PSPO", "pspo 1", "CSM, PSPO", "CSM;;", " ", "12", " 300 ", "$300", "1,000", "-0",
                      "٣٠٠", "１２", "²"})
    return st.one_of(st.sampled_from(words), values, st.lists(st.sampled_from(words), max_size=4))


def answers_or_refuses(catalogue: Catalogue, raw: Any, where: str) -> None:
    try:
        given_ = answers_mod.check(catalogue, raw, where)
    except ScrumcertError as exc:
        assert exc.message.startswith(where) and "\n" not in exc.message
        return
    full = answers_mod.with_defaults(catalogue, given_)
    advice = recommend(catalogue, full)
    assert advice.recommended is None or advice.entry(advice.recommended).eligible
    json.dumps(advice_dict(advice, catalogue))


@FUZZ
@given(data=st.data())
def test_random_answers_check_and_recommend(bundled: Catalogue, data: st.DataObject) -> None:
    keys = st.one_of(st.sampled_from(list(bundled.questions)), st.text(max_size=8))
    raw = data.draw(st.dictionaries(keys, answer_values(bundled), max_size=9))
    answers_or_refuses(bundled, raw, "answers file fuzz")


@FUZZ
@given(data=st.data())
def test_answers_of_the_right_shape_always_recommend(bundled: Catalogue, data: st.DataObject) -> None:
    raw: dict[str, Any] = {}
    for q in bundled.questions.values():
        if not data.draw(st.booleans()) and not q.required:
            continue
        if q.type == "choice":
            raw[q.id] = data.draw(st.sampled_from(q.values))
        elif q.type == "integer":
            raw[q.id] = data.draw(st.none() | st.integers(min_value=0, max_value=10**9))
        else:
            raw[q.id] = data.draw(st.lists(st.sampled_from(list(bundled.certifications)), max_size=6))
    checked = answers_mod.check(bundled, raw, "fuzz")
    advice = recommend(bundled, answers_mod.with_defaults(bundled, checked))
    json.dumps(advice_dict(advice, bundled))


@FUZZ
@given(data=st.data(), suffix=st.sampled_from([".yaml", ".json"]))
def test_random_answers_files(scratch: Any, bundled: Catalogue, data: st.DataObject, suffix: str) -> None:
    keys = st.one_of(st.sampled_from(list(bundled.questions)), st.text(max_size=8))
    raw = data.draw(st.one_of(st.dictionaries(keys, answer_values(bundled), max_size=9), values))
    text = (json.dumps(raw, default=str) if suffix == ".json"
            else yaml.safe_dump(raw, sort_keys=False, allow_unicode=True))
    with scratch() as name:
        path = Path(name) / f"answers{suffix}"
        path.write_text(text, encoding="utf-8")
        try:
            read = answers_mod.read_file(path)
        except ScrumcertError as exc:
            assert "\n" not in exc.message
            return
        answers_or_refuses(bundled, read, f"answers file {path}")


@pytest.mark.parametrize("budget", ["²", "١٢", "9" * 5000, 10**12, -1, 1.5, True, float("nan")])
def test_odd_budgets_are_refused(bundled: Catalogue, budget: Any) -> None:
    with pytest.raises(ScrumcertError, match="'budget_usd' must be a whole number"):
        answers_mod.check(bundled, {"budget_usd": budget}, "fuzz")
