"""What the job ads a person wants ask for: which credentials each names, required or preferred.

Ad texts and the catalogue go in, counts come out; nothing is fetched. Only ``read_files`` touches
files, through the project's one bounded reader; everything else is pure. A credential is found
however people write it ("Certified ScrumMaster (CSM)", "PSM-I", "PSM 1", "SAFe Scrum Master (SSM)"),
from the catalogue's codes, names and aliases, and counted once per ad. A phrase that names no
credential ("Scrum Master certification", "a certified Scrum Master") counts nothing: codes are matched
in capitals only, names with their capitals, and nothing shorter than three letters is a spelling.
Whether an ad requires or prefers a credential is read from the words around it (its sentence, bullet
or the heading it sits under); credentials joined by "or" are alternatives.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from scrumcert.catalogue.model import Catalogue
from scrumcert.errors import ScrumcertError

REQUIRED = "required"
PREFERRED = "preferred"

# the words around a mention that say how much the ad wants it (matched case-insensitively, whole words)
_PREFERRED = re.compile(
    r"\b(?:preferred|preferably|prefer|nice[\s-]to[\s-]have|a\s+plus|is\s+a\s+plus|plus|desirable|desired|"
    r"bonus|advantage(?:ous)?|ideally|welcome|beneficial|would\s+be\s+great|optional|wünschenswert|"
    r"von\s+vorteil|souhaité|un\s+plus)\b", re.IGNORECASE)
_REQUIRED = re.compile(
    r"\b(?:required|requirements?|requires?|must|mandatory|essential|necessary|needed|need\s+to\s+have|"
    r"needs?\s+to\s+hold|you\s+hold|you\s+have|minimum\s+qualifications?|erforderlich|zwingend|"
    r"vorausgesetzt|obligatoire|exigée?s?|requis)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|no|nor|without|keine?|pas)\s+(?:\w+\s+){0,2}?(?:required|necessary|needed|"
                      r"mandatory|a\s+must|erforderlich|requis|obligatoire)\b", re.IGNORECASE)
_OR_GAP = re.compile(r",|/|\||(?:,\s*)?(?:or|oder|ou|o|either)(?:\s+(?:a|an|the|ein|eine|un|une))?",
                     re.IGNORECASE)
# an ad is one file; several ads in one file are separated by a line of three or more dashes
_AD_BREAK = re.compile(r"^\s*-{3,}\s*$", re.MULTILINE)
_SEGMENT = re.compile(r"[^\n.;!?]+(?:[.;!?](?!\S)|\n|$)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ROMAN = {"I": "(?:I|1)", "II": "(?:II|2)", "III": "(?:III|3)"}


class Mention(NamedTuple):
    code: str
    start: int
    status: str | None  # required, preferred or None (named without saying)


class AdReading(NamedTuple):
    """What one ad names: each code once, how strongly, and the codes offered as alternatives."""

    name: str
    named: dict[str, str | None]  # code -> required / preferred / None
    alternatives: tuple[tuple[str, ...], ...]


class Count(NamedTuple):
    code: str
    named: int
    required: int
    preferred: int
    alternatives: tuple[str, ...]  # codes offered in its place by at least one ad


class AdsReport(NamedTuple):
    ads: int
    counts: tuple[Count, ...]  # most named first
    readings: tuple[AdReading, ...]

    def share(self, code: str) -> int:
        return next((c.named for c in self.counts if c.code == code), 0)


def _piece(word: str) -> str:
    """One word of a spelling: its first letter as written, the rest in any case; a Roman numeral
    also as a digit."""
    if word in _ROMAN:
        return _ROMAN[word]
    if word.isupper() or word.isdigit():
        return re.escape(word)  # a code: capitals as written
    first, rest = word[0], word[1:]
    return re.escape(first) + (f"(?i:{re.escape(rest)})" if rest else "")


def spelling_pattern(spelling: str) -> str | None:
    """The regular expression of one spelling, or None when it is too short to mean a credential."""
    words = [w for chunk in re.findall(r"[A-Za-z0-9]+", spelling) for w in _CAMEL.split(chunk) if w]
    if not words or sum(len(w) for w in words) < 3:
        return None
    body = r"[\s\-_./]*".join(_piece(w) for w in words)
    return rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"


def spellings(catalogue: Catalogue) -> dict[str, str]:
    """Every spelling the ads are searched for -> its code: certifications (not courses, which are
    training rather than a credential an employer asks for) and the other credentials the catalogue
    knows (PMP, PRINCE2, ...), if any."""
    out: dict[str, str] = {}
    for c in catalogue.certifications.values():
        if c.kind == "course":
            continue
        names = [c.code, c.name, *c.aliases]
        # "Professional Scrum Master" is PSM I, as the alias PSM is
        if c.code.endswith("-I") and c.code[:-2] in c.aliases and c.name.endswith(" I"):
            names.append(c.name[:-2])
        for n in names:
            out.setdefault(n, c.code)
    for o in getattr(catalogue, "others", {}).values():
        for n in (o.code, o.name, *getattr(o, "aliases", ())):
            out.setdefault(n, o.code)
    return out


class Matcher:
    """One regular expression for every spelling, longest first, so "PSM II" is never read as PSM."""

    def __init__(self, catalogue: Catalogue) -> None:
        table = spellings(catalogue)
        ordered = sorted(table, key=lambda s: (-len(s), s))
        parts, self.codes = [], []
        for s in ordered:
            pattern = spelling_pattern(s)
            if pattern:
                parts.append(f"({pattern})")
                self.codes.append(table[s])
        self.regex = re.compile("|".join(parts)) if parts else None

    def find(self, text: str) -> list[tuple[str, int, int]]:
        if self.regex is None:
            return []
        out = []
        for m in self.regex.finditer(text):
            group = m.lastindex or 0
            out.append((self.codes[group - 1], m.start(), m.end()))
        return out


def _cue(text: str) -> str | None:
    """required / preferred / None from words."""
    if _PREFERRED.search(text):
        return PREFERRED
    if _REQUIRED.search(text):
        return REQUIRED
    return None


_BULLET = re.compile(r"^\s*(?:[-*•·–+]|\d+[.)])\s")


def _heading(line: str) -> str | None:
    """A line that heads a part of the ad ("Requirements:", "Nice to have", "## About you") gives its
    cue (or none) to the lines below it, up to the next heading. None: not a heading."""
    if _BULLET.match(line):
        return None
    stripped = line.strip().strip("#*_=").strip()
    if not stripped or len(stripped) > 60 or stripped.rstrip(":")[-1:] in ".!?;":
        return None
    if stripped.endswith(":") or len(stripped.split()) <= 4:
        return _cue(stripped) or ""
    return None


_RANK = {None: 0, PREFERRED: 1, REQUIRED: 2}


def _alternatives(line: str, hits: list[tuple[str, int, int]]) -> list[tuple[str, ...]]:
    """Runs of credentials joined by "or", "/" (or a list ending in "or"): each run is one group of
    alternatives. "Certified ScrumMaster (CSM)" is one credential written twice, not a choice."""
    groups: list[tuple[str, ...]] = []
    run: list[str] = [hits[0][0]]
    either = False
    for (_, _, end), (code, start, _) in pairwise(hits):
        gap = re.sub(r"[()\[\]\s]+", " ", line[end:start]).strip().lower()
        if code == run[-1] and gap == "":
            continue
        if _OR_GAP.fullmatch(gap):
            either = either or gap != ","
            run.append(code)
            continue
        if either and len(set(run)) > 1:
            groups.append(tuple(dict.fromkeys(run)))
        run, either = [code], False
    if either and len(set(run)) > 1:
        groups.append(tuple(dict.fromkeys(run)))
    return groups


def read_ad(matcher: Matcher, text: str, name: str) -> AdReading:
    """What one ad names, and how strongly: the cue in a mention's own sentence or bullet wins, else
    the heading it sits under."""
    named: dict[str, str | None] = {}
    groups: list[tuple[str, ...]] = []
    section: str | None = None
    for line in text.splitlines():
        found = matcher.find(line)
        head = _heading(line) if not found else None
        if head is not None:
            section = head or None
            continue
        for seg in _SEGMENT.finditer(line):
            hits = [h for h in found if seg.start() <= h[1] < seg.end()]
            if not hits:
                continue
            words = line[seg.start():seg.end()]
            for _, s, e in sorted(hits, key=lambda h: -h[1]):  # the credentials' own words are no cue
                words = words[:s - seg.start()] + " " + words[e - seg.start():]
            if _NEGATED.search(words):
                continue  # "CSM not required": named only to say it is not asked for
            status = _cue(words) or section
            groups += _alternatives(line, hits)
            for code, _, _ in hits:
                if code not in named or _RANK[status] > _RANK[named[code]]:
                    named[code] = status
    return AdReading(name, named, tuple(dict.fromkeys(groups)))


def split_ads(text: str) -> list[str]:
    """The ads in one text: separated by a line of three or more dashes; empty parts dropped."""
    return [part for part in _AD_BREAK.split(text) if part.strip()]


def count(catalogue: Catalogue, ads: Iterable[tuple[str, str]]) -> AdsReport:
    """Count the credentials named in ``ads`` (name, text): each once per ad, most named first."""
    matcher = Matcher(catalogue)
    readings = tuple(read_ad(matcher, text, name) for name, text in ads)
    totals: dict[str, list[int]] = {}
    alternatives: dict[str, dict[str, None]] = {}
    for r in readings:
        for code, status in r.named.items():
            t = totals.setdefault(code, [0, 0, 0])
            t[0] += 1
            t[1] += status == REQUIRED
            t[2] += status == PREFERRED
        for group in r.alternatives:
            for code in group:
                alternatives.setdefault(code, {}).update(dict.fromkeys(c for c in group if c != code))
    order = list(dict.fromkeys(c for r in readings for c in r.named))
    counts = tuple(Count(code, *totals[code], tuple(alternatives.get(code, {}))) for code in order)
    counts = tuple(sorted(counts, key=lambda c: (-c.named, -c.required, order.index(c.code))))
    return AdsReport(len(readings), counts, readings)


def meaning(c: Count, ads: int) -> str:
    """What a count means for the person reading it, in one sentence."""
    share = f"{c.named} of your {ads} ad{'s' if ads != 1 else ''}"
    either = f" (or {' or '.join(c.alternatives)} instead)" if c.alternatives else ""
    if c.required and c.required * 2 >= ads:
        return (f"{share} name it and {c.required} require it{either}: without it these ads may filter "
                "you out.")
    if c.required:
        return f"{share} name it, {c.required} as a requirement{either}: it opens some of these doors."
    if c.preferred and c.preferred == c.named:
        return f"{share} name it, only as a plus{either}: welcome, not a filter."
    if c.named * 2 >= ads:
        return f"{share} name it{either}: a keyword these employers look for."
    return f"{share} name it{either}: a minority; weigh it against what the others ask."


def employer_asks(report: AdsReport, least_share: float = 0.5, least_ads: int = 1) -> tuple[str, ...]:
    """The credentials a meaningful share of the ads name: at least ``least_share`` of them (half),
    and at least ``least_ads``; most named first."""
    if not report.ads:
        return ()
    return tuple(c.code for c in report.counts
                 if c.named >= least_ads and c.named / report.ads >= least_share)


def read_texts(named: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """(name, text) of each ad: a text with dash-line separators holds several, named name#1, #2..."""
    out: list[tuple[str, str]] = []
    for name, text in named:
        parts = split_ads(text)
        if len(parts) == 1:
            out.append((name, parts[0]))
        else:
            out += [(f"{name}#{n}", part) for n, part in enumerate(parts, 1)]
    return out


def asks_notes(report: AdsReport, codes: Sequence[str]) -> list[str]:
    """What the advice says about the ads: "3 of your 3 ads name PSM-I (2 require it)"."""
    notes = []
    by_code = {c.code: c for c in report.counts}
    for code in codes:
        c = by_code.get(code)
        if c is None:
            continue
        how = [f"{c.required} require{'s' if c.required == 1 else ''} it"] if c.required else []
        how += [f"{c.preferred} prefer{'s' if c.preferred == 1 else ''} it"] if c.preferred else []
        notes.append(f"{c.named} of your {report.ads} ad{'s' if report.ads != 1 else ''} name {code}"
                     + (f" ({', '.join(how)})" if how else "") + ".")
    return notes


AD_LIMIT = 1024 * 1024  # one job ad is a few KB; a megabyte is plenty


def read_files(names: Sequence[str]) -> list[tuple[str, str]]:
    """(name, text) of each ad file the user named, read bounded; '-' is standard input."""
    out: list[tuple[str, str]] = []
    for name in names:
        if name == "-":
            stream = getattr(sys.stdin, "buffer", None)
            raw = stream.read(AD_LIMIT + 1) if stream is not None else b""
            label = "standard input"
        else:  # the one bounded reader: no FIFO blocks, no device fills the memory
            from scrumcert.files import read_bytes

            label = name
            raw = read_bytes(Path(name), name, limit=AD_LIMIT)
        if len(raw) > AD_LIMIT:
            raise ScrumcertError(f"{label}: is larger than 1 MB; one job ad is a few KB")
        out.append((label, raw.decode("utf-8", errors="replace")))
    return out
