"""Users never see the workshop: no "seed", no file name, no fact-sheet or audit talk, no rule id and no
raw score in what any command prints (show for every code, compare, list, sources, advise, plan, renewals,
ads), in any format (table, Markdown, HTML, and the text values of the JSON)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from scrumcert.catalogue.model import Catalogue
from tests.personas_table import PERSONAS

FILE_NAME = re.compile(r"(?<![/\w])[\w-]+\.(?:ya?ml|txt|py)\b")
PLAIN_WORDS = {"self-study", "live-course"}  # rule ids that are also ordinary words
SAMPLE = PERSONAS[::6]  # every sixth persona: all classes, at a CLI run's cost
WORKSHOP = re.compile(r"seed|cert-facts|fact[ -]sheet|\baudit|rule id", re.IGNORECASE)
HERE = Path(__file__).resolve().parent
TEAM = str(HERE / "teams" / "two_teams.csv")
ADS = [str(HERE / "ads" / "scrum-master-fintech.txt"), str(HERE / "ads" / "product-owner-retail.txt")]
# the user's own files may be named back to them (which ad said what); ours never are
USERS_FILES = [TEAM, *ADS]
FORMATS = ("table", "markdown", "html", "json")


def options(answers: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for qid, value in answers.items():
        for one in value if isinstance(value, list) else [value]:
            out += [f"--{qid.replace('_', '-')}", str(one)]
    return out


def texts(value: Any, key: str = "") -> list[str]:
    """Every text value of a JSON document, except the machine keys that name rules and documents."""
    if isinstance(value, dict):
        return [t for k, v in value.items() if k != "rule" for t in texts(v, k)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v, key)]
    return [value] if isinstance(value, str) else []


def check(text: str, catalogue: Catalogue, where: str) -> None:
    for name in USERS_FILES:
        text = text.replace(name, "").replace(Path(name).name, "")
    assert not WORKSHOP.search(text), (where, WORKSHOP.search(text))
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


def every_command(catalogue: Catalogue) -> list[list[str]]:
    """One run of every command that prints advice or facts: show for every code, and the rest once."""
    return [
        *(["show", code] for code in sorted(catalogue.certifications)),
        ["compare", "CSM", "PSM-I", "CSPO", "PSPO-I", "PSMPO"],
        ["list"],
        ["list", "--others"],
        ["sources"],
        ["plan", TEAM],
        ["renewals", "CSM@2025-01-10", "CSPO@2024-06-01", "PSM-I@2020-01-01"],
        ["ads", *ADS],
    ]


def check_every_format(run: Any, catalogue: Catalogue, args: list[str]) -> None:
    for fmt in FORMATS:
        result = run(*args, "--format", fmt)
        assert result.exit_code == 0, (args, fmt, result.stderr)
        if fmt == "json":
            for text in texts(json.loads(result.stdout)):
                check(text, catalogue, f"{args[:2]} json")
        else:
            check(result.stdout, catalogue, f"{args[:2]} {fmt}")


def test_no_workshop_words_in_any_command(run: Any, catalogue: Catalogue) -> None:
    for args in every_command(catalogue):
        check_every_format(run, catalogue, args)


def test_rule_sources_name_their_kind(run: Any, catalogue: Catalogue) -> None:
    """Every rule's source says whose page it is, so `sources` never has to say the kind is not given."""
    assert all(rule.source.kind for rule in catalogue.rules if rule.source is not None)
    for fmt in ("table", "markdown", "html"):
        assert "not given" not in run("sources", "--format", fmt).stdout
