"""What a reader needs before the details: a title that names the decision, the answers in words,
the bottom line of an advice, and the command that repeats a run.

Pure: catalogue, answers and advice in, words out. Every format (terminal, Markdown, HTML) takes its
titles and opening lines from here, so a forwarded report and the screen agree.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from typing import Any

from scrumcert.catalogue.model import Catalogue, Certification
from scrumcert.verdict import Money, names, span, usd


def _label(catalogue: Catalogue, qid: str, value: Any) -> str:
    q = catalogue.questions.get(qid)
    if q is not None and q.type == "choice":
        return next((c.label for c in q.choices if c.value == value), str(value))
    if isinstance(value, list | tuple):
        return ", ".join(value) or "none"
    if value is None:
        return "no limit" if q is not None and q.type == "integer" else "no answer"
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def answer_rows(catalogue: Catalogue, answers: dict[str, Any]) -> list[tuple[str, str]]:
    """(question, answer in words) for every question answered, in interview order."""
    from scrumcert.answers import currency_of

    rows = []
    for qid, q in catalogue.questions.items():
        if qid in answers and _one_budget_line(qid, answers):  # a prompt may name the budget's currency
            rows.append((q.prompt.replace("{currency}", currency_of(answers)),
                         _label(catalogue, qid, answers[qid])))
    for qid, value in answers.items():  # answers this catalogue does not ask (kept, not hidden)
        if qid not in catalogue.questions:
            rows.append((qid, _label(catalogue, qid, value)))
    return rows


def _one_budget_line(qid: str, answers: dict[str, Any]) -> bool:
    """The budget is asked in one currency or in dollars, never both: show the amount the person gave
    (``budget`` wins over ``budget_usd``, as in the advice), so a reader never sees two budgets."""
    if qid == "budget_usd":
        return answers.get("budget") is None
    if qid == "budget":
        return answers.get("budget") is not None or "budget_usd" not in answers
    return True


def command_line(catalogue: Catalogue, answers: dict[str, Any], extra: Sequence[str] = ()) -> str:
    """``scrumcert advise --role scrum_master ...``: the answers as options, in interview order, so a
    run can be repeated without the questions. Defaults are left out; nothing held is left out."""
    from scrumcert.recommender import with_months

    words = ["scrumcert", "advise"]
    derived = with_months({k: v for k, v in answers.items() if k not in ("months_as_sm", "months_as_po")})
    for qid, q in catalogue.questions.items():
        if qid not in answers:
            continue
        value = answers[qid]
        if value is None or value == () or value == []:
            continue
        if qid in ("months_as_sm", "months_as_po") and value == derived.get(qid):
            continue  # what the role and the years of practice give anyway
        if q.type == "choice" and value == q.default and not q.required:
            continue
        option = "--" + qid.replace("_", "-")
        if isinstance(value, list | tuple):  # one option per code: a long list wraps between codes
            for item in value:
                words += [option, str(item)]
        else:
            words += [option, str(value)]
    return " ".join(shlex.quote(w) for w in [*words, *extra])


def advice_title(catalogue: Catalogue, answers: dict[str, Any], pick: str | None) -> str:
    """``Which certification next? CSPO, for Scrum Master → Product Owner``: the decision, not the tool."""
    route = " → ".join(_label(catalogue, qid, answers[qid]) for qid in ("role", "target") if qid in answers)
    head = f"Which certification next? {pick or 'No recommendation yet'}"
    return f"{head}, for {route}" if route else head


def compare_title(certs: Sequence[Certification]) -> str:
    return f"{' vs '.join(c.code for c in certs)}: which certification suits whom?"


def show_title(cert: Certification) -> str:
    return f"{cert.code}, {cert.name}: what it takes and what it costs"


def plan_title(people: int, teams: int, source: str) -> str:
    who = f"{people} {'person' if people == 1 else 'people'}"
    if teams:
        who += f" in {teams} team{'s' if teams != 1 else ''}"
    return f"Training plan for {who} ({source})"


def advice_bottom_line(advice: Any, catalogue: Catalogue, years: int, money: Money = usd) -> list[str]:
    """The pick and its fit, the main reason, what speaks against it when something does, and the
    cost now and over the years. Empty when nothing is recommended (the notes say why)."""
    from scrumcert.costs import cost_now_range, ownership

    if advice.recommended is None:
        return []
    cert = catalogue.certifications[advice.recommended]
    entry = advice.entry(cert.code)
    fit = getattr(entry, "fit", None)
    lines = [f"Pick: {cert.code}, {cert.name}" + (f" ({fit})." if fit else ".")]
    reasons = [r.text for r in entry.reasons if r.weight > 0]
    if reasons:
        lines.append(f"Main reason: {reasons[0]}")
    against = getattr(entry, "against", None) or ()
    if against:
        first = against[0]
        lines.append(f"Against it: {getattr(first, 'text', first)}")
    now = cost_now_range(cert)
    own = ownership(cert, years)
    now_text = span(now[0], now[1], money) if now else "unknown"
    later = span(own.low, own.high, money)
    if own.unknown:
        later = f"at least {later} ({', '.join(own.unknown)} not known)" if own.high else "unknown"
    units = f" + {own.education_units} {own.unit or 'units'}" if own.education_units else ""
    lines.append(f"Cost: {now_text} now; {later}{units} over {years} year{'s' if years != 1 else ''}.")
    return lines


def also_fits(advice: Any, n: int = 3) -> list[str]:
    """The next eligible certifications that got a positive score, as codes."""
    return [r.code for r in advice.ranking[1:] if r.eligible and r.score > 0][:n]


def also_line(advice: Any) -> str | None:
    codes = also_fits(advice)
    return f"Also worth a look: {names(codes)}." if codes else None
