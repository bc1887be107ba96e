"""Every command in every format shows the same things: each note, caveat, step and reason that the
core produces reaches the table, Markdown, HTML and JSON alike.

The expected texts come from the core (the catalogue, ``costs.ownership``, the recommender and the
planner), never from the views, so a view that forgets something fails here in every format at once.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from scrumcert import answers as answers_mod
from scrumcert.catalogue.model import Catalogue, Certification
from scrumcert.costs import ownership
from scrumcert.planner import make_plan, read_team_file
from scrumcert.recommender import Advice, recommend
from scrumcert.why_not import also_fits, alternatives

TEAMS = Path(__file__).parent / "teams"
FORMATS = ("table", "markdown", "html", "json")
WIDE = {"COLUMNS": "2000"}  # no cell wraps, so each text stays on one line of the table
ADVICE_CASES = {
    "sm-to-po": ["--role", "scrum_master", "--target", "product_owner", "--goal", "job"],
    "sm-advance": ["--role", "scrum_master", "--target", "scrum_master", "--goal", "advance",
                   "--experience", "1_to_3"],
    "new-on-a-budget": ["--role", "new", "--target", "scrum_master", "--goal", "job", "--budget-usd", "300"],
    "po-holding-some": ["--role", "product_owner", "--target", "both", "--goal", "skills",
                        "--held", "PSPO-I", "--held", "CSPO"],
}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif value is not None:
        yield str(value)


def _flat(text: str) -> str:
    return " ".join(text.split())


def rendered(run: Callable[..., Any], fmt: str, *args: str) -> str:
    """The output of one command in one format, as searchable plain text."""
    result = run(*args, "--format", fmt, env=WIDE)
    assert result.exit_code in (0, 3), (args, fmt, result.stdout, result.stderr)
    out = result.stdout
    if fmt == "json":
        return "\n".join(_flat(s) for s in _strings(json.loads(out)))
    if fmt == "markdown":
        # as a Markdown renderer shows it: every backslash escape undone, entities read
        out = re.sub(r"\\(.)", r"\1", out).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    if fmt == "html":  # the text of the page, tags aside, and where each link goes
        out = re.sub(r'<a href="([^"]*)">', r" \1 ", out)
        out = html.unescape(re.sub(r"<[^>]+>", " ", out))
    return _flat(out)


def assert_everywhere(run: Callable[..., Any], expected: list[str], *args: str) -> None:
    assert expected, "nothing to look for: the case proves nothing"
    for fmt in FORMATS:
        out = rendered(run, fmt, *args)
        missing = [text for text in expected if _flat(text) not in out]
        assert not missing, f"{' '.join(args)} --format {fmt} lacks {missing}"


def cert_texts(c: Certification, years: int | None = 3) -> list[str]:
    """What must be said about one certification: its name, its notes (the caveats), the cost
    assumptions, and the address of every source."""
    notes = [c.course.note, c.exam and c.exam.note, c.renewal and c.renewal.note, c.prerequisites.note]
    out = [c.code, c.name, *(n for n in notes if n)]
    if years is not None:
        out += list(ownership(c, years).assumptions)
    return out + [s.url or s.document or "" for s in c.sources if s.url or s.document]


def advice_for(catalogue: Catalogue, args: list[str]) -> Advice:
    """The recommender's own answer for the options, without the CLI."""
    given: dict[str, Any] = {}
    pairs = [(args[i][2:].replace("-", "_"), args[i + 1]) for i in range(0, len(args), 2)]
    for qid, value in pairs:
        if qid == "held":
            value = ",".join([*given.get("held", ()), value])
            given.pop("held", None)
        given.update(answers_mod.check(catalogue, {qid: value}, qid))
    return recommend(catalogue, answers_mod.with_defaults(catalogue, given))


def test_every_show_says_its_notes_caveats_and_sources_in_every_format(run, catalogue: Catalogue) -> None:
    for c in catalogue.certifications.values():
        assert_everywhere(run, cert_texts(c), "show", c.code)


def test_show_keeps_course_exam_and_prerequisite_notes_in_markdown(run, catalogue: Catalogue) -> None:
    """The divergence the design review reproduced: Markdown dropped the notes, where caveats live."""
    csm = catalogue.certifications["CSM"]
    assert csm.course.note and csm.exam and csm.exam.note and csm.prerequisites.note
    out = run("show", "CSM", "--format", "markdown").stdout
    for label, note in (("Course note", csm.course.note), ("Exam note", csm.exam.note),
                        ("Prerequisite note", csm.prerequisites.note)):
        assert f"| {label} | {_flat(note)} |" in out


@pytest.mark.parametrize("codes", [["CSM", "CSPO"], ["PSM-I", "PSPO-I", "PSMPO", "SAFE-SSM"]], ids=" ".join)
def test_compare_in_every_format(run, catalogue: Catalogue, codes: list[str]) -> None:
    expected = [t for code in codes for t in cert_texts(catalogue.certifications[code])]
    assert_everywhere(run, expected, "compare", *codes)


def test_list_and_sources_in_every_format(run, catalogue: Catalogue) -> None:
    certs = list(catalogue.certifications.values())
    assert_everywhere(run, [t for c in certs for t in (c.code, c.name, c.issuer)], "list")
    assert_everywhere(run, [s.title for _, s in catalogue.all_sources()], "sources")


@pytest.mark.parametrize("case", list(ADVICE_CASES))
def test_advise_in_every_format(run, catalogue: Catalogue, case: str) -> None:
    args = ADVICE_CASES[case]
    advice = advice_for(catalogue, args)
    expected = list(advice.notes)
    details: list[str] = []  # what --explain adds: every reason, why each step, every assumption
    if advice.recommended:
        alts = alternatives(catalogue, advice)
        top = [advice.recommended, *(a.code for a in alts)]
        best = advice.entry(advice.recommended)
        reasons = [r.text for r in best.reasons]
        expected += top + [a.why_not for a in alts] + reasons[:1]  # pick, alternatives, why not, main reason
        expected += [r.text for r in best.against][:1]  # and what speaks against it most
        expected += [text for s in advice.path for text in (s.code, s.when)]
        details += reasons[:4] + [r.text for r in best.against] + [s.why for s in advice.path]
        details += [a for code in top for a in ownership(catalogue.certifications[code], 3).assumptions]
    assert_everywhere(run, expected, "advise", *args)
    weighed = [x.text for r in advice.ranking for x in (*r.reasons, *r.against)]
    if advice.recommended:
        assert_everywhere(run, [*expected, *details, *weighed], "advise", *args, "--explain")


def test_the_advice_headline_and_the_runners_up_reach_every_format(run, catalogue: Catalogue) -> None:
    """Another divergence: Markdown and HTML lost the fit and the "Also fits" line. Raw scores are never
    shown."""
    args = ADVICE_CASES["sm-advance"]
    advice = advice_for(catalogue, args)
    assert advice.recommended
    others = also_fits(catalogue, advice)
    assert others
    expected = [f"({advice.entry(advice.recommended).fit})", *(f"{r.code} ({r.fit}" for r in others)]
    for fmt in ("table", "markdown", "html"):
        out = " ".join(rendered(run, fmt, "advise", *args).split())
        assert all(e in out for e in expected), (fmt, expected)
        assert not re.search(r"score [+-]\d|\([+-]\d+\)", out), fmt


def test_explain_shows_the_steps_towards_a_next_level_in_every_format(run, catalogue: Catalogue) -> None:
    """The third divergence: Markdown and HTML left out the step-towards bonuses."""
    args = ADVICE_CASES["sm-advance"]
    advice = advice_for(catalogue, args)
    steps = [(r.code, x) for r in advice.ranking for x in r.reasons if x.rule == "step-towards"]
    assert steps, "this case must have a step towards a next level"
    for fmt in ("table", "markdown", "html"):
        out = rendered(run, fmt, "advise", *args, "--explain")
        cells = "".join(ch for ch in out if ch not in " |│")  # one row of the rules table, borders aside
        for code, reason in steps:
            row = f"(built in) {code} {reason.weight:+d} {reason.text}"
            assert "".join(row.split()) in cells, (fmt, row)


@pytest.mark.parametrize("team", ["two_teams.csv", "bad_rows.csv", "team.yaml"])
def test_plan_in_every_format(run, catalogue: Catalogue, team: str) -> None:
    people, problems = read_team_file(TEAMS / team, catalogue)
    plan = make_plan(catalogue, people, problems, 3)
    expected = [p.person.name for p in plan.people] + [p.message for p in plan.problems]
    expected += [a for code in plan.seats for a in ownership(catalogue.certifications[code], 3).assumptions]
    expected += [name for _, _, names in plan.groups for name in names]
    assert_everywhere(run, expected, "plan", str(TEAMS / team))


ADS = sorted((Path(__file__).parent / "ads").glob("*.txt"))


def test_renewals_in_every_format(run, catalogue: Catalogue) -> None:
    from datetime import date

    from scrumcert import renewals

    today = date(2026, 11, 26)
    held = ["CSM@2023-01-10", "CSPO@2025-03-01", "PSM-I@2024-05-05", "PMI-ACP@2025-06-30"]
    result = renewals.renewals(catalogue, [renewals.parse_holding(catalogue, h, today, need_date=True)
                                           for h in held], today)
    expected = [t for i in result.items for t in (i.code, i.note, i.todo)] + list(result.combined)
    expected += list(result.unknown)
    for fmt in FORMATS:
        out = run("renewals", *held, "--format", fmt, env={**WIDE, "SCRUMCERT_TODAY": today.isoformat()})
        assert out.exit_code == 0, out.stderr
    assert_everywhere(run, expected, "renewals", *held)


def test_ads_in_every_format(run, catalogue: Catalogue) -> None:
    from scrumcert import ads

    report = ads.count(catalogue, ads.read_texts(ads.read_files([str(p) for p in ADS])))
    assert report.counts, "the sample ads name credentials"
    assert_everywhere(run, [c.code for c in report.counts], "ads", *map(str, ADS))


def test_a_credential_outside_the_catalogue_in_every_format(run, catalogue: Catalogue) -> None:
    other = next(iter(catalogue.others.values()))
    from scrumcert.output.words import OUTSIDE

    assert_everywhere(run, [other.code, other.name, other.note, other.official_page], "show", other.code)
    for fmt in ("table", "markdown", "html"):  # JSON says it as "in_catalogue": false
        assert _flat(OUTSIDE) in rendered(run, fmt, "show", other.code)
    assert json.loads(run("show", other.code, "--format", "json").stdout)["in_catalogue"] is False
