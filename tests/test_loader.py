"""Loading the bundled catalogue, its facts, and the catalogue of broken files.

The facts checked here are the vetted ones in ``shared/cert-facts.md`` (compiled 2026-11-25). Every
broken file in ``tests/broken/`` is one case of the table below, paired with the exact one-line message
the loader must give: ``file:line: field.path: problem``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml

from scrumcert.catalogue import locate, yamlsafe
from scrumcert.catalogue.loader import load_catalogue
from scrumcert.catalogue.locate import bundled_dir, catalogue_dir
from scrumcert.catalogue.lookup import resolve
from scrumcert.catalogue.model import FACTS, Catalogue, Certification
from scrumcert.errors import CatalogueError

BROKEN = Path(__file__).resolve().parent / "broken"
ROLES_TEXT = (bundled_dir() / "roles.yaml").read_text(encoding="utf-8")
QUESTIONS_TEXT = (bundled_dir() / "questions.yaml").read_text(encoding="utf-8")

# The list (Scrum Alliance, Scrum.org, and the "something else?" ones) plus the extra Scrum.org
# entries the catalogue carries.
REQUIRED_CODES = {"CSM", "CSPO", "A-CSM", "A-CSPO", "CSP-SM", "CSP-PO", "PSM-I", "PSM-II", "PSPO-I",
                  "PSPO-II", "PSPO-COURSE", "PSMPO", "PMI-ACP", "ICP-APO", "SAFE-POPM"}
EXTRA_CODES = {"PSM-III", "PSPO-III", "PAL-I", "PSD-I", "PSM-COURSE", "SAFE-SSM"}
# issue 9 item 3: what people choosing a Scrum certification ask about next
MORE_CODES = {"PSM-A", "PSPO-A", "PSK-I", "SPS", "PSU-I", "PSPBM", "CSD", "CAL-1", "ICP", "ICP-ACC",
              "SAFE-SA"}
ROLE_IDS = ["scrum_master", "product_owner", "developer", "leader", "coach", "product_manager",
            "project_manager"]


# --- the bundled catalogue ----------------------------------------------------------------------


def test_bundled_catalogue_has_the_32_codes(catalogue: Catalogue) -> None:
    assert len(catalogue.certifications) == 32
    assert set(catalogue.certifications) == REQUIRED_CODES | EXTRA_CODES | MORE_CODES
    assert next(iter(catalogue.certifications)) == "CSM"  # certifications.yaml is read before its -more
    for code, cert in catalogue.certifications.items():
        assert cert.code == code


def test_bundled_catalogue_roles(catalogue: Catalogue) -> None:
    assert list(catalogue.roles) == ROLE_IDS
    assert catalogue.roles["product_owner"].name == "Product Owner"
    assert catalogue.roles["scrum_master"].name == "Scrum Master"


def test_bundled_dir_holds_the_data_files() -> None:
    folder = bundled_dir()
    assert folder.is_dir()
    assert {"certifications.yaml", "roles.yaml"} <= {p.name for p in folder.iterdir()}


def test_bundled_files_are_named_data_slash_file(data_copy: Path, monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    """Wherever it runs from (an installed wheel included), a bundled file is called data/<file>."""
    monkeypatch.delenv("SCRUMCERT_DATA", raising=False)
    monkeypatch.setattr(locate, "bundled_dir", lambda: data_copy)
    roles = data_copy / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    assert text.splitlines()[2] == "  - id: scrum_master"
    roles.write_text(text.replace("  - id: scrum_master", "  - id: Scrum_Master", 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "..")
    with pytest.raises(CatalogueError) as err:
        load_catalogue()
    assert str(err.value) == "data/roles.yaml:3: roles[0].id: 'Scrum_Master' is not an id (lower_snake_case)"


def test_the_loader_is_safe_and_uses_the_c_loader_when_present() -> None:
    if hasattr(yaml, "CSafeLoader"):
        assert issubclass(yamlsafe._StrictLoader, yaml.CSafeLoader)
    else:
        assert issubclass(yamlsafe._StrictLoader, yaml.SafeLoader)


@dataclass(frozen=True)
class Fact:
    code: str
    what: str
    get: Callable[[Certification], object]
    expected: object


def _exam(c: Certification) -> object:
    e = c.exam
    return None if e is None else (e.questions, e.minutes, e.pass_percent, e.fee_usd)


def _renewal(c: Certification) -> object:
    r = c.renewal
    return None if r is None else (r.every_years, r.fee_usd, r.education_units, r.unit)


def _course(c: Certification) -> object:
    return (c.course.required, c.course.days, c.course.hours)


def _price(c: Certification) -> object:
    return (c.course.price_usd.min, c.course.price_usd.max)


def _prereq(c: Certification) -> object:
    return (c.prerequisites.codes, c.prerequisites.experience_months)


# (questions, minutes, pass %, fee $); (every years, fee $, units, unit); (required, days, hours)
FACT_TABLE = [
    # Scrum.org, official page: PSM I is 80 questions, 60 minutes, 85%, $200, lifetime, no course needed
    Fact("PSM-I", "exam", _exam, (80, 60, 85, 200)),
    Fact("PSM-I", "renewal", _renewal, None),
    Fact("PSM-I", "course", _course, (False, 2, 14)),
    Fact("PSM-I", "issuer", lambda c: c.issuer, "Scrum.org"),
    Fact("PSPO-I", "exam", _exam, (80, 60, 85, 200)),
    Fact("PSPO-I", "renewal", _renewal, None),
    Fact("PSPO-I", "course", _course, (False, 2, 16)),
    Fact("PSPO-I", "roles", lambda c: c.roles, ("product_owner",)),
    Fact("PSM-II", "exam", _exam, (30, 90, 85, 250)),
    # Scrum.org's PDU page: the PSM II course is now PSM-A, a two-day course
    Fact("PSM-II", "course", lambda c: (c.course.name, c.course.days),
         ("Professional Scrum Master - Advanced (PSM-A) course", 2)),
    Fact("PSM-III", "exam", _exam, (24, 150, None, 500)),
    Fact("PSM-COURSE", "pdus", lambda c: c.pdus, 14),
    Fact("PSPO-II", "exam", _exam, (40, 60, 85, 250)),
    Fact("PAL-I", "exam", _exam, (36, 60, 85, None)),  # the fee stood on a content farm alone: unknown
    # CSPO: a two-day workshop, no exam, renewed every 2 years with $100 and 20 SEUs
    Fact("CSPO", "exam", _exam, None),
    Fact("CSPO", "renewal", _renewal, (2, 100, 20, "SEU")),
    Fact("CSPO", "course", _course, (True, 2, 16)),
    Fact("CSPO", "price", _price, (800, 800)),  # one trainer's UK average; the 1,600 was a content farm's
    Fact("CSPO", "issuer", lambda c: c.issuer, "Scrum Alliance"),
    # CSM: 50 questions, 60 minutes, 74% (Scrum Alliance support pages), exam only through the course
    Fact("CSM", "exam", _exam, (50, 60, 74, None)),
    Fact("CSM", "attempts", lambda c: c.exam and c.exam.attempts_included, 2),
    Fact("CSM", "renewal", _renewal, (2, 100, 20, "SEU")),
    Fact("CSM", "price", _price, (250, 2495)),
    Fact("CSM", "leads_to", lambda c: c.leads_to, ("A-CSM",)),
    Fact("CSM", "unconfirmed", lambda c: c.unconfirmed, ()),
    # PMI PDUs for the two-day classes, as trainers state them (14, one says 15 for the CSM)
    Fact("CSM", "pdus", lambda c: c.pdus, 14),
    Fact("CSPO", "pdus", lambda c: c.pdus, 14),
    # Scrum Alliance lists no test for the advanced level; for CSP-PO no source says either way
    Fact("A-CSM", "exam", _exam, None),
    Fact("A-CSPO", "exam", _exam, None),
    Fact("CSP-PO", "exam", _exam, (None, None, None, None)),
    # Advanced and professional Scrum Alliance levels
    Fact("A-CSM", "prerequisites", _prereq, (("CSM",), 12)),
    Fact("A-CSM", "renewal", _renewal, (2, 175, 30, "SEU")),
    Fact("A-CSM", "course hours", lambda c: c.course.hours, 16),
    Fact("A-CSM", "leads_to", lambda c: c.leads_to, ("CSP-SM",)),
    Fact("A-CSPO", "prerequisites", _prereq, (("CSPO",), 12)),
    Fact("A-CSPO", "renewal", _renewal, (2, 175, 30, "SEU")),
    Fact("A-CSPO", "leads_to", lambda c: c.leads_to, ("CSP-PO",)),
    Fact("CSP-SM", "prerequisites", _prereq, (("A-CSM",), 24)),
    Fact("CSP-SM", "renewal", _renewal, (2, 250, 40, "SEU")),
    Fact("CSP-PO", "prerequisites", _prereq, (("A-CSPO",), 24)),
    # Scrum.org courses: PSMPO is a 3-day course with PSM I and PSPO I attempts and 21 PDUs
    Fact("PSMPO", "kind", lambda c: c.kind, "course"),
    Fact("PSMPO", "includes", lambda c: c.includes, ("PSM-I", "PSPO-I")),
    Fact("PSMPO", "pdus", lambda c: c.pdus, 21),
    Fact("PSMPO", "course days", lambda c: c.course.days, 3),
    Fact("PSMPO", "renewal", _renewal, None),
    Fact("PSPO-COURSE", "kind", lambda c: c.kind, "course"),
    Fact("PSPO-COURSE", "includes", lambda c: c.includes, ("PSPO-I",)),
    Fact("PSPO-COURSE", "pdus", lambda c: c.pdus, 14),
    Fact("PSPO-COURSE", "course", _course, (True, 2, 16)),
    # The "or something else?" credentials
    Fact("PMI-ACP", "exam", _exam, (120, 180, None, 495)),
    Fact("PMI-ACP", "renewal", _renewal, (3, 150, 30, "PDU")),
    # the November 2024 exam content outline: aimed at product owners and Scrum Masters too, 24 months
    # of agile experience and 28 training hours
    Fact("PMI-ACP", "roles", lambda c: c.roles, ("project_manager", "scrum_master", "product_owner")),
    Fact("PMI-ACP", "prerequisites", _prereq, ((), 24)),
    Fact("PMI-ACP", "course hours", lambda c: c.course.hours, 28),
    Fact("ICP-APO", "recommended first", lambda c: "ICP (Agile Fundamentals)" in (c.prerequisites.note or "")
         and "ICP-ATF" not in (c.prerequisites.note or ""), True),
    Fact("PMI-ACP", "issuer", lambda c: c.issuer, "PMI"),
    Fact("ICP-APO", "exam", _exam, None),
    Fact("ICP-APO", "renewal", _renewal, None),
    Fact("ICP-APO", "issuer", lambda c: c.issuer, "ICAgile"),
    Fact("SAFE-POPM", "exam", _exam, (45, 90, 73, None)),
    Fact("SAFE-POPM", "renewal", _renewal, (1, None, 10, "PDU")),
    Fact("SAFE-POPM", "course", _course, (True, 2, None)),
    Fact("SAFE-POPM", "issuer", lambda c: c.issuer, "Scaled Agile"),
    Fact("SAFE-POPM", "pdus", lambda c: c.pdus, 15),
    # Scaled Agile's CEU article: a two-year cycle with 24 CEUs; the fee for that cycle is not stated
    Fact("SAFE-SSM", "renewal", _renewal, (2, None, 24, "CEU")),
    Fact("SAFE-SSM", "pdus", lambda c: c.pdus, 15),
]


@pytest.mark.parametrize("fact", FACT_TABLE, ids=lambda f: f"{f.code}-{f.what}")
def test_fact_matches_the_fact_sheet(catalogue: Catalogue, fact: Fact) -> None:
    assert fact.get(catalogue.certifications[fact.code]) == fact.expected


def test_kinds_and_levels(catalogue: Catalogue) -> None:
    courses = {c.code for c in catalogue.certifications.values() if c.kind == "course"}
    assert courses == {"PSM-COURSE", "PSPO-COURSE", "PSMPO", "PSM-A", "PSPO-A"}
    for c in catalogue.certifications.values():
        if c.kind == "course":
            assert c.includes, c.code


def test_every_source_has_a_checked_date_not_in_the_future(catalogue: Catalogue) -> None:
    today = date.today()
    count = 0
    for owner, s in catalogue.all_sources():
        assert type(s.checked) is date, (owner, s.title)
        assert s.checked <= today, (owner, s.title)
        assert s.url or s.document, (owner, s.title)
        if s.published is not None:
            assert type(s.published) is date
            assert s.published <= s.checked, (owner, s.title)  # checked after it was published
        count += 1
    assert count > 21


def _given(c: Certification) -> dict[str, bool]:
    """Which facts a certification states (not unknown), read from the model independently."""
    exam, ren, pre = c.exam, c.renewal, c.prerequisites
    return {
        "course": True,
        "price": c.course.price_usd.known,
        "exam": exam is None or any(v is not None for v in (exam.questions, exam.minutes, exam.pass_percent,
                                                             exam.fee_usd, exam.attempts_included)),
        "renewal": ren is None or any(v is not None for v in (ren.every_years, ren.fee_usd,
                                                              ren.education_units, ren.unit)),
        "pdus": c.pdus is not None,
        "prerequisites": bool(pre.codes or pre.recommended or pre.experience_months is not None),
        "leads_to": bool(c.leads_to),
        "includes": bool(c.includes),
        "roles": bool(c.roles),
    }


def test_every_given_fact_is_backed_by_a_source(catalogue: Catalogue) -> None:
    for c in catalogue.certifications.values():
        given = _given(c)
        assert set(given) == set(FACTS)
        for fact, is_given in given.items():
            if is_given:
                assert c.sources_for(fact), f"{c.code}: nothing backs {fact}"


def test_references_resolve(catalogue: Catalogue) -> None:
    codes = set(catalogue.certifications)
    for c in catalogue.certifications.values():
        for ref in (*c.leads_to, *c.includes, *c.prerequisites.codes, *c.prerequisites.recommended):
            assert ref in codes and ref != c.code
        assert set(c.roles) <= set(catalogue.roles)


def _line_of(text: str, needle: str, after: str) -> int:
    """1-based line of the first line equal to ``needle`` after the line equal to ``after``."""
    lines = text.splitlines()
    start = lines.index(after)
    return lines.index(needle, start) + 1


def test_refuses_a_fact_no_source_backs(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PSMPO's 21 PDUs come from Scrum.org's PDU page and the course page; take 'pdus' out of both
    sources' facts and it is refused."""
    path = data_copy / "certifications.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - code: PSMPO\n")
    end = text.index("\n  - code: ", start + 1)
    entry = text[start:end]
    for old, new in (("facts: [course, pdus]", "facts: [course]"),
                     ("facts: [course, exam, pdus, prerequisites, leads_to, includes, roles]",
                      "facts: [course, exam, prerequisites, leads_to, includes, roles]")):
        assert entry.count(old) == 1
        entry = entry.replace(old, new)
    path.write_text(text[:start] + entry + text[end:], encoding="utf-8")
    index = list(load_catalogue().certifications).index("PSMPO")
    line = _line_of(text, "    sources:", "  - code: PSMPO")
    monkeypatch.chdir(data_copy.parent)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(data_copy)
    assert str(err.value) == (
        f"data/certifications.yaml:{line}: certifications[{index}].sources: no source backs the fact "
        "'pdus' (add it to the 'facts' of a source, or write it as unknown)")


def test_refuses_a_fact_written_from_memory(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No source states the PDUs of the A-CSM course: writing a number in from memory is refused."""
    path = data_copy / "certifications.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = lines.index("  - code: A-CSM\n")
    pdus = next(i for i in range(start, len(lines)) if lines[i] == "    pdus: null\n")
    lines[pdus] = "    pdus: 16\n"
    path.write_text("".join(lines), encoding="utf-8")
    line = _line_of(text, "    sources:", "  - code: A-CSM")
    index = list(load_catalogue().certifications).index("A-CSM")
    monkeypatch.chdir(data_copy.parent)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(data_copy)
    assert str(err.value) == (
        f"data/certifications.yaml:{line}: certifications[{index}].sources: no source backs the fact 'pdus' "
        "(add it to the 'facts' of a source, or write it as unknown)")
    assert (err.value.file, err.value.line, err.value.field) == (
        "data/certifications.yaml", line, f"certifications[{index}].sources")


# --- where the catalogue comes from -------------------------------------------------------------


def test_catalogue_dir_prefers_the_path_then_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    monkeypatch.delenv("SCRUMCERT_DATA", raising=False)
    assert catalogue_dir() == bundled_dir()
    monkeypatch.setenv("SCRUMCERT_DATA", str(tmp_path / "env"))
    assert catalogue_dir() == tmp_path / "env"
    assert catalogue_dir(tmp_path / "given") == tmp_path / "given"


MINI = """\
certifications:
  - code: TRAIN-ONE
    name: Training One
    aliases: [T1]
    issuer: Acme Training
    kind: certification
    level: foundation
    roles: [product_owner]
    summary: The house certification of a training company.
    course: {required: true, days: 1}
    exam: {questions: 20, minutes: 30, pass_percent: 70, fee_usd: 50}
    renewal: lifetime
    pdus: 7
    official_page: https://acme.example/train-one
    sources:
      - title: Acme course page
        url: https://acme.example/train-one
        kind: official
        checked: 2026-01-15
        facts: [course, exam, renewal, pdus, roles]
"""


def test_loads_a_small_custom_catalogue(write_catalogue: Callable[[dict[str, str]], Path],
                                        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = write_catalogue({"roles.yaml": ROLES_TEXT, "acme.yml": MINI, "notes.txt": "not: [yaml"})
    monkeypatch.chdir(tmp_path)
    cat = load_catalogue(folder)
    assert cat.origin == "catalogue"
    assert list(cat.certifications) == ["TRAIN-ONE"]
    one = cat.certifications["TRAIN-ONE"]
    assert (one.exam.questions, one.exam.minutes, one.exam.pass_percent, one.exam.fee_usd) == (20, 30, 70, 50)
    assert one.pdus == 7
    assert one.sources[0].checked == date(2026, 1, 15)
    assert resolve(cat, "t1") == resolve(cat, "Training One") == "TRAIN-ONE"
    monkeypatch.setenv("SCRUMCERT_DATA", str(folder))
    assert list(load_catalogue().certifications) == ["TRAIN-ONE"]


def test_loads_one_file(write_catalogue: Callable[[dict[str, str]], Path]) -> None:
    folder = write_catalogue({"all.yaml": ROLES_TEXT + MINI})
    assert list(load_catalogue(folder / "all.yaml").certifications) == ["TRAIN-ONE"]


def test_missing_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(tmp_path / "nope")
    assert str(err.value) == "nope: no such folder"
    assert err.value.exit_code == 2


def test_empty_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "README.md").write_text("no yaml here\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(tmp_path / "empty")
    assert str(err.value) == "empty: no .yaml files in this folder"


def _latin1(tmp_path: Path) -> Path:
    folder = tmp_path / "catalogue"
    folder.mkdir()
    (folder / "latin1.yaml").write_bytes(b"roles:\n  - id: caf\xe9\n")
    return folder


def test_non_utf8_file_is_refused_naming_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = _latin1(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(folder)
    assert err.value.file == "catalogue/latin1.yaml"
    assert err.value.problem == "not UTF-8 text (invalid continuation byte at byte 18)"
    assert "\n" not in str(err.value)


def test_non_utf8_file_names_the_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = _latin1(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(folder)
    assert str(err.value) == "catalogue/latin1.yaml:2: not UTF-8 text (invalid continuation byte at byte 18)"


# --- the catalogue of broken files --------------------------------------------------------------


@dataclass(frozen=True)
class Broken:
    file: str
    message: str
    needs: tuple[str, ...] = ("roles.yaml",)  # bundled files copied beside it


ROLES_LIST = "scrum_master, product_owner, developer, leader, coach, product_manager, project_manager"
QUESTION_IDS = ("role, target, goal, experience, months_as_sm, months_as_po, framework, employer_asks, exam, "
                "renewal, learning, region, currency, budget, budget_usd, held, lapsed")
CERT_FIELDS = ("code, name, issuer, kind, level, roles, summary, course, exam, renewal, pdus, sources, "
               "aliases, official_page, unconfirmed, prerequisites, leads_to, includes")
FACT_NAMES = "course, price, exam, renewal, pdus, prerequisites, leads_to, includes, roles"
UNSOURCED = "(add it to the 'facts' of a source, or write it as unknown)"

BROKEN_CASES = [
    Broken("tab.yaml", "tab.yaml:4: found a tab character that violates indentation"),
    Broken("syntax_error.yaml", "syntax_error.yaml:5: did not find expected ',' or ']'"),
    Broken("multi_doc.yaml", "multi_doc.yaml:4: expected a single document in the stream, but found "
           "another document"),
    Broken("dup_key.yaml", "dup_key.yaml:13: duplicate key 'exam'"),
    Broken("bad_type.yaml", "bad_type.yaml:12: certifications[0].exam.questions: expected a whole number, "
           "got text 'eighty'"),
    Broken("bad_enum.yaml", "bad_enum.yaml:6: certifications[0].kind: 'exam' is not allowed (expected one "
           "of: certification, course)"),
    Broken("missing_field.yaml", "missing_field.yaml:3: certifications[0].issuer: required field is missing"),
    Broken("unknown_field.yaml", "unknown_field.yaml:5: certifications[0].isuer: unknown field (expected "
           f"one of: {CERT_FIELDS})"),
    Broken("unknown_fact.yaml", "unknown_fact.yaml:18: certifications[0].sources[0].facts[4]: 'cost' is "
           f"not allowed (expected one of: {FACT_NAMES})"),
    Broken("dangling_leads_to.yaml", "dangling_leads_to.yaml:14: certifications[0].leads_to[0]: unknown "
           "certification code 'DEMO-II'"),
    Broken("self_reference.yaml", "self_reference.yaml:14: certifications[0].leads_to[0]: a certification "
           "cannot name itself"),
    Broken("dangling_role.yaml", "dangling_role.yaml:8: certifications[0].roles[1]: unknown role "
           f"'scrum_masterr' (roles: {ROLES_LIST})"),
    Broken("python_tag.yaml", "python_tag.yaml:9: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'"
           " is not allowed (only plain data is read)"),
    Broken("alias_bomb.yaml", "alias_bomb.yaml:2: expands to more than 200,000 values through aliases; "
           "refused"),
    Broken("not_mapping.yaml", "not_mapping.yaml:2: expected a mapping with roles, certifications, "
           "questions or rules at the top"),
    Broken("bad_date.yaml", "bad_date.yaml:17: certifications[0].sources[0].checked: expected a date "
           "YYYY-MM-DD, got '2026-02-30'"),
    Broken("bad_date_format.yaml", "bad_date_format.yaml:17: certifications[0].sources[0].checked: "
           "expected a date YYYY-MM-DD, got '25/11/2026'"),
    Broken("bad_date_compact.yaml", "bad_date_compact.yaml:17: certifications[0].sources[0].checked: "
           "expected a date YYYY-MM-DD, got '20260101'"),
    Broken("future_date.yaml", "future_date.yaml:17: certifications[0].sources[0].checked: 2999-01-01 is "
           "in the future"),
    Broken("alias_collision.yaml", "alias_collision.yaml:30: certifications[1].aliases[0]: 'Demo One' "
           "would also find DEMO-ONE; spellings must be unique"),
    Broken("dup_code.yaml", "dup_code.yaml:19: certifications[1].code: 'DEMO' is defined twice (first in "
           "catalogue/dup_code.yaml, line 3)"),
    Broken("unsourced_fact.yaml", "unsourced_fact.yaml:14: certifications[0].sources: no source backs the "
           f"fact 'pdus' {UNSOURCED}"),
    Broken("source_without_address.yaml", "source_without_address.yaml:15: certifications[0].sources[0]: "
           "a source needs a url or a document name"),
    Broken("course_without_includes.yaml", "course_without_includes.yaml:3: certifications[0].includes: "
           "a course must name the assessments it includes"),
    Broken("rule_unknown_question.yaml", "rule_unknown_question.yaml:21: rules[0].when.colour: unknown "
           f"question 'colour' (questions: {QUESTION_IDS})", ("roles.yaml", "questions.yaml")),
    Broken("rule_unknown_value.yaml", "rule_unknown_value.yaml:22: rules[0].when.target[1]: 'astronaut' is "
           "not a value of 'target' (allowed: scrum_master, product_owner, both, leadership, developer, "
           "coach, project_manager)",
           ("roles.yaml", "questions.yaml")),
    Broken("rule_unknown_code.yaml", "rule_unknown_code.yaml:24: rules[0].weights.NOPE: unknown "
           "certification code 'NOPE'", ("roles.yaml", "questions.yaml")),
    Broken("question_bad_default.yaml", "question_bad_default.yaml:24: questions[0].default: 'green' is not "
           "one of the choices (red, blue)"),
    Broken("no_certifications.yaml", "the catalogue has no certifications", ()),
]


def broken_params() -> list[object]:
    return [pytest.param(case, id=case.file.removesuffix(".yaml")) for case in BROKEN_CASES]


def expected_message(case: Broken) -> str:
    """Files are shown relative to the working folder: the tests run from the folder's parent."""
    return f"catalogue: {case.message}" if case.file == "no_certifications.yaml" else (
        f"catalogue/{case.message}")


def build_broken(case: Broken, write: Callable[[dict[str, str]], Path]) -> Path:
    files = {case.file: (BROKEN / case.file).read_text(encoding="utf-8")}
    for name in case.needs:
        files[name] = {"roles.yaml": ROLES_TEXT, "questions.yaml": QUESTIONS_TEXT}[name]
    return write(files)


def test_every_broken_file_has_a_case() -> None:
    on_disk = sorted(p.name for p in BROKEN.glob("*.yaml"))
    assert on_disk == sorted(c.file for c in BROKEN_CASES)
    required = {"tab", "dup_key", "bad_type", "missing_field", "unknown_field", "dangling_leads_to",
                "dangling_role", "python_tag", "alias_bomb", "not_mapping", "bad_date", "future_date",
                "alias_collision", "unsourced_fact", "course_without_includes", "rule_unknown_question",
                "rule_unknown_value", "rule_unknown_code", "question_bad_default"}
    assert {f"{name}.yaml" for name in required} <= set(on_disk)


@pytest.mark.parametrize("case", broken_params())
def test_broken_file_gives_one_exact_line(case: Broken, write_catalogue: Callable[[dict[str, str]], Path],
                                          monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = build_broken(case, write_catalogue)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SCRUMCERT_CACHE_DIR", str(tmp_path / "cache"))
    for _ in ("parsed", "from the parse cache"):  # the second load may take the files from the cache
        started = time.perf_counter()
        with pytest.raises(CatalogueError) as err:
            load_catalogue(folder)
        elapsed = time.perf_counter() - started
        assert str(err.value) == expected_message(case)
        assert "\n" not in str(err.value)
        assert err.value.exit_code == 2
        assert elapsed < 1.0, f"took {elapsed:.2f} s"


def test_alias_bomb_is_refused_before_it_expands(write_catalogue: Callable[[dict[str, str]], Path],
                                                 monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = write_catalogue({"alias_bomb.yaml": (BROKEN / "alias_bomb.yaml").read_text(encoding="utf-8")})
    monkeypatch.chdir(tmp_path)
    started = time.perf_counter()
    for _ in range(5):
        with pytest.raises(CatalogueError, match="through aliases; refused"):
            load_catalogue(folder)
    assert time.perf_counter() - started < 0.5


def test_python_tag_runs_nothing(write_catalogue: Callable[[dict[str, str]], Path],
                                 monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = write_catalogue({"python_tag.yaml": (BROKEN / "python_tag.yaml").read_text(encoding="utf-8"),
                              "roles.yaml": ROLES_TEXT})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CatalogueError, match="is not allowed"):
        load_catalogue(folder)
    assert not (tmp_path / "pwned").exists()


def test_a_datetime_is_not_a_date(write_catalogue: Callable[[dict[str, str]], Path],
                                  monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = (BROKEN / "future_date.yaml").read_text(encoding="utf-8").replace(
        "checked: 2999-01-01", "checked: 2026-01-01 10:30:00")
    folder = write_catalogue({"when.yaml": text, "roles.yaml": ROLES_TEXT})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(folder)
    assert str(err.value) == ("catalogue/when.yaml:17: certifications[0].sources[0].checked: expected a date "
                              "YYYY-MM-DD, got datetime")


def test_the_fixed_template_loads(write_catalogue: Callable[[dict[str, str]], Path]) -> None:
    """The broken files share one valid certification: with the defect undone it loads."""
    text = (BROKEN / "future_date.yaml").read_text(encoding="utf-8").replace("2999-01-01", "2026-01-01")
    cat = load_catalogue(write_catalogue({"demo.yaml": text, "roles.yaml": ROLES_TEXT}))
    assert list(cat.certifications) == ["DEMO"]


# --- the parse cache ----------------------------------------------------------------------------


def test_the_parse_cache_gives_the_same_catalogue(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                  catalogue: Catalogue) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SCRUMCERT_CACHE_DIR", str(cache))
    monkeypatch.delenv("SCRUMCERT_DATA", raising=False)
    first = load_catalogue()
    entries = sorted(cache.glob("*.json"))
    assert len(entries) == len(list(bundled_dir().glob("*.yaml")))
    second = load_catalogue()
    assert second == first
    assert second.certifications == catalogue.certifications
    for entry in entries:  # a damaged entry is ignored, never trusted
        entry.write_text("{not json", encoding="utf-8")
    assert load_catalogue().certifications == catalogue.certifications


def test_the_parse_cache_never_hides_a_new_error(write_catalogue: Callable[[dict[str, str]], Path],
                                                 monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The cache is keyed by the bytes: edit the file and the edit is what is checked."""
    monkeypatch.setenv("SCRUMCERT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    good = (BROKEN / "future_date.yaml").read_text(encoding="utf-8").replace("2999-01-01", "2026-01-01")
    folder = write_catalogue({"demo.yaml": good, "roles.yaml": ROLES_TEXT})
    assert list(load_catalogue(folder).certifications) == ["DEMO"]
    (folder / "demo.yaml").write_text(good.replace("pdus: null", "pdus: 3"), encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        load_catalogue(folder)
    assert str(err.value) == ("catalogue/demo.yaml:14: certifications[0].sources: no source backs the fact "
                              f"'pdus' {UNSOURCED}")
