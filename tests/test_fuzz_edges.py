"""Fuzzing the new shapes the red team found (F1, F5, F6, F9): aliases, huge scalars, control characters
of every class, numbers of every size; in catalogues, answers files and team files.

The property is the one of tests/test_fuzz.py: a result, or scrumcert's own one-line error, never any
other exception, never unbounded memory or time. Where a result is shown, no character a terminal would
act on reaches the output raw, in any format, and Markdown never turns data into a link or an image.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz import FUZZ, valid_catalogue, write_files

from scrumcert.catalogue.loader import load_catalogue
from scrumcert.errors import ScrumcertError

# One character of every class that must never reach a terminal raw: C0, DEL, C1, bidirectional
# overrides and isolates, marks, zero-width, separators, the BOM, and a lone surrogate.
DANGEROUS = ([chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t\n\r"] + ["\x7f"]
             + [chr(c) for c in range(0x80, 0xA0)]
             + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C,
                                 0x200B, 0x200C, 0x200D, 0x2028, 0x2029, 0x2060, 0xFEFF)])
hostile_text = st.lists(st.one_of(st.sampled_from(DANGEROUS), st.text(max_size=3),
                                  st.sampled_from(["[x](https://e.example)", "![i](https://e.example/p.png)",
                                                   "# H", "<b>", "&", "|", "\\", "`", "*", "_"])),
                        min_size=1, max_size=12).map("".join)


def _outputs(folder: Path, code: str) -> dict[str, str]:
    from typer.testing import CliRunner

    from scrumcert.cli import app

    runner = CliRunner()
    out = {}
    for fmt in ("json", "markdown", "table"):
        result = runner.invoke(app, ["show", code, "--data", str(folder), "-f", fmt], env={"COLUMNS": "120"})
        assert result.exit_code == 0, (fmt, result.stderr)
        out[fmt] = result.stdout + result.stderr
    return out


@FUZZ
@given(name=hostile_text, summary=hostile_text)
def test_control_characters_of_every_class_never_reach_the_output_raw(name: str, summary: str) -> None:
    files = valid_catalogue(2)
    cert = files["certifications.yaml"]["certifications"][0]
    cert["name"], cert["summary"] = name + " X", summary + " Y"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_files(folder, files)
        try:
            load_catalogue(folder)
        except ScrumcertError:
            return  # refused in one line (e.g. two names with the same lookup key)
        out = _outputs(folder, "CERT-A")
    for fmt, text in out.items():
        raw = [hex(ord(ch)) for ch in set(text) if ch in DANGEROUS and ch not in "\n"]
        assert not raw, (fmt, raw)
    assert "](https://e.example" not in out["markdown"].replace("\\]", "")


@FUZZ
@given(size=st.integers(min_value=1, max_value=300_000), copies=st.integers(min_value=1, max_value=5000))
def test_aliases_of_any_size_load_or_are_refused_quickly(size: int, copies: int) -> None:
    files = valid_catalogue(2)
    text = yaml.safe_dump(files["certifications.yaml"], sort_keys=False)
    anchor = "note: &big '" + "x" * size + "'\n"
    text = text.replace("  pdus: 14\n", "  pdus: 14\n", 1)
    aliased = anchor + "extra: [" + ", ".join(["*big"] * copies) + "]\n"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "certifications.yaml").write_text(text + aliased, encoding="utf-8")
        started = time.perf_counter()
        try:
            load_catalogue(folder)
        except ScrumcertError as exc:
            if size * (copies + 1) > 20 * 1024 * 1024:
                assert "through aliases; refused" in exc.message
        assert time.perf_counter() - started < 5


numbers = st.one_of(st.integers(), st.integers(min_value=-10**400, max_value=10**400),
                    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0, 10**7, 10**7 + 1]))


@FUZZ
@given(price=numbers, days=numbers, fee=numbers)
def test_numbers_of_every_size_load_and_render_or_are_refused(price: Any, days: Any, fee: Any) -> None:
    files = valid_catalogue(2)
    cert = files["certifications.yaml"]["certifications"][0]
    cert["course"]["price_usd"]["min"] = price
    cert["course"]["price_usd"]["max"] = None
    cert["course"]["days"] = days
    cert["exam"]["fee_usd"] = fee
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        text = yaml.safe_dump(files["certifications.yaml"], sort_keys=False, width=10**6)
        (folder / "certifications.yaml").write_text(text, encoding="utf-8")
        for name in ("roles.yaml", "advice.yaml"):
            (folder / name).write_text(yaml.safe_dump(files[name], sort_keys=False), encoding="utf-8")
        try:
            load_catalogue(folder)
        except ScrumcertError as exc:
            assert "\n" not in exc.message and len(exc.message) < 400
            return
        out = _outputs(folder, "CERT-A")  # accepted numbers render in every format
        assert json.loads(out["json"].split("\nscrumcert:")[0])["code"] == "CERT-A"


answer_values = st.recursive(
    st.one_of(st.none(), st.booleans(), numbers, hostile_text, st.text(max_size=5)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner,
                                                                         max_size=3)),
    max_leaves=6)


@FUZZ
@given(values=st.dictionaries(st.sampled_from(["role", "target", "goal", "budget_usd", "held", "x"]),
                              answer_values, max_size=5),
       alias_copies=st.integers(min_value=0, max_value=3000), suffix=st.sampled_from([".yaml", ".json"]))
def test_answers_files_of_any_shape(values: dict[str, Any], alias_copies: int, suffix: str) -> None:
    from typer.testing import CliRunner

    from scrumcert.cli import app

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"a{suffix}"
        if suffix == ".json":
            try:
                path.write_text(json.dumps(values), encoding="utf-8", errors="surrogatepass")
            except (ValueError, OverflowError):
                return
        else:
            text = yaml.safe_dump(values, allow_unicode=False) if values else ""
            if alias_copies:
                text += "x: &a '" + "y" * 5000 + "'\n" + "z: [" + ", ".join(["*a"] * alias_copies) + "]\n"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        result = CliRunner().invoke(app, ["advise", "--answers", str(path), "-f", "json"])
    assert result.exit_code in (0, 2), result.exception
    if result.exit_code == 2:
        assert result.stderr.count("\n") == 1 and len(result.stderr) < 2000


@FUZZ
@given(names=st.lists(hostile_text, min_size=1, max_size=4), team=hostile_text)
def test_team_files_of_any_shape(names: list[str], team: str) -> None:
    from typer.testing import CliRunner

    from scrumcert.cli import app

    rows = [{"name": n, "team": team, "role": "new", "target": "scrum_master", "goal": "job"} for n in names]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.yaml"
        path.write_text(yaml.safe_dump({"people": rows}, allow_unicode=False), encoding="utf-8")
        for fmt in ("json", "markdown", "table"):
            result = CliRunner().invoke(app, ["plan", str(path), "-f", fmt], env={"COLUMNS": "120"})
            assert result.exit_code in (0, 2, 3), result.exception
            text = result.stdout + result.stderr
            raw = [hex(ord(ch)) for ch in set(text) if ch in DANGEROUS and ch not in "\n"]
            assert not raw, (fmt, raw)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
def test_fuzz_helpers_produce_a_valid_catalogue(tmp_path: Path) -> None:
    write_files(tmp_path, valid_catalogue(2))
    assert load_catalogue(tmp_path).certifications
