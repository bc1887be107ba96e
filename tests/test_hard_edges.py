"""The red team's 26 findings (../shared/research/hard-edges.md, F1-F26), one test (or a few) each.

Every test is named after what it guards and failed before its fix. Cases that need a real process
(file descriptors, devices, time zones, a deleted folder) run ``python -m scrumcert``; the rest use the
in-process runner. The signal cases (F13, F14) are in tests/test_interview_pty.py.
"""

from __future__ import annotations

import json
import os
import re
import resource
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from test_bad_input import (
    ERROR,
    Proc,
    Run,
    Write,
    assert_fails,
    assert_no_traceback,
    base_env,
    catalogue_text,
    cli,
)

PY = sys.executable
A = ["--role", "new", "--target", "scrum_master", "--goal", "job"]
TEAM = "name,team,role,target,goal\n"


def proc(*args: str, env: dict[str, str] | None = None, **kw: Any) -> Proc:
    """``python -m scrumcert ARGS`` with the streams given (stdin /dev/null, stderr captured)."""
    kw.setdefault("stdin", subprocess.DEVNULL)
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.PIPE)
    done = subprocess.run([PY, "-m", "scrumcert", *args], env=env or base_env(), timeout=20, check=False,
                          **kw)
    done.stdout = done.stdout or b""
    return Proc(done)


def questions_text() -> str:
    return """\
questions:
  - id: role
    prompt: Where are you now?
    help: Your role.
    type: choice
    required: true
    choices: [{value: new, label: New}, {value: scrum_master, label: Scrum Master}]
  - id: held
    prompt: Which do you hold?
    help: Codes.
    type: codes
  - id: budget_usd
    prompt: Budget?
    help: US dollars.
    type: integer
rules:
  - id: r1
    when: {role: [new]}
    weights: {AAA: 3, BBB: 5}
    reason: Because.
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def one_line_error(result: Any, status: int) -> str:
    """Exit ``status`` with exactly one 'scrumcert: error:' line on stderr; return that line."""
    assert result.exit_code == status, (result.exit_code, result.stdout[:300], result.stderr[:300])
    assert_no_traceback(result)
    assert result.stderr.startswith(ERROR) and result.stderr.count("\n") == 1, result.stderr[:500]
    return result.stderr[len(ERROR):-1]


# --- F1: the alias bomb guard counts bytes ---------------------------------------------------------

def amplified_catalogue(size: int = 1_000_000, copies: int = 10_000) -> str:
    text = catalogue_text()
    head, tail = text.split("    sources:\n      - title: Source A", 1)
    tail = tail.split("  - code: BBB", 1)[1]
    sources = ("    sources:\n      - &s {title: '" + "x" * size + "', url: 'https://example.org/a', "
               f"checked: {date_today()}, facts: [course, exam, renewal, roles, leads_to]}}\n"
               + "      - *s\n" * copies)
    return head + sources + "  - code: BBB" + tail


def date_today() -> str:
    from datetime import date

    return date.today().isoformat()


@pytest.mark.parametrize("command", [["validate", "quad"], ["list", "--data", "quad"],
                                     ["show", "AAA", "--data", "quad"]])
def test_alias_amplification_is_refused_by_bytes_in_under_a_second(here: Path, command: list[str]) -> None:
    (here / "quad").mkdir()
    (here / "quad" / "c.yaml").write_text(amplified_catalogue(), encoding="utf-8")
    started = time.perf_counter()
    result = cli(*command, cwd=here, env=base_env(SCRUMCERT_CACHE_DIR=str(here / "cache")))
    elapsed = time.perf_counter() - started
    message = one_line_error(result, 2)
    assert message.startswith("quad/c.yaml:") and "through aliases; refused" in message, message
    assert elapsed < 3, elapsed  # a whole process; the guard itself takes well under a second
    assert not any((here / "cache").glob("*.json")) if (here / "cache").exists() else True


def test_alias_amplification_in_a_team_file_is_refused(run: Run, here: Path) -> None:
    people = ("people:\n  - &p {name: '" + "x" * 1_000_000 + "', team: T, role: new, target: scrum_master, "
              "goal: job}\n" + "  - *p\n" * 15_000)
    (here / "team.yaml").write_text(people, encoding="utf-8")
    message = one_line_error(run("plan", "team.yaml"), 2)
    assert "through aliases; refused" in message


def test_small_aliases_still_load(run: Run, here: Path, write_catalogue: Write) -> None:
    text = catalogue_text().replace("        facts: [course, exam, renewal, roles, leads_to]",
                                    "        facts: &f [course, exam, renewal, roles, leads_to]")
    folder = write_catalogue({"c.yaml": text})
    assert run("validate", str(folder)).exit_code == 0


# --- F2: one safe writer ---------------------------------------------------------------------------

def test_save_answers_keeps_the_mode_of_a_private_file(run: Run, here: Path) -> None:
    (here / "private.yaml").write_text("secret: 1\n")
    os.chmod(here / "private.yaml", 0o600)
    assert run("advise", *A, "-f", "json", "--save-answers", "private.yaml").exit_code == 0
    assert stat.S_IMODE(os.stat(here / "private.yaml").st_mode) == 0o600
    assert (here / "private.yaml").read_text().startswith("role: new")


def test_save_answers_refuses_a_read_only_file(run: Run, here: Path) -> None:
    (here / "locked.yaml").write_text("keep\n")
    os.chmod(here / "locked.yaml", 0o444)
    assert_fails(run("advise", *A, "-f", "json", "--save-answers", "locked.yaml"), 2,
                 "--save-answers locked.yaml: is read-only; not replaced")
    assert (here / "locked.yaml").read_text() == "keep\n"


def test_output_writes_through_a_symlink_to_its_target(run: Run, here: Path) -> None:
    (here / "real.md").write_text("target\n")
    (here / "link.md").symlink_to("real.md")
    result = run("compare", "CSM", "CSPO", "-o", "link.md")
    assert result.exit_code == 0, result.stderr
    assert (here / "link.md").is_symlink()
    assert (here / "real.md").read_text().startswith("# CSM vs CSPO")


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")
def test_save_answers_never_replaces_a_device_node(run: Run, here: Path) -> None:
    os.mknod(here / "fakenull", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    assert run("advise", *A, "-f", "json", "--save-answers", "fakenull").exit_code == 0
    assert stat.S_ISCHR(os.lstat(here / "fakenull").st_mode)


def test_save_answers_to_dev_stdout_writes_through(here: Path) -> None:
    result = cli("advise", *A, "-f", "json", "--save-answers", "/dev/stdout", cwd=here)
    assert result.exit_code == 0, result.stderr
    assert "role: new" in result.stdout


# --- F3: one output writer -------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["show", "PSPO"], ["list", "--format", "json"], ["--version"],
                                     ["validate"], ["compare", "CSM", "CSPO", "-f", "markdown"]])
def test_output_to_a_full_device_fails_with_one_line(command: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = proc(*command, stdout=full)
    assert one_line_error(result, 1) == "cannot write output: no space left on device"


def test_short_write_under_a_file_size_limit_fails(tmp_path: Path) -> None:
    out = tmp_path / "out.json"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    with out.open("wb") as fh:
        result = proc("list", "--format", "json", stdout=fh, preexec_fn=limit)
    assert one_line_error(result, 1) == "cannot write output: file too large"
    assert out.stat().st_size == 4096


@pytest.mark.parametrize("command", [["list", "--format", "json"], ["validate"], ["show", "PSPO"]])
def test_closed_stdout_fails_with_one_line(command: list[str]) -> None:
    result = proc(*command, preexec_fn=lambda: os.close(1))
    assert one_line_error(result, 1) == "cannot write output: standard output is closed"


def test_closed_stderr_keeps_the_exit_status() -> None:
    done = subprocess.run([PY, "-m", "scrumcert", "show", "NOPE"], stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, preexec_fn=lambda: os.close(2), env=base_env(),
                          timeout=20, check=False)
    assert done.returncode == 2


# --- F4, F5: one sanitiser ----------------------------------------------------------------------------

def test_team_file_names_never_reach_stderr_raw(run: Run, here: Path) -> None:
    (here / "evil.csv").write_text(
        TEAM + '"Eve\x1b]0;pwned\x07\x1b[2J",T,bogus,scrum_master,job\n'
        '"Mallory\nscrumcert: error: forged line",T,new,scrum_master,bogus\n', encoding="utf-8")
    result = run("plan", "evil.csv", "-f", "json")
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("scrumcert: error: evil.csv: ") for line in lines)
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in lines[0]


C1_NAME = "Alpha \u009b2J\u009d0;pwned\u009c \u202eevil\u200b"


@pytest.mark.parametrize("fmt", ["json", "table", "markdown"])
def test_c1_and_bidi_controls_are_escaped_in_every_format(run: Run, here: Path, write_catalogue: Write,
                                                         fmt: str) -> None:
    folder = write_catalogue({"c.yaml": catalogue_text(name_a=json.dumps(C1_NAME))})
    result = run("show", "AAA", "--data", str(folder), "-f", fmt)
    assert result.exit_code == 0, result.stderr
    for ch in "\u009b\u009d\u009c\u202e\u200b":
        assert ch not in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout)["name"] == C1_NAME  # JSON escapes keep the data itself
    else:
        assert "\\x9b2J" in result.stdout and "\\u202e" in result.stdout


def test_c1_controls_from_a_team_file_are_escaped_in_json(run: Run, here: Path) -> None:
    (here / "t.csv").write_text(TEAM + "Ann\u009b2J,T,new,scrum_master,job\n", encoding="utf-8")
    result = run("plan", "t.csv", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "\u009b" not in result.stdout and "Ann\\u009b2J" in result.stdout


# --- F6: Markdown --------------------------------------------------------------------------------------

EVIL_ISSUER = "'![x](https://evil.example/pixel.png) [Renew here](https://evil.example/phish)'"


def test_markdown_never_turns_catalogue_text_into_links_images_or_headings(
        run: Run, here: Path, write_catalogue: Write) -> None:
    folder = write_catalogue({"c.yaml": catalogue_text(issuer_a=EVIL_ISSUER,
                                                       summary_a="'# Urgent: your certificate expires'")})
    result = run("show", "AAA", "--data", str(folder), "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "![x](" not in result.stdout and "[Renew here](" not in result.stdout
    assert "!\\[x\\](https://evil.example/pixel.png)" in result.stdout
    assert not any(line.startswith("# Urgent") for line in result.stdout.splitlines())
    from markdown_it import MarkdownIt  # Rich's own dependency: render as GitHub or a wiki would

    html = MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert "<img" not in html and "<h1>" not in html
    # the only links are the catalogue's own addresses (official page, sources), never text made a link
    links = re.findall(r'<a href="([^"]*)"', html)
    assert html.count("<a ") == len(links) and all(link.startswith("https://example.org/") for link in links)


# --- F7: the parse cache ---------------------------------------------------------------------------

def cached_catalogue(here: Path) -> tuple[Path, Path]:
    folder = here / "pc"
    folder.mkdir()
    (folder / "c.yaml").write_text(catalogue_text(), encoding="utf-8")
    (folder / "q.yaml").write_text(questions_text(), encoding="utf-8")
    return folder, here / "cache"


def cache_entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.json"))


def tamper(cache: Path, key: str, change: Any) -> None:
    """Edit the data of every cache entry that holds ``key`` (keeping its signature line)."""
    for entry in cache_entries(cache):
        signature, payload = entry.read_text().split("\n", 1)
        data = json.loads(payload)
        if key in data:
            change(data)
            entry.write_text(signature + "\n" + json.dumps(data))


def run_env(cache: Path) -> dict[str, str]:
    return {"SCRUMCERT_CACHE_DIR": str(cache)}


def test_validate_bypasses_a_tampered_cache(run: Run, here: Path) -> None:
    folder, cache = cached_catalogue(here)
    assert run("advise", "--data", str(folder), "--role", "new", "-f", "json", env=run_env(cache)
               ).exit_code == 0
    tamper(cache, "certifications", lambda data: data.update(certifications="x"))
    assert run("validate", str(folder), env=run_env(cache)).exit_code == 0
    # and an ordinary run repairs itself: the entry fails the schema, so the YAML is read again
    assert run("list", "--data", str(folder), env=run_env(cache)).exit_code == 0


def test_a_cache_entry_that_changes_the_advice_is_not_trusted(run: Run, here: Path) -> None:
    folder, cache = cached_catalogue(here)
    first = run("advise", "--data", str(folder), "--role", "new", "-f", "json", env=run_env(cache))
    assert json.loads(first.stdout)["recommended"] == "BBB"
    tamper(cache, "rules", lambda data: data["rules"][0].update(weights={"AAA": 100, "BBB": -100}))
    again = run("advise", "--data", str(folder), "--role", "new", "-f", "json", env=run_env(cache))
    assert json.loads(again.stdout)["recommended"] == "BBB"


@pytest.mark.parametrize("kind", ["fifo", "dev_zero", "deep_json", "folder"])
def test_a_broken_cache_entry_is_ignored(here: Path, kind: str) -> None:
    folder, cache = cached_catalogue(here)
    env = base_env(SCRUMCERT_CACHE_DIR=str(cache))
    assert cli("list", "--data", str(folder), env=env).exit_code == 0
    for entry in cache_entries(cache):
        entry.unlink()
        if kind == "fifo":
            os.mkfifo(entry)
        elif kind == "dev_zero":
            entry.symlink_to("/dev/zero")
        elif kind == "deep_json":
            entry.write_text("[" * 100_000 + "]" * 100_000)
        else:
            entry.mkdir()
    result = cli("list", "--data", str(folder), "-f", "json", env=env, timeout=10)
    assert result.exit_code == 0, result.stderr
    assert [c["code"] for c in json.loads(result.stdout)] == ["AAA", "BBB"]


def test_the_cache_is_private(run: Run, here: Path) -> None:
    folder, cache = cached_catalogue(here)
    assert run("list", "--data", str(folder), env=run_env(cache)).exit_code == 0
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert cache_entries(cache)
    assert {stat.S_IMODE(e.stat().st_mode) for e in cache_entries(cache)} == {0o600}


# --- F8, F19: one bounded reader ---------------------------------------------------------------------

def test_answers_from_dev_zero_are_refused_at_the_size_cap(run: Run) -> None:
    started = time.perf_counter()
    assert_fails(run("advise", "--answers", "/dev/zero", *A), 2,
                 "answers file /dev/zero: is larger than 10 MB")
    assert time.perf_counter() - started < 5


def test_answers_from_a_fifo_without_writer_do_not_hang(here: Path) -> None:
    os.mkfifo(here / "answers.yaml")
    result = cli("advise", "--answers", "answers.yaml", *A, cwd=here, timeout=10)
    assert one_line_error(result, 2) == "answers file answers.yaml: is empty"


def test_plan_reads_a_team_file_from_a_pipe(here: Path) -> None:
    result = cli("plan", "/dev/stdin", "-f", "json", input=TEAM.encode() + b"Ann,T,new,scrum_master,job\n",
                 stdin=None)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["people"][0]["name"] == "Ann"


def test_plan_names_a_folder_as_a_folder(run: Run, here: Path) -> None:
    (here / "t.csv").mkdir()
    assert_fails(run("plan", "t.csv"), 2, "team file t.csv: is a folder, not a file")


# --- F9, F25: numbers ------------------------------------------------------------------------------

def test_a_huge_price_is_refused_with_file_line_and_field(run: Run, here: Path, write_catalogue: Write
                                                          ) -> None:
    text = catalogue_text().replace("      days: 2\n", "      days: 2\n      price_usd: {min: 1" + "0" * 400
                                    + ", max: null}\n")
    folder = write_catalogue({"c.yaml": text})
    message = one_line_error(run("validate", str(folder)), 2)
    assert message.startswith("catalogue/c.yaml:16: certifications[0].course.price_usd.min: "), message
    assert "out of range" in message


def test_huge_course_days_are_refused(run: Run, here: Path, write_catalogue: Write) -> None:
    folder = write_catalogue({"c.yaml": catalogue_text(days_a="1" + "0" * 400)})
    message = one_line_error(run("show", "AAA", "--data", str(folder)), 2)
    assert "certifications[0].course.days: " in message and "out of range" in message


def test_every_number_in_the_json_schema_has_a_maximum() -> None:
    from scrumcert.cli import app  # noqa: F401  (imports the package)

    schema = json.loads((Path(__file__).resolve().parent.parent / "schema" / "catalogue.schema.json")
                        .read_text())
    unbounded: list[str] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("integer", "number") and "maximum" not in node:
                unbounded.append(where)
            for k, v in node.items():
                walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}/{i}")

    walk(schema, "")
    assert unbounded == []


# --- F10: prerequisite cycles ----------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["codes", "recommended"])
def test_a_prerequisite_cycle_fails_validate(run: Run, here: Path, write_catalogue: Write, kind: str) -> None:
    text = catalogue_text().replace("    leads_to: [BBB]\n",
                                    f"    leads_to: [BBB]\n    prerequisites: {{{kind}: [BBB]}}\n")
    text = text.replace("    course: {required: false}\n",
                        f"    course: {{required: false}}\n    prerequisites: {{{kind}: [AAA]}}\n")
    text = text.replace("facts: [course, exam, renewal, roles, leads_to]",
                        "facts: [course, exam, renewal, roles, leads_to, prerequisites]")
    text = text.replace("facts: [course, exam, renewal, roles]}", "facts: [course, exam, renewal, roles, "
                        "prerequisites]}")
    folder = write_catalogue({"c.yaml": text})
    message = one_line_error(run("validate", str(folder)), 2)
    assert "prerequisite cycle" in message and "AAA" in message and "BBB" in message, message
    assert message.startswith("catalogue/c.yaml:"), message


# --- F11: lookup keys of every script --------------------------------------------------------------

def test_non_latin_names_are_distinct_lookup_keys(run: Run, here: Path, write_catalogue: Write) -> None:
    text = catalogue_text(name_a="Сертифицированный скрам-мастер").replace(
        "name: Beta Certification", "name: 認定プロダクトオーナー")
    folder = write_catalogue({"c.yaml": text})
    assert run("validate", str(folder)).exit_code == 0
    shown = run("show", "сертифицированный СКРАМ мастер", "--data", str(folder), "-f", "json")
    assert json.loads(shown.stdout)["code"] == "AAA"
    assert json.loads(run("show", "認定プロダクトオーナー", "--data", str(folder), "-f", "json").stdout)[
        "code"] == "BBB"


@pytest.mark.parametrize("typed", ["", "любой текст", "???"])
def test_text_that_is_no_name_finds_nothing(run: Run, here: Path, write_catalogue: Write, typed: str) -> None:
    folder = write_catalogue({"c.yaml": catalogue_text(name_a="Сертифицированный скрам-мастер")})
    result = run("show", typed, "--data", str(folder))
    assert result.exit_code == 2, result.stderr
    assert "unknown certification" in result.stderr or "no certification" in result.stderr


# --- F12: dates in UTC ---------------------------------------------------------------------------------

def test_a_date_that_is_today_somewhere_is_not_in_the_future(here: Path) -> None:
    kiritimati = subprocess.run(["date", "+%F"], env={**os.environ, "TZ": "Pacific/Kiritimati"},
                                capture_output=True, text=True, check=True).stdout.strip()
    (here / "tz").mkdir()
    (here / "tz" / "c.yaml").write_text(catalogue_text().replace(date_today(), kiritimati), encoding="utf-8")
    result = cli("list", "--data", "tz", cwd=here, env=base_env(TZ="Etc/GMT+12"))
    assert result.exit_code == 0, result.stderr


# --- F15: COLUMNS=0 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["list"], ["show", "PSPO"], ["compare", "CSM", "CSPO"], ["sources"],
                                     ["advise", *A]])
def test_columns_zero_still_prints(command: list[str]) -> None:
    result = cli(*command, env=base_env(COLUMNS="0"))
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout) > 100
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


# --- F16: SCRUMCERT_TODAY ------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["0001-01-01", "0001-06-30", "0001-12-31"])
def test_pinned_today_in_year_one_works(run: Run, value: str) -> None:
    result = run("show", "PSPO", env={"SCRUMCERT_TODAY": value})
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("value", ["20261125", "2026-W48-3"])
def test_pinned_today_accepts_only_yyyy_mm_dd(run: Run, value: str) -> None:
    result = run("show", "PSPO", env={"SCRUMCERT_TODAY": value})
    assert one_line_error(result, 2).startswith("SCRUMCERT_TODAY")


# --- F18: nothing written when the run fails as bad input ------------------------------------------

def test_save_answers_is_not_written_when_output_is_refused(run: Run, here: Path) -> None:
    (here / "me.yaml").write_text("my tuned answers\n")
    result = run("advise", *A, "--save-answers", "me.yaml", "-o", "report.pdf")
    assert result.exit_code == 2
    assert (here / "me.yaml").read_text() == "my tuned answers\n"


# --- F20: a team file name that is not UTF-8 -------------------------------------------------------

def test_a_team_file_name_that_is_not_utf8_makes_a_report(here: Path) -> None:
    name = os.fsdecode(b"team\xff.csv")
    (here / name).write_text(TEAM + "Ann,T,new,scrum_master,job\n", encoding="utf-8")
    result = cli("plan", name, "-o", "plan.html", "-f", "json", cwd=here)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in here.iterdir() if p.name.startswith(".")) == []
    assert "team\\udcff.csv" in (here / "plan.html").read_text() or "team\\xff.csv" in (
        here / "plan.html").read_text()


# --- F22: a deleted working folder ---------------------------------------------------------------------

def test_a_deleted_working_folder_gives_no_traceback(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    code = ("import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); "
            "from scrumcert.cli import main; sys.argv = ['scrumcert', 'validate']; main()")
    done = subprocess.run([PY, "-c", code, str(gone)], capture_output=True, text=True, env=base_env(),
                          timeout=20, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


# --- F24: the snapshot fingerprint -------------------------------------------------------------------

def test_the_snapshot_fingerprint_is_a_cryptographic_hash(tmp_path: Path) -> None:
    from scrumcert.catalogue import snapshot

    (tmp_path / "c.yaml").write_bytes(b"a: 1\n")
    (row,) = snapshot.fingerprint(tmp_path)
    assert len(row[-1]) == 64  # sha256 hex: a same-size edit with the same CRC-32 is noticed


# --- F26: the cosmetic batch ---------------------------------------------------------------------------

def test_the_wrote_line_is_one_escaped_line(run: Run, here: Path) -> None:
    result = run("compare", "CSM", "CSPO", "-o", "r\nx.md", "-f", "json")
    assert result.exit_code == 0
    assert result.stderr == "scrumcert: wrote r\\x0ax.md\n"


def test_a_huge_answer_value_gives_a_short_error_line(run: Run, here: Path) -> None:
    (here / "a.yaml").write_text("role: " + "x" * 1_000_000 + "\n")
    message = one_line_error(run("advise", "--answers", "a.yaml"), 2)
    assert len(message) < 400


def test_json_answers_with_a_duplicate_key_are_refused(run: Run, here: Path) -> None:
    (here / "a.json").write_text('{"role": "new", "role": "coach", "target": "scrum_master", "goal": "job"}')
    assert_fails(run("advise", "--answers", "a.json"), 2, "answers file a.json: duplicate key 'role'")


@pytest.mark.parametrize("value", ["off", "OFF", "0", "false"])
def test_cache_dir_words_that_mean_off_create_no_folder(run: Run, here: Path, write_catalogue: Write,
                                                        value: str) -> None:
    folder = write_catalogue({"c.yaml": catalogue_text()})
    assert run("list", "--data", str(folder), env={"SCRUMCERT_CACHE_DIR": value}).exit_code == 0
    assert not (here / value).exists()


def test_a_relative_xdg_cache_home_is_ignored(run: Run, here: Path, write_catalogue: Write,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCRUMCERT_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(here / "home"))
    folder = write_catalogue({"c.yaml": catalogue_text()})
    assert run("list", "--data", str(folder), env={"XDG_CACHE_HOME": "relcache"}).exit_code == 0
    assert not (here / "relcache").exists()


def test_data_that_is_a_device_is_not_called_missing(run: Run) -> None:
    assert_fails(run("list", "--data", "/dev/zero"), 2, "/dev/zero: not a folder or a .yaml file")


# --- F17: question types the advice relies on ---------------------------------------------------------

@pytest.mark.parametrize("qid, wrong, right", [("held", "integer", "codes"),
                                               ("budget_usd", "choice", "integer")])
def test_a_question_the_advice_reads_must_have_its_type(run: Run, here: Path, write_catalogue: Write,
                                                        qid: str, wrong: str, right: str) -> None:
    choices = ", choices: [{value: low, label: Low}]" if wrong == "choice" else ""
    questions = ("questions:\n  - {id: role, prompt: Role?, help: Role., type: choice, required: true, "
                 "choices: [{value: new, label: New}]}\n"
                 f"  - {{id: {qid}, prompt: Q?, help: H., type: {wrong}{choices}}}\n")
    folder = write_catalogue({"c.yaml": catalogue_text(), "q.yaml": questions})
    message = one_line_error(run("validate", str(folder)), 2)
    assert message == (f"catalogue/q.yaml:3: questions[1].type: {qid!r} must be a {right} question "
                       f"(the advice reads it as one), not {wrong}")


# --- F23: two people with one name ---------------------------------------------------------------------

def test_two_people_with_one_name_learn_together(run: Run, here: Path) -> None:
    (here / "t.csv").write_text(TEAM + "Ann,Apollo,scrum_master,both,team\n"  # each one's advice: PSMPO
                                "Ann,Apollo,product_owner,both,team\n", encoding="utf-8")
    result = run("plan", "t.csv", "-f", "json")
    assert result.exit_code == 0, result.stderr
    people = json.loads(result.stdout)["people"]
    assert [p["together_with"] for p in people] == [["Ann"], ["Ann"]]


def test_seat_counts_are_written_with_thousands_separators(run: Run, here: Path) -> None:
    """F26: '81340 x PSMPO' was hard to read; seats are counted as every other number is written."""
    (here / "t.csv").write_text(TEAM + "".join(f"P{i},T{i},new,scrum_master,job\n" for i in range(1000)),
                                encoding="utf-8")
    result = run("plan", "t.csv", "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    assert any(line.split(" | ")[1:2] == ["1,000"] for line in result.stdout.splitlines()
               if line.startswith("| ")), result.stdout[-800:]


# --- the one reader, the one writers: nobody goes round them -----------------------------------------

ALLOWED_IO = {
    ("scrumcert/catalogue/snapshot.py", ".read_bytes("),  # the bundled files: part of the release
    ("scrumcert/catalogue/loader.py", "open("),  # the cache key: os.open, O_NOFOLLOW, checked 0600
    ("scrumcert/output/terminal.py", "console.print("),  # into the output writer's Collector
    ("scrumcert/linkcheck.py", "open("),  # urllib's opener: a web address (sources --check), not a file
}


def test_every_file_and_stdout_access_goes_through_the_shared_reader_and_writers() -> None:
    """F2, F3, F8: a new open(), read_text(), write_text() or print() elsewhere would skip the size cap,
    the FIFO and device rules, the mode and symlink rules, or the short-write check."""
    import re

    root = Path(__file__).resolve().parent.parent
    pattern = re.compile(r"\bopen\(|\.read_text\(|\.write_text\(|\.read_bytes\(|"
                         r"\.write_bytes\(|sys\.stdout\.write|(?<![\w.])print\(|console\.print\(")
    found = []
    for path in sorted((root / "scrumcert").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel in ("scrumcert/files.py", "scrumcert/outstream.py"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in pattern.finditer(line):
                if (rel, m.group()) not in ALLOWED_IO:
                    found.append(f"{rel}:{n}: {line.strip()}")
    assert found == []


def test_learning_together_is_capped_on_a_terminal_like_the_people(here: Path) -> None:
    """F26: 100,000 people printed 19,455 lines of "Learning together"; a terminal now shows 200."""
    rows = "".join(f"S{i},T{i},scrum_master,both,team\nP{i},T{i},product_owner,both,team\n"
                   for i in range(300))
    (here / "t.csv").write_text(TEAM + rows, encoding="utf-8")
    result = cli("plan", "t.csv", cwd=here, env=base_env(COLUMNS="120"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("attend one") == 200
    assert "... and 100 more: use --format json" in result.stdout
    assert cli("plan", "t.csv", "-f", "markdown", cwd=here).stdout.count("attend one") == 300


def test_ctrl_c_while_the_cli_is_imported_is_cancelled_not_a_traceback() -> None:
    """F26: SIGINT in the first milliseconds (Typer and Rich being imported) gave a traceback. The
    interrupt is made to arrive exactly then: an import hook raises it when scrumcert.cli is imported."""
    code = ("import sys\n"
            "class Hook:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'scrumcert.cli':\n"
            "            raise KeyboardInterrupt\n"
            "sys.meta_path.insert(0, Hook())\n"
            "sys.argv = ['scrumcert', 'show', 'PSPO']\n"
            "from scrumcert.__main__ import run\n"
            "run()\n")
    done = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=base_env(), timeout=20,
                          check=False)
    assert done.returncode == 130
    assert done.stderr == "scrumcert: error: cancelled\n"


def test_the_console_script_starts_through_the_guard() -> None:
    import tomllib

    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["scrumcert"] == "scrumcert.__main__:run"
