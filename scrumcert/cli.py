"""The commands: each parses its options, makes one call into the core and returns ``output.show(view,
format)``, the exit status. What they share is in ``cli_parts.py``. To add a command: one small function
here, its core in a module of its own, its view in ``output/views.py``. Imports go at the head of the body,
so ``--version`` and the reading commands never import what only another command needs."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from scrumcert import cli_parts as parts
from scrumcert.cli_parts import (
    SETTINGS,
    DataOption,
    FormatOption,
    OutputOption,
    YearsOption,
    complete_code,
    interview,
    load,
    print_version,
)
from scrumcert.output import Format

app = typer.Typer(**SETTINGS)


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=print_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Which Scrum certification should I get? Sourced facts, side by side, and an explained advice."""


@app.command(**parts.help_for("show"))
def show(
    code: Annotated[str, typer.Argument(help="A code as you would type it: PSPO, pspo1, CSM...",
                                        autocompletion=complete_code)],
    fmt: FormatOption = Format.table,
    years: YearsOption = 3, output: OutputOption = None,
    currency: parts.CurrencyOption = None, region: parts.RegionOption = None,
    data: DataOption = None,
) -> int:
    """Show one certification: summary, course, exam, cost, renewal, next steps and sources."""
    from scrumcert.catalogue.lookup import resolve_any
    from scrumcert.catalogue.model import OtherCredential
    from scrumcert.output import show as show_view
    from scrumcert.output.views import Other, Show

    catalogue = parts.priced(load(data), currency, region)
    cert = resolve_any(catalogue, code)
    if isinstance(cert, OtherCredential):  # outside the catalogue: say so, and where its issuer says more
        return show_view(Other(cert), fmt)
    return show_view(Show(cert, catalogue, years), fmt, report=output)


@app.command(**parts.help_for("compare"))
def compare(
    codes: Annotated[list[str], typer.Argument(help="Two to six certification codes.", show_default=False,
                                               autocompletion=complete_code)],
    fmt: FormatOption = Format.table,
    years: YearsOption = 3,
    currency: parts.CurrencyOption = None, region: parts.RegionOption = None,
    output: OutputOption = None,
    data: DataOption = None,
) -> int:
    """Compare two to six certifications side by side; rows where they differ stand out."""
    from scrumcert.catalogue.lookup import resolve_distinct
    from scrumcert.output import show as show_view
    from scrumcert.output.views import Compare

    catalogue = parts.priced(load(data), currency, region)
    certs = resolve_distinct(catalogue, codes, 2, 6)
    return show_view(Compare(certs, catalogue, years), fmt, report=output)


@app.command("list", **parts.help_for("list"))
def list_(
    role: Annotated[str | None, typer.Option(help="Only for this role: scrum_master, manager, \"Product "
                                                  "Owner\"...", autocompletion=parts.complete_role)] = None,
    issuer: Annotated[str | None, typer.Option(help="Only this issuer (any case).",
                                               autocompletion=parts.complete_issuer)] = None,
    others: parts.OthersOption = False,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> int:
    """List every certification, optionally for one role or one issuer."""
    from scrumcert.output import show as show_view

    return show_view(parts.listing(load(data), role, issuer, others), fmt)


@app.command(**parts.help_for("validate"))
def validate(
    path: Annotated[Path | None, typer.Argument(help="A catalogue folder or file (default: --data, "
                                                     "then $SCRUMCERT_DATA, then the bundled one).")] = None,
    data: DataOption = None,
) -> None:
    """Check a catalogue: YAML syntax, schema, references and sources. Exit 2 on the first problem."""
    from scrumcert.catalogue.loader import load_catalogue  # always from the YAML, never the bundled snapshot
    from scrumcert.output import emit

    catalogue = load_catalogue(path or data, use_cache=False)
    emit(f"ok: {catalogue.origin}: {len(catalogue.certifications)} certifications, {len(catalogue.roles)} "
         f"roles, {len(catalogue.questions)} questions, {len(catalogue.rules)} rules")


_opt = parts.answer


@app.command(**parts.help_for("advise"))
def advise(
    answers_file: Annotated[Path | None, typer.Option(
        "--answers", metavar="FILE", help="Read answers from a YAML or JSON file (options override it).")
    ] = None,
    role: Annotated[str | None, _opt("Where you are now: new, developer, scrum_master, product_owner, "
                                     "manager, coach, business_analyst, project_manager.", "role")] = None,
    target: Annotated[str | None, _opt("What you want to grow into: scrum_master, product_owner, both, "
                                       "leadership, developer, coach, project_manager.", "target")] = None,
    goal: Annotated[str | None, _opt("job, skills, team or advance.", "goal")] = None,
    experience: Annotated[str | None, _opt("none, under_1, 1_to_3 or over_3 years.", "experience")] = None,
    months_as_sm: Annotated[int | None, _opt("Months as a Scrum Master in the past five years.")] = None,
    months_as_po: Annotated[int | None, _opt("Months as a Product Owner in the past five years.")] = None,
    framework: Annotated[str | None, _opt("scrum, safe, kanban, other or unknown.", "framework")] = None,
    employer_asks: Annotated[list[str] | None, _opt("A code job ads name (repeat, or commas).",
                                                    "employer_asks")] = None,
    lapsed: Annotated[list[str] | None, _opt("A code you held that expired (repeat, or commas).", "lapsed")
                      ] = None,
    exam: Annotated[str | None, _opt("exam, workshop or either.", "exam")] = None,
    renewal: Annotated[str | None, _opt("lifetime or either.", "renewal")] = None,
    learning: Annotated[str | None, _opt("self_study, live_course or either.", "learning")] = None,
    budget_usd: Annotated[int | None, _opt("The most you can spend now, in US dollars.")] = None,
    budget: parts.BudgetAnswer = None, currency: parts.CurrencyAnswer = None,
    region: parts.RegionAnswer = None,
    held: Annotated[list[str] | None, _opt("A code you hold, with the day you earned or last renewed it if "
                                           "you like: CSM@2025-03-01 (repeat, or commas).", "held")] = None,
    ads_files: Annotated[list[str] | None, typer.Option(
        "--ads", metavar="FILE", help="Job ads you want (text files, '-' for standard input; repeat): what "
                                      "most of them name counts as what employers ask for.")] = None,
    save_answers: Annotated[Path | None, typer.Option(
        "--save-answers", metavar="FILE", help="Write the answers given to FILE (YAML, or JSON by suffix).")
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show every rule that fired and its weight.")
                       ] = False,
    fmt: FormatOption = Format.table,
    years: YearsOption = 3,
    output: OutputOption = None,
    data: DataOption = None,
) -> int:
    """Recommend a certification: the reasons, the top three side by side, and a step-by-step path.

    Asks a few questions in a terminal; without one, give the answers as options or with --answers.
    """
    from scrumcert import answers
    from scrumcert.catalogue.freshness import today
    from scrumcert.output import report_suffix
    from scrumcert.output import show as show_view
    from scrumcert.output.views import Advice
    from scrumcert.recommender import recommend
    from scrumcert.renewals import for_advice

    if output:
        report_suffix(output)  # a bad --output name fails before any question or any write
    catalogue = load(data)
    codes = {"held": held, "employer_asks": employer_asks, "lapsed": lapsed}
    options = {"role": role, "target": target, "goal": goal, "experience": experience, "exam": exam,
               "renewal": renewal, "learning": learning, "budget_usd": budget_usd,
               "months_as_sm": months_as_sm, "months_as_po": months_as_po, "framework": framework,
               **{qid: ",".join(v) if v else None for qid, v in codes.items()},
               **parts.money_answers(catalogue, currency, budget, region)}
    got = answers.gather(catalogue, options, answers_file, ads_files or (), ask=interview)
    catalogue = parts.priced(catalogue, got.full.get("currency"), got.full.get("region"))
    advice = recommend(catalogue, got.full)
    if save_answers:
        answers.save(got.to_save(), save_answers)
    extra = for_advice(catalogue, got.ever_held, got.since, advice.recommended, years, today())
    return show_view(Advice(advice, catalogue, explain, years, extra, got.ads, got.asks), fmt, report=output)


@app.command(**parts.help_for("plan"))
def plan(
    team_file: Annotated[Path, typer.Argument(metavar="TEAM_FILE", help="CSV or YAML: one person a row with "
                                              "name, team and the answer ids of advise.")],
    template: parts.TemplateOption = None, fmt: FormatOption = Format.table,
    years: YearsOption = 3,
    currency: parts.CurrencyOption = None, region: parts.RegionOption = None,
    output: OutputOption = None,
    data: DataOption = None,
) -> int:
    """Plan training for a team: each person's recommendation, courses taken together, seats and cost.

    Exits 3 when some rows were skipped (each is named on stderr); the rest is still planned.
    """
    from scrumcert.output import show as show_view
    from scrumcert.output.views import Plan
    from scrumcert.planner import make_plan, read_team_file

    catalogue = parts.priced(load(data), currency, region)
    people, problems = read_team_file(team_file, catalogue)
    return show_view(Plan(make_plan(catalogue, people, problems, years), catalogue, team_file), fmt,
                     report=output)


@app.command(**parts.help_for("sources"))
def sources(
    check: Annotated[bool, typer.Option("--check", help="Fetch every source address (network) and report "
                                        "those that fail, moved or lost their quote; exit 4 if so.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", min=1, max=120, metavar="SECONDS",
                                           help="With --check: give up on an address after this long.")] = 10,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> int:
    """List every source, by certification and kind (the issuer's own pages first), with the date it
    was checked; --check fetches them all."""
    from scrumcert.output import show as show_view
    from scrumcert.output.views import SourceCheck, Sources

    view = Sources(load(data))
    if not check:
        return show_view(view, fmt)
    from scrumcert import linkcheck, sourcelist

    found = linkcheck.check(linkcheck.targets(sourcelist.pairs(view.groups())), timeout=timeout)
    return show_view(SourceCheck(tuple(found)), fmt)


@app.command(**parts.help_for("renewals"))
def renewals(
    held: Annotated[list[str], typer.Argument(
        metavar="CODE@DATE...", show_default=False, autocompletion=complete_code,
        help="Each certification you hold, with the day it was earned or last renewed: CSM@2025-03-01.")],
    ics: Annotated[Path | None, typer.Option(
        "--ics", metavar="FILE", help="Also write the expiry dates to an iCalendar file (reminders 60 days "
                                      "before).")] = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> int:
    """When what you hold expires, what renewing costs (fee and units), and which renewals combine.

    Lapsed is counted from today ($SCRUMCERT_TODAY pins it).
    """
    from scrumcert import renewals as rules
    from scrumcert.catalogue.freshness import today
    from scrumcert.output import show as show_view
    from scrumcert.output.views import Renewals

    catalogue = load(data)
    now = today()
    result = rules.renewals(catalogue, [rules.parse_holding(catalogue, h, now, need_date=True) for h in held],
                            now)
    if ics:
        from scrumcert.ical import write_calendar

        write_calendar(ics, result.items, now)
    return show_view(Renewals(result), fmt)


@app.command(**parts.help_for("ads"))
def ads(
    files: Annotated[list[str], typer.Argument(
        metavar="FILE...", show_default=False,
        help="Job ads as text files ('-' reads standard input); a line of --- separates ads in one file.")],
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> int:
    """Which credentials the job ads you want name, required or preferred, and what that means for you.

    Reads local files only; nothing is fetched.
    """
    from scrumcert import ads as ad_rules
    from scrumcert.output import show as show_view
    from scrumcert.output.views import Ads

    catalogue = load(data)
    report = ad_rules.count(catalogue, ad_rules.read_texts(ad_rules.read_files(files)))
    return show_view(Ads(report), fmt)


def _only(name: str) -> typer.Typer | None:
    """An app holding just the command about to run: Typer builds every registered command's
    parameters before running one, which costs about 5 ms of each start for commands not used."""
    chosen = [c for c in app.registered_commands if (c.name or c.callback.__name__) == name]
    if not chosen:
        return None
    slim = typer.Typer(**SETTINGS)
    slim.registered_callback = app.registered_callback
    slim.registered_commands = chosen
    return slim


def main() -> None:
    """What ``scrumcert.__main__.run`` calls once the CLI is imported."""
    completing = any(k.endswith("_COMPLETE") for k in os.environ)
    slim = None if completing or len(sys.argv) < 2 else _only(sys.argv[1])
    (slim or app)()
