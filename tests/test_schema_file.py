"""The JSON Schema published for editors: it is current, and the bundled catalogue conforms to it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from scrumcert.catalogue.locate import bundled_dir

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "schema" / "catalogue.schema.json"
BROKEN = Path(__file__).resolve().parent / "broken"
DATA_FILES = sorted(p.name for p in bundled_dir().glob("*.yaml"))


def test_schema_describes_one_catalogue_file() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert list(schema["properties"]) == ["roles", "certifications", "questions", "rules", "renewal_policies",
                                          "others", "prices", "rates"]
    other = schema["properties"]["others"]["items"]
    assert other["required"] == ["code", "name", "issuer", "official_page", "note", "sources"]
    assert other["additionalProperties"] is False
    cert = schema["properties"]["certifications"]["items"]
    assert cert["additionalProperties"] is False
    assert cert["required"] == ["code", "name", "issuer", "kind", "level", "roles", "summary", "course",
                                "exam", "renewal", "pdus", "sources", "official_page"]
    assert cert["properties"]["kind"] == {"enum": ["certification", "course"]}
    assert cert["properties"]["exam"]["anyOf"][0] == {"const": "none"}
    assert cert["properties"]["renewal"]["anyOf"][0] == {"const": "lifetime"}
    source = cert["properties"]["sources"]["items"]
    assert source["required"] == ["title", "checked", "kind"]
    assert source["properties"]["kind"] == {"enum": ["official", "trainer", "secondary"]}
    assert source["properties"]["checked"] == {"type": "string", "format": "date"}
    assert source["properties"]["facts"]["items"] == {"enum": ["course", "price", "exam", "renewal", "pdus",
                                                               "prerequisites", "leads_to", "includes",
                                                               "roles"]}


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_files_point_editors_at_the_schema(name: str) -> None:
    first = (bundled_dir() / name).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/catalogue.schema.json"


def as_json(value: Any) -> Any:
    """What an editor sees: YAML dates are ISO strings in JSON."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("name", DATA_FILES)
def test_bundled_file_conforms_to_the_schema(name: str) -> None:
    check = validator()
    data = as_json(yaml.safe_load((bundled_dir() / name).read_text(encoding="utf-8")))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in check.iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(("name", "where"), [
    ("bad_type.yaml", ["certifications", 0, "exam"]),
    ("bad_enum.yaml", ["certifications", 0, "kind"]),
    ("missing_field.yaml", ["certifications", 0]),
    ("unknown_field.yaml", ["certifications", 0]),
    ("unknown_fact.yaml", ["certifications", 0, "sources", 0, "facts", 4]),
    ("not_mapping.yaml", []),
])
def test_schema_level_breakage_is_caught_by_editors_too(name: str, where: list[Any]) -> None:
    check = validator()
    data = as_json(yaml.safe_load((BROKEN / name).read_text(encoding="utf-8")))
    paths = [list(e.absolute_path) for e in check.iter_errors(data)]
    assert paths, f"{name} passes the JSON Schema"
    assert any(p[:len(where)] == where for p in paths), paths
