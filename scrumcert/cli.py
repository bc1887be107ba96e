"""The command line: parse, call the core, render. Nothing else lives here.

Heavy or rarely needed modules (questionary, the recommender, HTML export) are imported inside the
command that needs them, so ``scrumcert --version`` and the reading commands start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from scrumcert import __version__
from scrumcert.errors import ExitStatus, ScrumcertError
from scrumcert.output import diagnostics

if TYPE_CHECKING:
    from scrumcert.catalogue.model import Catalogue, Certification

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


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


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


def emit(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def emit_json(value: Any, depth: int | None = None) -> None:
    """Indented JSON; with ``depth``, indented only that many levels deep and compact below, one
    item a line: Python's fast C encoder cannot indent, which made a 10,000-person plan slow."""
    import json

    def dumps(item: Any, level: int) -> str:
        if depth is None or level >= depth or not isinstance(item, dict | list) or not item:
            return json.dumps(item, ensure_ascii=False, indent=None if depth is not None else 2)
        pad = "  " * (level + 1)
        if isinstance(item, dict):
            inner = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {dumps(v, level + 1)}"
                     for k, v in item.items()]
            return "{\n" + ",\n".join(inner) + "\n" + "  " * level + "}"
        return "[\n" + ",\n".join(pad + dumps(v, level + 1) for v in item) + "\n" + "  " * level + "]"

    emit(dumps(value, 0))


def render_result(fmt: Format, as_json: Callable[[], Any], as_blocks: Callable[[], list[Any]],
           as_rich: Callable[[Any], list[Any]], depth: int | None = None) -> None:
    """Render one result in the format asked: every command builds its three views from the same
    plain data (see present.py), and only the one asked for is built."""
    if fmt is Format.json:
        emit_json(as_json(), depth)
    elif fmt is Format.markdown:
        from scrumcert.document import to_markdown

        emit(to_markdown(as_blocks()))
    else:
        from scrumcert.render_rich import make_console

        console = make_console()
        for part in as_rich(console):
            console.print(part)


def warn_stale(certs: list[Certification]) -> None:
    """One line on stderr when a fact shown was last checked more than 12 months ago."""
    from scrumcert.catalogue.freshness import stale

    diagnostics.warn_stale(stale(certs))


def write_report(path: Path, blocks: list[Any], title: str) -> None:
    """--output: Markdown (.md) or a self-contained HTML page (.html), written whole or not at all."""
    from scrumcert import document
    from scrumcert.catalogue.freshness import today
    from scrumcert.files import write_atomic

    suffix = path.suffix.lower()
    if suffix not in (".md", ".markdown", ".html", ".htm"):
        raise ScrumcertError(f"--output {path}: use a .md or .html file name")
    generated = f"Generated by scrumcert {__version__} on {today().isoformat()}."
    text = (document.to_html(blocks, title, generated) if suffix in (".html", ".htm")
            else f"# {title}\n\n{document.to_markdown(blocks)}\n_{generated}_\n")
    write_atomic(path, text)
    diagnostics.wrote(path)


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
) -> None:
    """Show one certification: summary, course, exam, cost, renewal, next steps and sources."""
    from scrumcert.catalogue.lookup import resolve_any
    from scrumcert.catalogue.model import OtherCredential

    catalogue = load(data)
    cert = resolve_any(catalogue, code)
    from scrumcert import present

    if isinstance(cert, OtherCredential):  # outside the catalogue: say so, and where its issuer says more
        from scrumcert import document, render_rich

        other = cert
        render_result(fmt, lambda: present.other_dict(other), lambda: document.other_credential(other),
                      lambda console: [render_rich.other_panel(other, console)])
        return
    warn_stale([cert])

    def as_blocks() -> list[Any]:
        from scrumcert import document

        return document.show(cert, catalogue, years)

    def as_rich(console: Any) -> list[Any]:
        from scrumcert.render_rich import assumptions, show_panel

        return [show_panel(cert, catalogue, console, years), *assumptions([cert], years)]

    render_result(fmt, lambda: present.cert_dict(cert, years), as_blocks, as_rich)


@app.command()
def compare(
    codes: Annotated[list[str], typer.Argument(help="Two to six certification codes.", show_default=False,
                                               autocompletion=complete_code)],
    fmt: FormatOption = Format.table,
    years: YearsOption = 3,
    output: OutputOption = None,
    data: DataOption = None,
) -> None:
    """Compare two to six certifications side by side; rows where they differ stand out."""
    from scrumcert import present
    from scrumcert.catalogue.lookup import resolve_distinct

    catalogue = load(data)
    certs = resolve_distinct(catalogue, codes, 2, 6)
    warn_stale(certs)

    def as_blocks() -> list[Any]:
        from scrumcert import document

        return document.comparison(certs, catalogue, years)

    if output:
        write_report(output, as_blocks(), f"Comparison: {', '.join(c.code for c in certs)}")

    def as_rich(console: Any) -> list[Any]:
        from scrumcert.render_rich import assumptions, compare_table

        return [compare_table(certs, catalogue, console, years), *assumptions(certs, years, catalogue)]

    render_result(fmt, lambda: [present.cert_dict(c, years) for c in certs], as_blocks, as_rich)


@app.command("list")
def list_(
    role: Annotated[str | None, typer.Option(help="Only certifications for this role id "
                                                  "(scrum_master, product_owner, ...).")] = None,
    issuer: Annotated[str | None, typer.Option(help="Only this issuer (case and spaces ignored).")] = None,
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> None:
    """List every certification, optionally for one role or one issuer."""
    from scrumcert.catalogue.lookup import filtered

    catalogue = load(data)
    certs = filtered(catalogue, role, issuer)
    warn_stale(certs)
    from scrumcert import document, present

    def table(console: Any) -> list[Any]:
        from scrumcert.render_rich import list_table

        return [list_table(certs, console)]

    render_result(fmt, lambda: [present.cert_dict(c) for c in certs], lambda: document.listing(certs), table)


@app.command()
def validate(
    path: Annotated[Path | None, typer.Argument(help="A catalogue folder or file (default: --data, "
                                                     "then $SCRUMCERT_DATA, then the bundled one).")] = None,
    data: DataOption = None,
) -> None:
    """Check a catalogue: YAML syntax, schema, references and sources. Exit 2 on the first problem."""
    from scrumcert.catalogue.loader import load_catalogue  # always from the YAML, never the bundled snapshot

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
) -> None:
    """Recommend a certification: the reasons, the top three side by side, and a step-by-step path.

    Asks a few questions in a terminal; without one, give the answers as options or with --answers.
    """
    from scrumcert import answers as answers_mod
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
    from scrumcert import document
    from scrumcert import holder_views as extra_views
    from scrumcert.present import top_codes

    extra = renewal_rules.for_advice(catalogue, full.get("held", ()), since, advice.recommended, years,
                                     today())
    if ad_report is not None:
        from scrumcert.ads import asks_notes

        ad_notes = asks_notes(ad_report, asks) or [
            f"None of the credentials your {ad_report.ads} ads name is named by half of them or more."]
    else:
        ad_notes = []
    extra_blocks = extra_views.advice_extra_blocks(extra, ad_notes)
    warn_stale([catalogue.certifications[c] for c in top_codes(advice)])
    if output:
        write_report(output, document.advice(advice, catalogue, explain, years) + extra_blocks,
                     "scrumcert advice")

    def as_json() -> dict[str, Any]:
        from scrumcert.present import advice_dict, cost_dict

        result = advice_dict(advice)
        if advice.recommended:
            result["cost"] = {c: cost_dict(catalogue.certifications[c], years) for c in top_codes(advice)}
        result.update(extra_views.advice_extra_json(extra, ad_report, asks))
        return result

    def as_rich(console: Any) -> list[Any]:
        from scrumcert.render_rich import advice_view

        return [*advice_view(advice, catalogue, console, explain, years),
                *extra_views.rich_from_blocks(extra_blocks, console)]

    render_result(fmt, as_json, lambda: document.advice(advice, catalogue, explain, years) + extra_blocks,
                  as_rich)


@app.command()
def plan(
    team_file: Annotated[Path, typer.Argument(metavar="TEAM_FILE", help="CSV or YAML: one person a row with "
                                              "name, team and the answer ids of advise.")],
    fmt: FormatOption = Format.table,
    years: YearsOption = 3,
    output: OutputOption = None,
    data: DataOption = None,
) -> None:
    """Plan training for a team: each person's recommendation, courses taken together, seats and cost.

    Exits 3 when some rows were skipped (each is named on stderr); the rest is still planned.
    """
    from scrumcert import document
    from scrumcert.planner import make_plan, read_team_file

    catalogue = load(data)
    people, problems = read_team_file(team_file, catalogue)
    result = make_plan(catalogue, people, problems, years)
    warn_stale([catalogue.certifications[c] for c in result.seats])
    if output:
        write_report(output, document.plan(result, catalogue), f"Team plan: {team_file.name}")
    from scrumcert import present

    def as_rich(console: Any) -> list[Any]:
        from scrumcert.render_rich import plan_view

        return plan_view(result, catalogue, console)

    render_result(fmt, lambda: present.plan_dict(result), lambda: document.plan(result, catalogue), as_rich,
                  depth=2)  # JSON: one person a line
    for p in problems:
        diagnostics.error(f"{team_file}: row {p.row}: {p.message}")
    if problems:
        raise typer.Exit(ExitStatus.PARTIAL)


@app.command()
def sources(
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> None:
    """List every source in the catalogue with the date it was checked, oldest first."""
    catalogue = load(data)
    rows = sorted(catalogue.all_sources(), key=lambda pair: (pair[1].checked, pair[0]))

    def as_blocks() -> list[Any]:
        from scrumcert import document
        from scrumcert.present import source_label

        return [document.Grid(["Checked", "For", "Source"], [
            [s.checked.isoformat(), owner + (f" ({', '.join(s.facts)})" if s.facts else ""),
             source_label(s)] for owner, s in rows])]

    def as_rich(console: Any) -> list[Any]:
        from scrumcert.render_rich import sources_table

        return [sources_table(rows, console)]

    def as_json() -> list[dict[str, Any]]:
        from scrumcert.present import source_dict

        return [{"for": owner, **source_dict(s)} for owner, s in rows]

    render_result(fmt, as_json, as_blocks, as_rich)


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
) -> None:
    """When what you hold expires, what renewing costs (fee and units), and which renewals combine.

    Lapsed is counted from today ($SCRUMCERT_TODAY pins it).
    """
    from scrumcert import holder_views as views
    from scrumcert import renewals as rules
    from scrumcert.catalogue.freshness import today

    catalogue = load(data)
    now = today()
    result = rules.renewals(catalogue, [rules.parse_holding(catalogue, h, now, need_date=True) for h in held],
                            now)
    if ics:
        from scrumcert.files import write_atomic
        from scrumcert.ical import calendar

        write_atomic(ics, calendar(result.items, now))
        diagnostics.wrote(ics)
    render_result(fmt, lambda: views.renewals_json(result), lambda: views.renewals_blocks(result),
                  lambda console: views.rich_from_blocks(views.renewals_blocks(result), console))


@app.command()
def ads(
    files: Annotated[list[str], typer.Argument(
        metavar="FILE...", show_default=False,
        help="Job ads as text files ('-' reads standard input); a line of --- separates ads in one file.")],
    fmt: FormatOption = Format.table,
    data: DataOption = None,
) -> None:
    """Which credentials the job ads you want name, required or preferred, and what that means for you.

    Reads local files only; nothing is fetched.
    """
    from scrumcert import ads as ad_rules
    from scrumcert import holder_views as views

    catalogue = load(data)
    report = ad_rules.count(catalogue, ad_rules.read_texts(read_ad_files(files)))
    render_result(fmt, lambda: ad_rules.as_json(report), lambda: views.ads_blocks(report),
                  lambda console: views.rich_from_blocks(views.ads_blocks(report), console))


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
