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


class _Signalled(Exception):
    """SIGTERM or SIGHUP arrived while a question was shown."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _end_of_input_cancels(question: questionary.Question) -> questionary.Question:
    """Ctrl-D ends the interview like Ctrl-C (list prompts otherwise ignore it), and so does a SIGINT
    *signal* (``kill -INT``, ``timeout -s INT``): prompt_toolkit turns it into the ``<sigint>`` key,
    which questionary's list prompts leave unbound, so the signal was swallowed."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    keys = KeyBindings()

    @keys.add("c-d", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=EOFError())

    @keys.add(Keys.SIGINT, eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, keys]) if app.key_bindings else keys
    return question


def _ask(catalogue: Catalogue, q: Question, given: Answers) -> Any:
    words = q.prompt.replace("{currency}", answers.currency_of(given))  # the budget's currency
    if q.type == "choice":
        choices = [questionary.Choice(c.label, value=c.value) for c in q.choices]
        return _end_of_input_cancels(questionary.select(
            words, choices=choices, default=q.default or None, instruction=f"({q.help})",
            use_shortcuts=False)).unsafe_ask()
    if q.type != "codes":  # typed: checked by the same parser as --options and answers files
        prompt = questionary.text(f"{words} ({q.help})",
                                  validate=lambda t: answers.problem(catalogue, q, t) or True)
        text = _end_of_input_cancels(prompt).unsafe_ask()
        return answers.parse(catalogue, q, text)
    choices = [questionary.Choice(f"{c.code}  {c.name}", value=c.code)
               for c in catalogue.certifications.values()]
    return tuple(_end_of_input_cancels(questionary.checkbox(
        f"{words} (space to tick, enter when done; none is fine)", choices=choices)).unsafe_ask() or ())


def _on_signal(signum: int, _frame: Any) -> None:
    """SIGTERM or SIGHUP: end the question the way Ctrl-C does, so prompt_toolkit restores the
    terminal (echo, line mode) before the program exits; then exit 128 + the signal's number."""
    from prompt_toolkit.application.current import get_app_or_none

    app = get_app_or_none()
    if app is not None and app.is_running and not app.future.done():
        app.exit(exception=_Signalled(signum))
    else:
        raise _Signalled(signum)


def asked(q: Question, answers: Answers) -> bool:
    """A question with ``when`` is asked only when the earlier answers match it (months in a role
    only for someone aiming at that role)."""
    return all(answers.get(qid) in values for qid, values in q.when.items())


def ask(catalogue: Catalogue, given: Answers) -> Answers:
    """Ask every question not answered yet; return all answers. Ctrl-C, Ctrl-D, SIGINT, SIGTERM and
    SIGHUP all end it with "cancelled", the terminal restored and nothing written."""
    import signal

    from scrumcert.errors import ExitStatus

    out = dict(given)
    previous = {s: signal.signal(s, _on_signal) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        for q in catalogue.questions.values():
            if q.id not in out and not answers.implied(q.id, out) and asked(q, out):
                out[q.id] = _ask(catalogue, q, out)
    except (KeyboardInterrupt, EOFError):
        raise Cancelled() from None
    except _Signalled as exc:
        raise Cancelled(ExitStatus.HANGUP if exc.signum == signal.SIGHUP else ExitStatus.TERMINATED
                        ) from None
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    return out
