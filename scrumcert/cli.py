"""The command line: parse, call the core, render. Nothing else lives here.

Heavy or rarely needed modules (questionary, the recommender, HTML export) are imported inside the
command that needs them, so ``scrumcert --version`` and the reading commands start fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from scrumcert import __version__
from scrumcert.errors import ExitStatus, ScrumcertError
from scrumcert.output import Format, diagnostics

if TYPE_CHECKING:
    from scrumcert.catalogue.model import Catalogue

# Typer vendors Click in recent releases and imports it in older ones; find its base error either way.
_ClickException: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


class _Group(TyperGroup):
    """Runs the app without Click's standalone handling, so that every failure, usage errors
    included, becomes one line on stderr and an ``ExitStatus``."""

    def main(self, args: Any = None, prog_name: Any = None, complete_var: Any = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        diagnostics.tolerant_streams()
        try:
            code = super().main(args, prog_name or "scrumcert", complete_var, standalone_mode=False,
                                **extra)
        except ScrumcertError as exc:
            diagnostics.fail(exc.message, exc.exit_code)
        except _ClickException as exc:
            message = exc.format_message()  # type: ignore[attr-defined]
            status = getattr(exc, "exit_code", ExitStatus.USAGE)
            if not message.strip():  # no arguments: Click printed the help; keep its status, add nothing
                sys.exit(status)
            diagnostics.fail(f"{message} (see 'scrumcert --help')", status)
        except (typer.Abort, KeyboardInterrupt, EOFError):
            diagnostics.fail("cancelled", ExitStatus.CANCELLED)
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


_SETTINGS: dict[str, Any] = {
    "cls": _Group, "name": "scrumcert", "no_args_is_help": True, "rich_markup_mode": "rich",
    "pretty_exceptions_enable": False, "pretty_exceptions_show_locals": False,
    "help": "Which Scrum certification should I get? Sourced facts, side by side, and an explained advice.",
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(**_SETTINGS)


DataOption = Annotated[Path | None, typer.Option(
    "--data", envvar="SCRUMCERT_DATA", metavar="DIR",
    help="Use the catalogue in DIR instead of the bundled one (also $SCRUMCERT_DATA).")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.",
                                              case_sensitive=False)]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"scrumcert {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Which Scrum certification should I get? Sourced facts, side by side, and an explained advice."""


def load(data: Path | None) -> Catalogue:
    from scrumcert.catalogue import open_catalogue

    return open_catalogue(data)


def complete_code(incomplete: str) -> list[str]:
    """Shell completion of certification codes (runs on every Tab, so it must stay cheap)."""
    try:
        catalogue = load(None)
    except ScrumcertError:
        return []
    # keep what was typed as typed: shells only offer words that start with it (codes resolve in any case)
    return [incomplete + c[len(incomplete):] for c in catalogue.certifications
            if c.lower().startswith(incomplete.lower())]


YearsOption = Annotated[int, typer.Option("--years", min=1, max=50,
                                          help="Count the cost of ownership over this many years.")]
OutputOption = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE", help="Also write a report: FILE.md (Markdown) or FILE.html (a page).")]


@app.command()
def show(
    code: Annotated[str, typer.Argument(help="A code as you would type it: PSPO, pspo1, CSM...",
                                        autocompletion=complete_code)],
    fmt: FormatOption = Format.table,
    years: YearsOption = 3,
    data: DataOption = None,
) -> int:
    """Show one certification: summary, course, exam, cost, renewal, next steps and sources."""
    from scrumcert.catalogue.lookup import resolve_any
    from scrumcert.catalogue.model import OtherCredential
    from scrumcert.output import show as show_view
    from scrumcert.output.views import Other, Show

    catalogue = load(data)
    cert = resolve_any(catalogue, code)
    if isinstance(cert, OtherCredential):  # outside the catalogue: say so, and where its issuer says more
        return show_view(Other(cert), fmt)
    return show_view(Show(cert, catalogue, years), fmt)


@app.command()
def compare(
    codes: Annotated[list[str], typer.Argument(help="Two to six certification codes.", show_default=False,
                                               autocompletion=complete_code)],
    fmt: FormatOption = Format.table,
    years: YearsOption = 3,
    output: OutputOption = None,
    data: DataOption = None,
) -> int:
    """Compare two to six certifications side by side; rows where they differ stand out."""
    from scrumcert.catalogue.lookup import resolve_distinct
    from scrumcert.output import show as show_view
    from scrumcert.output.views import Compare

    catalogue = load(data)
    certs = resolve_distinct(catalogue, codes, 2, 6)
    return show_view(Compare(certs, catalogue, years), fmt, report=output)


@app.command("list")
def list_(
    role: Annotated[str | None, typer.Option(help="Only certifications for this role id "
                                                  "(scrum_master, product_owner, ...).")] = None,
    issuer: Annotated[str | None, typer.Option(help="Only this issuer (case and spaces ignored).")] = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> int:
    """List every certification, optionally for one role or one issuer."""
    from scrumcert.catalogue.lookup import filtered
    from scrumcert.output import show as show_view
    from scrumcert.output.views import Listing

    catalogue = load(data)
    return show_view(Listing(filtered(catalogue, role, issuer)), fmt)


@app.command()
def validate(
    path: Annotated[Path | None, typer.Argument(help="A catalogue folder or file (default: --data, "
                                                     "then $SCRUMCERT_DATA, then the bundled one).")] = None,
    data: DataOption = None,
) -> None:
    """Check a catalogue: YAML syntax, schema, references and sources. Exit 2 on the first problem."""
    from scrumcert.catalogue.loader import load_catalogue  # always from the YAML, never the bundled snapshot
    from scrumcert.output import emit

    catalogue = load_catalogue(path or data)
    emit(f"ok: {catalogue.origin}: {len(catalogue.certifications)} certifications, {len(catalogue.roles)} "
         f"roles, {len(catalogue.questions)} questions, {len(catalogue.rules)} rules")


def _opt(help_: str) -> Any:
    return typer.Option(help=help_, show_default=False, rich_help_panel="Answers")


@app.command()
def advise(
    answers_file: Annotated[Path | None, typer.Option(
        "--answers", metavar="FILE", help="Read answers from a YAML or JSON file (options override it).")
    ] = None,
    role: Annotated[str | None, _opt("Where you are now: new, developer, scrum_master, product_owner, "
                                     "manager, coach.")] = None,
    target: Annotated[str | None, _opt("What you want to grow into: scrum_master, product_owner, both, "
                                       "leadership.")] = None,
    goal: Annotated[str | None, _opt("job, skills, team or advance.")] = None,
    experience: Annotated[str | None, _opt("Years of Scrum practice: none, under_1, 1_to_3, over_3.")] = None,
    exam: Annotated[str | None, _opt("exam, workshop or either.")] = None,
    renewal: Annotated[str | None, _opt("lifetime or either.")] = None,
    learning: Annotated[str | None, _opt("self_study, live_course or either.")] = None,
    budget_usd: Annotated[int | None, _opt("The most you can spend now, in US dollars.")] = None,
    held: Annotated[list[str] | None, _opt("A code you already hold, with the day you earned or last renewed "
                                           "it if you like: CSM@2025-03-01 (repeat, or commas).")] = None,
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
    from scrumcert import answers as answers_mod
    from scrumcert.output import show as show_view
    from scrumcert.output.views import Advice
    from scrumcert.recommender import recommend

    catalogue = load(data)
    if not catalogue.questions:
        raise ScrumcertError(f"the catalogue {catalogue.origin} has no questions; advise needs them")
    from scrumcert import renewals as renewal_rules

    given = answers_mod.read_file(answers_file) if answers_file else {}
    given["held"], dated = renewal_rules.split_dated(given.get("held"))  # CODE@DATE: the dates apart
    if given["held"] is None:
        del given["held"]
    given = answers_mod.check(catalogue, given, f"answers file {answers_file}")
    held_text, dated_options = renewal_rules.split_dated(",".join(held) if held else None)
    dated += dated_options
    options = {"role": role, "target": target, "goal": goal, "experience": experience, "exam": exam,
               "renewal": renewal, "learning": learning, "budget_usd": budget_usd,
               "held": ",".join(map(str, held_text)) if isinstance(held_text, list) else held_text}
    for qid, value in options.items():
        if value is not None:
            given.update(answers_mod.check(catalogue, {qid: value}, f"--{qid.replace('_', '-')}"))
    from scrumcert.catalogue.freshness import today

    since = renewal_rules.dated_since(catalogue, dated, today())
    ad_report, asks = None, ()
    if ads_files:
        from scrumcert import ads as ad_rules

        ad_report = ad_rules.count(catalogue, ad_rules.read_texts(read_ad_files(ads_files)))
        asks = ad_rules.employer_asks(ad_report)
        if asks and "employer_asks" in catalogue.questions:
            given["employer_asks"] = tuple(dict.fromkeys((*given.get("employer_asks", ()), *asks)))
    missing = answers_mod.missing(catalogue, given)
    if missing:
        if not (sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()):
            flags = " ".join(f"--{m.replace('_', '-')} VALUE" for m in missing)
            raise ScrumcertError(f"no terminal to ask on, and these answers are missing: "
                                 f"{', '.join(missing)}; give them as {flags} or in --answers FILE")
        from scrumcert.interview import ask

        given = ask(catalogue, given)
    full = answers_mod.with_defaults(catalogue, given)
    advice = recommend(catalogue, full)
    if save_answers:
        held_dated = tuple(f"{c}@{since[c].isoformat()}" if c in since else c for c in given.get("held", ()))
        answers_mod.save({**given, "held": held_dated} if "held" in given else given, save_answers)
    extra = renewal_rules.for_advice(catalogue, full.get("held", ()), since, advice.recommended, years,
                                     today())
    return show_view(Advice(advice, catalogue, explain, years, extra=extra, ads=ad_report, asks=tuple(asks)),
                     fmt, report=output)


@app.command()
def plan(
    team_file: Annotated[Path, typer.Argument(metavar="TEAM_FILE", help="CSV or YAML: one person a row with "
                                              "name, team and the answer ids of advise.")],
    fmt: FormatOption = Format.table,
    years: YearsOption = 3,
    output: OutputOption = None,
    data: DataOption = None,
) -> int:
    """Plan training for a team: each person's recommendation, courses taken together, seats and cost.

    Exits 3 when some rows were skipped (each is named on stderr); the rest is still planned.
    """
    from scrumcert.output import show as show_view
    from scrumcert.output.views import Plan
    from scrumcert.planner import make_plan, read_team_file

    catalogue = load(data)
    people, problems = read_team_file(team_file, catalogue)
    return show_view(Plan(make_plan(catalogue, people, problems, years), catalogue, team_file), fmt,
                     report=output)


@app.command()
def sources(
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> int:
    """List every source in the catalogue with the date it was checked, oldest first."""
    from scrumcert.output import show as show_view
    from scrumcert.output.views import Sources

    return show_view(Sources(load(data)), fmt)


@app.command()
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
        from scrumcert.files import write_atomic
        from scrumcert.ical import calendar

        write_atomic(ics, calendar(result.items, now))
        diagnostics.wrote(ics)
    return show_view(Renewals(result), fmt)


@app.command()
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
    report = ad_rules.count(catalogue, ad_rules.read_texts(read_ad_files(files)))
    return show_view(Ads(report), fmt)


AD_LIMIT = 1024 * 1024  # one job ad is a few KB; a megabyte is plenty


def read_ad_files(names: list[str]) -> list[tuple[str, str]]:
    """(name, text) of each ad file the user named, read bounded; '-' is standard input."""
    out: list[tuple[str, str]] = []
    for name in names:
        if name == "-":
            stream = getattr(sys.stdin, "buffer", None)
            raw = stream.read(AD_LIMIT + 1) if stream is not None else b""
            label = "standard input"
        else:
            path = Path(name)
            label = name
            if path.is_dir():
                raise ScrumcertError(f"{name}: is a folder, not a file")
            try:
                with path.open("rb") as fh:
                    raw = fh.read(AD_LIMIT + 1)
            except OSError as exc:
                why = "no such file" if isinstance(exc, FileNotFoundError) else exc.strerror or exc
                raise ScrumcertError(f"{name}: {why}") from None
        if len(raw) > AD_LIMIT:
            raise ScrumcertError(f"{label}: is larger than 1 MB; one job ad is a few KB")
        out.append((label, raw.decode("utf-8", errors="replace")))
    return out


def _only(name: str) -> typer.Typer | None:
    """An app holding just the command about to run: Typer builds every registered command's
    parameters before running one, which costs about 5 ms of each start for commands not used."""
    chosen = [c for c in app.registered_commands if (c.name or c.callback.__name__) == name]
    if not chosen:
        return None
    slim = typer.Typer(**_SETTINGS)
    slim.registered_callback = app.registered_callback
    slim.registered_commands = chosen
    return slim


def main() -> None:
    """Console-script entry point."""
    completing = any(k.endswith("_COMPLETE") for k in os.environ)
    slim = None if completing or len(sys.argv) < 2 else _only(sys.argv[1])
    (slim or app)()
