"""Team plans: one recommendation per person, people who work together put on one course, seats
counted and costed now and over the years.

``read_team_file`` does the I/O (CSV or YAML, one person a row); ``make_plan`` is pure. A row with a
bad value becomes a ``RowProblem`` and the rest of the plan is still computed.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, NamedTuple

from scrumcert import answers as answers_mod
from scrumcert.catalogue.model import Catalogue, Certification
from scrumcert.costs import cost_now_range, ownership
from scrumcert.errors import ScrumcertError
from scrumcert.recommender import Advice, Step, recommend

PERSON_FIELDS = ("name", "team")


class Person(NamedTuple):
    row: int
    name: str
    team: str
    answers: dict[str, Any]


class RowProblem(NamedTuple):
    row: int
    message: str


class Assignment(NamedTuple):
    person: Person
    recommended: str | None
    first_step: Step | None
    attend: str | None  # what the plan books: the recommendation, or a course taken together
    together_with: tuple[str, ...] = ()
    why: str = ""


class Plan(NamedTuple):
    years: int
    people: tuple[Assignment, ...]
    problems: tuple[RowProblem, ...]
    seats: dict[str, int]
    groups: tuple[tuple[str, str, tuple[str, ...]], ...]  # (team, course code, names)
    now_low: int
    now_high: int
    years_low: int
    years_high: int
    unpriced: dict[str, int]  # code -> seats whose price is unknown
    years_unknown: dict[str, tuple[str, ...]]  # code -> parts not priced


def _rows_from_csv(raw: bytes, path: Path, catalogue: Catalogue) -> list[dict[str, Any]]:
    """``,`` or ``;`` (as Excel saves it in much of Europe), headers in any case, labels or ids."""
    from scrumcert.teamcsv import read_rows

    return read_rows(raw.decode("utf-8-sig"), catalogue, f"team file {path}")


def read_team_file(path: Path, catalogue: Catalogue) -> tuple[list[Person], list[RowProblem]]:
    """Read a CSV or YAML team file; rows with bad values become problems, not failures. The file
    comes through the one bounded reader: a pipe (``plan /dev/stdin``, ``plan <(...)``) works, a folder
    is named as one, and nothing larger than 10 MB is read."""
    from scrumcert.files import read_bytes

    raw = read_bytes(path, f"team file {path}")
    try:
        if path.suffix.lower() != ".yaml" and path.suffix.lower() != ".yml":
            rows = _rows_from_csv(raw, path, catalogue)
        else:
            from scrumcert.catalogue.yamlsafe import read_yaml

            data = read_yaml(path, str(path), raw)
            data = data.get("people") if isinstance(data, dict) else data
            if not isinstance(data, list):
                raise ScrumcertError(f"team file {path}: expected a list of people (or people: [...])")
            rows = data
    except UnicodeDecodeError:
        raise ScrumcertError(f"team file {path}: not UTF-8 text (in a spreadsheet, save it as "
                             "'CSV UTF-8')") from None
    except OSError as exc:
        raise ScrumcertError(f"team file {path}: cannot read: {exc.strerror or exc}") from None
    except csv.Error as exc:
        raise ScrumcertError(f"team file {path}: invalid CSV: {exc}") from None
    people: list[Person] = []
    problems: list[RowProblem] = []
    for n, row in enumerate(rows, 1):
        try:
            people.append(_person(catalogue, n, row))
        except ScrumcertError as exc:
            problems.append(RowProblem(n, exc.message))
    return people, problems


def _person(catalogue: Catalogue, n: int, row: Any) -> Person:
    if not isinstance(row, dict):
        raise ScrumcertError("expected name, team and answers")
    if "__extra__" in row:
        raise ScrumcertError("more cells than columns")
    name = str(row.get("name") or "").strip()
    if not name:
        raise ScrumcertError("no name")
    team = str(row.get("team") or "").strip()
    raw = {k: v for k, v in row.items() if k not in PERSON_FIELDS and v not in ("", None)}
    given = answers_mod.check(catalogue, raw, name)
    missing = answers_mod.missing(catalogue, given)
    if missing:
        raise ScrumcertError(f"{name}: missing {', '.join(missing)}")
    return Person(n, name, team, answers_mod.with_defaults(catalogue, given))


def _together_course(catalogue: Catalogue) -> Certification | None:
    """The course made for Scrum Masters and Product Owners of one team (PSMPO in the bundled data)."""
    return next((c for c in catalogue.certifications.values()
                 if c.kind == "course" and {"scrum_master", "product_owner"} <= set(c.roles)), None)


def _side(answers: dict[str, Any]) -> set[str]:
    sides = {answers.get("role"), answers.get("target")}
    if "both" in sides:
        return {"scrum_master", "product_owner"}
    return sides & {"scrum_master", "product_owner"}


def _pairs(advice: Advice, code: str) -> bool:
    """Whether a person's own advice allows booking them on the joint course: eligible, a positive fit,
    and not known to be over their budget."""
    entry = advice.entry(code)
    return entry.eligible and entry.score > 0 and entry.fits_budget is not False


def make_plan(catalogue: Catalogue, people: list[Person], problems: list[RowProblem] | None = None,
              years: int = 3) -> Plan:
    """Recommend for everyone (identical answers are computed once), group teams, count and cost."""
    memo: dict[tuple[Any, ...], Advice] = {}
    advice: dict[int, Advice] = {}
    for p in people:
        key = tuple(sorted(p.answers.items()))
        if key not in memo:
            memo[key] = recommend(catalogue, p.answers, reasons=False)
        advice[p.row] = memo[key]

    together = _together_course(catalogue)
    booked: dict[int, tuple[str, tuple[str, ...], str]] = {}
    groups: list[tuple[str, str, tuple[str, ...]]] = []
    if together:
        teams: dict[str, list[Person]] = {}
        for p in people:
            if p.team:
                teams.setdefault(p.team, []).append(p)
        for team, members in teams.items():
            fit = [p for p in members if _side(p.answers) and _pairs(advice[p.row], together.code)]
            sides = set().union(*(_side(p.answers) for p in fit)) if fit else set()
            if len(fit) >= 2 and sides >= {"scrum_master", "product_owner"}:
                names = tuple(p.name for p in fit)
                groups.append((team, together.code, names))
                for p in fit:
                    others = tuple(q.name for q in fit if q.row != p.row)  # by row: two Anns are two people
                    booked[p.row] = (together.code, others, f"Scrum Master and Product Owner of team {team} "
                                     f"learn together in one {together.code} course: in each one's own "
                                     "advice "
                                     f"it is open to them, a positive fit and not over budget")

    assignments = []
    for p in people:
        a = advice[p.row]
        first = a.path[0] if a.path else None
        if p.row in booked:
            code, others, why = booked[p.row]
            assignments.append(Assignment(p, a.recommended, first, code, others, why))
        else:
            assignments.append(Assignment(p, a.recommended, first, a.recommended, (),
                                          first.why if first else " ".join(a.notes)))

    seats: dict[str, int] = {}
    for a in assignments:
        if a.attend:
            seats[a.attend] = seats.get(a.attend, 0) + 1
    now_low = now_high = years_low = years_high = 0
    unpriced: dict[str, int] = {}
    years_unknown: dict[str, tuple[str, ...]] = {}
    for code, count in seats.items():
        c = catalogue.certifications[code]
        span = cost_now_range(c)
        if span is None:
            unpriced[code] = count
        else:
            now_low += count * span[0]
            now_high += count * span[1]
        o = ownership(c, years)
        years_low += count * o.low
        years_high += count * o.high
        if o.unknown:
            years_unknown[code] = o.unknown
    return Plan(years, tuple(assignments), tuple(problems or ()), dict(sorted(seats.items())),
                tuple(groups), now_low, now_high, years_low, years_high, unpriced, years_unknown)


def write_template(catalogue: Catalogue, path: Path) -> int:
    """``plan --template FILE``: a starting team CSV, through the one safe writer; exit status 0."""
    from scrumcert.files import write_text
    from scrumcert.output import diagnostics
    from scrumcert.teamcsv import template

    write_text(path, template(catalogue), f"--template {path}")
    diagnostics.wrote(path)
    return 0
