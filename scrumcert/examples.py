"""Examples for every command's --help, and the help panel each command is listed under.

People learn a command from an example faster than from a list of options (clig.dev: "lead with
examples"). Kept apart from ``cli.py`` so the commands stay short and the examples can be tested:
``tests/test_help.py`` runs every one of them.
"""

from __future__ import annotations

ADVICE = "Advice"
REFERENCE = "Reference"
TEAMS = "Teams"
CATALOGUE = "Catalogue"

ORDER = ["advise", "compare", "ads", "show", "list", "sources", "renewals", "plan", "validate"]
PANELS = {
    "advise": ADVICE, "compare": ADVICE, "ads": ADVICE,
    "show": REFERENCE, "list": REFERENCE, "sources": REFERENCE, "renewals": REFERENCE,
    "plan": TEAMS,
    "validate": CATALOGUE,
}

# command -> (what it does, the command line); each line must run as written (the tests do)
EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "advise": [
        ("Answer a few questions", "scrumcert advise"),
        ("The same without questions",
         "scrumcert advise --role scrum_master --target product_owner --goal job"),
        ("A report to forward", "scrumcert advise --role new --target scrum_master --goal job "
                                "--output advice.html"),
        ("Every rule and assumption", "scrumcert advise --role developer --target scrum_master --goal skills "
                                      "--explain"),
    ],
    "compare": [
        ("Two side by side", "scrumcert compare CSM vs PSM"),
        ("Up to six, over 5 years", "scrumcert compare CSM CSPO PSM PSPO --years 5"),
        ("A page for whoever pays", "scrumcert compare CSPO PSPO --output compare.html"),
    ],
    "show": [
        ("One certification", "scrumcert show PSPO"),
        ("As JSON, for scripts", "scrumcert show csm --format json"),
        ("As a Markdown report", "scrumcert show PSM --output psm.md"),
    ],
    "list": [
        ("Everything", "scrumcert list"),
        ("For one role", "scrumcert list --role product_owner"),
        ("From one issuer", "scrumcert list --issuer scrum.org --format json"),
    ],
    "sources": [
        ("Every source, oldest check first", "scrumcert sources"),
        ("As JSON", "scrumcert sources --format json"),
    ],
    "plan": [
        ("Start from a template", "scrumcert plan --template team.csv"),
        ("Plan a team", "scrumcert plan team.csv"),
        ("A page for the budget owner", "scrumcert plan team.csv --years 5 --output plan.html"),
    ],
    "renewals": [
        ("When what you hold expires", "scrumcert renewals CSM@2025-03-01 CSPO@2025-06-15"),
        ("Reminders in your calendar", "scrumcert renewals CSM@2025-03-01 --ics renewals.ics"),
    ],
    "ads": [
        ("What job ads ask for", "scrumcert ads ad.txt"),
        ("From the clipboard (Linux)", "xclip -o | scrumcert ads -"),
    ],
    "validate": [
        ("The bundled catalogue", "scrumcert validate"),
        ("Your own catalogue", "scrumcert validate ./my-catalogue"),
    ],
}


def _escape(text: str) -> str:
    """Rich markup reads ``[...]`` as a style: keep brackets literal."""
    return text.replace("[", "\\[")


def epilog(command: str) -> str | None:
    """The examples as Typer's Rich help shows them, a comment line above each command line."""
    examples = EXAMPLES.get(command)
    if not examples:
        return None
    lines = ["[bold]Examples[/bold]"]
    for what, line in examples:
        lines += [f"  [dim]# {_escape(what)}[/dim]", f"  {_escape(line)}"]
    return "\n".join(lines)


def command(name: str) -> dict[str, str | None]:
    """The keyword arguments of ``app.command`` for one command: its examples and its help panel."""
    return {"epilog": epilog(name), "rich_help_panel": PANELS.get(name)}


def rank(name: str) -> int:
    """Where a command stands in the help: advice first, the catalogue last; unknown ones at the end."""
    return ORDER.index(name) if name in ORDER else len(ORDER)
