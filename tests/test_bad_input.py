"""The bad-input catalogue of issue 4: every way a user can hand scrumcert something wrong.

Each case states the exit status and the exact one-line message on stderr, and checks that no
traceback appears anywhere. Cases that need a real process (pipes, the locale, a closed stdin, a
terminal) run ``python -m scrumcert`` in a subprocess; the rest use the in-process ``run`` fixture.
Known bugs are strict xfails whose reason starts with "bug:" (each names the fix); remove the mark
when the fix lands.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from scrumcert.catalogue.model import Catalogue

PY = sys.executable
ERROR = "scrumcert: error: "
TODAY = date.today().isoformat()  # recent 'checked' dates: no staleness warning on stderr

Run = Callable[..., Any]
Write = Callable[[dict[str, str]], Path]


# --- helpers ------------------------------------------------------------------------------------

def assert_fails(result: Any, status: int, message: str) -> None:
    """Exit ``status``, stderr exactly ``scrumcert: error: <message>`` on one line, no traceback."""
    assert result.exit_code == status, (result.exit_code, result.stdout, result.stderr, result.exception)
    assert result.stderr == f"{ERROR}{message}\n"
    assert result.stdout == ""
    assert_no_traceback(result)


def assert_fails_like(result: Any, status: int, pattern: str) -> None:
    """As assert_fails, for a message partly worded by a library (Click's usage errors)."""
    assert result.exit_code == status, (result.exit_code, result.stdout, result.stderr, result.exception)
    assert re.fullmatch(re.escape(ERROR) + pattern + "\n", result.stderr), result.stderr
    assert_no_traceback(result)


def assert_no_traceback(result: Any) -> None:
    exc = getattr(result, "exception", None)
    assert exc is None or isinstance(exc, SystemExit), repr(exc)
    for text in (result.stdout, result.stderr):
        assert "Traceback" not in text


class Proc:
    """A finished subprocess, shaped like a Click result (text decoded as UTF-8)."""

    def __init__(self, done: subprocess.CompletedProcess[bytes]) -> None:
        self.exit_code = done.returncode
        self.raw_stdout, self.raw_stderr = done.stdout, done.stderr
        self.stdout = done.stdout.decode("utf-8", "replace")
        self.stderr = done.stderr.decode("utf-8", "replace")


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("SCRUMCERT_DATA", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM")}
    env.update(extra)
    return env


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 20, **kw: Any) -> Proc:
    """``python -m scrumcert ARGS`` in a fresh process; stdin is /dev/null unless given."""
    kw.setdefault("stdin", subprocess.DEVNULL)
    done = subprocess.run([PY, "-m", "scrumcert", *args], capture_output=True, timeout=timeout,
                          env=env if env is not None else base_env(), check=False, **kw)
    return Proc(done)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line containing ``needle``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def catalogue_text(name_a: str = "Alpha Certification", summary_a: str = "A first summary.",
                   issuer_a: str = "Issuer One", leads_to_a: str = "[BBB]", roles_a: str = "[scrum_master]",
                   days_a: str = "2") -> str:
    """A small valid catalogue (two certifications) with a few values that tests replace."""
    return f"""\
roles:
  - id: scrum_master
    name: Scrum Master
    description: Serves the team.
certifications:
  - code: AAA
    name: {name_a}
    issuer: {issuer_a}
    kind: certification
    level: foundation
    roles: {roles_a}
    summary: {summary_a}
    course:
      required: false
      days: {days_a}
    exam: none
    renewal: lifetime
    pdus: null
    leads_to: {leads_to_a}
    official_page: https://example.org/a
    sources:
      - title: Source A
        url: https://example.org/a
        kind: official
        checked: {TODAY}
        facts: [course, exam, renewal, roles, leads_to]
  - code: BBB
    name: Beta Certification
    issuer: Issuer Two
    kind: certification
    level: advanced
    roles: [scrum_master]
    summary: A second summary.
    course: {{required: false}}
    exam: none
    renewal: lifetime
    pdus: null
    official_page: https://example.org/b
    sources:
      - {{title: Source B, document: Handbook B, kind: trainer, checked: {TODAY},
         facts: [course, exam, renewal, roles]}}
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in tmp_path, so that file names in messages are short and predictable."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


ANSWERS_OK = "role: developer\ntarget: scrum_master\ngoal: job\n"
PYTHON_TAG_REFUSED = ("YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed "
                      "(only plain data is read)")
BOMB_REFUSED = "expands to more than 200,000 values through aliases; refused"
TOO_MANY_DIGITS = r"Exceeds the limit \(4300 digits\) for integer string conversion.*"


# --- codes ----------------------------------------------------------------------------------------

def test_unknown_code(run: Run) -> None:
    assert_fails(run("show", "NOPE"), 2,
                 "unknown certification 'NOPE'; run 'scrumcert list' to see every code")


def test_unknown_code_suggests_the_nearest(run: Run, here: Path, write_catalogue: Write) -> None:
    folder = write_catalogue({"c.yaml": catalogue_text()})
    assert_fails(run("show", "AAX", "--data", str(folder)), 2,
                 "unknown certification 'AAX'; did you mean AAA?")


def test_unknown_code_in_compare(run: Run) -> None:
    assert_fails(run("compare", "CSM", "NOPE"), 2,
                 "unknown certification 'NOPE'; run 'scrumcert list' to see every code")


def test_empty_code(run: Run) -> None:
    assert_fails(run("show", "  "), 2, "no certification code given (an empty one)")


def test_show_without_a_code(run: Run) -> None:
    assert_fails(run("show"), 2, "Missing argument 'code'. (see 'scrumcert --help')")


def test_compare_without_codes(run: Run) -> None:
    assert_fails(run("compare"), 2, "Missing argument 'codes'. (see 'scrumcert --help')")


def test_compare_one_code(run: Run) -> None:
    assert_fails(run("compare", "CSM"), 2, "compare takes 2 to 6 codes, got 1")


def test_compare_seven_codes(run: Run) -> None:
    seven = ["CSM", "CSPO", "PSM-I", "PSPO-I", "PSMPO", "PAL-I", "PSD-I"]
    assert_fails(run("compare", *seven), 2, "compare takes 2 to 6 codes, got 7")


def test_compare_the_same_code_twice(run: Run) -> None:
    assert_fails(run("compare", "CSM", "CSM"), 2, "CSM is named twice; name each certification once")


def test_compare_one_certification_under_two_spellings(run: Run) -> None:
    assert_fails(run("compare", "CSM", "pspo1", "PSPO I"), 2,
                 "'pspo1' and 'PSPO I' both mean PSPO-I; name each certification once")


@pytest.mark.parametrize("command", [["list"], ["show", "PSPO"], ["compare", "CSM", "CSPO"]])
def test_unknown_format(run: Run, command: list[str]) -> None:
    assert_fails_like(run(*command, "--format", "xml"), 2,
                      r"Invalid value for '--format' / '-f': .*'xml'.*'table', 'json', 'markdown'.*"
                      r" \(see 'scrumcert --help'\)")


def test_unknown_option(run: Run) -> None:
    assert_fails(run("list", "--colour"), 2, "No such option: --colour (see 'scrumcert --help')")


def test_unknown_command(run: Run) -> None:
    assert_fails(run("shw", "PSPO"), 2,
                 "No such command 'shw'. Did you mean 'show'? (see 'scrumcert --help')")


# --- answers files --------------------------------------------------------------------------------

def advise(run: Run, path: str) -> Any:
    return run("advise", "--answers", path, "--format", "json")


@pytest.mark.parametrize("name", ["nothing.yaml", "nothing.json"])
def test_answers_file_missing(run: Run, here: Path, name: str) -> None:
    assert_fails(advise(run, name), 2, f"answers file {name}: no such file")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads a chmod 000 file anyway; the directory cases cover unreadable")
@pytest.mark.parametrize("name, message", [
    ("locked.yaml", "answers file locked.yaml: permission denied"),
    ("locked.json", "answers file locked.json: permission denied"),
])
def test_answers_file_unreadable(run: Run, here: Path, name: str, message: str) -> None:
    (here / name).write_text(ANSWERS_OK, encoding="utf-8")
    (here / name).chmod(0)
    assert_fails(advise(run, name), 2, message)


@pytest.mark.parametrize("name, message", [
    ("folder.yaml", "answers file folder.yaml: is a folder, not a file"),
    ("folder.json", "answers file folder.json: is a folder, not a file"),
])
def test_answers_file_is_a_directory(run: Run, here: Path, name: str, message: str) -> None:
    (here / name).mkdir()
    assert_fails(advise(run, name), 2, message)


@pytest.mark.parametrize("name, text", [("empty.yaml", ""), ("empty.json", ""), ("blank.yaml", "\n  \n"),
                                        ("comment.yaml", "# nothing\n"), ("blank.json", " \n")])
def test_answers_file_empty(run: Run, here: Path, name: str, text: str) -> None:
    (here / name).write_text(text, encoding="utf-8")
    assert_fails(advise(run, name), 2, f"answers file {name}: is empty")


@pytest.mark.parametrize("name, text", [("list.yaml", "- role\n- goal\n"), ("list.json", '["role"]'),
                                        ("text.yaml", "just words\n"), ("number.json", "42")])
def test_answers_file_not_a_mapping(run: Run, here: Path, name: str, text: str) -> None:
    (here / name).write_text(text, encoding="utf-8")
    assert_fails(advise(run, name), 2, f"answers file {name}: expected a mapping of question ids to answers")


def test_answers_file_invalid_yaml(run: Run, here: Path) -> None:
    (here / "bad.yaml").write_text("role: developer\ntarget: [scrum_master\n", encoding="utf-8")
    assert_fails(advise(run, "bad.yaml"), 2, "bad.yaml:3: did not find expected ',' or ']'")


def test_answers_file_invalid_json(run: Run, here: Path) -> None:
    (here / "bad.json").write_text('{"role": "developer",\n "target": }\n', encoding="utf-8")
    assert_fails(advise(run, "bad.json"), 2, "answers file bad.json:2: invalid JSON: Expecting value")


def test_answers_file_not_utf8(run: Run, here: Path) -> None:
    (here / "latin.yaml").write_bytes(b"role: d\xe9veloppeur\n")
    assert_fails(advise(run, "latin.yaml"), 2,
                 "latin.yaml:1: not UTF-8 text (invalid continuation byte at byte 7)")


def test_answers_file_duplicate_key(run: Run, here: Path) -> None:
    (here / "dup.yaml").write_text(ANSWERS_OK + "role: coach\n", encoding="utf-8")
    assert_fails(advise(run, "dup.yaml"), 2, "dup.yaml:4: duplicate key 'role'")


def test_answers_file_unknown_key(run: Run, here: Path) -> None:
    (here / "a.yaml").write_text(ANSWERS_OK + "colour: red\n", encoding="utf-8")
    assert_fails(advise(run, "a.yaml"), 2,
                 "answers file a.yaml: unknown question 'colour' (questions: role, target, goal, experience, "
                 "months_as_sm, months_as_po, framework, employer_asks, exam, renewal, learning, region, "
                 "currency, budget, budget_usd, held, lapsed)")


@pytest.mark.parametrize("extra, message", [
    ("role: wizard", "'wizard' is not allowed for 'role' (allowed: new, developer, scrum_master, "
                     "product_owner, manager, coach, business_analyst, project_manager)"),
    ("role: [developer]", "['developer'] is not allowed for 'role' (allowed: new, developer, scrum_master, "
                          "product_owner, manager, coach, business_analyst, project_manager)"),
    ("budget_usd: -5", "'budget_usd' must be a whole number from 0 to 999999999999, got -5"),
    ("budget_usd: lots", "'budget_usd' must be a whole number from 0 to 999999999999, got 'lots'"),
    ("budget_usd: 99.5", "'budget_usd' must be a whole number from 0 to 999999999999, got 99.5"),
    ("budget_usd: true", "'budget_usd' must be a whole number from 0 to 999999999999, got True"),
    ("held: [CSMM]", "'held': unknown certification 'CSMM'; did you mean CSM or A-CSM or CSP-SM?"),
    ("held: ['<b>']", "'held': unknown certification '<b>'; run 'scrumcert list' to see every code"),
    ("held: {CSM: 1}", "'held' must be a list of certification codes"),
    ("held: [1, 2]", "'held' must be a list of certification codes"),
])
def test_answers_file_unknown_value(run: Run, here: Path, extra: str, message: str) -> None:
    key = extra.split(":")[0]
    text = "".join(line + "\n" for line in ANSWERS_OK.splitlines() if not line.startswith(key)) + extra + "\n"
    (here / "a.yaml").write_text(text, encoding="utf-8")
    assert_fails(advise(run, "a.yaml"), 2, f"answers file a.yaml: {message}")


def test_answers_file_unknown_value_json(run: Run, here: Path) -> None:
    (here / "a.json").write_text('{"role": "developer", "target": "both", "goal": "jobs"}', encoding="utf-8")
    assert_fails(advise(run, "a.json"), 2,
                 "answers file a.json: 'jobs' is not allowed for 'goal' "
                 "(allowed: job, skills, team, advance)")


def test_answers_file_python_tag_is_refused(run: Run, here: Path) -> None:
    marker = here / "ran"
    (here / "a.yaml").write_text(f'role: !!python/object/apply:os.system ["touch {marker}"]\n',
                                 encoding="utf-8")
    assert_fails(advise(run, "a.yaml"), 2, f"a.yaml:1: {PYTHON_TAG_REFUSED}")
    assert not marker.exists()


def test_answers_file_alias_bomb_is_refused(run: Run, here: Path) -> None:
    (here / "a.yaml").write_text(billion_laughs(), encoding="utf-8")
    start = time.perf_counter()
    result = advise(run, "a.yaml")
    assert time.perf_counter() - start < 1
    assert_fails(result, 2, f"a.yaml:1: {BOMB_REFUSED}")


BUDGET = "'budget_usd' must be a whole number from 0 to 999999999999, got"


@pytest.mark.parametrize("value, shown", [
    ("'²'", "'²'"),  # str.isdigit() but not a decimal int() reads
    ("'١٢'", "'١٢'"),  # Arabic-Indic digits: refused rather than read as 12
    (f"'{'9' * 5000}'", f"'{'9' * 40}...'"),  # past Python's 4300-digit int() limit
    ("1000000000000", "1000000000000"),
])
def test_answers_file_budget_that_is_not_a_plain_number(run: Run, here: Path, value: str, shown: str) -> None:
    (here / "a.yaml").write_text(ANSWERS_OK + f"budget_usd: {value}\n", encoding="utf-8")
    assert_fails(advise(run, "a.yaml"), 2, f"answers file a.yaml: {BUDGET} {shown}")


@pytest.mark.parametrize("text, detail", [
    ('{"budget_usd": ' + "9" * 5000 + "}", TOO_MANY_DIGITS),
    ('{"role": ' + "[" * 100_000 + "]" * 100_000 + "}", r"maximum recursion depth exceeded.*"),
], ids=["huge-integer", "deep-nesting"])
def test_answers_json_that_python_cannot_hold(run: Run, here: Path, text: str, detail: str) -> None:
    (here / "a.json").write_text(text, encoding="utf-8")
    assert_fails_like(advise(run, "a.json"), 2, r"answers file a\.json: invalid JSON: " + detail)


def test_answers_yaml_impossible_date(run: Run, here: Path) -> None:
    (here / "a.yaml").write_text(ANSWERS_OK + "held: 2024-02-30\n", encoding="utf-8")
    assert_fails(advise(run, "a.yaml"), 2, "answers file a.yaml: 'held': unknown certification '2024-02-30'; "
                                           "run 'scrumcert list' to see every code")


TOO_LONG_INT = ("cannot read this int value (Exceeds the limit (4300 digits) for integer string conversion: "
                "value has 5000 ...)")


def test_answers_yaml_integer_python_cannot_build(run: Run, here: Path) -> None:
    (here / "a.yaml").write_text(ANSWERS_OK + f"budget_usd: {'9' * 5000}\n", encoding="utf-8")
    assert_fails(advise(run, "a.yaml"), 2, f"a.yaml:4: {TOO_LONG_INT}")


# A standard YAML tag on a value it cannot build: the file, the line of the value, what is wrong.
TAGGED = [
    ("!!int ''", "cannot read this int value (string index out of range)"),
    ("!!float ''", "cannot read this float value (string index out of range)"),
    ("!!bool maybe", "cannot read this bool value ('maybe')"),
    ("!!timestamp soon", "cannot read this timestamp value ('NoneType' object has no attribute 'groupdict')"),
    ("!!set [CSM]", "expected a mapping for the tag tag:yaml.org,2002:set"),
    ("!!map [a, b]", "expected a mapping for the tag tag:yaml.org,2002:map"),
]


@pytest.mark.parametrize("value, message", TAGGED)
def test_answers_yaml_tag_on_a_value_it_cannot_build(run: Run, here: Path, value: str, message: str) -> None:
    (here / "a.yaml").write_text(ANSWERS_OK + f"held: {value}\n", encoding="utf-8")
    assert_fails(advise(run, "a.yaml"), 2, f"a.yaml:4: {message}")


def test_advise_option_with_a_bad_value(run: Run) -> None:
    assert_fails(run("advise", "--role", "wizard", "--target", "both", "--goal", "job"), 2,
                 "--role: 'wizard' is not allowed for 'role' (allowed: new, developer, scrum_master, "
                 "product_owner, manager, coach, business_analyst, project_manager)")


# --- --data: catalogues ---------------------------------------------------------------------------

def test_data_missing_folder(run: Run, here: Path) -> None:
    assert_fails(run("list", "--data", "nowhere"), 2, "nowhere: no such folder")


def test_data_missing_folder_from_the_environment(run: Run, here: Path) -> None:
    assert_fails(run("list", env={"SCRUMCERT_DATA": "nowhere"}), 2, "nowhere: no such folder")


def test_data_empty_folder(run: Run, here: Path) -> None:
    (here / "empty").mkdir()
    (here / "empty" / "notes.txt").write_text("not a catalogue\n", encoding="utf-8")
    assert_fails(run("list", "--data", "empty"), 2, "empty: no .yaml files in this folder")


def test_data_folder_with_an_empty_file(run: Run, here: Path, write_catalogue: Write) -> None:
    write_catalogue({"c.yaml": ""})
    assert_fails(run("list", "--data", "catalogue"), 2, "catalogue: the catalogue has no certifications")


def test_data_with_tabs(run: Run, here: Path, write_catalogue: Write) -> None:
    text = catalogue_text().replace("    name: Scrum Master\n", "\tname: Scrum Master\n")
    write_catalogue({"c.yaml": text})
    assert_fails(run("show", "AAA", "--data", "catalogue"), 2,
                 f"catalogue/c.yaml:{line_of(text, 'Scrum Master')}: "
                 "found a tab character that violates indentation")


def test_data_with_a_duplicate_key(run: Run, here: Path, write_catalogue: Write) -> None:
    text = catalogue_text().replace("    issuer: Issuer One\n", "    issuer: Issuer One\n    issuer: Other\n")
    write_catalogue({"c.yaml": text})
    assert_fails(run("show", "AAA", "--data", "catalogue"), 2,
                 f"catalogue/c.yaml:{line_of(text, 'issuer: Other')}: duplicate key 'issuer'")


def test_data_with_a_wrong_type(run: Run, here: Path, write_catalogue: Write) -> None:
    text = catalogue_text(days_a="two")
    write_catalogue({"c.yaml": text})
    assert_fails(run("list", "--data", "catalogue"), 2,
                 f"catalogue/c.yaml:{line_of(text, 'days: two')}: "
                 "certifications[0].course.days: expected a number, got text 'two'")


def test_data_with_a_list_where_text_belongs(run: Run, here: Path, write_catalogue: Write) -> None:
    text = catalogue_text(name_a="[Alpha, Certification]")
    write_catalogue({"c.yaml": text})
    assert_fails(run("list", "--data", "catalogue"), 2,
                 f"catalogue/c.yaml:{line_of(text, 'name: [Alpha')}: "
                 "certifications[0].name: expected non-empty text, got a list")


def test_data_with_a_dangling_leads_to(run: Run, here: Path, write_catalogue: Write) -> None:
    text = catalogue_text(leads_to_a="[ZZZ]")
    write_catalogue({"c.yaml": text})
    assert_fails(run("list", "--data", "catalogue"), 2,
                 f"catalogue/c.yaml:{line_of(text, 'leads_to: [ZZZ]')}: "
                 "certifications[0].leads_to[0]: unknown certification code 'ZZZ'")


def test_data_with_a_dangling_role(run: Run, here: Path, write_catalogue: Write) -> None:
    text = catalogue_text(roles_a="[scrum_master, wizard]")
    write_catalogue({"c.yaml": text})
    assert_fails(run("list", "--data", "catalogue"), 2,
                 f"catalogue/c.yaml:{line_of(text, 'wizard')}: "
                 "certifications[0].roles[1]: unknown role 'wizard' (roles: scrum_master)")


def test_data_python_tag_is_refused_and_not_run(run: Run, here: Path, write_catalogue: Write) -> None:
    marker = here / "ran"
    text = catalogue_text(issuer_a=f'!!python/object/apply:os.system ["echo hi; touch {marker}"]')
    write_catalogue({"c.yaml": text})
    result = run("list", "--data", "catalogue")
    assert_fails(result, 2, f"catalogue/c.yaml:{line_of(text, '!!python')}: {PYTHON_TAG_REFUSED}")
    assert "hi" not in result.stdout
    assert not marker.exists()


def test_data_python_tag_in_a_subprocess_runs_nothing(here: Path, write_catalogue: Write) -> None:
    marker = here / "ran"
    write_catalogue({"c.yaml": f'!!python/object/apply:os.system ["echo hi; touch {marker}"]\n'})
    result = cli("list", "--data", "catalogue", cwd=here)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"{ERROR}catalogue/c.yaml:1: {PYTHON_TAG_REFUSED}\n"
    assert not marker.exists()


def billion_laughs(levels: int = 10) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 10)}]")
    return "\n".join(lines) + "\n"


def test_data_billion_laughs_is_refused_quickly(run: Run, here: Path, write_catalogue: Write) -> None:
    write_catalogue({"c.yaml": billion_laughs()})  # 10**10 values once expanded
    start = time.perf_counter()
    result = run("list", "--data", "catalogue")
    assert time.perf_counter() - start < 1
    assert_fails(result, 2, f"catalogue/c.yaml:1: {BOMB_REFUSED}")


def test_data_billion_laughs_in_a_subprocess_is_refused_within_a_second(here: Path,
                                                                         write_catalogue: Write) -> None:
    write_catalogue({"c.yaml": billion_laughs()})
    cli("--version")  # warm the interpreter's file cache, so the limit measures the refusal
    start = time.perf_counter()
    result = cli("list", "--data", "catalogue", cwd=here, timeout=10)
    assert time.perf_counter() - start < 1
    assert result.exit_code == 2
    assert result.stderr == f"{ERROR}catalogue/c.yaml:1: {BOMB_REFUSED}\n"


def test_data_impossible_date(run: Run, here: Path, write_catalogue: Write) -> None:
    text = catalogue_text().replace(f"checked: {TODAY}", "checked: 2024-02-30", 1)
    write_catalogue({"c.yaml": text})
    assert_fails(run("list", "--data", "catalogue"), 2,
                 f"catalogue/c.yaml:{line_of(text, '2024-02-30')}: "
                 "certifications[0].sources[0].checked: expected a date YYYY-MM-DD, got '2024-02-30'")


def test_data_integer_too_long_for_python(run: Run, here: Path, write_catalogue: Write) -> None:
    text = catalogue_text(days_a="9" * 5000)
    write_catalogue({"c.yaml": text})
    assert_fails(run("list", "--data", "catalogue"), 2,
                 f"catalogue/c.yaml:{line_of(text, 'days: ')}: {TOO_LONG_INT}")


@pytest.mark.parametrize("value, shown", [(".nan", "nan"), (".inf", "inf"), ("-.inf", "-inf")])
def test_data_number_that_is_not_finite(run: Run, here: Path, write_catalogue: Write, value: str,
                                        shown: str) -> None:
    text = catalogue_text(days_a=value)
    write_catalogue({"c.yaml": text})
    assert_fails(run("show", "AAA", "--format", "json", "--data", "catalogue"), 2,
                 f"catalogue/c.yaml:{line_of(text, 'days: ' + value)}: "
                 f"certifications[0].course.days: expected a finite number, got {shown}")


def test_data_renewal_period_too_small(run: Run, here: Path, write_catalogue: Write) -> None:
    text = catalogue_text().replace("    renewal: lifetime\n",
                                    "    renewal: {every_years: 5.0e-324, fee_usd: 10}\n", 1)
    write_catalogue({"c.yaml": text})
    assert_fails(run("show", "AAA", "--data", "catalogue"), 2,
                 f"catalogue/c.yaml:{line_of(text, 'every_years')}: "
                 "certifications[0].renewal.every_years: 5e-324 is out of range "
                 "(expected between 0.25 and 100)")


@pytest.mark.parametrize("value, message", TAGGED)
def test_data_yaml_tag_on_a_value_it_cannot_build(run: Run, here: Path, write_catalogue: Write,
                                                  value: str, message: str) -> None:
    text = catalogue_text(days_a=value)
    write_catalogue({"c.yaml": text})
    assert_fails(run("list", "--data", "catalogue"), 2,
                 f"catalogue/c.yaml:{line_of(text, 'days: ')}: {message}")


# --- text from the catalogue is printed, never interpreted ------------------------------------------

MARKUP_NAME = '"[bold]x[/bold] and [/oops]"'
MARKUP_SUMMARY = '"Red \\e[31mALERT\\e[0m, [link=https://example.org]click[/link] and a bell \\a"'
MARKUP_ISSUER = '"[red]Issuer[/red] \\e]0;title\\a"'


@pytest.fixture
def markup_catalogue(here: Path, write_catalogue: Write) -> Path:
    return write_catalogue({"c.yaml": catalogue_text(name_a=MARKUP_NAME, summary_a=MARKUP_SUMMARY,
                                                     issuer_a=MARKUP_ISSUER)})


@pytest.mark.parametrize("command", [["show", "AAA"], ["list"], ["compare", "AAA", "BBB"],
                                     ["show", "AAA", "--format", "markdown"],
                                     ["compare", "AAA", "BBB", "--format", "markdown"],
                                     ["list", "--format", "markdown"]])
def test_markup_and_escapes_are_printed_literally(run: Run, markup_catalogue: Path,
                                                  command: list[str]) -> None:
    result = run(*command, "--data", "catalogue", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert_no_traceback(result)
    out = result.stdout
    assert "\x1b" not in out and "\x07" not in out
    if "markdown" in command:  # what a Markdown renderer shows: every backslash escape undone
        out = re.sub(r"\\(.)", r"\1", out).replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")
    assert "[bold]x[/bold] and [/oops]" in out
    assert "[red]Issuer[/red] \\x1b]0;title\\x07" in out
    if command[0] == "show":
        assert "Red \\x1b[31mALERT\\x1b[0m, [link=https://example.org]click[/link] and a bell \\x07" in out


@pytest.mark.parametrize("command", [["show", "AAA"], ["list"], ["compare", "AAA", "BBB"]])
def test_markup_and_escapes_in_json_are_data(run: Run, markup_catalogue: Path, command: list[str]) -> None:
    result = run(*command, "--format", "json", "--data", "catalogue")
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    data = json.loads(result.stdout)
    first = data if isinstance(data, dict) else data[0]
    assert first["name"] == "[bold]x[/bold] and [/oops]"
    assert first["issuer"] == "[red]Issuer[/red] \x1b]0;title\x07"


def test_markup_and_escapes_on_a_forced_terminal(markup_catalogue: Path) -> None:
    """With colour forced on, only Rich's own styling codes appear: no OSC, no BEL, no red."""
    result = cli("show", "AAA", "--data", "catalogue", cwd=markup_catalogue.parent,
                 env=base_env(FORCE_COLOR="1", COLUMNS="200", TERM="xterm-256color"))
    assert result.exit_code == 0, result.stderr
    # Rich's own clickable links (OSC 8) to web addresses are allowed; nothing else from the data
    links = re.findall(r"\x1b\]8;id=\d+;([^\x1b\x07]*)\x1b\\", result.stdout)
    assert all(link == "" or re.fullmatch(r"https?://[!-~]+", link) for link in links), links
    out = re.sub(r"\x1b\]8;[^\x1b\x07]*\x1b\\", "", result.stdout)
    assert "\x1b]" not in out and "\x07" not in out and "\x1b[31m" not in out
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "[bold]x[/bold] and [/oops]" in plain
    assert "Red \\x1b[31mALERT\\x1b[0m" in plain


def test_catalogue_escapes_never_reach_stderr_raw(run: Run, markup_catalogue: Path) -> None:
    assert_fails(run("list", "--issuer", "nobody", "--data", "catalogue"), 2,
                 "unknown issuer 'nobody'; issuers: [red]Issuer[/red] \\x1b]0;title\\x07, Issuer Two")


@pytest.mark.parametrize("key, shown", [("\\e[31mred", "\\x1b[31mred"), ("two\\nlines", "two lines")],
                         ids=["escape", "newline"])
def test_catalogue_key_with_control_characters_in_an_error(run: Run, here: Path, write_catalogue: Write,
                                                           key: str, shown: str) -> None:
    text = catalogue_text().replace("    description: Serves the team.\n",
                                    f'    description: Serves the team.\n    "{key}": 1\n')
    write_catalogue({"c.yaml": text})
    assert_fails(run("list", "--data", "catalogue"), 2,
                 f"catalogue/c.yaml:{line_of(text, key)}: "
                 f"roles[0].{shown}: unknown field (expected one of: id, name, description)")


# --- pipes, colour, width, locale, stdin -------------------------------------------------------------

@pytest.mark.parametrize("command", ["list", "list --format json", "show PSPO", "compare CSM CSPO"])
def test_output_into_head(command: str) -> None:
    shell = f"{PY} -m scrumcert {command} | head -1"
    done = subprocess.run(["sh", "-c", shell], capture_output=True, timeout=30, env=base_env(), check=False)
    assert done.returncode == 0
    assert done.stdout.count(b"\n") == 1
    assert b"Traceback" not in done.stderr and b"BrokenPipeError" not in done.stderr
    assert done.stderr == b""


def test_output_into_a_reader_that_closes_at_once(here: Path) -> None:
    """Long output (a large catalogue) into a pipe whose reader is already gone."""
    folder = here / "big"
    folder.mkdir()
    certs = "\n".join(catalogue_text().split("certifications:\n", 1)[1]
                      .replace("AAA", f"A{i:04d}").replace("BBB", f"B{i:04d}")
                      .replace("Alpha Certification", f"Alpha {i}").replace("Beta Certification", f"Beta {i}")
                      for i in range(300))
    head = catalogue_text().split("certifications:\n", 1)[0]
    (folder / "c.yaml").write_text(head + "certifications:\n" + certs, encoding="utf-8")
    for fmt in ("table", "json"):
        shell = f"{PY} -m scrumcert list --format {fmt} --data big | (exec 0<&-; sleep 0.5)"
        done = subprocess.run(["sh", "-c", shell], capture_output=True, timeout=30, env=base_env(), cwd=here,
                              check=False)
        assert b"Traceback" not in done.stderr and b"BrokenPipeError" not in done.stderr, done.stderr
        assert done.stderr == b""


@pytest.mark.parametrize("command", [["list"], ["show", "PSPO"], ["compare", "CSM", "CSPO"],
                                     ["advise", "--role", "new", "--target", "both", "--goal", "job"]])
def test_no_color_on_a_pipe(command: list[str]) -> None:
    result = cli(*command, env=base_env(NO_COLOR="1"))
    assert result.exit_code == 0, result.stderr
    assert b"\x1b" not in result.raw_stdout and b"\x1b" not in result.raw_stderr


def test_a_pipe_gets_no_escape_codes_even_without_no_color() -> None:
    result = cli("compare", "CSM", "CSPO")
    assert result.exit_code == 0
    assert b"\x1b" not in result.raw_stdout


COLOUR_SGR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


@pytest.mark.parametrize("command", [["compare", "CSM", "CSPO"], ["show", "PSPO"]])
def test_no_color_on_a_terminal(command: list[str]) -> None:
    """NO_COLOR on a real terminal: no colour codes (bold and dim may stay, as no-color.org allows)."""
    pexpect = pytest.importorskip("pexpect")
    env = base_env(NO_COLOR="1", COLUMNS="100", TERM="xterm-256color")
    line = f"{PY} -m scrumcert {' '.join(command)}"
    out, status = pexpect.run(line, env=env, timeout=20, withexitstatus=True)
    text = out.decode("utf-8", "replace")
    assert status == 0, text
    assert "Traceback" not in text
    assert not COLOUR_SGR.search(text), sorted(set(re.findall(r"\x1b\[[0-9;]*m", text)))
    # the control: without NO_COLOR the same command on the same terminal is coloured
    env.pop("NO_COLOR")
    coloured, _ = pexpect.run(line, env=env, timeout=20, withexitstatus=True)
    if command[0] == "compare":
        assert COLOUR_SGR.search(coloured.decode("utf-8", "replace"))


@pytest.mark.parametrize("command", [["list"], ["show", "PSPO"], ["compare", "CSM", "CSPO"],
                                     ["advise", "--role", "developer", "--target", "scrum_master",
                                      "--goal", "job"]])
def test_forty_columns(command: list[str], catalogue: Catalogue) -> None:
    result = cli(*command, env=base_env(COLUMNS="40"))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and max(len(line) for line in lines) <= 40, max(lines, key=len)
    if command[0] == "list":
        missing = [code for code in catalogue.certifications if code not in result.stdout]
        assert not missing
    elif command[0] == "show":
        assert "PSPO-I" in result.stdout
    elif command[0] == "compare":
        assert "CSM" in result.stdout and "CSPO" in result.stdout


@pytest.mark.parametrize("locale_env", [{"LANG": "C"}, {"LANG": "C", "LC_ALL": "C"},
                                        {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0",
                                         "PYTHONCOERCECLOCALE": "0"}],
                         ids=["LANG=C", "LC_ALL=C", "C-without-utf8-mode"])
@pytest.mark.parametrize("command", [["list"], ["show", "PSPO"], ["compare", "CSM", "CSPO"],
                                     ["list", "--format", "json"], ["show", "PSPO", "--format", "markdown"]])
def test_c_locale(command: list[str], locale_env: dict[str, str]) -> None:
    result = cli(*command, env={**base_env(), **locale_env})
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "PSPO-I" in result.stdout or "CSM" in result.stdout
    assert "\ufffd" not in result.stdout  # nothing undecodable: the bytes are readable text


def test_c_locale_error_message() -> None:
    result = cli("show", "NOPE", env=base_env(LANG="C", LC_ALL="C"))
    assert result.exit_code == 2
    assert result.stderr == f"{ERROR}unknown certification 'NOPE'; run 'scrumcert list' to see every code\n"


@pytest.mark.parametrize("command", [["show", "AAA"], ["list"], ["list", "--format", "json"],
                                     ["show", "AAA", "--format", "markdown"], ["show", "ZZZ€"]])
def test_non_ascii_catalogue_on_an_ascii_terminal(here: Path, write_catalogue: Write,
                                                  command: list[str]) -> None:
    write_catalogue({"c.yaml": catalogue_text(name_a='"Zertifizierung für Übermenschen – 5 €"')})
    result = cli(*command, "--data", "catalogue", cwd=here,
                 env=base_env(LANG="C", LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0"))
    assert "Traceback" not in result.stderr
    if command[-1] == "ZZZ€":  # an error quoting what was typed: the bytes the locale cannot name, escaped
        assert_fails_like(result, 2, r"unknown certification 'ZZZ(\\[a-z0-9]+)+'; "
                                     r"run 'scrumcert list' to see every code")
        return
    assert result.exit_code == 0, result.stderr[-400:]
    assert "Zertifizierung f" in result.stdout
    assert result.raw_stdout.isascii()


MISSING = ("no terminal to ask on, and these answers are missing: role, target, goal; give them as "
           "--role VALUE --target VALUE --goal VALUE or in --answers FILE")


def test_advise_with_stdin_from_dev_null() -> None:
    result = cli("advise", stdin=subprocess.DEVNULL, timeout=20)
    assert result.exit_code == 2
    assert result.stderr == f"{ERROR}{MISSING}\n"
    assert result.stdout == ""


def test_advise_with_stdin_a_pipe_names_only_the_missing_answers() -> None:
    result = cli("advise", "--role", "coach", stdin=None, input=b"", timeout=20)
    assert result.exit_code == 2
    assert result.stderr == (f"{ERROR}no terminal to ask on, and these answers are missing: target, goal; "
                             "give them as --target VALUE --goal VALUE or in --answers FILE\n")


def test_advise_in_process_without_a_terminal(run: Run) -> None:
    assert_fails(run("advise"), 2, MISSING)


def test_advise_with_a_terminal_for_stdin_but_stdout_a_pipe() -> None:
    """Questions need both ends to be a terminal; with stdout piped it must not wait for keys."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        done = subprocess.run([PY, "-m", "scrumcert", "advise"], stdin=follower, capture_output=True,
                              timeout=20, env=base_env(), check=False)
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert done.stderr.decode() == f"{ERROR}{MISSING}\n"


def test_advise_with_stdin_closed() -> None:
    done = subprocess.run(["sh", "-c", f"exec {PY} -m scrumcert advise <&-"], capture_output=True, timeout=20,
                          env=base_env(), check=False)
    assert b"Traceback" not in done.stderr
    assert done.returncode == 2
    assert done.stderr.decode() == f"{ERROR}{MISSING}\n"


def test_show_with_stdin_closed_still_works() -> None:
    done = subprocess.run(["sh", "-c", f"exec {PY} -m scrumcert show PSPO <&-"], capture_output=True,
                          timeout=20, env=base_env(), check=False)
    assert done.returncode == 0
    assert b"PSPO-I" in done.stdout and done.stderr == b""


# --- the red team's held cases (../shared/research/hard-edges.md), kept as a regression suite ------
# Each row is a case that held in the red team's run; the number is the row of its table. Together with
# tests/test_hard_edges.py (the 26 findings) every one of its 160 cases is guarded.

TEAM_HEADER = "name,team,role,target,goal\n"


def _catalogue_with(text: str) -> dict[str, str]:
    return {"c.yaml": text}


HELD_CATALOGUES = [
    # A2: a self-referential alias
    ("A2", "x: &x [*x]\n" + catalogue_text(), 2, None),
    # A3: a 40-deep merge-key chain
    ("A3", "".join(f"m{i}: &m{i} {{<<: *m{i - 1}, k{i}: {i}}}\n" if i else "m0: &m0 {k0: 0}\n"
                   for i in range(40)) + catalogue_text(), 2, None),
    # A6: 200,000 nested flow sequences
    ("A6", "x: " + "[" * 200_000 + "]" * 200_000 + "\n", 2, "exceeded maximum nesting depth"),
    # A15: a UTF-8 byte order mark
    ("A15", "\ufeff" + catalogue_text(), 0, None),
    # A16: CRLF line endings, with an error on line 15 (days: two)
    ("A16", catalogue_text(days_a="two").replace("\n", "\r\n"), 2, "c.yaml:15:"),
    # A17: CR-only line endings, with the same error
    ("A17", catalogue_text(days_a="two").replace("\n", "\r"), 2, "c.yaml:15:"),
    # A18: an invalid "\ud800" escape
    ("A18", catalogue_text(name_a='"A \\ud800"'), 2, "c.yaml:"),
    # A43: a date checked tomorrow (UTC+14 tomorrow is in the future everywhere)
    ("A43", catalogue_text().replace(TODAY, "2999-01-01"), 2, "is in the future"),
]


@pytest.mark.parametrize("case, text, status, wanted", HELD_CATALOGUES, ids=[c[0] for c in HELD_CATALOGUES])
def test_red_team_held_catalogue_cases(run: Run, here: Path, write_catalogue: Write, case: str, text: str,
                                       status: int, wanted: str | None) -> None:
    folder = write_catalogue(_catalogue_with(text))
    started = time.perf_counter()
    result = run("validate", str(folder))
    assert time.perf_counter() - started < 10
    assert result.exit_code == status, (case, result.stderr)
    assert_no_traceback(result)
    if status:
        assert result.stderr.startswith(ERROR) and result.stderr.count("\n") == 1, result.stderr[:300]
        if wanted:
            assert wanted in result.stderr, result.stderr


def test_red_team_held_odd_entries_in_a_catalogue_folder_are_skipped(run: Run, here: Path,
                                                                    write_catalogue: Write) -> None:
    """A20: a FIFO, a symlink to /dev/zero, a symlink loop and a subfolder, all named *.yaml."""
    folder = write_catalogue({"c.yaml": catalogue_text()})
    os.mkfifo(folder / "fifo.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "sub.yaml").mkdir()
    result = run("validate", str(folder))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("make", ["loop", "fifo", "dev_zero"])
def test_red_team_held_data_that_is_no_folder(run: Run, here: Path, make: str) -> None:
    """A21: --data pointing at a symlink loop, a FIFO or /dev/zero: one line, exit 2, no hang."""
    target = here / "odd"
    if make == "loop":
        target.symlink_to(target)
    elif make == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    result = run("list", "--data", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith(ERROR) and result.stderr.count("\n") == 1
    assert_no_traceback(result)


@pytest.mark.parametrize("files, status, wanted", [
    ({"._c.yaml": "\x00\x05\x16\x07", "c.yaml": None}, 2, "._c.yaml"),  # A38: AppleDouble, named
    ({"C.YAML": None}, 2, "no .yaml files"),  # A39
    ({"c.yaml": None, "c copy.yaml": None}, 2, "defined twice"),  # A40: a Finder copy
])
def test_red_team_held_catalogue_folders(run: Run, here: Path, write_catalogue: Write,
                                         files: dict[str, str | None], status: int, wanted: str) -> None:
    folder = write_catalogue({name: text if text is not None else catalogue_text() for name, text in
                              files.items()})
    result = run("validate", str(folder))
    assert result.exit_code == status
    assert wanted in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("name, text", [
    ("c1.yaml", "- role\n"),  # C1: a list at the top
    ("c2.yaml", "role: {a: {b: 1}}\n"),  # C2
    ("c3.yaml", ANSWERS_OK + "budget_usd: true\n"),  # C3
    ("c4.yaml", ANSWERS_OK + "budget_usd: -5\n"),  # C4
    ("c6.yaml", ANSWERS_OK + "budget_usd: 1.0e309\n"),  # C6
    ("c7.yaml", ANSWERS_OK + "budget_usd: .nan\n"),  # C7
    ("c9.yaml", ANSWERS_OK + "colour: red\n"),  # C9
    ("c10.yaml", ANSWERS_OK + "~: x\n"),  # C10
    ("c11.yaml", ANSWERS_OK + "held: [1, 2]\n"),  # C11
    ("c12.yaml", "role: [new]\ntarget: scrum_master\ngoal: job\n"),  # C12
    ("c13.yaml", ANSWERS_OK + "? [a, b]\n: x\n"),  # C13: an unhashable key
    ("c15.yaml", ANSWERS_OK + "---\n" + ANSWERS_OK),  # C15: two documents
    ("c16.yaml", ANSWERS_OK + "budget_usd: 2026-01-01\n"),  # C16
    ("c18.json", '{"role": "developer", "target": "scrum_master", "goal": "job", "budget_usd": NaN}'),  # C18
    ("c20.json", ANSWERS_OK),  # C20: YAML in a .json file
    ("c23.json", "[" * 100_000 + "]" * 100_000),  # C23
])
def test_red_team_held_answers_files(run: Run, here: Path, name: str, text: str) -> None:
    (here / name).write_text(text, encoding="utf-8")
    result = advise(run, name)
    assert result.exit_code == 2, (name, result.stdout[:200])
    assert result.stderr.startswith(ERROR) and result.stderr.count("\n") == 1, result.stderr[:300]
    assert_no_traceback(result)


def test_red_team_held_json_text_in_a_yaml_answers_file(run: Run, here: Path) -> None:
    """C14: JSON is YAML; an answers file holding JSON text works whatever its suffix says."""
    (here / "a.yaml").write_text('{"role": "developer", "target": "scrum_master", "goal": "job"}')
    assert advise(run, "a.yaml").exit_code == 0


@pytest.mark.parametrize("text, status, wanted", [
    ("name;team;role;target;goal\nAnn;T;new;scrum_master;job\n", 0, None),  # E5: ';' is read now
    (TEAM_HEADER + "Ann\x00,T,new,scrum_master,job\n", 0, None),  # E9: a NUL in a name
    (TEAM_HEADER + "x" * 200_000 + ",T,new,scrum_master,job\n", 2, "field larger than field limit"),  # E10
    ("name,team,role,target,goal,\nAnn,T,new,scrum_master,job,\n", 2, "unknown column ''"),  # E12
    ("", 2, "is empty"),  # E13
])
def test_red_team_held_team_files(run: Run, here: Path, text: str, status: int, wanted: str | None) -> None:
    (here / "t.csv").write_text(text, encoding="utf-8")
    result = run("plan", "t.csv", "-f", "json")
    assert result.exit_code == status, result.stderr
    assert_no_traceback(result)
    if wanted:
        assert wanted in result.stderr and result.stderr.count("\n") == 1


def test_red_team_held_latin1_team_file(run: Run, here: Path) -> None:
    """E14: a Latin-1 file is named as not UTF-8."""
    (here / "t.csv").write_bytes((TEAM_HEADER + "Zoë,T,new,scrum_master,job\n").encode("latin-1"))
    result = run("plan", "t.csv")
    assert result.exit_code == 2 and "not UTF-8 text" in result.stderr


@pytest.mark.parametrize("value", ["2026-11-25T10:00", " 2026-11-25", "2026-02-30", "yesterday",
                                   "2026-11-25\n"])
def test_red_team_held_pinned_today_forms(run: Run, value: str) -> None:
    """G3: SCRUMCERT_TODAY in any form but YYYY-MM-DD is one error line."""
    result = run("show", "PSPO", env={"SCRUMCERT_TODAY": value})
    assert result.exit_code == 2 and result.stderr.startswith(f"{ERROR}SCRUMCERT_TODAY=")


@pytest.mark.parametrize("columns", ["1", "-5", "abc", "400", "99999999"])
def test_red_team_held_odd_widths(columns: str) -> None:
    """F15, F17, F18: odd COLUMNS values print something and never fail."""
    result = cli("list", env=base_env(COLUMNS=columns))
    assert result.exit_code == 0 and result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["show", "PSPO", "--years", "0"], ["show", "PSPO", "--years", "51"],
                                  ["show", "PSPO", "--years", "1e3"], ["list", "--issuer", ""],
                                  ["compare", "CSM", "csm"], ["compare", "", "CSM"], ["show", "X" * 131_072],
                                  ["advise", "--role", "new", "--target", "both", "--goal", "job",
                                   "--held", ",,,;"], ["list", "-f", "JSON"]])
def test_red_team_held_option_edges(run: Run, args: list[str]) -> None:
    """I2: option edge cases give a result or one error line."""
    result = run(*args)
    assert result.exit_code in (0, 2), (args[:3], result.stderr[:200])
    assert_no_traceback(result)
    if result.exit_code:
        assert result.stderr.startswith(ERROR) and result.stderr.count("\n") == 1
