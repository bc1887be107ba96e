"""One view per command: the only place a result's rows, notes and words are decided.

Each view gives ``data()`` (the documented JSON, from ``contract.py``) and ``blocks()`` (what the
table, Markdown and HTML show, from ``words.py``), plus what ``output.show`` needs around them: the
certifications shown (for the staleness warning), the lines for stderr and the exit status. The
writers only lay the blocks out, so the formats cannot disagree; ``tests/test_format_parity.py``
checks that every note, caveat and step reaches every format.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from scrumcert.catalogue.model import Catalogue, Certification, OtherCredential
from scrumcert.errors import ExitStatus
from scrumcert.output import contract, words
from scrumcert.output.blocks import (
    Block,
    Bullets,
    Card,
    Chart,
    Command,
    Grid,
    Heading,
    Lead,
    Note,
    Pairs,
    Para,
    SourceAppendix,
)
from scrumcert.safe_text import literal

if TYPE_CHECKING:
    from scrumcert.ads import AdsReport
    from scrumcert.planner import Plan as TeamPlan
    from scrumcert.recommender import Advice as Recommendation
    from scrumcert.renewals import AdviceRenewals
    from scrumcert.renewals import Item as HeldItem
    from scrumcert.renewals import Renewals as HeldRenewals

PLAN_ROWS_SHOWN = 200  # on a terminal; every other format lists everyone


class View(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def exit_status(self) -> ExitStatus: ...
    @property
    def json_depth(self) -> int | None: ...
    def shown(self) -> list[Certification]: ...
    def problems(self) -> list[str]: ...
    def data(self) -> Any: ...
    def blocks(self) -> list[Block]: ...


# --- pieces several views share ------------------------------------------------------------------------

NOTE_LABELS = ("Course note", "Exam note", "Renewal note", "Prerequisite note")


def notes(c: Certification) -> dict[str, str]:
    """The caveats the catalogue attaches to a certification, by label (where the "not confirmed"
    warnings live: every format shows them)."""
    texts = (c.course.note, c.exam and c.exam.note, c.renewal and c.renewal.note, c.prerequisites.note)
    return {label: literal(text) for label, text in zip(NOTE_LABELS, texts, strict=True) if text}


def attribute_grid(certs: list[Certification], catalogue: Catalogue, years: int | None) -> Grid:
    """The certifications side by side; rows whose values differ stand out."""
    rows = [["Name", *(literal(c.name) for c in certs)]]
    strong: set[int] = set()
    for label, values in words.attribute_rows(certs, catalogue, years):
        if len(certs) > 1 and len(set(values)) > 1:
            strong.add(len(rows))
        rows.append([label, *values])
    for label in NOTE_LABELS:
        cells = [notes(c).get(label, "-") for c in certs]
        if any(cell != "-" for cell in cells):
            rows.append([label, *cells])
    return Grid(["", *(c.code for c in certs)], rows, frozenset(strong), legend=len(certs) > 1)


def cost_notes(certs: list[Certification], years: int | None, catalogue: Catalogue | None = None
               ) -> list[Block]:
    """The assumptions behind the cost-over-years figures; with the catalogue, also what holding the
    certifications together costs where an issuer renews several as one."""
    if years is None:
        return []
    from scrumcert.costs import ownership, together_notes

    lines = [literal(n) for c in certs for n in ownership(c, years).assumptions]
    if catalogue is not None:
        lines += [literal(n) for n in together_notes(catalogue, certs, years)]
    return [Heading(f"Cost over {years} years: assumptions", 3), Bullets(lines)] if lines else []


def appendix(certs: list[Certification], on_screen: bool = True) -> list[Block]:
    """The sources as an appendix: grouped by certification, the issuer's page first, each with its
    kind and a link."""
    from scrumcert.output.report import source_groups

    groups = source_groups(certs)
    return [SourceAppendix("Sources", groups, on_screen)] if any(g.items or g.official_page
                                                                 for g in groups) else []


def cost_chart(certs: list[Certification], years: int | None) -> list[Block]:
    """The cost over the years: a picture in HTML reports, the same figures in words elsewhere."""
    if years is None or not certs:
        return []
    from scrumcert.costs import ownership

    def span(low: int, high: int) -> str:
        return words.money(low) if low == high else f"{words.money(low)} to {words.money(high)}"

    lines, drawn = [], []
    for c in certs:
        now, later = ownership(c, 0), ownership(c, years)
        if later.unknown and not later.high:  # nothing known to draw: said, never drawn as $0
            lines.append(f"{c.code}: unknown ({', '.join(later.unknown)} not known)")
            continue
        drawn.append(c)
        unknown = f" (at least: {', '.join(later.unknown)} not known)" if later.unknown else ""
        lines.append(f"{c.code}: {span(now.low, now.high)} now, {span(later.low, later.high)} after "
                     f"{years} years{unknown}")
    return [Chart(f"Cost over {years} years", tuple(drawn), years, tuple(lines))]


def why_not_block(advice: "Recommendation", catalogue: Catalogue) -> list[Block]:
    """The alternatives an expert weighs against the pick, each with why the pick is preferred."""
    rows = words.why_not_rows(advice, catalogue)
    if not rows:
        return []
    return [Heading("Why not the alternatives"),
            Grid(["Instead of", "Why the recommendation is preferred"], [list(r) for r in rows])]


def compact_grid(certs: list[Certification], catalogue: Catalogue, years: int | None) -> Grid:
    """The few rows that decide between the top three (the whole grid comes with --explain)."""
    keep = {"Issuer", "Course", "Exam", "Renewal", f"Cost over {years} years"}
    full = attribute_grid(certs, catalogue, years)
    picked = [n for n, row in enumerate(full.rows) if row[0] in keep]  # the codes head the columns
    strong = frozenset(i for i, n in enumerate(picked) if n in full.strong)
    return full._replace(rows=[full.rows[n] for n in picked], strong=strong)


def _costs(certs: list[Certification], years: int) -> dict[str, Any]:
    return {c.code: contract.cost_dict(c, years) for c in certs}


# --- the views -----------------------------------------------------------------------------------------

class Show(NamedTuple):
    cert: Certification
    catalogue: Catalogue
    years: int | None = 3
    exit_status: ExitStatus = ExitStatus.OK
    json_depth: int | None = None

    @property
    def title(self) -> str:
        from scrumcert.summary import show_title

        return literal(show_title(self.cert))

    def shown(self) -> list[Certification]:
        return [self.cert]

    def problems(self) -> list[str]:
        return []

    def data(self) -> dict[str, Any]:
        out = contract.cert_dict(self.cert, self.years)
        regional = contract.regional_dicts(self.cert, self.catalogue)
        return {**out, "regional_prices": regional} if regional else out

    def blocks(self) -> list[Block]:
        c = self.cert
        rows = [[label, value] for label, (value,) in words.attribute_rows([c], self.catalogue, self.years)]
        rows += [[label, text] for label, text in notes(c).items()]
        body: list[Block] = [Para(literal(c.summary)), Grid(["", c.code], rows, framed=False)]
        return [Card(f"{c.code}: {literal(c.name)}", body), *cost_notes([c], self.years),
                *cost_chart([c], self.years), *appendix([c])]


class Other(NamedTuple):
    """``show`` for a credential outside the catalogue: what it is, that it is outside, where its
    issuer describes it."""

    other: OtherCredential
    exit_status: ExitStatus = ExitStatus.OK
    json_depth: int | None = None

    @property
    def title(self) -> str:
        return literal(f"{self.other.code}: {self.other.name} ({self.other.issuer})")

    def shown(self) -> list[Certification]:
        return []

    def problems(self) -> list[str]:
        return []

    def data(self) -> dict[str, Any]:
        return contract.other_dict(self.other)

    def blocks(self) -> list[Block]:
        o = self.other
        body: list[Block] = [Note(words.OUTSIDE), Para(literal(o.note)),
                             Para(f"Official page: {literal(o.official_page)}")]
        if o.sources:
            body += [Heading("Sources", 3), Bullets([words.source_line(s) for s in o.sources], numbered=True)]
        return [Card(self.title, body)]


class Compare(NamedTuple):
    certs: list[Certification]
    catalogue: Catalogue
    years: int | None = 3
    exit_status: ExitStatus = ExitStatus.OK
    json_depth: int | None = None

    @property
    def title(self) -> str:
        from scrumcert.summary import compare_title

        return literal(compare_title(self.certs))

    def shown(self) -> list[Certification]:
        return self.certs

    def problems(self) -> list[str]:
        return []

    def data(self) -> list[dict[str, Any]]:
        return [contract.cert_dict(c, self.years) for c in self.certs]

    def blocks(self) -> list[Block]:
        from scrumcert.verdict import bottom_line

        years = self.years if self.years is not None else 3
        return [attribute_grid(self.certs, self.catalogue, self.years),
                Lead("Bottom line", tuple(literal(t) for t in bottom_line(self.certs, years, words.money))),
                *cost_chart(self.certs, self.years),
                *cost_notes(self.certs, self.years, self.catalogue),
                *appendix(self.certs)]


class Listing(NamedTuple):
    certs: list[Certification]
    exit_status: ExitStatus = ExitStatus.OK
    json_depth: int | None = None
    title: str = "Certifications"

    def shown(self) -> list[Certification]:
        return self.certs

    def problems(self) -> list[str]:
        return []

    def data(self) -> list[dict[str, Any]]:
        return [contract.cert_dict(c) for c in self.certs]

    def blocks(self) -> list[Block]:
        rows = [[c.code, literal(c.name), literal(c.issuer), words.exam_summary(c.exam),
                 "lifetime" if c.renewal is None else "renews"] for c in self.certs]
        return [Grid(["Code", "Name", "Issuer", "Exam", "Renewal"], rows)]


class OtherListing(NamedTuple):
    """``list --others``: the credentials outside the catalogue that ``held`` and ``show`` understand."""

    others: list[OtherCredential]
    exit_status: ExitStatus = ExitStatus.OK
    json_depth: int | None = None
    title: str = "Other credentials"

    def shown(self) -> list[Certification]:
        return []

    def problems(self) -> list[str]:
        return []

    def data(self) -> list[dict[str, Any]]:
        return [contract.other_dict(o) for o in self.others]

    def blocks(self) -> list[Block]:
        rows = [[o.code, literal(o.name), literal(o.issuer), literal(o.official_page)] for o in self.others]
        return [Note(words.OUTSIDE_ALL), Grid(["Code", "Name", "Issuer", "Official page"], rows)]


class Sources(NamedTuple):
    """Every source of a catalogue by certification (then other credentials, renewal rules, the
    advice and the exchange rates), the issuer's own pages first, oldest check first within a kind."""

    catalogue: Catalogue
    exit_status: ExitStatus = ExitStatus.OK
    json_depth: int | None = None
    title: str = "Sources, by certification; the issuer's own pages first"

    def groups(self) -> list[Any]:
        from scrumcert.sourcelist import grouped

        return grouped(self.catalogue)

    def shown(self) -> list[Certification]:
        return []  # the list exists to show the dates: no warning on top of it

    def problems(self) -> list[str]:
        return []

    def data(self) -> list[dict[str, Any]]:
        """One object per source in the grouped order: ``for`` names the certification (or Advice,
        "Renewals: <issuer>", Exchange rates), ``kind`` whose page it is, ``about`` what it backs."""
        return [{"for": g.owner, "about": e.about, **contract.source_dict(e.source)}
                for g in self.groups() for e in g.entries]

    def blocks(self) -> list[Block]:
        from scrumcert.sourcelist import KIND_NAMES

        out: list[Block] = [Heading(self.title, 1)]
        for g in self.groups():
            out.append(Heading(literal(f"{g.owner}: {g.title}"), 2))
            for kind, entries in g.kinds:
                out.append(Para(f"{KIND_NAMES.get(kind, 'kind not given')}:"))
                out.append(Grid(["Checked", "Source", "Backs"], [
                    [e.source.checked.isoformat(), literal(f"{e.source.title} {_where(e.source)}"),
                     literal(e.about or "-")] for e in entries]))
        return out


def _where(s: Any) -> str:
    return getattr(s, "url", None) or getattr(s, "document", None) or ""


class SourceCheck(NamedTuple):
    """What ``sources --check`` found: the addresses that fail, moved or lost their quote."""

    outcomes: tuple[Any, ...]  # linkcheck.Outcome, in the sources' order
    json_depth: int | None = None
    title: str = "Sources checked"

    @property
    def exit_status(self) -> ExitStatus:
        return ExitStatus.SOURCES if any(o.problem for o in self.outcomes) else ExitStatus.OK

    def shown(self) -> list[Certification]:
        return []

    def problems(self) -> list[str]:
        return []

    def summary(self) -> str:
        from scrumcert.linkcheck import FAILED, MOVED, OK, QUOTE_MISSING

        n = {status: sum(o.status == status for o in self.outcomes) for status in (OK, FAILED, MOVED,
                                                                                    QUOTE_MISSING)}
        return (f"Checked {len(self.outcomes)} addresses: {n[OK]} fine, {n[FAILED]} fail, {n[MOVED]} moved, "
                f"{n[QUOTE_MISSING]} no longer say what they are cited for.")

    def data(self) -> dict[str, Any]:
        return {"checked": len(self.outcomes), "fine": sum(not o.problem for o in self.outcomes),
                "problems": [{"url": o.url, "status": o.status, "detail": o.detail, "final_url": o.final_url,
                              "for": list(o.owners)} for o in self.outcomes if o.problem]}

    def blocks(self) -> list[Block]:
        words_for = {"failed": "fails", "moved": "moved", "quote missing": "quote gone"}
        problems = [o for o in self.outcomes if o.problem]
        out: list[Block] = [Heading(self.title, 1)]
        if problems:
            out.append(Grid(["Problem", "Source", "For", "Detail"], [
                [words_for[o.status], literal(o.url), ", ".join(o.owners), literal(o.detail)]
                for o in problems]))
        out.append(Para(self.summary()))
        return out


class Advice(NamedTuple):
    advice: "Recommendation"
    catalogue: Catalogue
    explain: bool = False
    years: int | None = 3
    extra: "AdviceRenewals | None" = None  # renewals due for what is held (CODE@DATE answers)
    ads: "AdsReport | None" = None  # the job ads read with --ads
    asks: tuple[str, ...] = ()  # what most of those ads name
    exit_status: ExitStatus = ExitStatus.OK
    json_depth: int | None = None

    @property
    def title(self) -> str:
        from scrumcert.summary import advice_title

        return literal(advice_title(self.catalogue, self.advice.answers, self.advice.recommended))

    def top(self) -> list[Certification]:
        return [self.catalogue.certifications[c] for c in words.top_codes(self.advice, self.catalogue)]

    def shown(self) -> list[Certification]:
        return self.top()

    def problems(self) -> list[str]:
        return []

    def data(self) -> dict[str, Any]:
        result = contract.advice_dict(self.advice, self.catalogue)
        if self.advice.recommended and self.years is not None:
            result["cost"] = _costs(self.top(), self.years)
        if self.extra is not None:
            result.update(contract.advice_extra_dict(self.extra, self.ads, self.asks))
        return result

    def extra_blocks(self) -> list[Block]:
        """What the job ads ask for and the renewals due, under the advice."""
        if self.extra is None:
            return []
        blocks: list[Block] = []
        if self.ads is not None:
            from scrumcert.ads import asks_notes

            ad_notes = asks_notes(self.ads, self.asks) or [
                f"None of the credentials your {self.ads.ads} ads name is named by half of them or more."]
            blocks += [Heading("What your job ads ask for", 3), Bullets([literal(n) for n in ad_notes])]
        if self.extra.notes:
            blocks += [Heading("Renewals", 3), Bullets([literal(n) for n in self.extra.notes])]
        return blocks

    def blocks(self) -> list[Block]:
        """Bottom line, your answers (reports), the top three side by side, your path, the cost chart
        (reports), then with --explain every reason, rule and assumption; the sources close reports
        (and the screen with --explain), and the command that repeats the run closes the screen."""
        from scrumcert import summary

        advice, catalogue = self.advice, self.catalogue
        rows = tuple((literal(q), literal(a)) for q, a in summary.answer_rows(catalogue, advice.answers))
        answers = Pairs("Your answers", rows, on_screen=False)
        again = Command("Run it again without the questions:",
                        literal(summary.command_line(catalogue, advice.answers)))
        if advice.recommended is None:
            nothing = "No recommendation: " + " ".join(literal(n) for n in advice.notes)
            return [Lead("Bottom line", (nothing,)), answers, *self.extra_blocks(), again]
        years = self.years if self.years is not None else 3
        lines = [literal(t) for t in summary.advice_bottom_line(advice, catalogue, years, words.money)]
        also = words.also_fits_text(advice, catalogue)
        lines += [f"Also fits: {also}."] if also else []
        lines += [f"Note: {literal(n)}" for n in advice.notes]
        certs = self.top()
        out: list[Block] = [
            Lead("Bottom line", tuple(lines)), answers,
            *why_not_block(advice, catalogue),
            Heading("Comparison"),
            attribute_grid(certs, catalogue, self.years) if self.explain else
            compact_grid(certs, catalogue, self.years),
            Heading("Your path"),
            Grid(["#", "Step", "When", *(["Why"] if self.explain else [])],
                 [[str(i), s.code, literal(s.when), *([literal(s.why)] if self.explain else [])]
                  for i, s in enumerate(advice.path, 1)], keep=2),
            *cost_chart(certs, self.years)]
        if self.explain:
            for code in [c.code for c in certs]:
                entry = advice.entry(code)
                reasons = [literal(r.text) for r in entry.reasons if r.weight > 0]
                against = [literal(getattr(r, "text", str(r))) for r in getattr(entry, "against", ())]
                if reasons:
                    out += [Heading(f"Why {code}", 3), Bullets(reasons)]
                if against:
                    out += [Heading(f"Against {code}", 3), Bullets(against)]
            rows = [list(r) for r in words.explain_rows(advice, catalogue)]
            out += [Heading("What weighed, and why", 3),
                    Grid(["When you said", "Weights", "Reason"],
                         rows or [["-", "-", "No rule matched these answers."]])]
            out += cost_notes(certs, self.years, catalogue)
        return out + self.extra_blocks() + appendix(certs, on_screen=self.explain) + [again]


class Plan(NamedTuple):
    plan: "TeamPlan"
    catalogue: Catalogue
    team_file: Path
    json_depth: int | None = 2  # one person a line: Python's C encoder cannot indent quickly

    @property
    def title(self) -> str:
        from scrumcert.summary import plan_title

        teams = {a.person.team for a in self.plan.people if a.person.team}
        return literal(plan_title(len(self.plan.people), len(teams), self.team_file.name))

    @property
    def exit_status(self) -> ExitStatus:
        return ExitStatus.PARTIAL if self.plan.problems else ExitStatus.OK

    def certs(self) -> list[Certification]:
        return [self.catalogue.certifications[c] for c in self.plan.seats]

    def shown(self) -> list[Certification]:
        return self.certs()

    def problems(self) -> list[str]:
        return [f"{self.team_file}: row {p.row}: {p.message}" for p in self.plan.problems]

    def data(self) -> dict[str, Any]:
        result = contract.plan_dict(self.plan)
        result["cost"]["assumptions"] = {code: cost["assumptions"]
                                         for code, cost in _costs(self.certs(), self.plan.years).items()}
        return result

    def blocks(self) -> list[Block]:
        plan, catalogue = self.plan, self.catalogue
        out: list[Block] = [Heading("Who takes what", 3),
                            Grid(["Name", "Team", "Recommended", "First step", "Plan"], words.plan_rows(plan),
                                 keep=0, terminal_limit=PLAN_ROWS_SHOWN)]
        if plan.groups:
            out += [Heading("Learning together", 3),
                    Bullets([f"Team {literal(t)}: {', '.join(literal(n) for n in names)} attend one {c} "
                             "course" for t, c, names in plan.groups], terminal_limit=PLAN_ROWS_SHOWN)]
        seat_rows = [[code, f"{n:,}", literal(catalogue.certifications[code].name)]
                     for code, n in plan.seats.items()]
        out += [Heading("Seats", 3), Grid(["Code", "Seats", "Name"], seat_rows),
                Heading("Total cost", 3), Bullets(words.plan_totals(plan))]
        if plan.problems:
            out += [Heading("Rows skipped", 3),
                    Bullets([f"row {p.row}: {literal(p.message)}" for p in plan.problems])]
        return out + cost_notes(self.certs(), plan.years) + appendix(self.certs())


# --- renewals and ads: what someone holds, and what the job ads they want ask for ---------------------------

def _usd(value: int | None) -> str:
    return "unknown" if value is None else f"${value:,}"


def expiry(item: "HeldItem") -> str:
    """``2027-03-01``, ``2025-01-10 lapsed``, ``never`` or ``unknown``."""
    if item.lifetime:
        return "never"
    if item.expires is None:
        return "unknown"
    return item.expires.isoformat() + (" lapsed" if item.lapsed else "")


def _fee(item: "HeldItem") -> str:
    if item.lifetime:
        return "-"
    return _usd(item.fee_usd) + ("*" if item.fee_unconfirmed else "")


def _units(item: "HeldItem") -> str:
    if item.lifetime:
        return "-"
    unit = f"{item.unit}s" if item.unit and item.unit != "hours" else (item.unit or "units")
    if item.education_units is None:
        return f"unknown {unit}"
    return f"{item.education_units} {unit}"


def renews(item: "HeldItem", r: "HeldRenewals") -> str:
    """How it renews, in a few words: for life, on its own, with another, or paying for others."""
    if item.lifetime:
        return "-"
    if item.paid_by:
        return f"with {item.paid_by}"
    others = [i.code for i in r.items if i.paid_by == item.code]
    if not others:
        return "on its own"
    return "pays for both" if len(others) == 1 else f"pays for all {len(others) + 1}"


def total_line(r: "HeldRenewals") -> str:
    """``Total of the next renewals: $100 and 30 SEUs`` (a lower bound when a part is unknown)."""
    money = f"at least ${r.total_fee_usd:,}" if r.unknown else f"${r.total_fee_usd:,}"
    parts = [money, *(f"{n} {u}s" for u, n in r.total_units.items())]
    text = "Total of the next renewals: " + (", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1
                                             else parts[0])
    if r.unknown:
        text += f" (unknown: {'; '.join(r.unknown)})"
    return text + "."


def renewals_blocks(r: "HeldRenewals") -> list[Block]:
    rows = [[i.code, i.since.isoformat() if i.since else "-", expiry(i), _fee(i), _units(i), renews(i, r)]
            for i in r.items]
    blocks: list[Block] = [
        Heading(f"Renewals as of {r.today.isoformat()}"),
        Grid(["Code", "Since", "Expires", "Fee", "Units", "Renews"], rows),
    ]
    if any(i.fee_unconfirmed for i in r.items):
        blocks.append(Para("* unconfirmed: the fee comes from sources our fact sheet does not confirm."))
    if r.combined:
        blocks += [Heading("Renewed together", 3), Bullets([literal(c) for c in r.combined])]
    blocks.append(Para(literal(total_line(r))))
    blocks += [Heading("What to do", 3), Bullets([literal(f"{i.code}: {i.todo}") for i in r.items]),
               Heading("How each renews", 3), Bullets([literal(f"{i.code}: {i.note}") for i in r.items])]
    counts: dict[str, str] = {}
    for i in r.items:
        if i.counts and not i.lifetime:
            counts.setdefault(i.issuer, i.counts)
    if counts:
        blocks += [Heading("What counts towards the units", 3),
                   Bullets([literal(f"{issuer}: {text}") for issuer, text in counts.items()])]
    if r.sources:
        blocks += [Heading("Sources", 3), Bullets([
            literal(f"{issuer}: {s.title} ({s.kind}), {s.url}; checked {s.checked.isoformat()}")
            for issuer, s in r.sources])]
    return blocks


def ads_rows(report: "AdsReport") -> list[list[str]]:
    from scrumcert.ads import meaning

    return [[c.code, f"{c.named} of {report.ads}", str(c.required), str(c.preferred),
             meaning(c, report.ads)] for c in report.counts]


def ads_blocks(report: "AdsReport") -> list[Block]:
    blocks: list[Block] = [Heading(f"What your {report.ads} job ad{'s' if report.ads != 1 else ''} ask for")]
    if not report.counts:
        return [*blocks, Para("None of the ads names a credential scrumcert knows. Phrases such as "
                              "\"Scrum Master certification\" name none, so they are not counted.")]
    blocks.append(Grid(["Credential", "Named in", "Required", "Preferred", "What it means for you"],
                       [[literal(v) for v in row] for row in ads_rows(report)]))
    groups = sorted({g for r in report.readings for g in r.alternatives})
    if groups:
        blocks += [Heading("Offered as alternatives", 3),
                   Bullets([literal(" or ".join(g)) for g in groups])]
    blocks.append(Para("Each credential is counted once per ad. Required or preferred is read from the "
                       "words around it; an ad that names it without saying either counts only as named."))
    return blocks


class Renewals(NamedTuple):
    """When what someone holds expires and what renewing costs."""

    result: "HeldRenewals"
    exit_status: ExitStatus = ExitStatus.OK
    json_depth: int | None = None
    title: str = "Renewals"

    def shown(self) -> list[Certification]:
        return []

    def problems(self) -> list[str]:
        return []

    def data(self) -> dict[str, Any]:
        return contract.renewals_dict(self.result)

    def blocks(self) -> list[Block]:
        return renewals_blocks(self.result)


class Ads(NamedTuple):
    """Which credentials job ads name, required or preferred, and what that means."""

    report: "AdsReport"
    exit_status: ExitStatus = ExitStatus.OK
    json_depth: int | None = None
    title: str = "What the job ads ask for"

    def shown(self) -> list[Certification]:
        return []

    def problems(self) -> list[str]:
        return []

    def data(self) -> dict[str, Any]:
        return contract.ads_dict(self.report)

    def blocks(self) -> list[Block]:
        return ads_blocks(self.report)
