"""The answers to the interview: read from a file or from options, checked against the questions.

Answers are a plain dict keyed by question id: a choice is its value (str), a number question an
int (or None: no limit), a codes question a tuple of canonical codes. Every problem is a
ScrumcertError naming the question and the allowed values.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from scrumcert.catalogue.lookup import resolve
from scrumcert.catalogue.model import Catalogue, Question
from scrumcert.errors import ScrumcertError

Answers = dict[str, Any]


def read_file(path: Path) -> dict[str, Any]:
    """Read an answers file (YAML, or JSON, which YAML's safe loader also reads)."""
    from scrumcert.catalogue.yamlsafe import read_yaml

    shown = str(path)
    if path.suffix.lower() == ".json":
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ScrumcertError(f"answers file {shown}: no such file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ScrumcertError(f"answers file {shown}: cannot read: {getattr(exc, 'strerror', None) or exc}"
                                 ) from None
        try:
            data = json.loads(text) if text.strip() else None
        except json.JSONDecodeError as exc:
            raise ScrumcertError(f"answers file {shown}:{exc.lineno}: invalid JSON: {exc.msg}") from None
        except (ValueError, RecursionError) as exc:  # e.g. an integer too long to convert, deep nesting
            raise ScrumcertError(f"answers file {shown}: invalid JSON: {str(exc)[:80] or 'too deep'}"
                                 ) from None
    else:
        if not path.exists():
            raise ScrumcertError(f"answers file {shown}: no such file")
        data = read_yaml(path, shown)
    if data is None:
        raise ScrumcertError(f"answers file {shown}: is empty")
    if not isinstance(data, dict):
        raise ScrumcertError(f"answers file {shown}: expected a mapping of question ids to answers")
    return data


def _one(catalogue: Catalogue, q: Question, value: Any, where: str) -> Any:
    if q.type == "choice":
        if isinstance(value, str) and value not in q.values:
            from scrumcert.vocabulary import choice_value  # "Product Owner" as well as product_owner

            value = choice_value(q, value) or value
        if value not in q.values:
            raise ScrumcertError(f"{where}: {value!r} is not allowed for {q.id!r} "
                                 f"(allowed: {', '.join(q.values)})")
        return value
    if q.type == "integer":
        if value is None or value == "":
            return None
        text = value.strip() if isinstance(value, str) else None
        if text is not None and text.isascii() and text.isdigit() and len(text) <= 12:
            value = int(text)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10**12:
            shown = value if not isinstance(value, str) or len(value) <= 40 else value[:40] + "..."
            raise ScrumcertError(f"{where}: {q.id!r} must be a whole number from 0 to 999999999999, "
                                 f"got {shown!r}")
        return value
    # codes
    if value is None or value == "":
        return ()
    items = [v for v in value.replace(";", ",").split(",")] if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(v, str) for v in items):
        raise ScrumcertError(f"{where}: {q.id!r} must be a list of certification codes")
    try:
        return tuple(dict.fromkeys(resolve(catalogue, v) for v in items if v.strip()))
    except ScrumcertError as exc:
        raise ScrumcertError(f"{where}: {q.id!r}: {exc.message}") from None


def check(catalogue: Catalogue, raw: Mapping[str, Any], where: str) -> Answers:
    """Validate answers given as a mapping; unknown ids and values are errors."""
    out: Answers = {}
    for key, value in raw.items():
        q = catalogue.questions.get(str(key))
        if q is None:
            raise ScrumcertError(f"{where}: unknown question {key!r} "
                                 f"(questions: {', '.join(catalogue.questions)})")
        out[q.id] = _one(catalogue, q, value, where)
    return out


def missing(catalogue: Catalogue, answers: Answers) -> list[str]:
    """Required questions not answered yet, in interview order."""
    return [q.id for q in catalogue.questions.values() if q.required and q.id not in answers]


def with_defaults(catalogue: Catalogue, answers: Answers) -> Answers:
    """Fill every unanswered optional question with its default (or 'no answer'), in interview order."""
    full: Answers = {}
    for q in catalogue.questions.values():
        if q.id in answers:
            full[q.id] = answers[q.id]
        elif q.type == "codes":
            full[q.id] = ()
        else:
            full[q.id] = q.default if q.type == "choice" else None
    return full


def plain(answers: Answers) -> dict[str, Any]:
    """Answers as JSON/YAML-ready values (tuples become lists)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in answers.items()}


def save(answers: Answers, path: Path) -> None:
    """Write the answers so a run can be repeated; written whole or not at all."""
    import yaml

    from scrumcert.files import write_atomic

    text = (json.dumps(plain(answers), indent=2) + "\n" if path.suffix.lower() == ".json"
            else yaml.safe_dump(plain(answers), sort_keys=False, allow_unicode=True))
    write_atomic(path, text)
