"""The rule-based recommender: a pure function of (catalogue, answers) that returns data.

How a ranking is made, in order:

1. Every rule whose ``when`` matches the answers adds its weights; each addition is kept as a reason.
2. Hard constraints, which no weight can override, decide who may be recommended at all:
   a certification already held (or implied by one held: holding A-CSM implies the CSM) is out;
   a course whose included assessments are all held is out; one whose prerequisites are not held, or
   whose required experience exceeds the person's, is not eligible yet.
3. A step towards: an ineligible certification passes half (rounded up) of the weight it got from
   rules that do not also weigh the prerequisite, to each missing prerequisite that is eligible, so
   that the path starts with what unlocks it.
4. Order: eligible first; then, when a budget is given and anything eligible is known to fit it,
   what fits; then the higher score; then the lower known price now (unknown last); then catalogue
   order. The last two make ties deterministic and documented, never dictionary order.

The recommended certification is the first of the ranking when it is eligible. The path starts there
and follows ``leads_to`` (the best-scoring next step each time), up to three steps.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

from scrumcert.catalogue.model import Catalogue, Certification, Rule
from scrumcert.costs import cost_now
from scrumcert.money import usd

# The lower bound of each experience answer, in months: what the person can be sure to have.
EXPERIENCE_MONTHS = {"none": 0, "under_1": 0, "1_to_3": 12, "over_3": 36}
PATH_STEPS = 3


class Reason(NamedTuple):
    text: str
    weight: int
    rule: str  # a rule id, or "step-towards" for the built-in
    source: str | None = None


class Ranked(NamedTuple):
    code: str
    score: int
    reasons: tuple[Reason, ...]
    eligible: bool
    blocked: str | None  # why it cannot be recommended (None when eligible)
    cost_now: int | None
    fits_budget: bool | None  # None when no budget was given


class Step(NamedTuple):
    code: str
    when: str
    why: str


class Advice(NamedTuple):
    answers: dict[str, Any]
    recommended: str | None
    ranking: tuple[Ranked, ...]
    path: tuple[Step, ...]
    fired: tuple[Rule, ...]
    notes: tuple[str, ...] = ()

    def entry(self, code: str) -> Ranked:
        return next(r for r in self.ranking if r.code == code)


def matches(rule: Rule, answers: dict[str, Any]) -> bool:
    """True when every condition of the rule holds for the answers."""
    return _holds(_conditions(rule), answers)


def _conditions(rule: Rule) -> tuple[tuple[str, Any], ...]:
    """A rule's conditions in the form ``_holds`` checks fast: a frozenset of accepted values, or
    the ``{min, max}`` bound as a dict."""
    return tuple((qid, cond if isinstance(cond, dict) else frozenset(cond))
                 for qid, cond in rule.when.items())


def _holds(conditions: tuple[tuple[str, Any], ...], answers: dict[str, Any]) -> bool:
    for qid, cond in conditions:
        value = answers.get(qid)
        if isinstance(cond, dict):
            if value is None:
                return False
            if "min" in cond and value < cond["min"]:
                return False
            if "max" in cond and value > cond["max"]:
                return False
        elif isinstance(value, tuple | list):  # codes held: any listed code
            if cond.isdisjoint(value):
                return False
        elif value not in cond:
            return False
    return True


class _Static(NamedTuple):
    """What the recommender derives from a catalogue alone, computed once per catalogue."""

    rules: tuple[tuple[Rule, tuple[tuple[str, Any], ...]], ...]
    sources: dict[str, str | None]  # rule id -> where its advice comes from
    price: dict[str, int | None]
    order: dict[str, int]


_STATIC: dict[int, tuple[Catalogue, _Static]] = {}


def _static(catalogue: Catalogue) -> _Static:
    hit = _STATIC.get(id(catalogue))
    if hit is not None and hit[0] is catalogue:
        return hit[1]
    if len(_STATIC) > 8:
        _STATIC.clear()
    static = _Static(tuple((r, _conditions(r)) for r in catalogue.rules),
                     {r.id: r.source.where if r.source else None for r in catalogue.rules},
                     {code: cost_now(c) for code, c in catalogue.certifications.items()},
                     {code: i for i, code in enumerate(catalogue.certifications)})
    _STATIC[id(catalogue)] = (catalogue, static)  # the catalogue is kept, so its id stays unique
    return static


def implied_held(catalogue: Catalogue, held: tuple[str, ...]) -> set[str]:
    """What someone holding ``held`` can be taken to have: each code and, transitively, the
    certifications it requires or builds on."""
    out: set[str] = set()
    todo = [c for c in held if c in catalogue.certifications]
    while todo:
        code = todo.pop()
        if code in out:
            continue
        out.add(code)
        pre = catalogue.certifications[code].prerequisites
        todo.extend(pre.codes)
        todo.extend(pre.recommended)
    return out


def _blocked(c: Certification, held: set[str], months: int) -> str | None:
    if c.code in held:
        return "you already hold it"
    if c.kind == "course" and c.includes and set(c.includes) <= held:
        return f"you already hold everything it leads to ({', '.join(c.includes)})"
    missing = [p for p in c.prerequisites.codes if p not in held]
    if missing:
        return f"needs {' and '.join(missing)} first"
    advised = [p for p in c.prerequisites.recommended if p not in held]
    if advised:
        return f"take {' and '.join(advised)} first"
    need = c.prerequisites.experience_months
    if need and months < need:
        return f"needs {need} months of practice in the role"
    return None


def recommend(catalogue: Catalogue, answers: dict[str, Any], reasons: bool = True) -> Advice:
    """Rank every certification for these answers and build the path. No I/O, deterministic.

    With ``reasons=False`` (bulk team plans) only the recommended certification carries its reasons;
    scores, ranking, path and notes are the same.
    """
    held = implied_held(catalogue, tuple(answers.get("held") or ()))
    months = EXPERIENCE_MONTHS.get(answers.get("experience") or "none", 0)
    budget = answers.get("budget_usd")
    certs = catalogue.certifications
    static = _static(catalogue)
    fired = tuple(r for r, conditions in static.rules if _holds(conditions, answers))
    score = dict.fromkeys(certs, 0)
    for rule in fired:
        for code, weight in rule.weights.items():
            score[code] += weight
    blocked = {code: _blocked(c, held, months) for code, c in certs.items()}

    # step towards: pass half of what makes a blocked certification attractive to what unlocks it,
    # counting only rules that do not already weigh the prerequisite itself (no double counting)
    bonus: dict[str, list[Reason]] = {}
    for code, c in certs.items():
        if blocked[code] is None or code in held or score[code] <= 0:
            continue
        for pre in (*c.prerequisites.codes, *c.prerequisites.recommended):
            if pre in held or blocked.get(pre) is not None:
                continue
            own = sum(r.weights[code] for r in fired if code in r.weights and pre not in r.weights)
            if own > 0:
                bonus.setdefault(pre, []).append(Reason(
                    f"A first step towards {code} ({c.name}): {blocked[code]}.", math.ceil(own / 2),
                    "step-towards"))
    for code, extra in bonus.items():
        score[code] += sum(r.weight for r in extra)

    price, order = static.price, static.order
    fits = {code: (None if budget is None else price[code] is not None and price[code] <= budget)
            for code in certs}
    any_fits = budget is not None and any(fits[c] and blocked[c] is None for c in certs)

    def key(code: str) -> tuple[Any, ...]:
        return (blocked[code] is not None, any_fits and not fits[code], -score[code],
                price[code] is None, price[code] or 0, order[code])

    ranked = sorted(certs, key=key)
    first = ranked[0] if ranked and blocked[ranked[0]] is None else None
    found: dict[str, list[Reason]] = {}
    for rule in fired:  # one pass, in rule order (the sort below is stable)
        source = static.sources[rule.id]
        for code, weight in rule.weights.items():
            if reasons or code == first:
                found.setdefault(code, []).append(Reason(rule.reason, weight, rule.id, source))
    for code, extra in bonus.items():
        if reasons or code == first:
            found.setdefault(code, []).extend(extra)
    ranking = tuple(
        Ranked(code, score[code], tuple(sorted(found[code], key=_strength)) if code in found else (),
               blocked[code] is None, blocked[code], price[code], fits[code])
        for code in ranked)
    top = ranking[0] if ranking and ranking[0].eligible else None
    notes = []
    if budget is not None and top and not any_fits:
        notes.append(f"Nothing eligible is known to fit a budget of {usd(budget)}; the ranking ignores it.")
    waiting = max((r for r in ranking if not r.eligible and r.code not in held), key=lambda r: r.score,
                  default=None)
    if top and waiting and waiting.score > top.score:
        notes.append(f"{waiting.code} fits your answers best ({waiting.score:+d}) but {waiting.blocked}.")
    best = max((r for r in ranking if r.eligible), key=lambda r: r.score, default=None)
    if top and any_fits and best and best.score > top.score:  # the budget moved it down
        if best.cost_now is None:
            notes.append(f"{best.code} fits your answers best ({best.score:+d}), but no source gives its "
                         f"price, so it cannot be shown to fit your budget of {usd(budget)}; ask trainers "
                         "for a quote.")
        else:
            notes.append(f"{best.code} fits your answers best ({best.score:+d}), but costs from "
                         f"{usd(best.cost_now)}, over your budget of {usd(budget)}.")
    if top is None:
        notes.append("Nothing is left to recommend: you hold everything you are eligible for.")
    path = _path(catalogue, top, score, held, months, answers) if top else ()
    return Advice(dict(answers), top.code if top else None, ranking, path, fired, tuple(notes))


def _strength(reason: Reason) -> int:
    """Strongest first, whichever the direction (a stable sort keeps rule order among equals)."""
    return -abs(reason.weight)


def _path(catalogue: Catalogue, top: Ranked, score: dict[str, int], held: set[str], months: int,
          answers: dict[str, Any]) -> tuple[Step, ...]:
    certs = catalogue.certifications
    first = certs[top.code]
    best = next((r for r in top.reasons if r.weight > 0), None)
    steps = [Step(first.code, "now", best.text if best else "The best fit for your answers.")]
    have = set(held) | {first.code}
    if first.kind == "course":
        for code in first.includes:
            if code not in held:
                steps.append(Step(code, "right after the course",
                                  f"The {first.code} course comes with an attempt at the {code} assessment."))
                have.add(code)
    current = first
    experience = answers.get("experience") or "none"
    limit = max(PATH_STEPS, len(steps) + 1)  # after a course and its assessments, one step more
    while len(steps) < limit:
        options = [c for c in current.leads_to if c not in have and certs[c].kind != "course"]
        if not options:
            break
        nxt = certs[max(options, key=lambda c: (score[c], -current.leads_to.index(c)))]
        missing = [p for p in nxt.prerequisites.codes if p not in have]
        if missing:
            break
        need = nxt.prerequisites.experience_months
        when = ("next, when you are ready" if not need or months >= need else
                f"once you have {need} months in the role (you have: {experience.replace('_', ' ')})")
        why = (f"The next level after the assessments the {current.code} course comes with."
               if current.kind == "course"
               else f"It builds on {current.code}: the next level of the same track.")
        if nxt.prerequisites.note:
            why += f" {nxt.prerequisites.note}"
        steps.append(Step(nxt.code, when, why))
        have.add(nxt.code)
        current = nxt
    return tuple(steps)
