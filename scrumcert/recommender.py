"""The rule-based recommender: a pure function of (catalogue, answers) that returns data.

How a ranking is made, in order:

1. Every rule whose ``when`` matches the answers adds its weights, each with the reason written for that
   certification. A preference rule (``on_target``) weighs only the certifications of the track the
   person aims at. Built in: what job ads or the employer name is favoured (strongly for a job goal); a
   recommended (not required) prerequisite nobody holds costs a little, unless a credential of the same
   role and level from another body is held.
2. Hard constraints, which no weight can override, decide who may be recommended at all:
   a certification held (or implied by one held: holding A-CSM implies the CSM) is out; so is one that
   has expired (``lapsed``: renew it instead); a course whose included assessments are all held is out;
   one whose required prerequisites are not held (an expired one counts), or whose months in the role
   are missing, is not eligible yet.
3. A step towards: an ineligible certification passes half (rounded up) of the weight it got from
   rules that do not also weigh the prerequisite, to each missing required prerequisite that is
   eligible, so that the path starts with what unlocks it.
4. Budget: only a price known to be over the budget demotes (a course no source prices is judged by
   the cheapest trainer-led course the catalogue knows, and said to be an estimate); an unknown price is
   unknown, never "over". When nothing eligible that fits the answers fits the budget, the one with the
   smallest shortfall comes first, and a note says how much more is needed and what is free meanwhile.
5. Order: eligible first; then not over budget (when anything is); then the higher score; then
   catalogue order. Deterministic and documented, never dictionary order.

The path starts with the recommendation (and the assessments a course comes with), puts the other
track's foundation second for ``target: both``, follows ``leads_to`` with a "when" that counts months
in the role, and ends with the best certification still waiting for experience.
"""

from __future__ import annotations

import math
from operator import itemgetter
from typing import Any, NamedTuple

from scrumcert.catalogue.model import LEVELS, Catalogue, Certification, Rule, Source
from scrumcert.costs import cost_now, cost_now_range
from scrumcert.money import usd

# The lower bound of each experience answer, in months: what the person can be sure to have.
EXPERIENCE_MONTHS = {"none": 0, "under_1": 0, "1_to_3": 12, "over_3": 36}
PATH_STEPS = 4
# The roles of the catalogue that serve each target (preference rules weigh only these).
TARGET_ROLES = {
    "scrum_master": ("scrum_master",),
    "product_owner": ("product_owner", "product_manager"),
    "both": ("scrum_master", "product_owner"),
    "leadership": ("leader",),
    "developer": ("developer",),
    "coach": ("coach", "scrum_master", "product_owner"),
    "project_manager": ("project_manager", "scrum_master"),
}
# Months in which accountability gate a certification, by the role it serves.
MONTHS_OF = {"scrum_master": "months_as_sm", "product_owner": "months_as_po"}
ROLE_WORDS = {"months_as_sm": "as a Scrum Master", "months_as_po": "as a Product Owner",
              None: "of agile practice"}
EMPLOYER_WEIGHT, EMPLOYER_JOB_EXTRA = 3, 2
ADVISED_FIRST_WEIGHT = -2
FIT_WORDS = ((5, "strong fit"), (3, "good fit"), (1, "partial fit"))
FREE_MEANWHILE = ("the Scrum Guide (scrumguides.org) and Scrum.org's free open assessments cost nothing "
                  "meanwhile")


class Reason(NamedTuple):
    text: str
    weight: int
    rule: str  # a rule id, or a built-in: "step-towards", "employer-asks", "advised-first"
    source: str | None = None  # publisher, title and year, with the address


class Ranked(NamedTuple):
    code: str
    score: int
    reasons: tuple[Reason, ...]  # what argues for it, strongest first
    eligible: bool
    blocked: str | None  # why it cannot be recommended (None when eligible)
    cost_now: int | None
    fits_budget: bool | None  # None when no budget was given or the price is unknown
    against: tuple[Reason, ...] = ()  # what in the answers argues against it, strongest first

    @property
    def fit(self) -> str:
        return fit_words(self.score)


class Step(NamedTuple):
    code: str
    when: str
    why: str
    months_needed: int = 0  # months still missing in the role (0 when none)


class Advice(NamedTuple):
    answers: dict[str, Any]
    recommended: str | None
    ranking: tuple[Ranked, ...]
    path: tuple[Step, ...]
    fired: tuple[Rule, ...]
    notes: tuple[str, ...] = ()

    def entry(self, code: str) -> Ranked:
        return next(r for r in self.ranking if r.code == code)


def fit_words(score: int) -> str:
    """A score in words: what users see instead of the number."""
    return next((words for least, words in FIT_WORDS if score >= least), "weak fit")


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


def cite(source: Source | None) -> str | None:
    """A source as users see it: publisher and title, year, address (never a workshop file name)."""
    if source is None:
        return None
    year = f" ({source.published.year})" if source.published else ""
    return f"{source.title}{year}, {source.url}" if source.url else f"{source.title}{year}"


class _Static(NamedTuple):
    """What the recommender derives from a catalogue alone, computed once per catalogue."""

    # each rule, its conditions, and per code it weighs: the weight and the reason shown with it
    rules: tuple[tuple[Rule, tuple[tuple[str, Any], ...], tuple[tuple[str, int, Reason], ...]], ...]
    sources: dict[str, str | None]  # rule id -> where its advice comes from
    price: dict[str, int | None]  # the least known price now
    floor: dict[str, int | None]  # the known price, else an estimate for an unpriced live course
    order: dict[str, int]
    course_from: int | None  # the cheapest known trainer-led course
    gate: dict[str, str | None]  # code -> the months answer that gates it (None: agile practice)
    need: dict[str, int]  # code -> months of experience it requires (0: none)
    advised: tuple[tuple[str, tuple[str, ...]], ...]  # codes with recommended prerequisites
    aimed: dict[Any, dict[str, bool]]  # target -> code -> on that target's track (filled as asked)
    plain: frozenset[str]  # codes nothing but holding them can block: no prerequisite, months or course
    gated: tuple[str, ...]  # the other codes, in catalogue order
    requires: tuple[tuple[str, Certification], ...]  # the codes with required prerequisites, in order
    satisfies: dict[str, frozenset[str]]  # recommended prerequisite -> the codes held that satisfy it
    keys: tuple[str, ...]  # the choice answers rules are indexed by ("target" first)
    # (answers to ``keys``) -> the rules that can fire for them, in catalogue order: each with the
    # conditions left to check and what it weighs (a preference rule only that target's track)
    index: dict[tuple[Any, ...], tuple[tuple[Rule, tuple[tuple[str, Any], ...],
                                             tuple[tuple[str, int, Reason], ...]], ...]]


_STATIC: dict[int, tuple[Catalogue, _Static]] = {}


def needs_course(c: Certification) -> bool:
    return c.course.required or c.kind == "course"


def _static(catalogue: Catalogue) -> _Static:
    hit = _STATIC.get(id(catalogue))
    if hit is not None and hit[0] is catalogue:
        return hit[1]
    if len(_STATIC) > 8:
        _STATIC.clear()
    certs = catalogue.certifications
    price = {code: cost_now(c) for code, c in certs.items()}
    courses = [price[code] for code, c in certs.items() if needs_course(c) and price[code] is not None]
    course_from = min(courses) if courses else None
    floor: dict[str, int | None] = {}
    for code, c in certs.items():
        if price[code] is not None or not needs_course(c) or course_from is None:
            floor[code] = price[code]
        else:
            fee = c.exam.fee_usd if c.exam is not None and c.exam.fee_usd is not None else 0
            floor[code] = max(fee, course_from)
    sources = {r.id: cite(r.source) for r in catalogue.rules}
    static = _Static(tuple((r, _conditions(r), _said(r, sources[r.id])) for r in catalogue.rules),
                     sources,
                     price, floor, {code: i for i, code in enumerate(certs)}, course_from,
                     {code: gate_of(c) for code, c in certs.items()},
                     {code: c.prerequisites.experience_months or 0 for code, c in certs.items()},
                     tuple((code, c.prerequisites.recommended) for code, c in certs.items()
                           if c.prerequisites.recommended), {},
                     frozenset(code for code, c in certs.items() if not c.prerequisites.codes
                               and not (c.prerequisites.experience_months or 0)
                               and not (c.kind == "course" and c.includes)),
                     (), tuple((code, c) for code, c in certs.items() if c.prerequisites.codes),
                     {p: frozenset(h for h in certs if satisfied(catalogue, p, {h}))
                      for c in certs.values() for p in c.prerequisites.recommended},
                     _keys(catalogue), {})
    static = static._replace(gated=tuple(code for code in certs if code not in static.plain))
    _STATIC[id(catalogue)] = (catalogue, static)  # the catalogue is kept, so its id stays unique
    return static


def _keys(catalogue: Catalogue) -> tuple[str, ...]:
    """The choice answers to index rules by: ``target`` (preference rules weigh by it), then the choice
    questions most rules test, while the answers to them stay few enough to cache every combination."""
    tested: dict[str, int] = {}
    for rule in catalogue.rules:
        for qid, cond in rule.when.items():
            if not isinstance(cond, dict):
                tested[qid] = tested.get(qid, 0) + 1
    keys, combos = ["target"], 8
    for qid in sorted(tested, key=lambda q: -tested[q]):
        q = catalogue.questions.get(qid)
        if qid in keys or q is None or q.type != "choice" or not q.values:
            continue
        if combos * (len(q.values) + 1) > 256:
            break
        keys.append(qid)
        combos *= len(q.values) + 1
    return tuple(keys)


def _candidates(static: _Static, catalogue: Catalogue, key: tuple[Any, ...]) -> tuple[
        tuple[Rule, tuple[tuple[str, Any], ...], tuple[tuple[str, int, Reason], ...]], ...]:
    """The rules that can fire when the answers to ``static.keys`` are ``key``: a condition on one of
    those answers is decided here, once, and left out of what is checked per answer set."""
    got = static.index.get(key)
    if got is not None:
        return got
    if len(static.index) > 4096:
        static.index.clear()
    given = dict(zip(static.keys, key, strict=True))
    aimed = _aimed(static, catalogue, given["target"])
    out = []
    for rule, conditions, said in static.rules:
        decided = [(qid, cond) for qid, cond in conditions if qid in given and not isinstance(cond, dict)]
        if not _holds(tuple(decided), given):
            continue
        rest = tuple((qid, cond) for qid, cond in conditions if (qid, cond) not in decided)
        if rule.on_target:
            said = tuple(s for s in said if aimed[s[0]])
        out.append((rule, rest, said))
    got = static.index[key] = tuple(out)
    return got


def _aimed(static: _Static, catalogue: Catalogue, target: Any) -> dict[str, bool]:
    """Per code, whether it is on the track of ``target`` (``on_target``), computed once per target."""
    aimed = static.aimed.get(target)
    if aimed is None:
        aimed = static.aimed[target] = {code: on_target(c, target)
                                        for code, c in catalogue.certifications.items()}
    return aimed


def _said(rule: Rule, source: str | None) -> tuple[tuple[str, int, Reason], ...]:
    """Per code a rule weighs: the weight and the reason shown with it, built once per catalogue
    rather than for every answer set the rule fires for."""
    return tuple((code, w, Reason(rule.reason_for(code), w, rule.id, source))
                 for code, w in rule.weights.items())


def implied_held(catalogue: Catalogue, held: tuple[str, ...]) -> set[str]:
    """What someone holding ``held`` can be taken to have: each code and, transitively, the
    certifications it requires or builds on. Codes outside the catalogue are left out."""
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


def with_months(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers with ``months_as_sm`` and ``months_as_po`` filled in where not given: for someone
    in that role (or when no role is asked), the lower bound of their years of practice in months; for
    anyone else, 0."""
    out = dict(answers)
    for role, qid in MONTHS_OF.items():
        if out.get(qid) is None:
            same = out.get("role") in (role, None)  # a catalogue that does not ask the role: any role
            out[qid] = EXPERIENCE_MONTHS.get(out.get("experience") or "none", 0) if same else 0
    return out


def gate_of(c: Certification) -> str | None:
    """Which months answer gates a certification: the accountability it serves, or (None) agile
    practice in general."""
    roles = [MONTHS_OF[r] for r in c.roles if r in MONTHS_OF]
    return roles[0] if len(roles) == 1 else None


def months_for(c: Certification, answers: dict[str, Any]) -> int:
    qid = gate_of(c)
    if qid is None:
        return EXPERIENCE_MONTHS.get(answers.get("experience") or "none", 0)
    return int(answers.get(qid) or 0)


def experience_gap(c: Certification, answers: dict[str, Any]) -> tuple[int, int]:
    """(months needed, months the person has) for this certification's experience requirement."""
    need = c.prerequisites.experience_months or 0
    return need, months_for(c, answers)


def gate_words(c: Certification, answers: dict[str, Any]) -> str:
    need, have = experience_gap(c, answers)
    return f"once you have {need} months {ROLE_WORDS[gate_of(c)]} (you have {have})"


def _rank_of(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else 0


def satisfied(catalogue: Catalogue, code: str, have: set[str]) -> bool:
    """A recommended prerequisite is satisfied by itself, or by a credential held of the same role at
    the same level or above from any body (a CSM stands for PSM I)."""
    if code in have:
        return True
    want = catalogue.certifications[code]
    role = want.roles[0] if want.roles else None
    return any(role in catalogue.certifications[h].roles
               and _rank_of(catalogue.certifications[h].level) >= _rank_of(want.level)
               and catalogue.certifications[h].kind == "certification" for h in have)


def _blocked(c: Certification, held: set[str], lapsed: set[str], have: set[str],
             answers: dict[str, Any], static: _Static) -> str | None:
    if c.code in held:
        return "you already hold it"
    if c.code in lapsed:
        return "you held it and it has expired: renew it with its issuer rather than take it again"
    if c.kind == "course" and c.includes and set(c.includes) <= held:
        return f"you already hold everything it leads to ({', '.join(c.includes)})"
    missing = [p for p in c.prerequisites.codes if p not in have]
    if missing:
        return f"needs {' and '.join(missing)} first"
    need = static.need[c.code]
    if need:
        qid = static.gate[c.code]
        months = (int(answers.get(qid) or 0) if qid else
                  EXPERIENCE_MONTHS.get(answers.get("experience") or "none", 0))
        if months < need:
            return f"needs {need} months {ROLE_WORDS[qid]} (you have {months})"
    return None


def on_target(c: Certification, target: Any) -> bool:
    """Whether a certification serves the track the person aims at."""
    return not set(c.roles).isdisjoint(TARGET_ROLES.get(target, ()))


def recommend(catalogue: Catalogue, answers: dict[str, Any], reasons: bool = True) -> Advice:
    """Rank every certification for these answers and build the path. No I/O, deterministic.

    With ``reasons=False`` (bulk team plans) only the recommended certification carries its reasons;
    scores, ranking, path and notes are the same.
    """
    answers = with_months(answers)
    certs = catalogue.certifications
    held = implied_held(catalogue, tuple(answers.get("held") or ()))
    lapsed = {c for c in answers.get("lapsed") or () if c in certs} - held
    have = held | implied_held(catalogue, tuple(lapsed))
    budget = answers.get("budget_usd")
    target = answers.get("target")
    static = _static(catalogue)
    key = tuple(answers.get(qid) for qid in static.keys)
    try:
        hash(key)
        indexed = not any(isinstance(v, tuple | list) for v in key)
    except TypeError:
        indexed = False
    if indexed:
        firing = [(r, said) for r, conditions, said in _candidates(static, catalogue, key)
                  if not conditions or _holds(conditions, answers)]
    else:  # answers the index cannot take (a list for a choice): every rule, checked in full
        aimed = _aimed(static, catalogue, target)
        firing = [(r, tuple(s for s in said if aimed[s[0]]) if r.on_target else said)
                  for r, conditions, said in static.rules if _holds(conditions, answers)]
    fired = tuple(r for r, _ in firing)
    score = dict.fromkeys(certs, 0)
    weighed: dict[str, list[Reason]] = {}  # per code, the reasons its score was made of, in order
    built: dict[str, int] = {}  # per code, the weight that built-in reasons (not rules) gave it
    for _rule, said in firing:
        for code, weight, reason in said:
            score[code] += weight
            got = weighed.get(code)
            if got is None:
                weighed[code] = [reason]
            else:
                got.append(reason)
    asks = [c for c in answers.get("employer_asks") or () if c in certs]
    for code in asks:
        weight = EMPLOYER_WEIGHT + (EMPLOYER_JOB_EXTRA if answers.get("goal") == "job" else 0)
        score[code] += weight
        built[code] = built.get(code, 0) + weight
        weighed.setdefault(code, []).append(Reason(f"Job ads or your employer name the {code}.",
                                                   weight, "employer-asks"))
        for course, c in certs.items():
            if code in c.includes:
                score[course] += 1
                built[course] = built.get(course, 0) + 1
                weighed.setdefault(course, []).append(Reason(
                    f"It comes with an attempt at the {code}, which job ads or your employer name.", 1,
                    "employer-asks"))
    for code, recommended in static.advised:
        c = certs[code]
        advised = [p for p in recommended if static.satisfies[p].isdisjoint(have)]
        if advised:
            score[code] += ADVISED_FIRST_WEIGHT
            built[code] = built.get(code, 0) + ADVISED_FIRST_WEIGHT
            weighed.setdefault(code, []).append(Reason(
                f"{c.issuer} advises {' and '.join(advised)} first; it is not required.",
                ADVISED_FIRST_WEIGHT, "advised-first"))
    gone = held | lapsed
    blocked: dict[str, str | None] = dict.fromkeys(certs)
    for code in (*static.gated, *gone):  # the rest (static.plain) can be blocked only by being held
        blocked[code] = _blocked(certs[code], held, lapsed, have, answers, static)

    # step towards: pass half of what makes a blocked certification attractive to what unlocks it,
    # counting only rules that do not already weigh the prerequisite itself (no double counting)
    bonus: dict[str, list[Reason]] = {}
    for code, c in static.requires:  # only what a prerequisite can block
        if blocked[code] is None or code in gone or score[code] <= 0:
            continue
        for pre in c.prerequisites.codes:
            if pre in have or blocked.get(pre) is not None:
                continue
            own = built.get(code, 0) + sum(w for rule, said in firing if pre not in rule.weights
                                           for c2, w, _ in said if c2 == code)
            if own > 0:
                bonus.setdefault(pre, []).append(Reason(
                    f"It is the first step towards {code} ({c.name}), which {blocked[code]}.",
                    math.ceil(own / 2), "step-towards"))
    for code, extra in bonus.items():
        score[code] += sum(r.weight for r in extra)

    floor, order = static.floor, static.order
    fits = {code: (None if budget is None or floor[code] is None else floor[code] <= budget)
            for code in certs}
    candidates = [code for code in certs if blocked[code] is None and score[code] > 0]
    any_fits = budget is not None and any(fits[c] is not False for c in candidates)

    # eligible first, then not over budget (when anything fits), the higher score, catalogue order
    # (unique, so the code itself is never compared)
    ranked = [k[4] for k in sorted([(blocked[code] is not None, any_fits and fits[code] is False,
                                      -score[code], order[code], code) for code in certs])]
    short = None
    if budget is not None and candidates and not any_fits:  # nothing fits: the smallest shortfall first
        short = min((c for c in candidates if floor[c] is not None),
                    key=lambda c: (floor[c] - budget, -score[c], order[c]), default=None)
        if short is not None:
            ranked.remove(short)
            ranked.insert(0, short)
    first = ranked[0] if ranked and blocked[ranked[0]] is None else None

    # what argues for and against each code, strongest first (a stable sort keeps rule order among
    # equals); nothing is said for what the person holds or held
    price, new = static.price, tuple.__new__
    ranking = []
    for code in ranked:
        pro: tuple[Reason, ...] = ()
        con: tuple[Reason, ...] = ()
        if (reasons or code == first) and code not in gone and (code in weighed or code in bonus):
            found = weighed.get(code, []) + bonus.get(code, [])
            if len(found) == 1:
                w = found[0].weight
                pro, con = (tuple(found), ()) if w > 0 else ((), tuple(found)) if w < 0 else ((), ())
            else:
                up = [r for r in found if r.weight > 0]
                down = [r for r in found if r.weight < 0]
                up.sort(key=_weight, reverse=True)
                down.sort(key=_weight)
                pro, con = tuple(up), tuple(down)
        why = blocked[code]
        fit = fits[code] if price[code] is not None or fits[code] is False else None
        ranking.append(new(Ranked, (code, score[code], pro, why is None, why, price[code], fit, con)))
    ranking_t = tuple(ranking)
    top = ranking_t[0] if ranking_t and ranking_t[0].eligible else None
    notes = _notes(catalogue, static, ranking_t, top, budget, any_fits, short, gone)
    unknown = dict.fromkeys(c for qid in ("held", "lapsed", "employer_asks") for c in answers.get(qid) or ()
                            if c not in certs and c not in catalogue.others)
    if unknown:
        notes.append(f"{', '.join(unknown)}: not in scrumcert's knowledge base; kept as you gave it, but it "
                     "does not change the advice.")
    aimed = _aimed(static, catalogue, target)
    path = _path(catalogue, top, score, blocked, have, answers, aimed) if top else ()
    return Advice(answers, top.code if top else None, ranking_t, path, fired, tuple(notes))


_weight = itemgetter(1)  # a Reason's weight, the key its sorts take


def _money(value: int) -> str:
    return usd(value)


def _notes(catalogue: Catalogue, static: _Static, ranking: tuple[Ranked, ...], top: Ranked | None,
           budget: int | None, any_fits: bool, short: str | None, gone: set[str]) -> list[str]:
    """What the person must know beside the ranking: budget, waiting and unknown prices."""
    certs = catalogue.certifications
    notes: list[str] = []
    if top is None:
        notes.append("Nothing is left to recommend: you hold everything you are eligible for.")
        return notes
    c = certs[top.code]
    span = cost_now_range(c)
    if budget is not None and short is not None:
        gap = static.floor[top.code] - budget  # type: ignore[operator]
        if static.price[top.code] is not None:
            cost = f"costs {_money(static.price[top.code])}"  # type: ignore[arg-type]
        else:
            cost = (f"has no price in any source, and the cheapest trainer-led class we know of, for any "
                    f"credential, costs {_money(static.course_from)}")  # type: ignore[arg-type]
        notes.append(f"Nothing you are eligible for is known to fit a budget of {_money(budget)}. The "
                     f"closest is {top.code}: it {cost}, {_money(gap)} more than your budget. "
                     f"Save or ask your employer for {_money(gap)} more; {FREE_MEANWHILE}.")
    elif budget is not None and span is not None and span[0] <= budget < span[1]:
        notes.append(f"{top.code} fits your budget only at the cheapest listings: sources give "
                     f"{_money(span[0])} to {_money(span[1])}; ask trainers for quotes before you book.")
    if static.price[top.code] is None:
        notes.append(_unknown_price(c, static, short is None))
    better = [r for r in ranking if r.eligible and r.score > top.score and r.code != top.code]
    if budget is not None and better:
        best = better[0]
        if static.price[best.code] is not None:
            notes.append(f"{best.code} fits your answers better, but costs from "
                         f"{_money(static.price[best.code])}, over your budget of {_money(budget)}.")
        elif static.floor[best.code] is not None:
            notes.append(f"{best.code} fits your answers better, but no source gives its price, and "
                         f"it costs at least {_money(static.floor[best.code])} (no trainer-led class or exam "
                         f"fee we know of is less), over your budget of {_money(budget)}.")
    waiting = max((r for r in ranking if not r.eligible and r.code not in gone), key=lambda r: r.score,
                  default=None)
    if waiting and waiting.score > top.score:
        notes.append(f"{waiting.code} fits your answers best, but {waiting.blocked}.")
    return notes


def _unknown_price(c: Certification, static: _Static, estimate: bool) -> str:
    """An unknown price said as unknown, with who to ask: an exam-only assessment is priced on the
    issuer's page, a course by each trainer. The cheapest class of any kind is only a floor, and is
    said as such so no one reads it as this credential's price; a known exam fee is added."""
    if not needs_course(c):
        page = f" ({c.official_page})" if c.official_page else ""
        return f"No source gives {c.code}'s assessment fee: check {c.issuer}'s page{page} before you book."
    text = f"No source gives the price of {c.code}'s course: ask trainers for quotes"
    fee = c.exam.fee_usd if c.exam is not None else None
    if fee is not None and c.kind != "course":
        text += f"; the exam fee of {_money(fee)} comes on top"
    if estimate and static.course_from is not None:
        text += (f"; the cheapest trainer-led class we know of, for any credential, costs "
                 f"{_money(static.course_from)}")
    return text + "."


def _first_why(top: Ranked) -> str:
    return top.reasons[0].text if top.reasons else "It fits your answers best among what you can take now."


def _level_when(c: Certification, before: str) -> str:
    """The advisory "when" of a level with no experience requirement of its own."""
    if c.level == "expert":
        return "after years of practice: an essay assessment for experts; advised, not required"
    if c.level in ("advanced", "professional"):
        return f"once you have put what {before} covers into practice in the role; advised, not required"
    return "next, when you are ready"


def _ready_next(catalogue: Catalogue, score: dict[str, int], blocked: dict[str, str | None],
                taken: set[str], aimed: dict[str, bool]) -> Certification | None:
    """The best advanced credential on the person's target that they can take now, if it fits at least
    as well as anything still waiting for experience (else the waiting one is the better next step)."""
    on = [c for c in catalogue.certifications.values() if c.code not in taken and score[c.code] > 0
          and aimed[c.code] and c.level != "foundation" and c.kind == "certification"]
    ready = max((c for c in on if blocked[c.code] is None), key=lambda c: score[c.code], default=None)
    waiting = max((score[c.code] for c in on if blocked[c.code] is not None), default=0)
    return ready if ready is not None and score[ready.code] >= waiting else None


def _path(catalogue: Catalogue, top: Ranked, score: dict[str, int], blocked: dict[str, str | None],
          have: set[str], answers: dict[str, Any], aimed: dict[str, bool]) -> tuple[Step, ...]:
    """The path from the recommendation on; ``aimed`` says per code whether it is on the target's track."""
    certs = catalogue.certifications
    first = certs[top.code]
    steps = [Step(first.code, "now", _first_why(top))]
    taken = set(have) | {first.code}
    if first.kind == "course":
        for code in first.includes:
            if code not in have:
                steps.append(Step(code, "right after the course",
                                  f"The {first.code} course comes with an attempt at the {code} assessment."))
                taken.add(code)
    if answers.get("target") == "both":
        # A side already covered by a credential held (or once held) needs no second foundation.
        covered = {r for code in have if code in certs for r in certs[code].roles}
        sides = [r for r in ("scrum_master", "product_owner") if r not in first.roles and r not in covered]
        if len(sides) == 1:
            side = sides[0]
            other = max((c for c in certs.values() if c.level == "foundation" and c.kind == "certification"
                         and side in c.roles and c.code not in taken and blocked[c.code] is None
                         and score[c.code] > 0), key=lambda c: score[c.code], default=None)
            if other is not None:
                words = "Scrum Master" if side == "scrum_master" else "Product Owner"
                steps.append(Step(other.code, "next", f"You want both accountabilities: {other.code} covers "
                                                      f"the {words} side."))
                taken.add(other.code)
    current = first
    limit = max(PATH_STEPS, len(steps) + 2)
    while len(steps) < limit:
        options = [c for c in current.leads_to if c not in taken and certs[c].kind != "course"]
        if not options and len(steps) == 1:
            # The pick ends its track at once (ICP-ACC, PAL I): an advanced step open now on the
            # person's target comes next, before one that still waits for months in a role.
            ready = _ready_next(catalogue, score, blocked, taken, aimed)
            if ready is not None:
                steps.append(Step(ready.code, "next: you can take it now",
                                  "It also fits your answers, and you meet what it asks for today."))
                taken.add(ready.code)
                current = ready
                continue
        if not options:
            break
        nxt = certs[max(options, key=lambda c: (score[c], -current.leads_to.index(c)))]
        if [p for p in nxt.prerequisites.codes if p not in taken]:
            break
        need, months = experience_gap(nxt, answers)
        if need and months < need:
            when, gap = gate_words(nxt, answers), need - months
        elif need:
            when, gap = "next: you have the months it asks for", 0
        else:
            before = next((code for code in current.includes
                           if code in certs and nxt.code in certs[code].leads_to), current.code)
            when, gap = _level_when(nxt, before), 0
        why = (f"The next level after the assessments the {current.code} course comes with."
               if current.kind == "course"
               else f"It builds on {current.code}: the next level of the same track.")
        if nxt.prerequisites.note:
            why += f" {nxt.prerequisites.note}"
        steps.append(Step(nxt.code, when, why, gap))
        taken.add(nxt.code)
        current = nxt
    waiting = [c for c in certs.values() if score[c.code] > 0 and blocked[c.code] is not None
               and blocked[c.code].startswith("needs ") and c.code not in taken  # type: ignore[union-attr]
               and aimed[c.code]
               and not [p for p in c.prerequisites.codes if p not in taken]
               and experience_gap(c, answers)[0] > experience_gap(c, answers)[1]]
    if waiting:
        best = max(waiting, key=lambda c: score[c.code])
        need, months = experience_gap(best, answers)
        steps.append(Step(best.code, gate_words(best, answers),
                          "It fits your answers well once you have the experience it asks for.",
                          need - months))
    return tuple(steps)
