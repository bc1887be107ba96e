"""`scrumcert advise` without a terminal: options, answers files, --save-answers, --explain, the JSON
contract, Markdown, and every kind of bad input (exit 2, one line on stderr, never waiting for input)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from scrumcert.answers import with_defaults
from scrumcert.catalogue.model import Catalogue
from scrumcert.output.contract import advice_dict
from scrumcert.recommender import recommend

Run = Callable[..., Any]
SM_TO_PO = ("--role", "scrum_master", "--target", "product_owner", "--goal", "job")
DEFAULTS = {"experience": "none", "months_as_sm": 0, "months_as_po": 0, "framework": "unknown",
            "employer_asks": [], "exam": "either", "renewal": "either", "learning": "either",
            "region": "any", "currency": "USD", "budget": None, "budget_usd": None, "held": [], "lapsed": []}


def ok_json(run: Run, *args: str) -> dict[str, Any]:
    result = run("advise", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def one_error_line(result: Any) -> str:
    """The run failed with exit 2, printed nothing on stdout and exactly one line on stderr."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("scrumcert: error: ")
    assert "Traceback" not in result.stderr
    return lines[0]


# --- the JSON contract ----------------------------------------------------------------------------------


def test_json_contract_shape(run: Run, catalogue: Catalogue) -> None:
    data = ok_json(run, *SM_TO_PO)
    assert {"answers", "recommended", "fit", "ranking", "alternatives", "path", "notes"} <= set(data)
    assert data["answers"] == {"role": "scrum_master", "target": "product_owner", "goal": "job", **DEFAULTS}
    assert data["recommended"] == "CSPO"
    assert data["ranking"][0]["code"] == "CSPO"
    assert sorted(r["code"] for r in data["ranking"]) == sorted(catalogue.certifications)
    for r in data["ranking"]:
        assert {"code", "score", "fit", "reasons", "against"} <= set(r)
        assert isinstance(r["score"], int)
        if r["eligible"]:
            assert r["score"] == sum(x["weight"] for x in r["reasons"] + r["against"])
        for x in r["reasons"] + r["against"]:
            assert isinstance(x["text"], str) and x["text"]
            assert isinstance(x["rule"], str)
        assert all(x["weight"] > 0 for x in r["reasons"]) and all(x["weight"] < 0 for x in r["against"])
    cspo = data["ranking"][0]
    assert "sm-tries-other-side" in [x["rule"] for x in cspo["reasons"]]
    assert all(set(step) == {"code", "when", "why", "months_needed"} for step in data["path"])
    assert [(s["code"], s["when"], s["months_needed"]) for s in data["path"]] == [
        ("CSPO", "now", 0),
        ("A-CSPO", "once you have 12 months as a Product Owner (you have 0)", 12),
        ("CSP-PO", "once you have 24 months as a Product Owner (you have 0)", 24),
    ]
    assert data["fit"] == cspo["fit"] == "strong fit"
    assert [a["code"] for a in data["alternatives"]][:1] == ["PSPO-I"]
    assert all(a["why_not"].startswith("CSPO is preferred: ") for a in data["alternatives"])


def test_json_is_exactly_the_recommender_output(run: Run, catalogue: Catalogue) -> None:
    data = ok_json(run, *SM_TO_PO, "--budget-usd", "900", "--held", "psm1")
    answers = with_defaults(catalogue, {"role": "scrum_master", "target": "product_owner", "goal": "job",
                                        "budget_usd": 900, "held": ("PSM-I",)})
    expected = json.loads(json.dumps(advice_dict(recommend(catalogue, answers), catalogue)))
    for key in ("answers", "recommended", "fit", "ranking", "alternatives", "path", "notes"):
        assert data[key] == expected[key], key


def test_json_same_answers_same_output(run: Run) -> None:
    first = run("advise", *SM_TO_PO, "--format", "json")
    second = run("advise", *SM_TO_PO, "--format", "json")
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout


def test_every_option(run: Run) -> None:
    data = ok_json(run, "--role", "product_owner", "--target", "product_owner", "--goal", "job",
                   "--experience", "1_to_3", "--exam", "exam", "--renewal", "lifetime",
                   "--learning", "self_study", "--budget-usd", "250", "--held", "CSPO")
    assert data["answers"] == {"role": "product_owner", "target": "product_owner", "goal": "job",
                               "experience": "1_to_3", "exam": "exam", "renewal": "lifetime",
                               "learning": "self_study", "region": "any", "currency": "USD", "budget": None,
                               "budget_usd": 250, "held": ["CSPO"], "months_as_sm": 0, "months_as_po": 12,
                               "framework": "unknown", "employer_asks": [], "lapsed": []}
    assert data["recommended"] == "PSPO-I"
    top = data["ranking"][0]
    assert top["code"] == "PSPO-I" and top["cost_now_usd"] == 200 and top["fits_budget"] is True


# --- held codes resolve as in `show` -----------------------------------------------------------------


@pytest.mark.parametrize(("typed", "held"), [
    (["pspo1"], ["PSPO-I"]),
    (["PSPO I"], ["PSPO-I"]),
    (["pspo"], ["PSPO-I"]),
    (["csm,psm-2"], ["CSM", "PSM-II"]),
    (["CSM", "pspo1"], ["CSM", "PSPO-I"]),
    (["pspo1", "PSPO-I"], ["PSPO-I"]),
])
def test_held_resolves(run: Run, typed: list[str], held: list[str]) -> None:
    args = [a for t in typed for a in ("--held", t)]
    data = ok_json(run, *SM_TO_PO, *args)
    assert data["answers"]["held"] == held
    assert data["recommended"] not in held
    assert all(r["eligible"] is False for r in data["ranking"] if r["code"] in held)


def test_held_pspo1_changes_the_advice(run: Run) -> None:
    data = ok_json(run, "--role", "product_owner", "--target", "product_owner", "--goal", "advance",
                   "--experience", "1_to_3", "--held", "pspo1")
    assert data["recommended"] == "PSPO-II"
    assert "next-after-pspo" in [x["rule"] for x in data["ranking"][0]["reasons"]]


def test_held_unknown_code(run: Run) -> None:
    line = one_error_line(run("advise", *SM_TO_PO, "--held", "pspoo"))
    assert "unknown certification 'pspoo'" in line
    assert "--held" in line


# --- answers files -------------------------------------------------------------------------------------


def test_answers_yaml_file(run: Run, tmp_path: Path) -> None:
    f = tmp_path / "me.yaml"
    f.write_text("role: scrum_master\ntarget: product_owner\ngoal: job\nheld: [pspo1]\nbudget_usd: 3000\n",
                 encoding="utf-8")
    data = ok_json(run, "--answers", str(f))
    assert data["answers"] == {**DEFAULTS, "role": "scrum_master", "target": "product_owner", "goal": "job",
                               "held": ["PSPO-I"], "budget_usd": 3000}
    assert data["recommended"] == "CSPO"
    assert data["ranking"][0]["fits_budget"] is True


def test_answers_json_file(run: Run, tmp_path: Path) -> None:
    f = tmp_path / "me.json"
    f.write_text(json.dumps({"role": "manager", "target": "leadership", "goal": "job",
                             "held": ["CSM"], "budget_usd": None}), encoding="utf-8")
    data = ok_json(run, "--answers", str(f))
    assert data["answers"]["held"] == ["CSM"]
    assert data["answers"]["budget_usd"] is None
    assert data["recommended"] == "PAL-I"


def test_options_override_the_file(run: Run, tmp_path: Path) -> None:
    f = tmp_path / "me.yaml"
    f.write_text("role: scrum_master\ntarget: scrum_master\ngoal: job\nlearning: self_study\n",
                 encoding="utf-8")
    from_file = ok_json(run, "--answers", str(f))
    assert from_file["answers"]["target"] == "scrum_master"
    assert from_file["recommended"] == "PSM-I"
    overridden = ok_json(run, "--answers", str(f), "--target", "product_owner", "--learning", "either")
    assert overridden["answers"] == {**DEFAULTS, "role": "scrum_master", "target": "product_owner",
                                     "goal": "job", "learning": "either"}
    assert overridden["recommended"] == "CSPO"


def test_file_may_give_only_some_answers_and_options_the_rest(run: Run, tmp_path: Path) -> None:
    f = tmp_path / "partial.yaml"
    f.write_text("role: coach\n", encoding="utf-8")
    data = ok_json(run, "--answers", str(f), "--target", "both", "--goal", "skills")
    assert data["recommended"] == "PSMPO"
    assert "coach-takes-both" in [x["rule"] for x in data["ranking"][0]["reasons"]]


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_save_answers_then_replay_gives_the_same_json(run: Run, tmp_path: Path, suffix: str) -> None:
    saved = tmp_path / f"saved{suffix}"
    args = ("--role", "product_owner", "--target", "product_owner", "--goal", "advance",
            "--experience", "1_to_3", "--held", "pspo1", "--budget-usd", "1000")
    first = ok_json(run, *args, "--save-answers", str(saved))
    assert saved.is_file()
    text = saved.read_text(encoding="utf-8")
    written = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
    # only what was given is written (defaults stay defaults), codes canonical
    assert written == {"role": "product_owner", "target": "product_owner", "goal": "advance",
                       "experience": "1_to_3", "budget_usd": 1000, "held": ["PSPO-I"]}
    replay = ok_json(run, "--answers", str(saved))
    assert replay == first
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_save_answers_overwrites_and_is_not_written_on_bad_input(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "saved.yaml"
    one_error_line(run("advise", *SM_TO_PO, "--exam", "maybe", "--save-answers", str(saved)))
    assert not saved.exists()
    saved.write_text("old: content\n", encoding="utf-8")
    ok_json(run, *SM_TO_PO, "--save-answers", str(saved))
    assert yaml.safe_load(saved.read_text(encoding="utf-8")) == {
        "role": "scrum_master", "target": "product_owner", "goal": "job"}


# --- table, --explain and markdown -----------------------------------------------------------------------


def fired_ids(catalogue: Catalogue, **answers: Any) -> list[str]:
    return [r.id for r in recommend(catalogue, with_defaults(catalogue, answers)).fired]


def test_table_output(run: Run) -> None:
    result = run("advise", *SM_TO_PO)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Bottom line\n  - Pick: CSPO, Certified Scrum Product Owner")
    assert out.index("Bottom line") < out.index("Comparison") < out.index("Your path")
    assert "A-CSPO" in out
    assert "Rules that fired" not in out
    # it ends with the command that repeats the run, on one line however wide
    last = out.rstrip("\n").splitlines()[-1]
    assert last == "scrumcert advise --role scrum_master --target product_owner --goal job"


def test_explain_lists_every_weight_that_counted_in_words(run: Run, catalogue: Catalogue) -> None:
    fired = fired_ids(catalogue, role="scrum_master", target="product_owner", goal="job")
    assert fired == ["target-po-foundation", "sm-tries-other-side", "goal-job-recognised"]
    result = run("advise", *SM_TO_PO, "--explain")
    assert result.exit_code == 0, result.stderr
    assert "What weighed, and why" in result.stdout
    for rule_id in fired:  # rule ids are the workshop's, never shown
        assert rule_id not in result.stdout
    out = " ".join(result.stdout.split())
    assert "target: Product Owner" in out and "CSPO +4" in out
    assert "exam: " not in out


def test_explain_markdown_shows_what_said_and_the_weights(run: Run, catalogue: Catalogue) -> None:
    result = run("advise", "--role", "product_owner", "--target", "product_owner", "--goal", "job",
                 "--exam", "workshop", "--format", "markdown", "--explain")
    assert result.exit_code == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| exam: ")]
    weights = {line.split(" | ")[1] for line in rows}
    assert "PSPO-I -1" in weights and "CSPO +3" in weights
    assert "PSM-I -1" not in weights  # a preference weighs only the target's track


def test_markdown_output(run: Run) -> None:
    result = run("advise", *SM_TO_PO, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("## Bottom line\n\n> Pick: CSPO, Certified Scrum Product Owner (strong fit)")
    assert "| CSPO | PSPO-I |" in out  # the pick beside its alternatives
    assert "Why not the alternatives" in out
    assert "| 1 | CSPO | now |" in out
    assert "| 2 | A-CSPO | once you have 12 months as a Product Owner (you have 0) |" in out
    assert "```sh\nscrumcert advise --role scrum_master --target product_owner --goal job\n```" in out
    assert "What weighed" not in out
    assert "\x1b[" not in out


# --- missing answers without a terminal ------------------------------------------------------------------


def test_missing_everything_without_a_terminal(run: Run) -> None:
    result = run("advise")
    assert one_error_line(result) == (
        "scrumcert: error: no terminal to ask on, and these answers are missing: role, target, goal; "
        "give them as --role VALUE --target VALUE --goal VALUE or in --answers FILE")


def test_missing_some_answers_names_only_those(run: Run, tmp_path: Path) -> None:
    line = one_error_line(run("advise", "--role", "new", "--format", "json"))
    assert "missing: target, goal;" in line
    assert "--target VALUE --goal VALUE" in line
    assert "--role VALUE" not in line
    f = tmp_path / "a.yaml"
    f.write_text("target: both\n", encoding="utf-8")
    line = one_error_line(run("advise", "--answers", str(f), "--goal", "team"))
    assert "missing: role;" in line


def test_missing_with_input_available_still_does_not_wait(run: Run) -> None:
    result = run("advise", "--role", "new", input="scrum_master\njob\n")
    assert "missing: target, goal" in one_error_line(result)


def test_optional_answers_are_not_required(run: Run) -> None:
    data = ok_json(run, "--role", "new", "--target", "scrum_master", "--goal", "job")
    assert data["answers"]["experience"] == "none"


# --- bad values and bad files --------------------------------------------------------------------------


@pytest.mark.parametrize(("option", "value", "allowed"), [
    ("--role", "ceo", "new, developer, scrum_master, product_owner, manager, coach, business_analyst, "
                      "project_manager"),
    ("--target", "po", "scrum_master, product_owner, both, leadership, developer, coach, project_manager"),
    ("--goal", "money", "job, skills, team, advance"),
    ("--experience", "5", "none, under_1, 1_to_3, over_3"),
    ("--exam", "maybe", "exam, workshop, either"),
    ("--renewal", "never", "lifetime, either"),
    ("--learning", "books", "self_study, live_course, either"),
])
def test_unknown_value_lists_the_allowed_ones(run: Run, option: str, value: str, allowed: str) -> None:
    args = {"--role": "new", "--target": "both", "--goal": "job", option: value}
    line = one_error_line(run("advise", *[x for kv in args.items() for x in kv]))
    assert f"{value!r} is not allowed" in line
    assert f"(allowed: {allowed})" in line
    assert option in line


def test_unknown_value_in_the_file(run: Run, tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("role: ceo\ntarget: both\ngoal: job\n", encoding="utf-8")
    line = one_error_line(run("advise", "--answers", str(f)))
    assert str(f) in line
    assert "'ceo' is not allowed for 'role'" in line
    assert ("(allowed: new, developer, scrum_master, product_owner, manager, coach, business_analyst, "
            "project_manager)") in line


def test_unknown_key_in_the_answers_file(run: Run, tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("role: new\ntarget: both\ngoal: job\nbudget_eur: 300\n", encoding="utf-8")
    line = one_error_line(run("advise", "--answers", str(f)))
    assert "unknown question 'budget_eur'" in line
    assert "budget_usd" in line  # the real ids are listed


def test_unknown_key_in_a_json_answers_file(run: Run, tmp_path: Path) -> None:
    f = tmp_path / "a.json"
    f.write_text('{"role": "new", "target": "both", "goal": "job", "years": 2}', encoding="utf-8")
    assert "unknown question 'years'" in one_error_line(run("advise", "--answers", str(f)))


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("none.yaml", None, "no such file"),
    ("empty.yaml", "", "is empty"),
    ("list.yaml", "- role\n- new\n", "expected a mapping"),
    ("broken.json", '{"role": "new",\n "target": }', ":2: invalid JSON"),
    ("broken.yaml", "role: [new\n", "broken.yaml"),
])
def test_bad_answers_files(run: Run, tmp_path: Path, name: str, text: str | None, expected: str) -> None:
    f = tmp_path / name
    if text is not None:
        f.write_text(text, encoding="utf-8")
    line = one_error_line(run("advise", "--answers", str(f)))
    assert expected in line


@pytest.mark.parametrize("value", ["-1", "12.5", "lots"])
def test_bad_budget(run: Run, value: str) -> None:
    line = one_error_line(run("advise", *SM_TO_PO, "--budget-usd", value))
    assert "budget" in line


def test_bad_budget_in_the_file(run: Run, tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("role: new\ntarget: both\ngoal: job\nbudget_usd: -5\n", encoding="utf-8")
    line = one_error_line(run("advise", "--answers", str(f)))
    assert "'budget_usd' must be a whole number" in line
    assert line.endswith("got -5")


def test_budget_as_a_string_of_digits_in_the_file(run: Run, tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("role: new\ntarget: product_owner\ngoal: job\nbudget_usd: '250'\n", encoding="utf-8")
    data = ok_json(run, "--answers", str(f))
    assert data["answers"]["budget_usd"] == 250
    assert data["ranking"][0]["cost_now_usd"] <= 250


def test_same_answers_same_json_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    """Ties are broken by a documented rule, never by set or dict order: the output must not depend on
    the interpreter's string-hash seed."""
    args = [sys.executable, "-m", "scrumcert", "advise", "--role", "coach", "--target", "both",
            "--goal", "job", "--held", "CSM,PSPO-I,PSM-II,A-CSPO", "--budget-usd", "600", "--format", "json"]
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {k: v for k, v in os.environ.items() if k != "SCRUMCERT_DATA"} | {"PYTHONHASHSEED": seed}
        done = subprocess.run(args, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60,
                              check=False)
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_holding_everything_json_table_and_markdown(run: Run, catalogue: Catalogue) -> None:
    everything = ",".join(catalogue.certifications)
    args = ("--role", "coach", "--target", "both", "--goal", "skills", "--held", everything)
    data = ok_json(run, *args)
    assert data["recommended"] is None
    assert data["path"] == []
    assert data["notes"] == ["Nothing is left to recommend: you hold everything you are eligible for."]
    assert all(r["blocked"] == "you already hold it" for r in data["ranking"])
    for fmt in ("table", "markdown"):
        result = run("advise", *args, "--format", fmt)
        assert result.exit_code == 0, result.stderr
        said = " ".join(result.stdout.replace("#", "").replace(">", "").replace("- ", "").split())
        assert said.startswith("Bottom line No recommendation: Nothing is left to recommend: you hold "
                               "everything you are eligible for."), said


def test_save_answers_into_a_missing_folder(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "a.yaml"
    line = one_error_line(run("advise", *SM_TO_PO, "--save-answers", str(target)))
    assert line == f"scrumcert: error: --save-answers {target}: cannot write: no such file"
    assert not target.parent.exists()
