"""What every command of the command line shares: the app's settings and its one way out on failure,
the common options, opening the catalogue, completion of codes, and the interview.

Kept apart from ``cli.py`` so that it holds the commands alone; nothing here imports anything heavy.
"""

from __future__ import annotations

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


class Group(TyperGroup):
    """Runs the app without Click's standalone handling, so that every failure, usage errors
    included, becomes one line on stderr and an ``ExitStatus``. Lists the commands advice first."""

    def list_commands(self, ctx: Any) -> list[str]:
        from scrumcert.examples import rank

        return sorted(super().list_commands(ctx), key=rank)

    def main(self, args: Any = None, prog_name: Any = None, complete_var: Any = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        from scrumcert.outstream import OutputClosed, OutputFailed, silence_stdout

        diagnostics.tolerant_streams()
        try:
            code = super().main(args, prog_name or "scrumcert", complete_var, standalone_mode=False,
                                **extra)
        except OutputClosed:  # the reader went away (| head): end quietly, as every Unix tool does
            silence_stdout()
            sys.exit(ExitStatus.OUTPUT_FAILED)
        except OutputFailed as exc:
            silence_stdout()
            diagnostics.fail(exc.message, exc.exit_code)
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
        finally:
            if "scrumcert.money" in sys.modules:  # one command's currency never leaks into the next
                sys.modules["scrumcert.money"].reset()
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


SETTINGS: dict[str, Any] = {
    "cls": Group, "name": "scrumcert", "no_args_is_help": True, "rich_markup_mode": "rich",
    "pretty_exceptions_enable": False, "pretty_exceptions_show_locals": False,
    "help": "Which Scrum certification should I get? Sourced facts, side by side, and an explained advice.",
    "context_settings": {"help_option_names": ["-h", "--help"]},
}


DataOption = Annotated[Path | None, typer.Option(
    "--data", envvar="SCRUMCERT_DATA", metavar="DIR",
    help="Use the catalogue in DIR instead of the bundled one (also $SCRUMCERT_DATA).")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.",
                                              case_sensitive=False)]


def print_version(value: bool) -> None:
    if value:
        from scrumcert.output import emit

        emit(f"scrumcert {__version__}")
        raise typer.Exit()


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


def interview(catalogue: Catalogue, given: dict[str, Any]) -> dict[str, Any]:
    """Ask what is still missing (imported only now: questionary costs about 100 ms)."""
    from scrumcert.interview import ask

    return ask(catalogue, given)
CurrencyOption = Annotated[str | None, typer.Option(
    "--currency", envvar="SCRUMCERT_CURRENCY", metavar="CODE", show_default=False,
    help="Show money in this currency (ISO 4217, e.g. EUR, GBP, INR), converted at the knowledge base's "
         "dated reference rates (also $SCRUMCERT_CURRENCY).")]
RegionOption = Annotated[str | None, typer.Option(
    "--region", metavar="REGION", show_default=False,
    help="Use the course prices trainers charge in this region: US, CA, UK, EU (euro area), IN or AU; "
         "without --currency, money is shown in the region's currency.")]

# the same, as advise's answers (the region and the currency of --budget too)
BudgetAnswer = Annotated[int | None, typer.Option(
    show_default=False, rich_help_panel="Answers",
    help="The most you can spend now, in --currency (wins over --budget-usd).")]
CurrencyAnswer = Annotated[str | None, typer.Option(
    "--currency", envvar="SCRUMCERT_CURRENCY", metavar="CODE", show_default=False, rich_help_panel="Answers",
    help="Show money, and read --budget, in this currency (ISO 4217, e.g. EUR; also $SCRUMCERT_CURRENCY).")]
RegionAnswer = Annotated[str | None, typer.Option(
    "--region", metavar="REGION", show_default=False, rich_help_panel="Answers",
    help="Where you will take a course: US, CA, UK, EU (euro area), IN or AU; its course prices are used.")]


def priced(catalogue: Catalogue, currency: str | None, region: str | None) -> Catalogue:
    """--currency and --region: the money display for this command, and the region's course prices
    (the answer ``any`` is no region)."""
    region = None if region == "any" else region
    if not currency and not region:
        return catalogue
    from scrumcert import money

    catalogue, shown = money.prepare(catalogue, currency, region)
    money.use(shown)
    return catalogue


def money_answers(catalogue: Catalogue, currency: str | None, budget: int | None, region: str | None
                  ) -> dict[str, Any]:
    """advise's --currency, --budget and --region as answers, codes checked and spelled as stored."""
    if currency is None and budget is None and region is None:
        return {}
    from scrumcert import money

    code = money.currency_code(currency, money.rates_for(catalogue)) if currency else None
    where = None if region is None else "any" if region.strip().lower() == "any" else money.region_id(region)
    return {"currency": code, "budget": budget, "region": where}


def answer(help_: str, complete: str | Any = None) -> Any:
    """An answer of advise given as an option; Tab offers the question's values (or codes), never file
    names."""
    from scrumcert import completion

    return typer.Option(help=help_, show_default=False, rich_help_panel="Answers",
                        autocompletion=completion.answer(complete) if isinstance(complete, str) else complete)


def write_template(path: Path | None) -> None:
    """``plan --template FILE``: write a starting team CSV (for the catalogue in use) and stop."""
    if path is not None:
        from scrumcert.planner import write_template as write

        raise typer.Exit(write(load(None), path))


TemplateOption = Annotated[Path | None, typer.Option(
    "--template", metavar="FILE", is_eager=True, callback=write_template, expose_value=False,
    help="Write a starting team CSV to FILE (every column, two example people) and stop.")]


def help_for(name: str) -> dict[str, Any]:
    """A command's examples and help panel (``app.command(**help_for("show"))``)."""
    from scrumcert.examples import command

    return command(name)


def complete_role(incomplete: str) -> list[str]:
    from scrumcert.completion import roles

    return roles(incomplete)


def complete_issuer(incomplete: str) -> list[str]:
    from scrumcert.completion import issuers

    return issuers(incomplete)


OthersOption = Annotated[bool, typer.Option(
    "--others", help="List instead the credentials outside the catalogue that are recognised when held "
                     "(PMP, PRINCE2...).")]


def listing(catalogue: Catalogue, role: str | None, issuer: str | None, others: bool) -> Any:
    """``list``'s view: the certifications, or with ``--others`` the credentials outside the catalogue."""
    from scrumcert.catalogue.lookup import filtered, filtered_others
    from scrumcert.output.views import Listing, OtherListing

    if others:
        return OtherListing(filtered_others(catalogue, role, issuer))
    return Listing(filtered(catalogue, role, issuer))
