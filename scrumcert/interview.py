"""The guided interview of ``scrumcert advise``, with questionary.

Imported only by ``advise`` when it has a terminal to ask on: questionary pulls in prompt_toolkit,
which costs about 100 ms and must not slow the other commands. Ctrl-C and end of input surface as
:class:`~scrumcert.errors.Cancelled` (``unsafe_ask`` lets them through instead of returning None).
"""

from __future__ import annotations

from typing import Any

import questionary

from scrumcert import answers
from scrumcert.answers import Answers
from scrumcert.catalogue.model import Catalogue, Question
from scrumcert.errors import Cancelled


def _end_of_input_cancels(question: questionary.Question) -> questionary.Question:
    """Ctrl-D ends the interview like Ctrl-C (list prompts otherwise ignore it)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    keys = KeyBindings()

    @keys.add("c-d", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=EOFError())

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, keys]) if app.key_bindings else keys
    return question


def _ask(catalogue: Catalogue, q: Question) -> Any:
    if q.type == "choice":
        choices = [questionary.Choice(c.label, value=c.value) for c in q.choices]
        return _end_of_input_cancels(questionary.select(
            q.prompt, choices=choices, default=q.default or None, instruction=f"({q.help})",
            use_shortcuts=False)).unsafe_ask()
    if q.type != "codes":  # typed: checked by the same parser as --options and answers files
        text = questionary.text(f"{q.prompt} ({q.help})",
                                validate=lambda t: answers.problem(catalogue, q, t) or True).unsafe_ask()
        return answers.parse(catalogue, q, text)
    choices = [questionary.Choice(f"{c.code}  {c.name}", value=c.code)
               for c in catalogue.certifications.values()]
    return tuple(_end_of_input_cancels(questionary.checkbox(
        f"{q.prompt} (space to tick, enter when done; none is fine)", choices=choices)).unsafe_ask() or ())


def ask(catalogue: Catalogue, given: Answers) -> Answers:
    """Ask every question not answered yet; return all answers."""
    out = dict(given)
    try:
        for q in catalogue.questions.values():
            if q.id not in out:
                out[q.id] = _ask(catalogue, q)
    except (KeyboardInterrupt, EOFError):
        raise Cancelled() from None
    return out
