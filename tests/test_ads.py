"""`scrumcert ads`: credentials named in job ads however written, once per ad, required or preferred,
alternatives, false friends, from files and from standard input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrumcert import ads
from scrumcert.catalogue.model import Catalogue

SAMPLES = sorted((Path(__file__).resolve().parent / "ads").glob("*.txt"))

# what each sample ad asks for, read by a person
EXPECTED = {
    "agile-delivery-lead.txt": {"PMI-ACP": "required", "PSM-I": "required", "CSPO": "preferred",
                                "SAFE-POPM": "preferred", "PSM-II": None},
    "product-owner-retail.txt": {"PSPO-I": "required", "CSPO": "required", "PSM-I": "preferred"},
    "scrum-master-fintech.txt": {"CSM": "required", "PSM-I": "required", "SAFE-SSM": "preferred"},
}


def read(catalogue: Catalogue, text: str) -> dict[str, str | None]:
    return ads.read_ad(ads.Matcher(catalogue), text, "ad").named


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_each_sample_ad_is_read_as_a_person_reads_it(catalogue: Catalogue, sample: Path) -> None:
    assert read(catalogue, sample.read_text(encoding="utf-8")) == EXPECTED[sample.name]


@pytest.mark.parametrize(("text", "code"), [
    ("Certified ScrumMaster (CSM) required.", "CSM"),
    ("Certified Scrum Master required.", "CSM"),
    ("PSM-I required.", "PSM-I"),
    ("PSM 1 required.", "PSM-I"),
    ("Professional Scrum Master I required.", "PSM-I"),
    ("PSM II required.", "PSM-II"),
    ("PSPO2 required.", "PSPO-II"),
    ("SAFe Scrum Master (SSM) required.", "SAFE-SSM"),
    ("PMI-ACP required.", "PMI-ACP"),
    ("A-CSPO required.", "A-CSPO"),
    ("Advanced Certified ScrumMaster required.", "A-CSM"),
    ("CSM® required.", "CSM"),
])
def test_credentials_are_found_however_written(catalogue: Catalogue, text: str, code: str) -> None:
    assert read(catalogue, text) == {code: "required"}


@pytest.mark.parametrize("text", [
    "A Scrum Master certification is required.",
    "You are a certified Scrum Master in spirit.",
    "Agile certification preferred.",
    "Experience with SAFe is a plus.",
    "We are a CSMS (customer success management system) vendor.",
    "Passionate about scrum, kanban and XP; PSMs of the world unite.",
    "CSM not required.",
    "No PSM needed, but curiosity is a must.",
])
def test_phrases_that_name_no_credential_count_nothing(catalogue: Catalogue, text: str) -> None:
    assert read(catalogue, text) == {}


def test_a_credential_is_counted_once_per_ad_and_required_wins(catalogue: Catalogue) -> None:
    text = "PSM I preferred.\nYou hold a PSM I.\nAgain: PSM-I, PSM-I, PSM-I."
    assert read(catalogue, text) == {"PSM-I": "required"}
    report = ads.count(catalogue, [("one", text), ("two", "PSM I is a plus.")])
    (psm,) = report.counts
    assert (psm.code, psm.named, psm.required, psm.preferred) == ("PSM-I", 2, 1, 1)


def test_headings_give_their_cue_to_the_bullets_below(catalogue: Catalogue) -> None:
    text = ("Must have:\n- 3 years in a Scrum team\n- CSPO\n\nNice to have:\n* PSPO II\n\n"
            "About us\nWe sell shoes. PSM II holders love it here.")
    assert read(catalogue, text) == {"CSPO": "required", "PSPO-II": "preferred", "PSM-II": None}


@pytest.mark.parametrize(("text", "groups"), [
    ("CSM or PSM required.", [("CSM", "PSM-I")]),
    ("CSM/PSM I is required.", [("CSM", "PSM-I")]),
    ("Certified ScrumMaster (CSM) or PSM I", [("CSM", "PSM-I")]),
    ("CSM, PSM or SAFe Scrum Master (SSM) preferred.", [("CSM", "PSM-I", "SAFE-SSM")]),
    ("CSM and CSPO required.", []),
    ("Zertifizierung als CSM oder PSM I erforderlich.", [("CSM", "PSM-I")]),
])
def test_or_makes_alternatives(catalogue: Catalogue, text: str, groups: list[tuple[str, ...]]) -> None:
    assert list(ads.read_ad(ads.Matcher(catalogue), text, "ad").alternatives) == groups


@pytest.mark.parametrize(("text", "expected"), [
    ("Eine Zertifizierung als PSPO I ist zwingend erforderlich. CSM wünschenswert.",
     {"PSPO-I": "required", "CSM": "preferred"}),
    ("Certification CSPO exigée ; PSM I souhaité.", {"CSPO": "required", "PSM-I": "preferred"}),
    ("Ideally you hold a PSM II.", {"PSM-II": "preferred"}),
    ("PSM II would be great to have.", {"PSM-II": "preferred"}),
])
def test_cues_in_other_phrasings_and_languages(catalogue: Catalogue, text: str,
                                               expected: dict[str, str | None]) -> None:
    assert read(catalogue, text) == expected


def test_several_ads_in_one_text_are_split_on_a_dash_line() -> None:
    assert ads.read_texts([("all.txt", "CSM required\n---\nPSM preferred\n-----\n\n")]) == [
        ("all.txt#1", "CSM required\n"), ("all.txt#2", "\nPSM preferred\n")]


def test_employer_asks_what_at_least_half_the_ads_name(catalogue: Catalogue) -> None:
    report = ads.count(catalogue, [(p.name, p.read_text(encoding="utf-8")) for p in SAMPLES])
    assert ads.employer_asks(report) == ("PSM-I", "CSPO")
    assert report.share("PSM-I") == 3


def test_cli_counts_the_three_samples_from_files(run) -> None:
    result = run("ads", *map(str, SAMPLES), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ads"] == 3
    assert data["counts"]["PSM-I"] == {"named": 3, "required": 2, "preferred": 1}
    assert data["counts"]["CSPO"] == {"named": 2, "required": 1, "preferred": 1}
    assert data["counts"]["CSM"] == {"named": 1, "required": 1, "preferred": 0}
    assert next(iter(data["counts"])) == "PSM-I"  # most named first
    assert ["CSM", "PSM-I"] in data["alternatives"]


def test_cli_reads_standard_input_the_same_way(run) -> None:
    text = "\n---\n".join(p.read_text(encoding="utf-8") for p in SAMPLES)
    from_stdin = json.loads(run("ads", "-", "--format", "json", input=text).stdout)
    from_files = json.loads(run("ads", *map(str, SAMPLES), "--format", "json").stdout)
    assert from_stdin["ads"] == 3
    assert from_stdin["counts"] == from_files["counts"]


def test_cli_table_says_what_it_means(run) -> None:
    out = run("ads", *map(str, SAMPLES)).stdout
    assert "What your 3 job ads ask for" in out
    assert "3 of 3" in out and "filter you out" in out
    md = run("ads", *map(str, SAMPLES), "-f", "markdown").stdout
    assert "| PSM-I | 3 of 3 | 2 | 1 |" in md
    assert "- CSM or PSM-I" in md


def test_cli_an_ad_naming_nothing_says_so(run, tmp_path: Path) -> None:
    ad = tmp_path / "ad.txt"
    ad.write_text("Scrum Master certification required.", encoding="utf-8")
    result = run("ads", str(ad))
    assert result.exit_code == 0 and "names a credential scrumcert knows" in " ".join(result.stdout.split())


@pytest.mark.parametrize(("make", "message"), [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a folder"),
])
def test_cli_bad_files_are_one_line_and_exit_2(run, tmp_path: Path, make, message: str) -> None:
    result = run("ads", str(make(tmp_path)))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_cli_refuses_a_huge_ad_without_reading_it_all(run, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"CSM " * (600 * 1024))
    result = run("ads", str(big))
    assert result.exit_code == 2 and "larger than" in result.stderr
