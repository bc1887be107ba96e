"""The answers to the interview: read from a file or from options, checked against the questions.

Answers are a plain dict keyed by question id: a choice is its value (str), a number question an
int (or None: no limit), a codes question a tuple of canonical codes. Every problem is a
ScrumcertError naming the question and the allowed values.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from scrumcert.catalogue.lookup import normalise, resolve
from scrumcert.catalogue.model import Catalogue, Question
from scrumcert.errors import ScrumcertError

if TYPE_CHECKING:
    from scrumcert.ads import AdsReport

Answers = dict[str, Any]
Asker = Callable[[Catalogue, Answers], Answers]


def read_file(path: Path) -> dict[str, Any]:
    """Read an answers file (YAML, or JSON by its suffix) through the one bounded reader: a pipe
    works, a pipe with no writer reads as empty, nothing larger than 10 MB is read. JSON duplicate
    keys are refused, as YAML's are."""
    from scrumcert.catalogue.yamlsafe import read_yaml
    from scrumcert.files import read_bytes

    shown = str(path)
    raw = read_bytes(path, f"answers file {shown}")
    if path.suffix.lower() == ".json":
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ScrumcertError(f"answers file {shown}: not UTF-8 text ({exc.reason} at byte {exc.start})"
                                 ) from None
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicates) if text.strip() else None
        except _DuplicateKey as exc:
            raise ScrumcertError(f"answers file {shown}: duplicate key {exc.args[0]!r}") from None
        except json.JSONDecodeError as exc:
            raise ScrumcertError(f"answers file {shown}:{exc.lineno}: invalid JSON: {exc.msg}") from None
        except (ValueError, RecursionError) as exc:  # e.g. an integer too long to convert, deep nesting
            raise ScrumcertError(f"answers file {shown}: invalid JSON: {str(exc)[:80] or 'too deep'}"
                                 ) from None
    else:
        data = read_yaml(path, shown, raw)
    if data is None:
        raise ScrumcertError(f"answers file {shown}: is empty")
    if not isinstance(data, dict):
        raise ScrumcertError(f"answers file {shown}: expected a mapping of question ids to answers")
    return data


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _DuplicateKey(k)
        out[k] = v
    return out


def _shown(value: Any, most: int = 60) -> str:
    """A value quoted in an error, cut short: a 50 MB answer must not make a 50 MB error line."""
    if isinstance(value, str) and len(value) > most:
        return repr(value[:most] + "...")
    text = repr(value)
    return text if len(text) <= most else text[:most] + "..."


def _one(catalogue: Catalogue, q: Question, value: Any, where: str) -> Any:
    if q.type == "choice":
        if isinstance(value, str) and value not in q.values:
            from scrumcert.vocabulary import choice_value  # "Product Owner" as well as product_owner

            value = choice_value(q, value) or value
        if value not in q.values:
            raise ScrumcertError(f"{where}: {_shown(value)} is not allowed for {q.id!r} "
                                 f"(allowed: {', '.join(q.values)})")
        return value
    if q.type == "integer":
        if value is None or value == "":
            return None
        # "1,500" and "$1500" as people type them; only ASCII digits ('²' and '٣' are digits to Python)
        text = value.strip().replace(",", "").removeprefix("$") if isinstance(value, str) else None
        if text is not None and text.isascii() and text.isdigit() and len(text) <= 12:
            value = int(text)
        elif text == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10**12:
            raise ScrumcertError(f"{where}: {q.id!r} must be a whole number from 0 to 999999999999, "
                                 f"got {_shown(value, 40)}")
        return value
    # codes
    if value is None or value == "":
        return ()
    items = [v for v in value.replace(";", ",").split(",")] if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(v, str) for v in items):
        raise ScrumcertError(f"{where}: {q.id!r} must be a list of certification codes")
    try:
        if q.id in OPEN_CODES:
            return tuple(dict.fromkeys(credential(catalogue, v) for v in items if v.strip()))
        return tuple(dict.fromkeys(resolve(catalogue, v) for v in items if v.strip()))
    except ScrumcertError as exc:
        raise ScrumcertError(f"{where}: {q.id!r}: {exc.message}") from None


def parse(catalogue: Catalogue, q: Question, value: Any, where: str = "answer") -> Any:
    """One answer to one question, as the options, the files and the interview give it: the one
    parser of each question type. A problem is a ScrumcertError naming the question."""
    return _one(catalogue, q, value, where)


def problem(catalogue: Catalogue, q: Question, value: Any) -> str | None:
    """What is wrong with an answer (for the interview to say before it moves on), or None."""
    try:
        _one(catalogue, q, value, "")
    except ScrumcertError as exc:
        return exc.message.removeprefix(": ")
    return None


# Questions about credentials a person holds, held once or sees asked for: they may name well-known
# credentials outside the catalogue (PMP, PRINCE2, ITIL, ...), which are kept, not refused.
OPEN_CODES = ("held", "lapsed", "employer_asks")
_PLAUSIBLE = re.compile(r"[A-Za-z][A-Za-z0-9 .+&/()-]{0,39}")
TYPO_CUTOFF = 0.8  # this close to a catalogue spelling, an unknown code is a typo, not another credential


def credential(catalogue: Catalogue, text: str) -> str:
    """A catalogue code; else another credential the catalogue lists (``others``, by code or alias);
    else, when it looks like a credential and not like a typo of a catalogue code, the code as typed
    (upper case), kept so that the advice can say it is not known."""
    key = normalise(text)
    code = catalogue.index.get(key)
    if code:
        return code
    other = catalogue.other_index.get(key)
    if other:
        return other
    import difflib

    shown = text.strip()
    if not _PLAUSIBLE.fullmatch(shown) or difflib.get_close_matches(key, catalogue.index, n=1,
                                                                     cutoff=TYPO_CUTOFF):
        return resolve(catalogue, text)  # raises, with "did you mean"
    return " ".join(shown.split()).upper()


def check(catalogue: Catalogue, raw: Mapping[str, Any], where: str) -> Answers:
    """Validate answers given as a mapping; unknown ids and values are errors."""
    out: Answers = {}
    for key, value in raw.items():
        q = catalogue.questions.get(str(key))
        if q is None:
            raise ScrumcertError(f"{where}: unknown question {_shown(key)} "
                                 f"(questions: {', '.join(catalogue.questions)})")
        out[q.id] = _one(catalogue, q, value, where)
    return out


# A budget is given in the answers' currency (``budget``) or, as the first answers files did, in US
# dollars (``budget_usd``); the interview asks one of the two, and ``budget`` wins when both are given.
# The currency follows the region unless it is given (the interview does not ask it).
_IMPLIED_BY = {"budget": "budget_usd", "budget_usd": "budget", "currency": "region"}


def implied(qid: str, answers: Answers) -> bool:
    """True when the interview need not ask the question: what settles it is answered already."""
    other = _IMPLIED_BY.get(qid)
    return other is not None and other in answers


def currency_of(answers: Answers) -> str:
    """The answers' currency: given, else the chosen region's, else US dollars."""
    if answers.get("currency"):
        return str(answers["currency"])
    from scrumcert.money import HOME, REGIONS

    region = REGIONS.get(str(answers.get("region")))
    return region.currency if region else HOME


def missing(catalogue: Catalogue, answers: Answers) -> list[str]:
    """Required questions not answered yet, in interview order."""
    return [q.id for q in catalogue.questions.values() if q.required and q.id not in answers]


def with_defaults(catalogue: Catalogue, answers: Answers) -> Answers:
    """Fill every unanswered optional question with its default (or 'no answer'), in interview order."""
    full: Answers = {}
    for q in catalogue.questions.values():
        if q.id in answers:
            full[q.id] = answers[q.id]
        elif q.type == "codes":
            full[q.id] = ()
        else:
            full[q.id] = q.default if q.type == "choice" else None
    if "currency" in full and "currency" not in answers and "region" in answers:
        full["currency"] = currency_of(answers)
    if full.get("budget") is not None:  # judged in US dollars: converted once, here
        from scrumcert.money import HOME, budget_usd, rates_for

        currency = full.get("currency") or HOME
        full["budget_usd"] = round(budget_usd(full["budget"], currency,
                                              rates_for(catalogue) if currency != HOME else None), 2)
    return full


def plain(answers: Answers) -> dict[str, Any]:
    """Answers as JSON/YAML-ready values (tuples become lists)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in answers.items()}


def save(answers: Answers, path: Path) -> None:
    """Write the answers so a run can be repeated; written whole or not at all."""
    import yaml

    from scrumcert.files import write_text

    text = (json.dumps(plain(answers), indent=2) + "\n" if path.suffix.lower() == ".json"
            else yaml.safe_dump(plain(answers), sort_keys=False, allow_unicode=True))
    write_text(path, text, f"--save-answers {path}")


class Gathered(NamedTuple):
    """Everything ``advise`` was told, from wherever it came."""

    given: Answers  # as given: what --save-answers writes
    full: Answers  # every question answered, defaults filled in: what the recommender reads
    since: dict[str, date]  # held CODE@DATE: when each was earned or last renewed
    ads: AdsReport | None  # the job ads read (--ads), if any
    asks: tuple[str, ...]  # what most of those ads name

    @property
    def ever_held(self) -> tuple[str, ...]:
        """Held now or lapsed: what the renewals in the advice are about."""
        return (*self.full.get("held", ()), *(self.full.get("lapsed") or ()))

    def to_save(self) -> Answers:
        """The answers to write back, held certifications with their dates."""
        if "held" not in self.given:
            return self.given
        held = tuple(f"{c}@{self.since[c].isoformat()}" if c in self.since else c for c in self.given["held"])
        return {**self.given, "held": held}


def gather(catalogue: Catalogue, options: Mapping[str, Any], file: Path | None = None,
           ad_files: Sequence[str] = (), ask: Asker | None = None, can_ask: bool | None = None) -> Gathered:
    """The answers for ``advise``: options first, then the answers file, then what the job ads name
    (as ``employer_asks``), then ``ask`` (the interview) for what is still missing, when there is a
    terminal to ask on (``can_ask``; by default, stdin and stdout are terminals). The interview is
    passed in rather than imported: it checks its replies with this module's parser."""
    from scrumcert import renewals
    from scrumcert.catalogue.freshness import today

    if not catalogue.questions:
        raise ScrumcertError(f"the catalogue {catalogue.origin} has no questions; advise needs them")
    given = read_file(file) if file else {}
    given["held"], dated = renewals.split_dated(given.get("held"))  # CODE@DATE: the dates apart
    if given["held"] is None:
        del given["held"]
    given = check(catalogue, given, f"answers file {file}")
    for qid, value in options.items():
        if value is None:
            continue
        if qid == "held":
            value, dated_here = renewals.split_dated(value)
            dated += dated_here
        given.update(check(catalogue, {qid: value}, f"--{qid.replace('_', '-')}"))
    since = renewals.dated_since(catalogue, dated, today())
    report, asks = None, ()
    if ad_files:
        from scrumcert import ads

        report = ads.count(catalogue, ads.read_texts(ads.read_files(ad_files)))
        asks = ads.employer_asks(report)
        if asks and "employer_asks" in catalogue.questions:
            given["employer_asks"] = tuple(dict.fromkeys((*given.get("employer_asks", ()), *asks)))
    lacking = missing(catalogue, given)
    if lacking:
        if can_ask is None:
            can_ask = sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()
        if not can_ask or ask is None:
            flags = " ".join(f"--{m.replace('_', '-')} VALUE" for m in lacking)
            raise ScrumcertError(f"no terminal to ask on, and these answers are missing: "
                                 f"{', '.join(lacking)}; give them as {flags} or in --answers FILE")
        given = ask(catalogue, given)
    full = with_defaults(catalogue, given)
    gone = renewals.lapsed_by_date(catalogue, full.get("held", ()), since, today())
    if gone and "lapsed" in catalogue.questions:  # held with a date long past: it has lapsed, say so
        full["held"] = tuple(c for c in full["held"] if c not in gone)
        full["lapsed"] = tuple(dict.fromkeys((*(full.get("lapsed") or ()), *gone)))
    return Gathered(given, full, since, report, tuple(asks))
