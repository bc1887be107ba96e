"""The cost-over-the-years chart: the numbers of costs.ownership, drawn as a self-contained SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from scrumcert.costs import ownership
from scrumcert.output.chart import Series, cost_series, svg

NS = "{http://www.w3.org/2000/svg}"


def test_series_are_ownership_year_by_year(catalogue) -> None:  # type: ignore[no-untyped-def]
    csm = catalogue.certifications["CSM"]
    s = cost_series(csm, 4)
    assert len(s.low) == len(s.high) == 5
    for year in range(5):
        o = ownership(csm, year)
        assert (s.low[year], s.high[year]) == (o.low, o.high)
    assert list(s.low) == sorted(s.low)  # cumulative: never falls


def test_lifetime_credential_stays_flat(catalogue) -> None:  # type: ignore[no-untyped-def]
    s = cost_series(catalogue.certifications["PSM-I"], 5)
    assert len(set(s.low)) == 1 and not s.unknown


def test_svg_is_well_formed_self_contained_and_labelled(catalogue) -> None:  # type: ignore[no-untyped-def]
    codes = ["CSM", "PSM-I", "PSMPO", "SAFE-POPM"]
    page = svg([cost_series(catalogue.certifications[c], 3) for c in codes], title="Cost over 3 years")
    root = ET.fromstring(page)
    assert root.tag == f"{NS}svg" and root.get("role") == "img"
    assert root.find(f"{NS}title").text == "Cost over 3 years"  # type: ignore[union-attr]
    groups = root.findall(f"{NS}g")
    assert [g.get("data-code") for g in groups] == codes
    for g in groups:
        assert g.find(f"{NS}polyline") is not None
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    legend = [t.text for t in root.iter(f"{NS}text")]
    assert "PSMPO (at least)" in legend  # its course price is not known
    assert "now" in legend and "year 3" in legend


def test_text_from_catalogues_is_escaped() -> None:
    page = svg([Series("<b>&", (0, 10), (0, 20), ())])
    ET.fromstring(page)
    assert "<b>&" not in page and "&lt;b&gt;&amp;" in page


def test_long_cost_labels_keep_room_on_the_left() -> None:
    """Costs shown in rupees are long ('INR 482,126'): the plot starts far enough right that no label
    runs off the picture (text-anchor end at x = left - 6 must leave the label's width)."""
    page = svg([Series("CSM", (0, 400_000), (0, 480_000), ())], money=lambda v: f"INR {v:,.0f}")
    root = ET.fromstring(page)
    labels = [t for t in root.iter(f"{NS}text") if (t.text or "").startswith("INR")]
    assert labels
    for t in labels:
        assert float(t.get("x")) - 7 * len(t.text) >= 0  # type: ignore[arg-type]
