"""Where facts come from (issue 9, items 1, 2 and 6): every entry names its issuer's page, every source
says whose page it is, the issuer's own pages come first, content farms are not sources, and
``scrumcert validate`` refuses a missing kind, a missing official page and a price range upside down,
each with its file, line and field."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml

from scrumcert.catalogue.model import SOURCE_KINDS, Catalogue, Source, official_first
from scrumcert.catalogue.schema import json_schema

# The issuers' own sites: a source there is "official", and a source marked "official" is there.
ISSUER_SITES = {
    "Scrum Alliance": ("scrumalliance.org", "scrumalliance.smapply.io"),
    "Scrum.org": ("scrum.org",),
    "PMI": ("pmi.org",),
    "ICAgile": ("icagile.com",),
    "Scaled Agile": ("scaledagile.com", "scaledagileframework.com"),
}
# Content farms and exam-dump or question-bank sites named by the audit, and their like.
FARMS = ("examice", "justpaste.it", "winenfood", "eatsip365", "visualfoodie", "dummyexams",
         "open-exam-prep", "certificationacademy", "processnews.blogspot", "pdfhost", "globalexamatlas",
         "certifycopilot", "certalyze", "csmexam.com", "hiraedu", "exam4training", "examstree",
         "pmexams-com", "masteryexamprep", "0685.com")


def host(url: str) -> str:
    return (urlparse(url).hostname or "").removeprefix("www.")


def on_site(url: str, sites: tuple[str, ...]) -> bool:
    h = host(url)
    return any(h == s or h.endswith("." + s) for s in sites)


def certs_and_others(catalogue: Catalogue) -> list[Any]:
    return [*catalogue.certifications.values(), *catalogue.others.values()]


def every_source(catalogue: Catalogue) -> list[tuple[str, str, Any]]:
    """Every (owner, issuer, source) the catalogue cites, wherever it sits: entries, rules and other
    credentials, but also regional prices, their Minimum Advertised Price policies, the issuers' renewal
    rules and the exchange rates, which ``all_sources`` leaves out. The issuer is '' when none applies."""
    issuer_of = {c.code: c.issuer for c in catalogue.certifications.values()}
    issuer_of.update({o.code: o.issuer for o in catalogue.others.values()})
    found = [(owner, issuer_of.get(owner, ""), s) for owner, s in catalogue.all_sources()]
    for code, prices in catalogue.prices.items():
        for p in prices:
            found += [(f"price:{code}:{p.region}", issuer_of.get(code, ""), s) for s in p.sources]
            if p.floor is not None:
                found.append((f"floor:{code}:{p.region}", issuer_of.get(code, ""), p.floor.source))
    for issuer, policy in catalogue.renewal_policies.items():
        found += [(f"renewal:{issuer}", policy.issuer, s) for s in policy.sources]
    if catalogue.rates is not None:
        found.append(("rates", "", catalogue.rates.source))
    return found


# --- the bundled knowledge base -------------------------------------------------------------------


def test_every_entry_names_its_issuers_page(catalogue: Catalogue) -> None:
    for c in certs_and_others(catalogue):
        assert c.official_page and c.official_page.startswith("https://"), c.code
        sites = ISSUER_SITES.get(c.issuer)
        if sites:  # the issuers whose sites are known: the page is on the issuer's own site
            assert on_site(c.official_page, sites), (c.code, c.official_page)


def test_every_source_says_its_kind_and_official_means_the_issuers_site(catalogue: Catalogue) -> None:
    for c in certs_and_others(catalogue):
        for s in c.sources:
            assert s.kind in SOURCE_KINDS, (c.code, s.title)
            sites = ISSUER_SITES.get(c.issuer)
            if s.kind == "official" and s.url and sites:
                assert on_site(s.url, sites), (c.code, s.url)


def test_the_big_three_each_have_an_official_source(catalogue: Catalogue) -> None:
    for c in catalogue.certifications.values():
        if c.issuer in ("Scrum Alliance", "Scrum.org", "Scaled Agile"):
            assert any(s.kind == "official" for s in c.sources), c.code


def test_no_content_farm_is_a_source(catalogue: Catalogue) -> None:
    for owner, s in catalogue.all_sources():
        assert not any(farm in s.where for farm in FARMS), (owner, s.where)
    for c in catalogue.others.values():
        for s in c.sources:
            assert not any(farm in s.where for farm in FARMS), (c.code, s.where)


def test_no_content_farm_anywhere(catalogue: Catalogue) -> None:
    """Prices, renewal rules and rates are facts people act on too: the same bar holds for them."""
    for owner, _issuer, s in every_source(catalogue):
        where = s.url or getattr(s, "document", None) or ""
        assert not any(farm in where for farm in FARMS), (owner, where)


def test_official_means_the_issuers_site_anywhere(catalogue: Catalogue) -> None:
    for owner, issuer, s in every_source(catalogue):
        if not owner.startswith("rule:"):  # the advice's rules cite their articles without a kind yet
            assert s.kind in SOURCE_KINDS, (owner, s.title)
        sites = ISSUER_SITES.get(issuer)
        if s.kind == "official" and s.url and sites:
            assert on_site(s.url, sites), (owner, s.url)


def test_every_quote_anywhere_is_one_plain_line(catalogue: Catalogue) -> None:
    """A quote is matched against the page as written: never empty, never two places joined."""
    for owner, _issuer, s in every_source(catalogue):
        if s.quote is not None:
            assert s.quote.strip(), owner
            assert s.quote.strip() == s.quote and "\n" not in s.quote, (owner, s.quote)
            assert "..." not in s.quote and "\u2026" not in s.quote, (owner, s.quote)


def test_a_figure_without_a_source_is_unknown(catalogue: Catalogue) -> None:
    """A regional price with no page behind it must not state a number."""
    for code, prices in catalogue.prices.items():
        for p in prices:
            if not p.sources:
                assert not p.known and not p.typical_known, (code, p.region)


def test_sources_are_listed_official_first(catalogue: Catalogue) -> None:
    rank = {k: i for i, k in enumerate(SOURCE_KINDS)}
    for c in catalogue.certifications.values():
        ranks = [rank[s.kind] for s in c.sources]
        assert ranks == sorted(ranks), c.code


def test_a_quote_is_words_from_the_page(catalogue: Catalogue) -> None:
    """A quote is for finding the fact on the page again: one line of plain text, never an ellipsis
    joining two places (``sources --check`` looks for it as written)."""
    for owner, s in catalogue.all_sources():
        if s.quote is not None:
            assert s.quote.strip(), owner
            assert s.quote.strip() == s.quote and "\n" not in s.quote, owner
            assert "..." not in s.quote and "\u2026" not in s.quote, (owner, s.quote)


def test_facts_the_audit_corrected(catalogue: Catalogue) -> None:
    """The audit's corrections, each from the page its source names (see the sources' quotes)."""
    certs = catalogue.certifications
    assert {"scrum_master", "product_owner"} <= set(certs["PMI-ACP"].roles)
    assert (certs["PMI-ACP"].prerequisites.experience_months, certs["PMI-ACP"].course.hours) == (24, 28)
    ssm = certs["SAFE-SSM"].renewal
    assert ssm is not None and (ssm.every_years, ssm.education_units, ssm.unit) == (2, 24, "CEU")
    assert certs["PSM-II"].course.name is not None and "PSM-A" in certs["PSM-II"].course.name
    assert certs["PSM-III"].exam is not None and certs["PSM-III"].exam.questions == 24
    assert "CSM" in certs and certs["CSM"].unconfirmed == ()
    note = certs["ICP-APO"].prerequisites.note or ""
    assert "Agile Fundamentals" in note and "ATF" not in note
    assert (certs["PSM-COURSE"].pdus, certs["SAFE-POPM"].pdus, certs["SAFE-SSM"].pdus) == (14, 15, 15)


def test_official_first_keeps_the_catalogue_order_within_a_kind() -> None:
    day = __import__("datetime").date(2026, 11, 26)
    a, b, c, d = (Source(t, day, url=f"https://x.example/{t}", kind=k)
                  for t, k in (("a", "secondary"), ("b", "official"), ("c", None), ("d", "official")))
    assert [s.title for s in official_first([a, b, c, d])] == ["b", "d", "a", "c"]


# --- what every format shows ----------------------------------------------------------------------


def test_show_json_gives_the_official_page_and_each_kind(run: Callable[..., Any]) -> None:
    d = json.loads(run("show", "SAFE-SSM", "-f", "json").stdout)
    assert d["official_page"].startswith("https://scaledagile.com/")
    assert [s["kind"] for s in d["sources"]][:3] == ["official"] * 3
    ceu = next(s for s in d["sources"] if "renewal" in s["facts"])
    assert ceu["quote"] == ("You are required to earn a minimum of 24 Continuing Education Units (CEUs) "
                            "within your two-year certification cycle.")


@pytest.mark.parametrize("fmt", ["markdown", "table"])
def test_show_lists_the_official_page_before_the_sources(run: Callable[..., Any], fmt: str) -> None:
    out = run("show", "PMI-ACP", "-f", fmt, env={"COLUMNS": "200"}).stdout
    if fmt == "markdown":  # as rendered: Markdown shows \[official\] as [official]
        out = re.sub(r"\\([\[\]_])", r"\1", out)
    page = out.index("https://www.pmi.org/certifications/agile-acp")
    first_source = min(out.index(f"[{k}]") for k in SOURCE_KINDS if f"[{k}]" in out)
    assert page < first_source


def test_html_report_shows_each_sources_kind(run: Callable[..., Any], tmp_path: Path) -> None:
    out = tmp_path / "csm.html"
    result = run("compare", "CSM", "CSPO", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "official" in page and "trainer" in page
    assert "scrumalliance.org" in page


# --- validate refuses what breaks provenance -------------------------------------------------------


@pytest.fixture
def broken(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str, str], Path]:
    """Apply one text edit inside the CSM entry of a copy of the bundled catalogue."""
    monkeypatch.chdir(data_copy.parent)

    def edit(old: str, new: str) -> Path:
        path = data_copy / "certifications.yaml"
        text = path.read_text(encoding="utf-8")
        start = text.index("  - code: CSM\n")
        end = text.index("\n  - code: ", start + 1)
        entry = text[start:end]
        assert entry.count(old) == 1, old
        path.write_text(text[:start] + entry.replace(old, new) + text[end:], encoding="utf-8")
        return path

    return edit


def line_of(path: Path, needle: str, after: str = "  - code: CSM\n") -> int:
    text = path.read_text(encoding="utf-8")
    return text[:text.index(needle, text.index(after))].count("\n") + 1


def refusal(run: Callable[..., Any], folder: str = "data") -> str:
    result = run("validate", folder)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1  # one clear line, no traceback
    return lines[0]


def test_validate_refuses_a_source_without_kind(run: Callable[..., Any], broken: Any) -> None:
    path = broken("        kind: official\n        quote: Candidates are also given",
                  "        quote: Candidates are also given")
    line = line_of(path, "      - title: Scrum Alliance support, What can I expect")
    assert refusal(run) == (
        f"scrumcert: error: data/certifications.yaml:{line}: certifications[0].sources[0].kind: "
        "required field is missing (official, trainer or secondary: whose page it is)")


def test_validate_refuses_an_entry_without_official_page(run: Callable[..., Any], broken: Any) -> None:
    path = broken("    official_page: https://www.scrumalliance.org/get-certified/practitioners/csm-certification/"
                  "becoming-a-certified-scrummaster%c2%ae\n", "")
    line = line_of(path, "  - code: CSM\n", "certifications:\n")  # where the entry starts
    assert refusal(run) == (
        f"scrumcert: error: data/certifications.yaml:{line}: certifications[0].official_page: "
        "required field is missing (the issuer's own page for it)")


def test_validate_refuses_a_price_range_upside_down(run: Callable[..., Any], broken: Any) -> None:
    path = broken("price_usd: {min: 250, max: 2495, as_of: 2026-02-16}",
                  "price_usd: {min: 2495, max: 250, as_of: 2026-02-16}")
    line = line_of(path, "      price_usd: {min: 2495")
    assert refusal(run) == (
        f"scrumcert: error: data/certifications.yaml:{line}: certifications[0].course.price_usd.min: "
        "the minimum price 2495 is above the maximum 250")


def test_an_equal_minimum_and_maximum_is_a_price(run: Callable[..., Any], broken: Any) -> None:
    broken("price_usd: {min: 250, max: 2495, as_of: 2026-02-16}",
           "price_usd: {min: 900, max: 900, as_of: 2026-02-16}")
    assert run("validate", "data").exit_code == 0


def test_every_reading_command_refuses_the_same_way(run: Callable[..., Any], broken: Any) -> None:
    broken("price_usd: {min: 250, max: 2495, as_of: 2026-02-16}",
           "price_usd: {min: 2495, max: 250, as_of: 2026-02-16}")
    line = refusal(run)
    for args in (("list", "--data", "data"), ("show", "PSPO", "--data", "data")):
        result = run(*args)
        assert (result.exit_code, result.stderr.strip()) == (2, line)


def test_another_catalogue_without_provenance_is_told_what_to_add(
        run: Callable[..., Any], write_catalogue: Callable[[dict[str, str]], Path],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A trainer's own catalogue written before these fields existed: each missing one is named."""
    text = (Path(__file__).parent / "broken" / "future_date.yaml").read_text(encoding="utf-8")
    text = text.replace("2999-01-01", "2026-01-01")
    roles = yaml.safe_dump({"roles": [{"id": "scrum_master", "name": "Scrum Master", "description": "x"}]})
    folder = write_catalogue({"demo.yaml": text, "roles.yaml": roles})
    monkeypatch.chdir(tmp_path)
    assert run("validate", "catalogue").exit_code == 0
    (folder / "demo.yaml").write_text(text.replace("        kind: official\n", ""), encoding="utf-8")
    message = refusal(run, "catalogue")
    assert re.fullmatch(r"scrumcert: error: catalogue/demo\.yaml:\d+: "
                        r"certifications\[0\]\.sources\[0\]\.kind: required field is missing "
                        r"\(official, trainer or secondary: whose page it is\)", message)


# --- editors see the same rules ----------------------------------------------------------------------


def test_the_json_schema_asks_editors_for_kind_and_official_page() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    check = jsonschema.Draft202012Validator(json_schema())
    entry = {"code": "X", "name": "X", "issuer": "I", "kind": "certification", "level": "foundation",
             "roles": [], "summary": "s", "course": {"required": False}, "exam": "none",
             "renewal": "lifetime", "pdus": None,
             "sources": [{"title": "t", "url": "https://x.example", "checked": "2026-11-26"}]}
    messages = sorted(e.message for e in check.iter_errors({"certifications": [entry]}))
    assert messages == ["'kind' is a required property", "'official_page' is a required property"]
    entry["official_page"] = "https://x.example"
    entry["sources"][0]["kind"] = "official"
    assert list(check.iter_errors({"certifications": [entry]})) == []
