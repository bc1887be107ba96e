"""From checked file contents to the model: unique ids, references, sources for every fact.

No YAML here: the loader hands over parsed, schema-checked data, and so does the bundled snapshot
(``scrumcert/catalogue/_bundled.py``), which lets the reading commands start without importing the
YAML and schema machinery at all. Line numbers are looked up in the YAML only when an error needs one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from scrumcert.catalogue.lookup import normalise, spellings
from scrumcert.catalogue.model import (
    FACTS,
    REGION_IDS,
    AdvertisedFloor,
    Catalogue,
    Certification,
    Choice,
    Course,
    Exam,
    OtherCredential,
    PolicySource,
    Prerequisites,
    PriceRange,
    Question,
    Rates,
    RegionalPrice,
    Renewal,
    RenewalPolicy,
    Role,
    Rule,
    Source,
    Tier,
    official_first,
)
from scrumcert.errors import CatalogueError, dotted


class Part:
    """One file of a catalogue, already parsed and checked against the schema."""

    __slots__ = ("_node", "checked", "data", "name", "path")

    def __init__(self, name: str, path: Path | None, data: dict[str, Any], node: Any = None,
                 checked: bool = False) -> None:
        self.name = name  # as shown in messages
        self.path = path  # the YAML file, to find line numbers in when an error needs one
        self.data = data
        self._node = node
        # the bundled snapshot: linted when it was regenerated, so the sentences are not linted again
        self.checked = checked

    @property
    def node(self) -> Any:
        """The YAML node graph, re-read only when an error needs a line number."""
        if self._node is None and self.path is not None:
            from scrumcert.catalogue.yamlsafe import _read

            self._node = _read(self.path, self.name)[0]
        return self._node

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        """The line of the deepest node on ``path`` (1-based), for error messages."""
        from scrumcert.catalogue.yamlsafe import line_of

        return line_of(self.node, path)

    def error(self, path: tuple[str | int, ...], message: str) -> CatalogueError:
        return CatalogueError(message, self.name, self.line_of(path), dotted(path) or None)



def _words(text: str | None) -> str | None:
    """Folded YAML text as one line of words."""
    return " ".join(text.split()) if text else text


# Questions the code reads by id, and the type it reads them as: a catalogue that declared `held` as a
# number or `budget_usd` as a choice passed validate and then crashed the advice.
KNOWN_QUESTION_TYPES = {"held": "codes", "budget_usd": "integer", "experience": "choice", "role": "choice",
                        "target": "choice", "months_as_sm": "integer", "months_as_po": "integer",
                        "lapsed": "codes", "employer_asks": "codes", "goal": "choice"}


class Builder:
    """Cross-file checks (unique ids, references, sources for facts) and model construction."""

    def __init__(self, files: list[Part], origin: str) -> None:
        self.files, self.origin = files, origin
        self.items: dict[str, list[tuple[Part, int, dict[str, Any]]]] = {
            key: [(f, i, item) for f in files for i, item in enumerate(f.data.get(key, []))]
            for key in ("roles", "certifications", "questions", "rules", "renewal_policies", "others")}

    def build(self) -> Catalogue:
        if not self.items["certifications"]:
            raise CatalogueError("the catalogue has no certifications", self.origin)
        roles = {r.id: r for r in (self._role(x) for x in self.items["roles"])}
        certs = self._certifications(roles)
        index = self._index(certs)
        questions = self._questions()
        self._unique("rules", "id")
        others, other_index = self._others(roles, index)
        known = {**other_index, **index}  # a rule may name another credential (PMP) in `held`
        rules = tuple(self._rule(x, certs, questions, known) for x in self.items["rules"])
        policies = self._renewal_policies(certs)
        self._check_provenance()
        rates = self._rates()
        prices = self._prices(certs, rates)
        self._money_questions(questions, rates)
        return Catalogue(self.origin, roles, certs, questions, rules, index, policies, others, other_index,
                         prices, rates)

    # which policy fields each rule name covers: a rule that is given needs a source naming it
    _POLICY_FACTS: ClassVar[dict[str, str]] = {
        "every_years": "cycle", "tiers": "fee", "tracks": "combined", "course_renews": "course_renews",
        "member_fee_usd": "fee", "non_member_fee_usd": "fee", "counts": "counts", "lapsed": "lapsed",
        "lifetime": "lifetime"}

    def _renewal_policies(self, certs: dict[str, Certification]) -> dict[str, RenewalPolicy]:
        """Issuers' renewal rules: one per issuer, each rule sourced, and the renewal table agreeing
        with the renewal of every certification it covers (one truth for a fee)."""
        self._unique("renewal_policies", "issuer")
        out: dict[str, RenewalPolicy] = {}
        for f, i, p in self.items["renewal_policies"]:
            at = ("renewal_policies", i)
            if not p["sources"]:
                raise f.error((*at, "sources"), "at least one source is required")
            backed = {fact for s in p["sources"] for fact in s.get("facts", ())}
            for field, fact in self._POLICY_FACTS.items():
                if p.get(field) not in (None, False, []) and fact not in backed:
                    raise f.error((*at, field), f"no source backs {field!r} (add {fact!r} to the 'facts' "
                                                "of a source)")
            levels = [t["level"] for t in p.get("tiers", [])]
            if len(set(levels)) != len(levels):
                raise f.error((*at, "tiers"), "a level is listed twice")
            policy = RenewalPolicy(
                issuer=p["issuer"], lifetime=p.get("lifetime", False), every_years=p.get("every_years"),
                unit=p.get("unit"), tiers=tuple(Tier(**t) for t in p.get("tiers", [])),
                tracks=tuple(tuple(t) for t in p.get("tracks", [])),
                course_renews=p.get("course_renews", False),
                member_fee_usd=p.get("member_fee_usd"), non_member_fee_usd=p.get("non_member_fee_usd"),
                counts=_words(p.get("counts")), lapsed=_words(p.get("lapsed")), note=_words(p.get("note")),
                sources=tuple(PolicySource(s["title"], s["url"], s["kind"], s["checked"],
                                           tuple(s.get("facts", ())), s.get("published"),
                                           _words(s.get("quote"))) for s in p["sources"]))
            for c in certs.values():
                if c.issuer != policy.issuer:
                    continue
                tier = policy.tier(c.level)
                if tier and c.renewal and c.kind == "certification":
                    for name in ("fee_usd", "education_units"):
                        mine, theirs = getattr(c.renewal, name), getattr(tier, name)
                        if mine is not None and theirs is not None and mine != theirs:
                            raise f.error((*at, "tiers"), f"the {c.level} tier gives {name} {theirs}, but "
                                                          f"{c.code}'s renewal says {mine}")
            out[policy.issuer] = policy
        return out

    def _unique(self, key: str, field: str) -> None:
        seen: dict[str, tuple[Part, int]] = {}
        for f, i, item in self.items[key]:
            value = item[field]
            if value in seen:
                first = seen[value]
                raise f.error((key, i, field), f"{value!r} is defined twice (first in {first[0].name}, "
                                               f"line {first[0].line_of((key, first[1], field))})")
            seen[value] = (f, i)

    def _role(self, entry: tuple[Part, int, dict[str, Any]]) -> Role:
        _, _, r = entry
        return Role(r["id"], r["name"], r["description"])

    def _certifications(self, roles: dict[str, Role]) -> dict[str, Certification]:
        self._unique("roles", "id")
        self._unique("certifications", "code")
        codes = {item["code"] for _, _, item in self.items["certifications"]}
        certs: dict[str, Certification] = {}
        for f, i, c in self.items["certifications"]:
            at = ("certifications", i)
            pre = c.get("prerequisites", {})
            for where, names in ((("leads_to",), c.get("leads_to", [])),
                                 (("includes",), c.get("includes", [])),
                                 (("prerequisites", "codes"), pre.get("codes", [])),
                                 (("prerequisites", "recommended"), pre.get("recommended", []))):
                for j, code in enumerate(names):
                    if code not in codes:
                        raise f.error((*at, *where, j), f"unknown certification code {code!r}")
                    if code == c["code"]:
                        raise f.error((*at, *where, j), "a certification cannot name itself")
            for j, role in enumerate(c["roles"]):
                if role not in roles:
                    raise f.error((*at, "roles", j), f"unknown role {role!r} "
                                                     f"(roles: {', '.join(roles) or 'none defined'})")
            if c["kind"] == "course" and not c.get("includes"):
                raise f.error((*at, "includes"), "a course must name the assessments it includes")
            price = c["course"].get("price_usd", {})
            low, high = price.get("min"), price.get("max")
            if low is not None and high is not None and low > high:
                raise f.error((*at, "course", "price_usd", "min"),
                              f"the minimum price {low} is above the maximum {high}")
            self._check_sourced(f, at, c)
            certs[c["code"]] = self._certification(c)
        self._no_prerequisite_cycle()
        return certs

    def _check_provenance(self) -> None:
        """Every certification and credential names its issuer's page, and every source of theirs says
        whose page it is: the user is told which figures are the issuer's own word. Asked last, so that
        a catalogue's other mistakes come first (see ``schema.Obj``)."""
        for key in ("certifications", "others"):
            for f, i, item in self.items.get(key, []):
                if "official_page" not in item:
                    raise f.error((key, i, "official_page"),
                                  "required field is missing (the issuer's own page for it)")
                for j, source in enumerate(item.get("sources", [])):
                    if "kind" not in source:
                        raise f.error((key, i, "sources", j, "kind"), "required field is missing "
                                      "(official, trainer or secondary: whose page it is)")

    def _no_prerequisite_cycle(self) -> None:
        """Prerequisites (required or recommended) must not go round in a circle: with AAA needing BBB
        and BBB needing AAA, neither could ever be taken, and the advice would say so to a beginner."""
        where = {c["code"]: (f, i) for f, i, c in self.items["certifications"]}
        needs = {c["code"]: [*c.get("prerequisites", {}).get("codes", []),
                             *c.get("prerequisites", {}).get("recommended", [])]
                 for _, _, c in self.items["certifications"]}
        required = {c["code"]: c.get("prerequisites", {}).get("codes", [])
                    for _, _, c in self.items["certifications"]}
        done: set[str] = set()
        for start in needs:
            if start in done:
                continue
            trail: list[str] = []
            on_trail: set[str] = set()
            stack: list[tuple[str, int]] = [(start, 0)]
            while stack:  # depth first, without recursion: a long chain must not hit Python's limit
                code, n = stack.pop()
                if n == 0:
                    trail.append(code)
                    on_trail.add(code)
                if n < len(needs.get(code, [])):
                    stack.append((code, n + 1))
                    nxt = needs[code][n]
                    if nxt in on_trail:
                        circle = [*trail[trail.index(nxt):], nxt]
                        f, i = where[circle[0]]
                        kind = "codes" if circle[1] in required[circle[0]] else "recommended"
                        raise f.error(("certifications", i, "prerequisites", kind),
                                      "prerequisite cycle: " + " needs ".join(circle))
                    if nxt not in done:
                        stack.append((nxt, 0))
                else:
                    trail.pop()
                    on_trail.discard(code)
                    done.add(code)

    def _check_sourced(self, f: Part, at: tuple[str | int, ...], c: dict[str, Any]) -> None:
        """Every fact that is given must be backed by a source that names it."""
        if not c["sources"]:
            raise f.error((*at, "sources"), "at least one source is required")
        backed: set[str] = set()
        for j, s in enumerate(c["sources"]):
            if not s.get("url") and not s.get("document"):
                raise f.error((*at, "sources", j), "a source needs a url or a document name")
            backed.update(s.get("facts", ()))
        pre = c.get("prerequisites", {})
        given = {
            "course": True,
            "price": any(c["course"].get("price_usd", {}).get(k) is not None for k in ("min", "max")),
            "exam": c["exam"] == "none" or any(v is not None for k, v in c["exam"].items() if k != "note"),
            "renewal": c["renewal"] == "lifetime" or any(
                v is not None for k, v in c["renewal"].items() if k != "note"),
            "pdus": c.get("pdus") is not None,
            "prerequisites": bool(pre.get("codes") or pre.get("recommended")
                                  or pre.get("experience_months") is not None),
            "leads_to": bool(c.get("leads_to")),
            "includes": bool(c.get("includes")),
            "roles": bool(c["roles"]),
        }
        for fact in FACTS:
            if given[fact] and fact not in backed:
                raise f.error((*at, "sources"), f"no source backs the fact {fact!r} (add it to the "
                                                "'facts' of a source, or write it as unknown)")

    @staticmethod
    def _source(s: dict[str, Any]) -> Source:
        return Source(s["title"], s["checked"], s.get("url"), s.get("document"), s.get("published"),
                      tuple(s.get("facts", ())), s.get("kind"), s.get("quote"))

    def _rates(self) -> Rates | None:
        """At most one rates table; it must price the US dollar, the currency fees are kept in."""
        found = [f for f in self.files if "rates" in f.data]
        if not found:
            return None
        if len(found) > 1:
            raise found[1].error(("rates",), f"rates are given twice (first in {found[0].name})")
        f, r = found[0], found[0].data["rates"]
        per_base = dict(r["per_base"])
        if per_base.setdefault(r["base"], 1.0) != 1:
            raise f.error(("rates", "per_base", r["base"]), "the base currency is worth exactly 1 of itself")
        if "USD" not in per_base:
            raise f.error(("rates", "per_base"), "the table needs a rate for USD (fees are kept in USD)")
        if not (r["source"].get("url") or r["source"].get("document")):
            raise f.error(("rates", "source"), "a source needs a url or a document name")
        return Rates(r["base"], r["day"], per_base, self._source(r["source"]))

    def _money_questions(self, questions: dict[str, Question], rates: Rates | None) -> None:
        """The currencies offered are ones the rates convert; the regions offered have prices."""
        wanted = {"currency": (set(rates.per_base) if rates else None, "no exchange rate for"),
                  "region": ({*REGION_IDS, "any"}, "no such region:")}
        for f, i, q in self.items["questions"]:
            known, says = wanted.get(q["id"], (None, ""))
            for j, c in enumerate(q.get("choices", [])):
                if known is not None and c["value"] not in known:
                    raise f.error(("questions", i, "choices", j, "value"), f"{says} {c['value']}")

    def _prices(self, certs: dict[str, Certification], rates: Rates | None
                ) -> dict[str, tuple[RegionalPrice, ...]]:
        """Course prices by region: known codes, one entry per region, sane ranges, sourced figures."""
        out: dict[str, tuple[RegionalPrice, ...]] = {}
        for f in self.files:
            for code, entries in f.data.get("prices", {}).items():
                if code not in certs:
                    raise f.error(("prices", code), f"unknown certification code {code!r}")
                if code in out:
                    raise f.error(("prices", code), f"prices for {code} are given twice")
                regions: set[str] = set()
                out[code] = tuple(self._price(f, code, j, p, regions, rates) for j, p in enumerate(entries))
        return out

    def _price(self, f: Part, code: str, j: int, p: dict[str, Any], regions: set[str],
               rates: Rates | None) -> RegionalPrice:
        at = ("prices", code, j)
        if p["region"] in regions:
            raise f.error((*at, "region"), f"{code} has two prices for the region {p['region']}")
        regions.add(p["region"])
        typical = p.get("typical", {})
        for where, low, high in (((), p["min"], p["max"]),
                                 (("typical",), typical.get("min"), typical.get("max"))):
            if low is not None and high is not None and low > high:
                raise f.error((*at, *where, "min"), f"the minimum {low:g} exceeds the maximum {high:g}")
        if rates is not None and not rates.knows(p["currency"]):
            raise f.error((*at, "currency"), f"no exchange rate for {p['currency']} in the rates table")
        figures = [p["min"], p["max"], typical.get("min"), typical.get("max")]
        if any(v is not None for v in figures) and not p["sources"]:
            raise f.error((*at, "sources"), "a price needs at least one source")
        for k, s in enumerate(p["sources"]):
            if not s.get("url") and not s.get("document"):
                raise f.error((*at, "sources", k), "a source needs a url or a document name")
            if "kind" not in s:
                raise f.error((*at, "sources", k, "kind"), "required field is missing (official, trainer or "
                                                         "secondary: whose page it is)")
        floor = None
        if "minimum_advertised_price" in p:
            m = p["minimum_advertised_price"]
            floor = AdvertisedFloor(m.get("amount"), m["since"], " ".join(m["note"].split()),
                                    self._source(m["source"]))
        return RegionalPrice(code, p["region"], p["currency"], p["min"], p["max"], typical.get("min"),
                             typical.get("max"), p.get("includes"), p.get("note"), floor,
                             tuple(self._source(s) for s in p["sources"]))

    def _certification(self, c: dict[str, Any]) -> Certification:
        course = c["course"]
        price = course.get("price_usd", {})
        pre = c.get("prerequisites", {})
        exam = None if c["exam"] == "none" else Exam(**c["exam"])
        renewal = None if c["renewal"] == "lifetime" else Renewal(**c["renewal"])
        return Certification(
            code=c["code"], name=c["name"], issuer=c["issuer"], kind=c["kind"], level=c["level"],
            roles=tuple(c["roles"]), summary=" ".join(c["summary"].split()),
            course=Course(course["required"], course.get("name"), course.get("days"), course.get("hours"),
                          PriceRange(price.get("min"), price.get("max"), price.get("as_of")),
                          course.get("note")),
            exam=exam, renewal=renewal, pdus=c.get("pdus"),
            prerequisites=Prerequisites(tuple(pre.get("codes", ())), tuple(pre.get("recommended", ())),
                                        pre.get("experience_months"), pre.get("note")),
            leads_to=tuple(c.get("leads_to", ())), includes=tuple(c.get("includes", ())),
            sources=official_first(self._source(s) for s in c["sources"]),
            aliases=tuple(c.get("aliases", ())), unconfirmed=tuple(c.get("unconfirmed", ())),
            official_page=c.get("official_page"),
        )

    def _index(self, certs: dict[str, Certification]) -> dict[str, str]:
        index: dict[str, str] = {}
        for f, i, c in self.items["certifications"]:
            for j, spelling in enumerate(spellings(c["code"], c["name"], c.get("aliases", []))):
                key = normalise(spelling)
                if not key:  # punctuation only: it could find nothing, so it must not find everything
                    if j >= 2:
                        raise f.error(("certifications", i, "aliases", j - 2),
                                      f"{spelling!r} has no letter or digit to be looked up by")
                    continue
                other = index.get(key)
                if other and other != c["code"]:
                    path = ("certifications", i, *(("code",) if j == 0 else ("name",) if j == 1
                                                   else ("aliases", j - 2)))
                    raise f.error(path, f"{spelling!r} would also find {other}; spellings must be unique")
                index[key] = c["code"]
        return index

    def _others(self, roles: dict[str, Role], index: dict[str, str]
                ) -> tuple[dict[str, OtherCredential], dict[str, str]]:
        """Credentials outside the catalogue: unique, sourced, and never spelled like a certification,
        so that a code typed by a user finds exactly one thing."""
        self._unique("others", "code")
        others: dict[str, OtherCredential] = {}
        other_index: dict[str, str] = {}
        for f, i, o in self.items["others"]:
            at = ("others", i)
            for j, role in enumerate(o.get("roles", ())):
                if role not in roles:
                    raise f.error((*at, "roles", j), f"unknown role {role!r} "
                                                     f"(roles: {', '.join(roles) or 'none defined'})")
            if not o["sources"]:
                raise f.error((*at, "sources"), "at least one source is required")
            for j, s in enumerate(o["sources"]):
                if not s.get("url") and not s.get("document"):
                    raise f.error((*at, "sources", j), "a source needs a url or a document name")
            for j, spelling in enumerate(spellings(o["code"], o["name"], o.get("aliases", []))):
                path = (*at, *(("code",) if j == 0 else ("name",) if j == 1 else ("aliases", j - 2)))
                key = normalise(spelling)
                if not key:  # punctuation only: never an index key
                    continue
                taken = index.get(key) or other_index.get(key)
                if taken and taken != o["code"]:
                    raise f.error(path, f"{spelling!r} would also find {taken}; spellings must be unique")
                other_index[key] = o["code"]
            others[o["code"]] = OtherCredential(
                code=o["code"], name=o["name"], issuer=o["issuer"], official_page=o["official_page"],
                note=" ".join(o["note"].split()), aliases=tuple(o.get("aliases", ())),
                roles=tuple(o.get("roles", ())), sources=tuple(self._source(s) for s in o["sources"]))
        return others, other_index

    def _questions(self) -> dict[str, Question]:
        self._unique("questions", "id")
        out: dict[str, Question] = {}
        for f, i, q in self.items["questions"]:
            choices = tuple(Choice(c["value"], c["label"], c.get("help")) for c in q.get("choices", []))
            if q["type"] == "choice":
                if not choices:
                    raise f.error(("questions", i, "choices"), "a choice question needs choices")
                values = [c.value for c in choices]
                dup = next((v for v in values if values.count(v) > 1), None)
                if dup:
                    raise f.error(("questions", i, "choices"), f"the value {dup!r} is listed twice")
                if q.get("default") is not None and q["default"] not in values:
                    raise f.error(("questions", i, "default"),
                                  f"{q['default']!r} is not one of the choices ({', '.join(values)})")
            elif choices:
                raise f.error(("questions", i, "choices"), f"a {q['type']} question takes no choices")
            wanted = KNOWN_QUESTION_TYPES.get(q["id"])
            if wanted and q["type"] != wanted:
                raise f.error(("questions", i, "type"), f"{q['id']!r} must be a {wanted} question (the "
                                                        f"advice reads it as one), not {q['type']}")
            ask_when = {qid: tuple(values) for qid, values in (q.get("when") or {}).items()}
            for qid, values in ask_when.items():
                earlier = out.get(qid)
                if earlier is None:
                    raise f.error(("questions", i, "when", qid), f"{qid!r} is not a question asked before it")
                wrong = [v for v in values if earlier.values and v not in earlier.values]
                if wrong:
                    raise f.error(("questions", i, "when", qid), f"{wrong[0]!r} is not a value of {qid!r}")
            out[q["id"]] = Question(q["id"], q["prompt"], " ".join(q["help"].split()), q["type"], choices,
                                    q.get("default"), q.get("required", False), ask_when)
        return out

    def _rule(self, entry: tuple[Part, int, dict[str, Any]], certs: dict[str, Certification],
              questions: dict[str, Question], index: dict[str, str]) -> Rule:
        f, i, r = entry
        at = ("rules", i)
        when: dict[str, object] = {}
        for qid, cond in r["when"].items():
            q = questions.get(qid)
            if q is None:
                raise f.error((*at, "when", qid), f"unknown question {qid!r} "
                                                  f"(questions: {', '.join(questions) or 'none defined'})")
            if isinstance(cond, dict):
                if q.type != "integer":
                    raise f.error((*at, "when", qid), "{min, max} only applies to a number question")
                when[qid] = cond
                continue
            if q.type == "integer":
                raise f.error((*at, "when", qid), "a number question takes {min: N, max: N}")
            if q.type == "codes":
                resolved = []
                for j, text in enumerate(cond):
                    code = index.get(normalise(text))
                    if code is None:
                        raise f.error((*at, "when", qid, j), f"unknown certification code {text!r}")
                    resolved.append(code)
                when[qid] = tuple(resolved)
                continue
            for j, value in enumerate(cond):
                if value not in q.values:
                    raise f.error((*at, "when", qid, j), f"{value!r} is not a value of {qid!r} "
                                                         f"(allowed: {', '.join(q.values)})")
            when[qid] = tuple(cond)
        for code in r["weights"]:
            if code not in certs:
                raise f.error((*at, "weights", code), f"unknown certification code {code!r}")
        reasons = {code: " ".join(text.split()) for code, text in (r.get("reasons") or {}).items()}
        for code in reasons:
            if code not in r["weights"]:
                raise f.error((*at, "reasons", code), f"a reason for {code!r}, which the rule does not weigh")
        shared = " ".join((r.get("reason") or "").split())
        bare = [code for code in r["weights"] if code not in reasons]
        if bare and not shared:
            raise f.error((*at, "weights", bare[0]), f"no reason for {bare[0]!r}: give it one in reasons, "
                                                     "or give the rule a reason")
        source = self._source(r["source"]) if r.get("source") else None
        rule = Rule(r["id"], when, dict(r["weights"]), shared, source, reasons, bool(r.get("on_target")))
        if not f.checked:  # a YAML file, not the checked snapshot: lint the sentences
            from scrumcert.catalogue.lint import foreign_names

            for code in r["weights"]:
                named = foreign_names(rule, code, certs)
                if named:
                    field = ("reasons", code) if code in reasons else ("reason",)
                    raise f.error((*at, *field), f"the reason shown with {code} names {', '.join(named)}, "
                                                 "which it is not attached to; give each code its own reason")
        return rule
