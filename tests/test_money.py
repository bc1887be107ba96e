"""Currencies and regional prices: conversion, formatting, parsing of codes, JSON annotation.

The rates are pinned here (round numbers, not the bundled table), so the expected figures can be
worked out by hand and do not change when the bundled table is updated.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrumcert import money
from scrumcert.catalogue.model import Source
from scrumcert.errors import ScrumcertError

SOURCE = Source(title="European Central Bank, Euro foreign exchange reference rates",
                checked=date(2026, 11, 26), url="https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml")
# 1 EUR = 1.25 USD = 0.8 GBP = 100 INR: so 1 USD = 0.8 EUR = 0.64 GBP = 80 INR
PINNED = money.Rates("EUR", date(2026, 11, 20), {"EUR": 1.0, "USD": 1.25, "GBP": 0.8, "INR": 100.0,
                                                  "CAD": 1.5, "AUD": 1.6}, SOURCE)


def test_cross_rates_go_through_the_base():
    assert PINNED.rate("USD", "EUR") == pytest.approx(0.8)
    assert PINNED.rate("USD", "INR") == pytest.approx(80.0)
    assert PINNED.convert(250, "USD", "GBP") == pytest.approx(160.0)
    assert PINNED.convert(24_000, "INR", "USD") == pytest.approx(300.0)
    assert PINNED.convert(123.45, "USD", "USD") == 123.45


def test_dollars_keep_their_sign_and_other_currencies_their_code():
    assert money.format_amount(2495, "USD") == "$2,495"
    assert money.format_amount(1996.4, "EUR") == "EUR 1,996"
    assert money.format_amount(24000, "INR") == "INR 24,000"
    assert money.format_amount(0.5, "GBP") == "GBP 1"  # halves away from zero, not to even
    assert money.format_amount(2.5, "GBP") == "GBP 3"


def test_a_display_converts_dollars_and_says_with_what():
    shown = money.Display("EUR", PINNED)
    assert shown.amount(200) == "EUR 160"
    assert shown.amount(24_000, "INR") == "EUR 240"  # a regional price converted to the display
    note = shown.note()
    assert note is not None and "EUR" in note and "2026-11-20" in note and "1 USD = 0.8 EUR" in note
    assert "European Central Bank" in note
    assert money.Display().note() is None  # nothing converted, nothing to say
    assert money.Display().amount(200) == "$200"


def test_the_current_display_is_set_for_a_block_only():
    assert money.usd(200) == "$200"
    with money.using(money.Display("GBP", PINNED)):
        assert money.usd(200) == "GBP 128"
    assert money.usd(200) == "$200"


@pytest.mark.parametrize("typed, code", [("eur", "EUR"), (" INR ", "INR"), ("usd", "USD"), ("Gbp", "GBP")])
def test_currency_codes_are_read_in_any_case(typed, code):
    assert money.currency_code(typed, PINNED) == code


@pytest.mark.parametrize("typed, says", [
    ("XYZ", "unknown currency XYZ; the rates table knows: AUD, CAD, EUR, GBP, INR, USD"),
    ("euro", "is not an ISO 4217 code"),
    ("E1R", "is not an ISO 4217 code"),
    ("", "is not an ISO 4217 code"),
])
def test_an_unknown_currency_is_one_clear_line(typed, says):
    with pytest.raises(ScrumcertError) as caught:
        money.currency_code(typed, PINNED)
    assert says in caught.value.message
    assert "\n" not in caught.value.message
    assert caught.value.exit_code == 2


@pytest.mark.parametrize("typed, region", [("in", "IN"), ("uk", "UK"), ("gb", "UK"), ("EU", "EU"),
                                           ("de", "EU"), ("usa", "US"), ("Ca", "CA")])
def test_regions_are_read_as_people_write_them(typed, region):
    assert money.region_id(typed) == region


def test_an_unknown_region_lists_the_regions():
    with pytest.raises(ScrumcertError) as caught:
        money.region_id("mars")
    assert "unknown region 'mars'" in caught.value.message and "IN (India)" in caught.value.message


def test_a_budget_in_another_currency_is_judged_in_dollars():
    assert money.budget_usd(24_000, "INR", PINNED) == pytest.approx(300)
    assert money.budget_usd(500, "USD", None) == 500


def _price(**kw):
    base = dict(code="CSM", region="IN", currency="INR", min=24_000.0, max=26_000.0)
    base.update(kw)
    return money.RegionalPrice(**base)


def test_a_regional_range_says_the_trainer_sets_it():
    plain = money.Display()
    assert money.range_text(_price(), plain) == "INR 24,000 to INR 26,000, set by the trainer"
    assert money.range_text(_price(), money.Display("EUR", PINNED)) == (
        "INR 24,000 to INR 26,000 (about EUR 240 to EUR 260), set by the trainer")
    typical = _price(currency="USD", min=250.0, max=2495.0, typical_min=1000.0, typical_max=1400.0)
    assert money.range_text(typical, plain) == (
        "$250 to $2,495, typically $1,000 to $1,400, set by the trainer")
    unknown = _price(min=None, max=None)
    assert money.range_text(unknown, plain) == "unknown, set by the trainer"
    only_typical = _price(currency="USD", min=None, max=None, typical_min=800.0, typical_max=800.0)
    assert money.range_text(only_typical, plain) == "typically $800, set by the trainer"


def test_a_minimum_advertised_price_without_a_published_figure_says_so():
    floor = money.AdvertisedFloor(None, date(2025, 8, 1), "public listings only", SOURCE)
    text = money.floor_text(_price(floor=floor), money.Display())
    assert text == "minimum advertised price since 2025-08-01: a figure not published"
    assert money.floor_text(_price(), money.Display()) is None


def test_json_keeps_the_dollar_fields_and_adds_the_converted_ones():
    data = {"code": "CSM", "fee_usd": 200, "price_usd": {"min": 250, "max": None, "as_of": None},
            "cost": {"low_usd": 350, "renewals": 1}, "fits_budget": True}
    out = money.annotate(data, money.Display("EUR", PINNED))
    assert out["fee_usd"] == 200 and out["fee_eur"] == 160
    assert out["price_usd"] == {"min": 250, "max": None, "as_of": None}
    assert out["price_eur"] == {"min": 200, "max": None, "as_of": None}
    assert out["cost"] == {"low_usd": 350, "low_eur": 280, "renewals": 1}
    assert out["currency"] == {"code": "EUR", "per_usd": 0.8, "rates_day": "2026-11-20",
                               "source": {"title": SOURCE.title, "url": SOURCE.url}}
    listed = money.annotate([data], money.Display("EUR", PINNED))
    assert listed[0]["currency"]["code"] == "EUR" and listed[0]["fee_eur"] == 160
    assert money.annotate(data, money.Display()) is data  # no conversion: untouched


amounts = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
codes = st.sampled_from(sorted(PINNED.per_base))


@given(amounts, codes, codes)
def test_converting_there_and_back_returns_the_amount(amount, frm, to):
    back = PINNED.convert(PINNED.convert(amount, frm, to), to, frm)
    assert back == pytest.approx(amount, rel=1e-9, abs=1e-9)


@given(amounts, codes, codes, codes)
def test_converting_through_a_third_currency_changes_nothing(amount, frm, via, to):
    assert PINNED.convert(PINNED.convert(amount, frm, via), via, to) == pytest.approx(
        PINNED.convert(amount, frm, to), rel=1e-9, abs=1e-9)


@given(amounts, amounts, codes)
def test_conversion_keeps_the_order_of_amounts(a, b, to):
    low, high = sorted((a, b))
    assert PINNED.convert(low, "USD", to) <= PINNED.convert(high, "USD", to)


@given(st.integers(min_value=0, max_value=10**12), codes)
def test_whole_amounts_are_shown_exactly(n, code):
    text = money.format_amount(n, code)
    assert text.replace("$", "").replace(code, "").replace(",", "").strip() == str(n)
