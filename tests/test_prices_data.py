"""The regional prices and the rates table of the knowledge base, and how a broken one is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrumcert import money
from scrumcert.catalogue.loader import load_catalogue
from scrumcert.catalogue.model import REGION_IDS, SOURCE_KINDS, Catalogue
from scrumcert.errors import CatalogueError

MAP_PAGE = ("https://support.scrumalliance.org/hc/en-us/articles/37920273101211-Minimum-Advertised-Price-"
            "MAP-Policy-Overview-and-FAQ")


def test_the_rates_table_is_one_dated_day_with_its_source(catalogue: Catalogue) -> None:
    rates = catalogue.rates
    assert rates is not None and rates.base == "EUR" and rates.per_base["EUR"] == 1
    assert {"USD", "EUR", "GBP", "INR", "AUD", "CAD"} <= set(rates.per_base)
    assert rates.source.kind == "official" and rates.source.url
    assert "European Central Bank" in rates.source.title
    assert rates.source.published == rates.day


def test_every_regional_price_is_sourced_and_in_a_known_region(catalogue: Catalogue) -> None:
    assert set(money.REGIONS) == set(REGION_IDS)
    assert catalogue.rates is not None
    for code, prices in catalogue.prices.items():
        assert code in catalogue.certifications
        for p in prices:
            assert p.region in money.REGIONS and catalogue.rates.knows(p.currency)
            if p.known or p.typical_known:
                assert p.sources, f"{code} {p.region}: a figure without a source"
            for s in p.sources:
                assert s.kind in SOURCE_KINDS and s.url and s.quote, f"{code} {p.region}: {s.title}"
            if p.min is not None and p.max is not None:
                assert p.min <= p.max


def test_the_four_regions_people_ask_about_are_there(catalogue: Catalogue) -> None:
    regions = {p.region for p in catalogue.prices["CSM"]}
    assert {"US", "UK", "EU", "IN"} <= regions
    india = money.price_in(catalogue.prices, "CSM", "IN")
    assert india is not None and (india.currency, india.min, india.max) == ("INR", 24000, 26000)


def test_the_minimum_advertised_price_rests_on_scrum_alliances_own_page(catalogue: Catalogue) -> None:
    floored = {(code, p.region) for code, prices in catalogue.prices.items() for p in prices if p.floor}
    assert {("CSM", "US"), ("CSM", "CA"), ("CSM", "IN"), ("CSPO", "US"), ("CSPO", "CA"), ("CSPO", "IN")} <= (
        floored)
    assert all(region in ("US", "CA", "IN") for _, region in floored)  # the policy names only these
    floor = money.price_in(catalogue.prices, "CSM", "IN").floor  # type: ignore[union-attr]
    assert floor is not None and floor.amount is None  # the figure is given to trainers only
    assert floor.source.kind == "official" and floor.source.url == MAP_PAGE
    assert str(floor.since) == "2025-08-01"


CSM_INDIA = """    - region: IN
      currency: INR
      min: 24000
      max: 26000"""


def _break(folder: Path, old: str, new: str, name: str = "prices.yaml") -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old, new, says", [
    (CSM_INDIA, CSM_INDIA.replace("min: 24000", "min: 27000"),
     "prices.CSM[4].min: the minimum 27000 exceeds the maximum 26000"),
    (CSM_INDIA, CSM_INDIA.replace("currency: INR", "currency: XAF"),
     "prices.CSM[4].currency: no exchange rate for XAF in the rates table"),
    (CSM_INDIA, CSM_INDIA.replace("currency: INR", "currency: rupees"),
     "prices.CSM[4].currency: 'rupees' is not an ISO 4217 currency code"),
    (CSM_INDIA, CSM_INDIA.replace("region: IN", "region: UK"),
     "prices.CSM[4].region: CSM has two prices for the region UK"),
    (CSM_INDIA, CSM_INDIA.replace("region: IN", "region: MARS"), "prices.CSM[4].region:"),
    (CSM_INDIA, CSM_INDIA.replace("max: 26000", "max: -5"), "prices.CSM[4].max: -5 is out of range"),
    ("  PSM-COURSE:", "  PSM-COURSES:", "prices.PSM-COURSES: unknown certification code 'PSM-COURSES'"),
    ("      typical: {min: 800, max: 800}", "      typical: {min: 900, max: 800}",
     "prices.CSPO[2].typical.min: the minimum 900 exceeds the maximum 800"),
])
def test_a_broken_price_is_refused_with_its_line(data_copy: Path, old: str, new: str, says: str) -> None:
    _break(data_copy, old, new)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(data_copy)
    assert caught.value.file and caught.value.file.endswith("prices.yaml")
    assert caught.value.line is not None
    assert says in caught.value.message


def test_a_figure_without_a_source_is_refused(data_copy: Path) -> None:
    path = data_copy / "prices.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  PSM-COURSE:")
    path.write_text(text[:start] + "  PSM-COURSE:\n    - {region: UK, currency: GBP, min: 900, max: 1200, "
                    "sources: []}\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"PSM-COURSE\[0\].sources: a price needs at least one source"):
        load_catalogue(data_copy)


def test_a_price_source_must_say_whose_page_it_is(data_copy: Path) -> None:
    tail = "          checked: 2026-11-26\n          quote: \"The CSM exam fee"
    _break(data_copy, "          kind: trainer\n" + tail, tail)
    with pytest.raises(CatalogueError, match=r"prices.CSM\[4\].sources\[0\].kind: required field is missing"):
        load_catalogue(data_copy)


def test_a_rates_table_without_dollars_is_refused(data_copy: Path) -> None:
    _break(data_copy, "    USD: 1.1269\n", "", "rates.yaml")
    with pytest.raises(CatalogueError, match=r"rates.yaml:\d+: rates.per_base: the table needs a rate for"):
        load_catalogue(data_copy)


def test_a_catalogue_without_prices_or_rates_still_loads(data_copy: Path) -> None:
    (data_copy / "prices.yaml").unlink()
    (data_copy / "rates.yaml").unlink()
    bare = load_catalogue(data_copy)
    assert bare.prices == {} and bare.rates is None
