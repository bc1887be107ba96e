"""Users never see the workshop: no "seed", no file name, no rule id and no raw score in what
`advise` prints, in any format (table, Markdown, HTML, and the text values of the JSON)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from scrumcert.catalogue.model import Catalogue
from tests.personas_table import PERSONAS

FILE_NAME = re.compile(r"(?<![/\w])[\w-]+\.(?:ya?ml|txt|py)\b")
PLAIN_WORDS = {"self-study", "live-course"}  # rule ids that are also ordinary words
SAMPLE = PERSONAS[::6]  # every sixth persona: all classes, at a CLI run's cost


def options(answers: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for qid, value in answers.items():
        for one in value if isinstance(value, list) else [value]:
            out += [f"--{qid.replace('_', '-')}", str(one)]
    return out


def texts(value: Any, key: str = "") -> list[str]:
    """Every text value of a JSON document, except the machine keys that name rules and documents."""
    if isinstance(value, dict):
        return [t for k, v in value.items() if k not in ("rule", "document") for t in texts(v, k)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v, key)]
    return [value] if isinstance(value, str) else []


def check(text: str, catalogue: Catalogue, where: str) -> None:
    assert "seed" not in text.lower(), where
    assert not FILE_NAME.search(text), (where, FILE_NAME.search(text))
    for rule in catalogue.rules:
        if rule.id not in PLAIN_WORDS:
            assert not re.search(rf"(?<![\w-]){re.escape(rule.id)}(?![\w-])", text), (where, rule.id)
    assert not re.search(r"\(score [+-]?\d|\([+-]\d+\)", text), where


@pytest.mark.parametrize("p", SAMPLE, ids=[p.id for p in SAMPLE])
def test_no_workshop_words_in_any_format(run: Any, catalogue: Catalogue, p: Any) -> None:
    args = ["advise", *options(p.answers)]
    for fmt in ("table", "markdown", "html"):
        result = run(*args, "--format", fmt, "--explain")
        assert result.exit_code == 0, result.stderr
        check(result.stdout, catalogue, fmt)
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    for text in texts(json.loads(result.stdout)):
        check(text, catalogue, "json")
