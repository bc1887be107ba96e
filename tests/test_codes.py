"""Certification codes as people type them, and the errors for codes that do not exist."""

from __future__ import annotations

import pytest

from scrumcert.catalogue.lookup import normalise, resolve, resolve_all
from scrumcert.catalogue.model import Catalogue
from scrumcert.errors import ScrumcertError


@pytest.mark.parametrize(("typed", "code"), [
    ("PSPO", "PSPO-I"),
    ("pspo1", "PSPO-I"),
    ("PSPO I", "PSPO-I"),
    ("pspo-i", "PSPO-I"),
    ("Professional Scrum Product Owner I", "PSPO-I"),
    ("professional scrum product owner 1", "PSPO-I"),
    ("  PSPO-I  ", "PSPO-I"),
    ("PSM", "PSM-I"),
    ("psm1", "PSM-I"),
    ("PAL", "PAL-I"),  # the level-less name finds level I, as PSM and PSPO do
    ("psd", "PSD-I"),
    ("psm 2", "PSM-II"),
    ("PSM II", "PSM-II"),
    ("psm-3", "PSM-III"),
    ("pspo 2", "PSPO-II"),
    ("popm", "SAFE-POPM"),
    ("SAFe POPM", "SAFE-POPM"),
    ("safe-popm", "SAFE-POPM"),
    ("ssm", "SAFE-SSM"),
    ("csm", "CSM"),
    ("Certified ScrumMaster", "CSM"),
    ("cspo", "CSPO"),
    ("a-csm", "A-CSM"),
    ("ACSPO", "A-CSPO"),
    ("csp sm", "CSP-SM"),
    ("psmpo", "PSMPO"),
    ("PSM course", "PSM-COURSE"),
    ("pspo course", "PSPO-COURSE"),
    ("acp", "PMI-ACP"),
    ("pmi acp", "PMI-ACP"),
    ("icp-apo", "ICP-APO"),
    ("pal1", "PAL-I"),
    ("PSD I", "PSD-I"),
])
def test_resolves_codes_as_people_type_them(catalogue: Catalogue, typed: str, code: str) -> None:
    assert resolve(catalogue, typed) == code


def test_every_code_and_name_finds_itself(catalogue: Catalogue) -> None:
    for code, cert in catalogue.certifications.items():
        assert resolve(catalogue, code) == code
        assert resolve(catalogue, code.lower()) == code
        assert resolve(catalogue, cert.name) == code
        assert resolve(catalogue, cert.name.upper()) == code
        for alias in cert.aliases:
            assert resolve(catalogue, alias) == code


@pytest.mark.parametrize(("text", "key"), [
    ("pspo-1", "PSPOI"),
    ("PSPO I", "PSPOI"),
    ("psm 2", "PSMII"),
    ("PSM3", "PSMIII"),
    ("A-CSM", "ACSM"),
    ("SAFe POPM", "SAFEPOPM"),
    ("Professional Scrum Product Owner I", "PROFESSIONALSCRUMPRODUCTOWNERI"),
    ("PSM12", "PSM12"),  # only a single trailing 1, 2 or 3 after a letter is a Roman numeral
    ("PSM4", "PSM4"),
    ("", ""),
])
def test_normalise(text: str, key: str) -> None:
    assert normalise(text) == key


def test_unknown_code_suggests_the_nearest(catalogue: Catalogue) -> None:
    with pytest.raises(ScrumcertError) as err:
        resolve(catalogue, "PSPOO")
    message = str(err.value)
    assert message.startswith("unknown certification 'PSPOO'; did you mean PSPO-I")
    assert message.endswith("?")
    hints = message.split("did you mean ")[1].rstrip("?").split(" or ")
    assert 1 <= len(hints) <= 3
    assert len(set(hints)) == len(hints)
    assert all(h in catalogue.certifications for h in hints)
    assert err.value.exit_code == 2


@pytest.mark.parametrize(("typed", "first_hint"), [
    ("CSPOO", "CSPO"),
    ("PSM-IIII", "PSM-III"),
    ("safe popmm", "SAFE-POPM"),
])
def test_typos_suggest_the_intended_code(catalogue: Catalogue, typed: str, first_hint: str) -> None:
    with pytest.raises(ScrumcertError) as err:
        resolve(catalogue, typed)
    assert str(err.value).startswith(f"unknown certification {typed!r}; did you mean {first_hint}")


@pytest.mark.parametrize("typed", ["", "   ", "-"])
def test_empty_code(catalogue: Catalogue, typed: str) -> None:
    with pytest.raises(ScrumcertError) as err:
        resolve(catalogue, typed)
    expected = ("no certification code given (an empty one)" if not typed.strip()
                else f"unknown certification {typed!r}; run 'scrumcert list' to see every code")
    assert str(err.value) == expected
    assert err.value.exit_code == 2


def test_something_far_points_to_the_list(catalogue: Catalogue) -> None:
    with pytest.raises(ScrumcertError) as err:
        resolve(catalogue, "xyzzy")
    assert str(err.value) == "unknown certification 'xyzzy'; run 'scrumcert list' to see every code"
    assert "did you mean" not in str(err.value)


def test_resolve_all_keeps_the_order(catalogue: Catalogue) -> None:
    assert resolve_all(catalogue, ["pspo", "csm", "PSMPO", "psm 2"]) == ["PSPO-I", "CSM", "PSMPO", "PSM-II"]
    with pytest.raises(ScrumcertError, match="unknown certification 'nope'"):
        resolve_all(catalogue, ["csm", "nope"])


def test_every_spelling_in_the_index_is_unique_per_code(catalogue: Catalogue) -> None:
    for key, code in catalogue.index.items():
        assert key == normalise(key)
        assert code in catalogue.certifications
