"""Answers as people type them (labels, any case), team CSVs as spreadsheets save them, and the
completion of codes and answer values."""

from __future__ import annotations

import csv
import io

import pytest

from scrumcert import completion
from scrumcert.errors import ScrumcertError
from scrumcert.teamcsv import delimiter, read_rows, template
from scrumcert.vocabulary import choice_value, key, role_ids, role_words


def test_key_ignores_case_space_and_separators() -> None:
    assert key("Product Owner") == key("product_owner") == key("PRODUCT-OWNER")


@pytest.mark.parametrize(("typed", "expected"), [
    ("Product Owner", "product_owner"), ("scrum master", "scrum_master"), ("SCRUM_MASTER", "scrum_master"),
    ("Agile coach", "coach"), ("team lead", "manager"), ("New to Scrum or changing careers", "new"),
    ("PO", None), ("", None),
])
def test_role_answers_from_labels(catalogue, typed, expected) -> None:  # type: ignore[no-untyped-def]
    assert choice_value(catalogue.questions["role"], typed) == expected


def test_every_id_and_label_maps_to_itself(catalogue) -> None:  # type: ignore[no-untyped-def]
    for q in catalogue.questions.values():
        for c in q.choices:
            assert choice_value(q, c.value) == c.value
            assert choice_value(q, c.label) == c.value


def test_one_vocabulary_of_roles(catalogue) -> None:  # type: ignore[no-untyped-def]
    # every advise answer about a role that names a catalogue role is understood by list --role
    assert role_ids(catalogue, "manager") == ("leader", "project_manager")
    assert role_ids(catalogue, "Scrum Master") == ("scrum_master",)
    assert role_ids(catalogue, "Agile Coach") == ("coach",)
    assert role_ids(catalogue, "leadership") == ("leader",)
    assert role_ids(catalogue, "wizard") == ()
    words = role_words(catalogue)
    assert set(catalogue.roles) <= set(words)
    assert {"manager", "leadership"} <= set(words)
    for value in catalogue.questions["role"].values:
        assert (value in words) == bool(role_ids(catalogue, value))


@pytest.mark.parametrize(("line", "sep"), [("name,team,role", ","), ("name;team;role", ";"),
                                           ("name\tteam", "\t"), ("name", ","), ("a;b,c;d", ";")])
def test_delimiter(line: str, sep: str) -> None:
    assert delimiter(line) == sep


def test_excel_europe_csv(catalogue) -> None:  # type: ignore[no-untyped-def]
    text = ("\ufeffName;Team;Role;Target;Goal;Held;Budget USD\r\n"
            'Ann;Apollo;Scrum Master;Product Owner;Learning the job well;"CSM, PSM";1500\r\n'
            ";;;;;;\r\n")
    assert read_rows(text, catalogue, "t.csv") == [
        {"name": "Ann", "team": "Apollo", "role": "scrum_master", "target": "product_owner",
         "goal": "skills", "held": "CSM, PSM", "budget_usd": "1500"}]


def test_unknown_label_is_left_for_the_planner_to_report(catalogue) -> None:  # type: ignore[no-untyped-def]
    rows = read_rows("name,role\nAnn,Wizard\n", catalogue, "t.csv")
    assert rows[0]["role"] == "Wizard"


@pytest.mark.parametrize(("text", "message"), [
    ("", "t.csv: is empty"),
    ("name,colour\n", "t.csv: unknown column 'colour'"),
    ("name,Name\n", "t.csv: column 'name' appears twice"),
])
def test_bad_headers(catalogue, text: str, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ScrumcertError) as err:
        read_rows(text, catalogue, "t.csv")
    assert err.value.message.startswith(message)


def test_extra_cells_are_kept_for_the_planner(catalogue) -> None:  # type: ignore[no-untyped-def]
    assert read_rows("name,team\nAnn,A,extra\n", catalogue, "t.csv")[0]["__extra__"] == ["extra"]


def test_template_has_every_column_and_valid_examples(catalogue) -> None:  # type: ignore[no-untyped-def]
    text = template(catalogue)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["name", "team", *catalogue.questions]
    assert len(rows) == 2
    for row in rows:
        for qid, value in row.items():
            q = catalogue.questions.get(qid)
            if q is not None and q.type == "choice" and value:
                assert value in q.values
    assert read_rows(text, catalogue, "template.csv")[0]["name"] == "Ann Example"


def test_completion_of_codes_and_answers(monkeypatch: pytest.MonkeyPatch, catalogue) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("SCRUMCERT_DATA", raising=False)
    assert completion.codes("psm") == [c for c in catalogue.certifications if c.startswith("PSM")]
    assert completion.code_list("CSM,psp") == [f"CSM,{c}" for c in catalogue.certifications
                                               if c.startswith("PSP")]
    assert completion.answer("role")("s") == ["scrum_master"]
    assert completion.answer("target")("") == list(catalogue.questions["target"].values)
    assert completion.answer("no-such-question")("") == []
    assert "manager" in completion.roles("ma")
    assert completion.issuers("scrum") == ["Scrum Alliance", "Scrum.org"]


def test_completion_of_a_broken_catalogue_offers_nothing(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "c.yaml").write_text("certifications: [\n", encoding="utf-8")
    monkeypatch.setenv("SCRUMCERT_DATA", str(tmp_path))
    assert completion.codes("") == []
