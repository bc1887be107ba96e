"""Start-up and throughput benchmark for scrumcert (informational: exit 0 unless --strict).

    python bench/startup.py            # 15 timed runs of each command after one warm-up
    python bench/startup.py --quick    # 5 runs, for CI
    python bench/startup.py --runs 30 --strict   # exit 1 when a target is missed

Part 1 times whole processes against the floor of any CLI on our libraries,
``python -c "import typer, yaml, rich.table"``, measured in the same run and interleaved with the
commands (one run of each in turn), so a noisy machine shifts floor and commands alike. It runs the
``scrumcert`` console script next to ``sys.executable`` when there is one (what users run), else
``python -m scrumcert``. Targets: ``--version`` <= 1.1 x floor; reading commands and non-interactive
``advise`` <= 1.3 x floor.

Part 2 times the library in-process: loading and validating a generated catalogue of 500
certifications (target < 50 ms; 250 and 1000 show how it grows), and ``recommend`` over 10,000
generated answer sets against the bundled catalogue (target < 1 s; 5,000 and 20,000 show growth).

The loader caches each file's parse result (``SCRUMCERT_CACHE_DIR``). The benchmark uses a private,
temporary cache folder: the processes run with it warm (after the warm-up, as every run after the first
does), plus one informational row with the cache off; loading is timed both warm (the target) and cold
(cache off: YAML parsed every time, what the first run of a new or edited catalogue costs).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

FLOOR = ("python -c 'import typer, yaml, rich.table'",
         [sys.executable, "-c", "import typer, yaml, rich.table"])
VERSION_TARGET = 1.1
READ_TARGET = 1.3
LOAD_TARGET_MS = 50.0
RECOMMEND_TARGET_S = 1.0
LOAD_SIZES = (250, 500, 1000)  # 500 is the target size
RECOMMEND_SIZES = (5_000, 10_000, 20_000)  # 10,000 is the target size
PLAN_TARGET_S = 2.0
PLAN_SIZES = (5_000, 10_000, 20_000)  # 10,000 people is the target size


# --- machine ----------------------------------------------------------------------------------------

def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = os.cpu_count() or 0
    return (f"{platform.platform()}; CPU: {cpu} ({cores} logical cores); "
            f"Python {platform.python_version()} ({platform.python_implementation()}) at {sys.executable}")


def cli_prefix(force_module: bool) -> tuple[list[str], str]:
    """The console script beside the interpreter when present (what users run), else ``-m``."""
    script = Path(sys.executable).parent / ("scrumcert.exe" if os.name == "nt" else "scrumcert")
    if not force_module and script.is_file() and os.access(script, os.X_OK):
        return [str(script)], str(script)
    return [sys.executable, "-m", "scrumcert"], f"{sys.executable} -m scrumcert"


# --- whole processes --------------------------------------------------------------------------------

def clean_env(cache: Path | str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SCRUMCERT_DATA"}
    env.setdefault("COLUMNS", "100")
    env["SCRUMCERT_CACHE_DIR"] = str(cache)
    return env


def time_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv)} failed with {done.returncode}:\n"
                         f"{done.stderr.decode(errors='replace')}")
    return elapsed


def byte_compile() -> str:
    """Compile the package as an install does (pip writes .pyc files), so that a checkout run with
    PYTHONDONTWRITEBYTECODE set is not measured recompiling every module on every start."""
    import compileall

    import scrumcert

    folder = Path(scrumcert.__file__).parent
    compileall.compile_dir(str(folder), quiet=1)
    return str(folder)


def team_file(folder: Path, n: int, seed: int = 7) -> Path:
    """A CSV of ``n`` people in teams of five, with every answer varied."""
    rng = random.Random(seed)
    values = {"role": ("new", "developer", "scrum_master", "product_owner", "manager", "coach"),
              "target": ("scrum_master", "product_owner", "both", "leadership"),
              "goal": ("job", "skills", "team", "advance"),
              "experience": ("none", "under_1", "1_to_3", "over_3"),
              "exam": ("exam", "workshop", "either"), "renewal": ("lifetime", "either"),
              "learning": ("self_study", "live_course", "either")}
    held = ("", "CSM", "PSPO I", "CSM;CSPO", "PSM")
    lines = ["name,team," + ",".join(values) + ",budget_usd,held"]
    for i in range(n):
        row = [rng.choice(v) for v in values.values()]
        budget = rng.choice(("", "300", "1500", "5000"))
        lines.append(f"person {i},team {i // 5}," + ",".join(row) + f",{budget},{rng.choice(held)}")
    path = folder / f"team-{n}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def time_plan(argv: list[str], env: dict[str, str]) -> float:
    """A plan run: exit 0, or 3 when rows were skipped (none are, in the generated file)."""
    start = time.perf_counter()
    done = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, env=env, check=False)
    if done.returncode not in (0, 3):
        raise SystemExit(f"bench: {' '.join(argv)} failed: {done.stderr.decode(errors='replace')[-400:]}")
    return time.perf_counter() - start


def processes(runs: int, prefix: list[str], answers: Path, cache: Path, user_data: Path
              ) -> list[tuple[str, float, float | None]]:
    """(label, median seconds, target ratio or None when informational), commands interleaved per
    run; the first row is the floor."""
    warm, cold = clean_env(cache), clean_env("off")
    data = ["--data", str(user_data)]
    commands: list[tuple[str, list[str], float | None, dict[str, str]]] = [
        (FLOOR[0], FLOOR[1], None, warm),
        ("scrumcert --version", [*prefix, "--version"], VERSION_TARGET, warm),
        ("scrumcert show PSPO", [*prefix, "show", "PSPO"], READ_TARGET, warm),
        ("scrumcert compare CSM CSPO", [*prefix, "compare", "CSM", "CSPO"], READ_TARGET, warm),
        ("scrumcert list --format json", [*prefix, "list", "--format", "json"], READ_TARGET, warm),
        ("scrumcert advise --answers FILE --format json",
         [*prefix, "advise", "--answers", str(answers), "--format", "json"], READ_TARGET, warm),
        ("scrumcert show PSPO --data COPY (YAML, cache warm)", [*prefix, "show", "PSPO", *data], None, warm),
        ("scrumcert show PSPO --data COPY (YAML, cache off)", [*prefix, "show", "PSPO", *data], None, cold),
    ]
    for _, argv, _, env in commands:  # warm-up: page cache, .pyc files, the parse cache
        time_once(argv, env)
    times: dict[str, list[float]] = {label: [] for label, _, _, _ in commands}
    for _ in range(runs):
        for label, argv, _, env in commands:
            times[label].append(time_once(argv, env))
    return [(label, statistics.median(times[label]), target) for label, _, target, _ in commands]


# --- generated data ---------------------------------------------------------------------------------

ROLES = ("scrum_master", "product_owner", "developer", "leader", "coach")
CHECKED = date.today() - timedelta(days=30)  # recent: no staleness warnings


def generated_certification(i: int, n: int, rng: random.Random) -> dict[str, Any]:
    """One valid certification: every fact it gives is backed by a source that names it."""
    code = f"GEN-{i:05d}"
    nxt = [f"GEN-{j:05d}" for j in (i + 1, i + 2) if j < n]
    pre = [f"GEN-{i - 1:05d}"] if i % 3 == 1 else []
    has_exam = i % 4 != 0
    lifetime = i % 2 == 0
    cert: dict[str, Any] = {
        "code": code,
        "name": f"Generated Certification Number {i:05d}",
        "aliases": [f"GC{i:05d}X"],
        "issuer": f"Issuer {i % 7}",
        "kind": "certification",
        "level": ("foundation", "advanced", "professional", "expert")[i % 4],
        "roles": rng.sample(ROLES, 2),
        "summary": "A generated certification used by the benchmark. " * 4,
        "course": {"required": i % 2 == 1, "name": f"Course {i}", "days": 2, "hours": 16,
                   "price_usd": {"min": 200 + i, "max": 1500 + i, "as_of": CHECKED}, "note": None},
        "exam": {"questions": 80, "minutes": 60, "pass_percent": 85, "fee_usd": 150 + i % 100,
                 "attempts_included": 1, "note": None} if has_exam else "none",
        "renewal": "lifetime" if lifetime else {"every_years": 2, "fee_usd": 100, "education_units": 20,
                                                "unit": "SEU", "note": None},
        "pdus": 14 if i % 5 == 0 else None,
        "prerequisites": {"codes": [], "recommended": pre, "experience_months": None if i % 3 else 12,
                          "note": None},
        "leads_to": nxt,
        "includes": [],
        "official_page": f"https://example.org/certs/{i}",
        "sources": [
            {"title": f"Issuer page for {code}", "url": f"https://example.org/certs/{i}", "kind": "official",
             "published": None, "checked": CHECKED, "facts": ["course", "price", "exam", "renewal", "roles"],
             "quote": "A generated certification."},
            {"title": f"Handbook of {code}", "document": f"handbook {i}, chapter 2", "kind": "trainer",
             "published": CHECKED, "checked": CHECKED, "facts": ["pdus", "prerequisites", "leads_to"]},
        ],
    }
    return cert


def write_catalogue(folder: Path, n: int, seed: int = 4) -> Path:
    import yaml

    from scrumcert.catalogue.locate import bundled_dir

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    roles = [{"id": r, "name": r.replace("_", " ").title(), "description": f"The {r} role."} for r in ROLES]
    certs = [generated_certification(i, n, rng) for i in range(n)]
    rules = [{"id": f"rule-{k}", "when": {"target": [rng.choice(["scrum_master", "product_owner", "both"])]},
              "weights": {certs[rng.randrange(n)]["code"]: rng.randint(-3, 4)},
              "reason": f"Generated rule {k}."}
             for k in range(max(1, n // 10))]
    half = n // 2
    dump = {"sort_keys": False, "allow_unicode": True, "width": 110}
    (folder / "roles.yaml").write_text(yaml.safe_dump({"roles": roles}, **dump), encoding="utf-8")
    (folder / "certifications-a.yaml").write_text(yaml.safe_dump({"certifications": certs[:half]}, **dump),
                                                  encoding="utf-8")
    (folder / "certifications-b.yaml").write_text(yaml.safe_dump({"certifications": certs[half:]}, **dump),
                                                  encoding="utf-8")
    shutil.copy(bundled_dir() / "questions.yaml", folder / "questions.yaml")
    (folder / "rules.yaml").write_text(yaml.safe_dump({"rules": rules}, **dump), encoding="utf-8")
    return folder


def answer_sets(catalogue: Any, n: int, seed: int = 10) -> list[dict[str, Any]]:
    """``n`` complete, valid answer sets (as ``answers.with_defaults`` returns them)."""
    from scrumcert.answers import with_defaults

    rng = random.Random(seed)
    codes = list(catalogue.certifications)
    out = []
    for _ in range(n):
        given: dict[str, Any] = {}
        for q in catalogue.questions.values():
            if q.type == "choice":
                if q.required or rng.random() < 0.7:
                    given[q.id] = rng.choice(q.values)
            elif q.type == "integer":
                if rng.random() < 0.6:
                    given[q.id] = rng.choice([0, 100, 300, 500, 1000, 2000, 5000])
            else:
                given[q.id] = tuple(dict.fromkeys(rng.sample(codes, rng.randint(0, 3))))
        out.append(with_defaults(catalogue, given))
    return out


# --- in-process -------------------------------------------------------------------------------------

def median_time(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def loading(tmp: Path, repeat: int) -> list[tuple[int, float, float]]:
    """(size, warm seconds, cold seconds): warm takes each file's parse from the cache, cold parses."""
    from scrumcert.catalogue.loader import load_catalogue

    out = []
    saved = os.environ.get("SCRUMCERT_CACHE_DIR")
    try:
        for n in LOAD_SIZES:
            folder = write_catalogue(tmp / f"catalogue-{n}", n)
            os.environ["SCRUMCERT_CACHE_DIR"] = str(tmp / "load-cache")
            loaded = load_catalogue(folder)  # also fills the cache
            assert len(loaded.certifications) == n, (n, len(loaded.certifications))
            warm = median_time(lambda f=folder: load_catalogue(f), repeat)
            os.environ["SCRUMCERT_CACHE_DIR"] = "off"
            cold = median_time(lambda f=folder: load_catalogue(f), max(3, repeat // 2))
            out.append((n, warm, cold))
    finally:
        if saved is None:
            os.environ.pop("SCRUMCERT_CACHE_DIR", None)
        else:
            os.environ["SCRUMCERT_CACHE_DIR"] = saved
    return out


def recommending(repeat: int) -> list[tuple[int, float]]:
    from scrumcert.catalogue.loader import load_catalogue
    from scrumcert.recommender import recommend

    catalogue = load_catalogue()
    sets = answer_sets(catalogue, max(RECOMMEND_SIZES))

    def run(k: int) -> None:
        for answers in sets[:k]:
            recommend(catalogue, answers)

    return [(k, median_time(lambda k=k: run(k), repeat)) for k in RECOMMEND_SIZES]


# --- report -----------------------------------------------------------------------------------------

def series(width: int, label: str, rows: list[tuple[int, float]], target_size: int,
           target_s: float, shown: str) -> list[str]:
    """Print one row per size with its growth over the previous size; return the missed labels."""
    missed, previous = [], None
    for n, seconds in rows:
        growth = f"{seconds / previous:>5.2f}x" if previous else f"{'':>6}"
        previous = seconds
        name = label.format(n)
        if n == target_size:
            ok = seconds < target_s
            missed += [] if ok else [name]
            tail = f"{shown:>6}  {'PASS' if ok else 'MISS'}"
        else:
            tail = f"{'':>6}  (growth)"
        print(f"{name:<{width}}  {seconds * 1000:>6.1f} ms  {growth}  {tail}")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5 process runs and fewer repeats (CI)")
    parser.add_argument("--runs", type=int, default=None, help="timed runs of each process (default 15)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when any target is missed")
    parser.add_argument("--module", action="store_true",
                        help="run 'python -m scrumcert' even when the console script exists")
    args = parser.parse_args(argv)
    runs = args.runs or (5 if args.quick else 15)
    repeat = 3 if args.quick else 7
    prefix, shown = cli_prefix(args.module)
    missed: list[str] = []

    print(f"machine: {machine()}")
    print(f"cli:     {shown}")
    print(f"bytecode: compiled {byte_compile()} first, as an install does")
    print(f"runs:    {runs} per process after one warm-up, interleaved; in-process medians of {repeat}")
    print()

    with tempfile.TemporaryDirectory(prefix="scrumcert-bench-") as tmp_name:
        tmp = Path(tmp_name)
        answers = tmp / "answers.yaml"
        answers.write_text("role: developer\ntarget: scrum_master\ngoal: job\n", encoding="utf-8")
        user_data = tmp / "user-data"
        from scrumcert.catalogue.locate import bundled_dir

        shutil.copytree(bundled_dir(), user_data)
        rows = processes(runs, prefix, answers, tmp / "cache", user_data)
        floor = rows[0][1]
        width = max(len(label) for label, _, _ in rows)
        print(f"{'process':<{width}}  {'median':>9}  {'ratio':>6}  {'target':>6}  result")
        for i, (label, median, target) in enumerate(rows):
            ratio = median / floor
            if target is None:
                kind = f"{'floor':>6}" if i == 0 else f"{'':>6}  (informational)"
                print(f"{label:<{width}}  {median * 1000:>6.1f} ms  {ratio:>5.2f}x  {kind}")
                continue
            ok = ratio <= target
            if not ok:
                missed.append(label)
            print(f"{label:<{width}}  {median * 1000:>6.1f} ms  {ratio:>5.2f}x  {f'<={target}x':>6}  "
                  f"{'PASS' if ok else 'MISS'}")
        print()
        print(f"{'in-process':<{width}}  {'median':>9}  {'growth':>6}  {'target':>6}  result")
        loads = loading(tmp, repeat)
        for column, title in ((1, "parse cache warm"), (2, "parse cache off")):
            previous = None
            for row in loads:
                n, seconds = row[0], row[column]
                growth = f"{seconds / previous:>5.2f}x" if previous else f"{'':>6}"
                previous = seconds
                label = f"load_catalogue, {n} certs, {title}"
                if n == 500 and column == 1:
                    ok = seconds * 1000 < LOAD_TARGET_MS
                    missed += [] if ok else [label]
                    tail = f"{'<50ms':>6}  {'PASS' if ok else 'MISS'}"
                elif n == 500:
                    verdict = "pass" if seconds * 1000 < LOAD_TARGET_MS else "miss"
                    tail = f"{'<50ms':>6}  {verdict} (informational)"
                else:
                    tail = f"{'':>6}  (growth)"
                print(f"{label:<{width}}  {seconds * 1000:>6.1f} ms  {growth}  {tail}")
        missed += series(width, "recommend, {:,} answer sets", recommending(repeat), 10_000,
                         RECOMMEND_TARGET_S, "<1s")
        print()
        print(f"{'whole process':<{width}}  {'median':>9}  {'growth':>6}  {'target':>6}  result")
        env = clean_env(tmp / "cache")
        plans = []
        for n in PLAN_SIZES:
            argv = [*prefix, "plan", str(team_file(tmp, n)), "--format", "json"]
            plans.append((n, statistics.median(time_plan(argv, env) for _ in range(repeat))))
        missed += series(width, "scrumcert plan, {:,} people", plans, 10_000, PLAN_TARGET_S, "<2s")
    print()
    print("growth: time at this size / time at half the size (2.00x = linear)")
    if missed:
        print(f"missed {len(missed)} target(s): {'; '.join(missed)}"
              f"{'' if args.strict else ' (informational: exit 0; --strict to fail)'}")
    else:
        print("all targets met")
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
