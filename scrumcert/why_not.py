""""Why not X?": the alternatives an expert weighs against the pick, each with one line on why the pick
is preferred for this person.

The three an expert compares: (a) the best credential for the same role from another issuer (CSM
against PSM I), (b) the course or exam-only variant of the same credential (PSM I against the PSM
course), (c) the next best fit on the person's track. Pure: from the advice and the catalogue's facts.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from scrumcert.catalogue.model import Catalogue, Certification
from scrumcert.money import usd
from scrumcert.recommender import TARGET_ROLES, Advice, Ranked, fit_words, needs_course, on_target

MOST = 3


class Alternative(NamedTuple):
    code: str
    why_not: str


def alternatives(catalogue: Catalogue, advice: Advice) -> tuple[Alternative, ...]:
    """Up to three alternatives to the recommendation, in the order (a), (b), (c) above."""
    if advice.recommended is None:
        return ()
    certs = catalogue.certifications
    pick = certs[advice.recommended]
    target = advice.answers.get("target")
    eligible = [r for r in advice.ranking if r.eligible and r.code != pick.code]
    roles = [r for r in pick.roles if r in TARGET_ROLES.get(target, ())] or list(pick.roles[:1])
    chosen: list[Ranked] = []

    def add(found: Ranked | None) -> None:
        if found is not None and found not in chosen and len(chosen) < MOST:
            chosen.append(found)

    add(next((r for r in eligible if certs[r.code].issuer != pick.issuer
              and not set(certs[r.code].roles).isdisjoint(roles) and certs[r.code].kind == pick.kind), None))
    variants = {*pick.includes, *(code for code, c in certs.items() if pick.code in c.includes)}
    add(next((r for r in eligible if r.code in variants), None))
    for r in eligible:
        if r.score > 0 and on_target(certs[r.code], target):
            add(r)
    pick_entry = advice.entry(pick.code)
    return tuple(Alternative(r.code, why_not(catalogue, advice, pick_entry, r)) for r in chosen)


def also_fits(catalogue: Catalogue, advice: Advice, most: int = 4) -> list[Ranked]:
    """Eligible, positive, on-target certifications after the pick (for "Also fits")."""
    target = advice.answers.get("target")
    return [r for r in advice.ranking if r.eligible and r.score > 0 and r.code != advice.recommended
            and on_target(catalogue.certifications[r.code], target)][:most]


def _renews(c: Certification) -> str | None:
    if c.renewal is None:
        return None
    every = c.renewal.every_years
    period = "every year" if every == 1 else f"every {every:g} years" if every else "periodically"
    fee = f" ({usd(c.renewal.fee_usd)})" if c.renewal.fee_usd is not None else ""
    return f"must be renewed {period}{fee}"


def _sentence_inside(text: str) -> str:
    """A sentence continued inside another: its first word lower-cased unless it is a name."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first in ("You", "Your", "A", "As", "It", "With") else text


def why_not(catalogue: Catalogue, advice: Advice, pick: Ranked, alt: Ranked) -> str:
    """One line: why the pick is preferred to ``alt`` for this person."""
    a: dict[str, Any] = advice.answers
    certs = catalogue.certifications
    p, x = certs[pick.code], certs[alt.code]
    said: list[str] = []
    same = pick.code in x.includes  # a course that leads to the pick itself
    if same:
        alone = f", which costs {usd(pick.cost_now)} on its own" if pick.cost_now is not None else ""
        course = (f" against {usd(alt.cost_now)} with the course" if alt.cost_now is not None
                  else "; no source gives the course's price")
        others = [code for code in x.includes if code != pick.code]
        also = f"; it also comes with the {', '.join(others)}" if others else ""
        said.append(f"{alt.code} leads to the same {pick.code}{alone}{course}{also}")
    elif a.get("employer_asks") and pick.code in a["employer_asks"] and alt.code not in a["employer_asks"]:
        said.append(f"job ads or your employer name the {pick.code}")
    if alt.fits_budget is False and pick.fits_budget is not False:  # unpriced: judged on an estimate
        said.append(f"{alt.code} costs more than your budget" if alt.cost_now is not None else
                    f"no source gives {alt.code}'s price, and the cheapest trainer-led class we know of is "
                    "over your budget")
    if a.get("exam") == "workshop" and x.exam is not None and p.exam is None:
        said.append(f"{alt.code} has an exam and you would rather not take one")
    if a.get("exam") == "exam" and x.exam is None and p.exam is not None:
        said.append(f"{alt.code} has no exam and you want a tested credential")
    if a.get("renewal") == "lifetime" and x.renewal is not None and p.renewal is None:
        said.append(f"{alt.code} {_renews(x)}, while {pick.code} is valid for life")
    if a.get("learning") == "self_study" and needs_course(x) and not needs_course(p):
        said.append(f"{alt.code} needs a live course and you prefer to study on your own")
    if a.get("learning") == "live_course" and not needs_course(x) and needs_course(p):
        said.append(f"{alt.code} comes without a course and you want a trainer")
    if alt.cost_now is not None and pick.cost_now is not None and alt.cost_now > pick.cost_now and not said:
        said.append(f"{alt.code} costs more (from {usd(alt.cost_now)} against {usd(pick.cost_now)})")
    if not said and a.get("exam") == "workshop" and x.exam is not None and p.exam is not None:
        mine, theirs = p.exam.pass_percent, x.exam.pass_percent
        if mine is not None and theirs is not None and mine < theirs:
            said.append(f"both end with an exam, but {pick.code}'s asks for {mine:g}% against {theirs:g}%")
    if not said and alt.against:
        said.append(_sentence_inside(alt.against[0].text.rstrip(".")))
    if not said and pick.reasons:
        theirs_rules = {r.rule for r in alt.reasons}
        lead = next((r for r in pick.reasons if r.rule not in theirs_rules), pick.reasons[0]).text.rstrip(".")
        mine, theirs = fit_words(pick.score), fit_words(alt.score)
        fits = (f"both are a {mine} for your answers, and {pick.code} comes first" if mine == theirs else
                f"{alt.code} is a {theirs} for your answers, {pick.code} a {mine}")
        said.append(f"{fits}: {_sentence_inside(lead)}")
    if not said:
        said.append(f"{pick.code} fits your answers better")
    return f"{pick.code} is preferred: " + "; ".join(said) + "."
