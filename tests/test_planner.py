"""Team plans (issue 5, part 1): reading CSV and YAML team files, ``make_plan`` (pure), and
``scrumcert plan`` in every format.

Who is recommended what follows the rules, which other work tunes; these tests pin what the planner
itself decides: who is booked together, how seats are counted, how the totals are summed from the
catalogue's prices, and how bad rows are reported.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from scrumcert.answers import with_defaults
from scrumcert.catalogue.loader import load_catalogue
from scrumcert.catalogue.model import Catalogue
from scrumcert.costs import ownership
from scrumcert.errors import ExitStatus, ScrumcertError
from scrumcert.output.contract import plan_dict
from scrumcert.output.words import plan_totals
from scrumcert.planner import Person, Plan, RowProblem, make_plan, read_team_file

TEAMS = Path(__file__).parent / "teams"
TWO_TEAMS = TEAMS / "two_teams.csv"
BAD_ROWS = TEAMS / "bad_rows.csv"
TEAM_YAML = TEAMS / "team.yaml"

# The bundled facts, written out by hand so that the totals are checked against the data, not against
# the code that computes them: code -> (now low, now high, renewal fee, renewed every N years).
# A seat without a price is unknown for its course price, or for its exam fee where no course is needed.
UNKNOWN_PART = {"PAL-I": "exam fee"}
PRICES: dict[str, tuple[int | None, int | None, int, int | None]] = {
    "CSM": (250, 2495, 100, 2),
    "CSPO": (800, 800, 100, 2),
    "PSM-I": (200, 200, 0, None),
    "PSPO-I": (200, 200, 0, None),
    "PSM-II": (250, 250, 0, None),
    "PSPO-II": (250, 250, 0, None),
    "PAL-I": (None, None, 0, None),  # no source that is not a content farm gives the fee
    "PSD-I": (200, 200, 0, None),
    "PSMPO": (None, None, 0, None),
    "PSM-COURSE": (None, None, 0, None),
    "PSPO-COURSE": (None, None, 0, None),
    "A-CSM": (None, None, 175, 2),
    "A-CSPO": (None, None, 175, 2),
    "ICP-APO": (None, None, 0, None),
}


def expected_totals(seats: dict[str, int], years: int) -> tuple[int, int, int, int, dict[str, int]]:
    now_low = now_high = years_low = years_high = 0
    unpriced: dict[str, int] = {}
    for code, n in seats.items():
        if code not in PRICES:
            pytest.fail(f"the plan booked {code}; add its facts to PRICES")
        low, high, fee, every = PRICES[code]
        renewals = years // every if every else 0
        if low is None:
            unpriced[code] = n
            low = high = 0
        else:
            now_low += n * low
            now_high += n * high
        years_low += n * (low + renewals * fee)
        years_high += n * (high + renewals * fee)
    return now_low, now_high, years_low, years_high, unpriced


def by_name(plan: Plan) -> dict:  # type: ignore[type-arg]
    return {a.person.name: a for a in plan.people}


# --- read_team_file ------------------------------------------------------------------------------


def test_read_csv(catalogue):
    people, problems = read_team_file(TWO_TEAMS, catalogue)
    assert problems == []
    assert [(p.row, p.name, p.team) for p in people] == [
        (1, "Ana", "Blue"), (2, "Ben", "Blue"), (3, "Cleo", "Blue"),
        (4, "Dan", "Red"), (5, "Eve", "Red"), (6, "Finn", "Red")]
    ana, eve, finn = people[0].answers, people[4].answers, people[5].answers
    assert (ana["role"], ana["target"], ana["goal"], ana["experience"]) == (
        "scrum_master", "scrum_master", "team", "under_1")
    # empty cells are no answer: the question's default, no budget, nothing held
    assert (ana["exam"], ana["renewal"], ana["learning"]) == ("either", "either", "either")
    assert ana["budget_usd"] is None
    assert ana["held"] == ()
    # held is a ;-separated list of codes as typed, resolved to canonical codes
    assert eve["held"] == ("CSM", "PSM-I")
    assert finn["budget_usd"] == 300
    assert set(ana) == set(catalogue.questions)


def test_read_yaml(catalogue):
    people, problems = read_team_file(TEAM_YAML, catalogue)
    assert problems == []
    assert [(p.row, p.name, p.team) for p in people] == [
        (1, "Mia", "Orange"), (2, "Noah", "Orange"), (3, "Olga", "Purple"), (4, "Pete", "")]
    mia, noah, olga, pete = (p.answers for p in people)
    assert mia["experience"] == "1_to_3"
    assert noah["budget_usd"] == 2000
    assert olga["held"] == ("CSM", "PSM-I")
    assert pete["held"] == ("PSPO-I",)
    assert pete["target"] == "both"


def test_read_yaml_top_level_list(tmp_path, catalogue):
    path = tmp_path / "team.yml"
    path.write_text("- {name: Zoe, team: A, role: new, target: scrum_master, goal: job}\n"
                    "- just a string\n", encoding="utf-8")
    people, problems = read_team_file(path, catalogue)
    assert [p.name for p in people] == ["Zoe"]
    assert [p.row for p in problems] == [2]


def test_read_yaml_bad_values_are_row_problems(tmp_path, catalogue):
    path = tmp_path / "team.yaml"
    path.write_text(yaml.safe_dump({"people": [
        {"name": "A", "team": "t", "role": "new", "target": "scrum_master", "goal": "job", "budget_usd": -5},
        {"name": "B", "team": "t", "role": "new", "target": "scrum_master", "goal": "job"},
        {"name": "C", "team": "t", "role": "new", "target": "scrum_master", "goal": "job", "colour": "red"},
    ]}), encoding="utf-8")
    people, problems = read_team_file(path, catalogue)
    assert [p.name for p in people] == ["B"]
    assert [p.row for p in problems] == [1, 3]
    assert "budget_usd" in problems[0].message
    assert "colour" in problems[1].message


def test_read_bad_rows(catalogue):
    people, problems = read_team_file(BAD_ROWS, catalogue)
    assert [(p.row, p.name) for p in people] == [(1, "Gus"), (6, "Hana")]
    got = {p.row: p.message for p in problems}
    assert sorted(got) == [2, 3, 4, 5, 7, 8]
    assert "'wizard' is not allowed for 'role'" in got[2]
    assert got[2].startswith("Wiz")
    assert got[3] == "Ivy: missing goal"  # an empty required cell is a missing answer
    assert "budget_usd" in got[4] and "'lots'" in got[4]
    assert "CSMM" in got[5]
    assert got[7] == "no name"
    assert got[8] == "more cells than columns"


def test_missing_required_answers_are_named_in_order(tmp_path, catalogue):
    path = tmp_path / "t.csv"
    path.write_text("name,team,role\nQuinn,A,developer\n", encoding="utf-8")
    people, problems = read_team_file(path, catalogue)
    assert people == []
    assert problems == [RowProblem(1, "Quinn: missing target, goal")]


def test_read_csv_with_bom_and_spaced_header(tmp_path, catalogue):
    path = tmp_path / "t.csv"
    path.write_bytes("\ufeffname , team ,role,target,goal\n Rae , A ,new,scrum_master,job\n".encode())
    people, problems = read_team_file(path, catalogue)
    assert problems == []
    assert [(p.name, p.team) for p in people] == [("Rae", "A")]


def test_read_csv_header_only(tmp_path, catalogue):
    path = tmp_path / "t.csv"
    path.write_text("name,team,role,target,goal\n", encoding="utf-8")
    assert read_team_file(path, catalogue) == ([], [])


@pytest.mark.parametrize(("name", "content", "says"), [
    ("missing.csv", None, "no such file"),
    ("empty.csv", b"", "is empty"),
    ("latin1.csv", "name,team\nJos\xe9,A\n".encode("latin-1"), "not UTF-8"),
    ("mapping.yaml", b"name: Ann\n", "expected a list of people"),
])
def test_unusable_team_file_is_an_error(tmp_path, catalogue, name, content, says):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ScrumcertError) as err:
        read_team_file(path, catalogue)
    assert says in err.value.message
    assert name in err.value.message


# --- make_plan -----------------------------------------------------------------------------------


@pytest.fixture
def two_teams(catalogue) -> Plan:
    people, problems = read_team_file(TWO_TEAMS, catalogue)
    return make_plan(catalogue, people, problems)


def test_scrum_master_and_product_owner_of_one_team_are_booked_together(two_teams):
    people = by_name(two_teams)
    assert two_teams.groups == (("Blue", "PSMPO", ("Ana", "Ben")),)
    assert (people["Ana"].attend, people["Ana"].together_with) == ("PSMPO", ("Ben",))
    assert (people["Ben"].attend, people["Ben"].together_with) == ("PSMPO", ("Ana",))
    assert "team Blue" in people["Ana"].why and "PSMPO" in people["Ana"].why


def test_others_attend_what_is_recommended_to_them(two_teams):
    for name in ("Cleo", "Dan", "Eve", "Finn"):
        a = by_name(two_teams)[name]
        assert a.attend == a.recommended is not None, name
        assert a.together_with == ()
        assert a.first_step is not None and a.first_step.code == a.recommended


def test_recommendation_is_kept_beside_the_booking(two_teams, catalogue):
    from scrumcert.recommender import recommend

    ana = by_name(two_teams)["Ana"]
    assert ana.recommended == recommend(catalogue, ana.person.answers).recommended


def test_a_team_of_scrum_masters_only_is_not_grouped(two_teams):
    assert all(team != "Red" for team, _, _ in two_teams.groups)


def test_seats_are_counted(two_teams):
    assert two_teams.seats == dict(sorted(Counter(a.attend for a in two_teams.people).items()))
    assert two_teams.seats["PSMPO"] == 2
    assert sum(two_teams.seats.values()) == 6


@pytest.mark.parametrize("years", [1, 3, 5])
def test_totals_now_and_over_the_years(catalogue, years):
    people, _ = read_team_file(TWO_TEAMS, catalogue)
    plan = make_plan(catalogue, people, years=years)
    assert plan.years == years
    now_low, now_high, years_low, years_high, unpriced = expected_totals(plan.seats, years)
    assert (plan.now_low, plan.now_high) == (now_low, now_high)
    assert (plan.years_low, plan.years_high) == (years_low, years_high)
    assert plan.unpriced == unpriced
    assert plan.unpriced["PSMPO"] == 2


def test_totals_in_words(two_teams):
    now, later = plan_totals(two_teams)
    now_low, now_high, years_low, years_high, unpriced = expected_totals(two_teams.seats, 3)
    assert unpriced == {"PSMPO": 2, "PAL-I": 2}
    assert now == f"Now: ${now_low:,} to ${now_high:,} + seats of unknown price: 2 x PSMPO, 2 x PAL-I"
    assert later == (f"Over 3 years, renewals included: ${years_low:,} to ${years_high:,} "
                     "+ not priced: PSMPO: course price; PAL-I: exam fee")


def test_totals_of_priced_seats_exactly(catalogue):
    """Two people whose together course has a made-up price: the sums are known by hand."""
    people, _ = read_team_file(TWO_TEAMS, catalogue)
    psmpo = catalogue.certifications["PSMPO"]
    priced = psmpo._replace(course=psmpo.course._replace(
        price_usd=psmpo.course.price_usd._replace(min=1000, max=1400)))
    cat = catalogue._replace(certifications={**catalogue.certifications, "PSMPO": priced})
    plan = make_plan(cat, people[:2], years=3)
    assert plan.seats == {"PSMPO": 2}
    assert (plan.now_low, plan.now_high, plan.years_low, plan.years_high) == (2000, 2800, 2000, 2800)
    assert plan.unpriced == {}
    assert plan_totals(plan) == ["Now: $2,000 to $2,800", "Over 3 years, renewals included: $2,000 to $2,800"]


def test_people_without_a_team_are_never_grouped(catalogue):
    people, _ = read_team_file(TWO_TEAMS, catalogue)
    loners = [p._replace(team="") for p in people[:2]]
    plan = make_plan(catalogue, loners)
    assert plan.groups == ()
    assert all(a.together_with == () for a in plan.people)


def test_one_person_aiming_at_both_is_not_a_group(catalogue):
    people, _ = read_team_file(TEAM_YAML, catalogue)
    pete = next(p for p in people if p.name == "Pete")
    plan = make_plan(catalogue, [pete._replace(team="Solo")])
    assert plan.groups == ()


def test_yaml_team_plan(catalogue):
    people, problems = read_team_file(TEAM_YAML, catalogue)
    plan = make_plan(catalogue, people, problems)
    assert plan.groups == (("Orange", "PSMPO", ("Mia", "Noah")),)
    assert by_name(plan)["Olga"].attend not in ("CSM", "PSM-I")  # never what is already held


def test_bad_rows_do_not_stop_the_plan(catalogue):
    people, problems = read_team_file(BAD_ROWS, catalogue)
    plan = make_plan(catalogue, people, problems)
    assert [a.person.name for a in plan.people] == ["Gus", "Hana"]
    assert plan.groups == (("Green", "PSMPO", ("Gus", "Hana")),)
    assert [p.row for p in plan.problems] == [2, 3, 4, 5, 7, 8]


def test_make_plan_is_pure_and_deterministic(catalogue):
    people, problems = read_team_file(TWO_TEAMS, catalogue)
    before = [p._replace() for p in people]
    first = make_plan(catalogue, people, problems)
    second = make_plan(catalogue, list(people), list(problems))
    assert first == second
    assert people == before


def test_empty_plan(catalogue):
    plan = make_plan(catalogue, [])
    assert (plan.people, plan.seats, plan.groups, plan.problems) == ((), {}, (), ())
    assert (plan.now_low, plan.now_high, plan.years_low, plan.years_high) == (0, 0, 0, 0)


def test_identical_answers_give_identical_advice(catalogue):
    people, _ = read_team_file(TWO_TEAMS, catalogue)
    dan = people[3]
    clones = [Person(i, f"P{i}", "", dict(dan.answers)) for i in range(1, 4)]
    plan = make_plan(catalogue, clones)
    assert len({a.recommended for a in plan.people}) == 1
    assert plan.seats == {plan.people[0].attend: 3}


def test_unknown_renewal_fee_is_named_in_the_total_over_the_years(data_copy):
    def change(certs):  # type: ignore[no-untyped-def]
        psmpo = certs["PSMPO"]
        psmpo["course"]["price_usd"] = {"min": 1000, "max": 1400, "as_of": None}
        psmpo["renewal"] = {"every_years": 2, "fee_usd": None, "education_units": 20, "unit": "PDU"}
        psmpo["sources"][0]["facts"] += ["price"]

    path = data_copy / "certifications.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change({c["code"]: c for c in data["certifications"]})
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    catalogue = load_catalogue(data_copy)
    people, _ = read_team_file(TWO_TEAMS, catalogue)
    plan = make_plan(catalogue, people[:2], years=3)
    assert plan.seats == {"PSMPO": 2}
    assert plan.years_unknown == {"PSMPO": ("renewal fee",)}
    assert plan_totals(plan) == ["Now: $2,000 to $2,800",
                                 "Over 3 years, renewals included: $2,000 to $2,800 + not priced: PSMPO: "
                                 "renewal fee"]


def test_ten_thousand_people(tmp_path, catalogue):
    """The benchmark times it; here it only has to complete and add up."""
    rows = list(csv.DictReader(TWO_TEAMS.open(encoding="utf-8")))
    path = tmp_path / "big.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        for i in range(10_000):
            row = rows[i % len(rows)]
            writer.writerow({**row, "name": f"P{i}", "team": f"{row['team']}{i // len(rows)}"})
    people, problems = read_team_file(path, catalogue)
    assert (len(people), problems) == (10_000, [])
    plan = make_plan(catalogue, people, problems)
    assert len(plan.people) == 10_000
    assert sum(plan.seats.values()) == 10_000
    assert len(plan.groups) == 10_000 // len(rows) + 1  # every copy of team Blue
    assert plan.seats["PSMPO"] == 2 * len(plan.groups)
    assert len(plan_dict(plan)["people"]) == 10_000


# --- the command line ----------------------------------------------------------------------------


def test_plan_table(run):
    result = run("plan", str(TWO_TEAMS))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for text in ("Who takes what", "Ana", "Ben", "Cleo", "Dan", "Eve", "Finn", "PSMPO with Ben",
                 "Learning together", "Team Blue: Ana, Ben attend one PSMPO course", "Seats",
                 "Now: ", "Over 3 years, renewals included: ", "Cost over 3 years: assumptions"):
        assert text in out, text
    assert result.stderr == ""


def test_plan_json(run, catalogue):
    result = run("plan", str(TWO_TEAMS), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"years", "people", "seats", "groups", "cost", "problems"}
    assert data["years"] == 3
    assert [p["name"] for p in data["people"]] == ["Ana", "Ben", "Cleo", "Dan", "Eve", "Finn"]
    assert set(data["people"][0]) == {"row", "name", "team", "recommended", "attend", "together_with",
                                      "first_step", "why"}
    ana = data["people"][0]
    assert (ana["row"], ana["team"], ana["attend"], ana["together_with"]) == (1, "Blue", "PSMPO", ["Ben"])
    assert set(ana["first_step"]) == {"code", "when", "why"}
    assert data["groups"] == [{"team": "Blue", "course": "PSMPO", "people": ["Ana", "Ben"]}]
    assert data["seats"] == dict(Counter(p["attend"] for p in data["people"]))
    now_low, now_high, years_low, years_high, unpriced = expected_totals(data["seats"], 3)
    assumptions = data["cost"].pop("assumptions")  # the caveats behind the totals, per course booked
    assert assumptions == {code: list(ownership(catalogue.certifications[code], 3).assumptions)
                           for code in data["seats"]}
    assert data["cost"] == {"now_low_usd": now_low, "now_high_usd": now_high, "years_low_usd": years_low,
                            "years_high_usd": years_high, "unpriced_seats": unpriced,
                            "years_unknown": {code: [UNKNOWN_PART.get(code, "course price")]
                                              for code in unpriced}}
    assert data["problems"] == []


def test_plan_json_over_five_years(run):
    data = json.loads(run("plan", str(TWO_TEAMS), "--years", "5", "-f", "json").stdout)
    assert data["years"] == 5
    assert data["cost"]["years_low_usd"] == expected_totals(data["seats"], 5)[2]


def test_plan_markdown(run):
    result = run("plan", str(TWO_TEAMS), "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "### Who takes what" in out
    assert "| Name | Team | Recommended | First step | Plan |" in out
    assert "| Ana | Blue |" in out
    assert "| PSMPO with Ben |" in out
    assert "### Learning together" in out
    assert "- Team Blue: Ana, Ben attend one PSMPO course" in out
    assert "### Seats" in out
    assert "| PSMPO | 2 | Professional Scrum Master and Product Owner course |" in out
    assert "### Total cost" in out
    assert "- Over 3 years, renewals included: " in out
    assert "## Sources" in out


def test_plan_yaml_file(run):
    result = run("plan", str(TEAM_YAML), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [p["name"] for p in data["people"]] == ["Mia", "Noah", "Olga", "Pete"]
    assert data["groups"] == [{"team": "Orange", "course": "PSMPO", "people": ["Mia", "Noah"]}]


def test_bad_rows_are_reported_with_their_row_number_and_exit_three(run):
    result = run("plan", str(BAD_ROWS), "--format", "json")
    assert result.exit_code == ExitStatus.PARTIAL
    data = json.loads(result.stdout)  # the rest is still planned
    assert [p["name"] for p in data["people"]] == ["Gus", "Hana"]
    assert [p["row"] for p in data["problems"]] == [2, 3, 4, 5, 7, 8]
    assert data["seats"] == {"PSMPO": 2}
    lines = result.stderr.splitlines()
    assert len(lines) == 6
    for line, row in zip(lines, [2, 3, 4, 5, 7, 8], strict=True):
        assert line.startswith(f"scrumcert: error: {BAD_ROWS}: row {row}: "), line
    assert "Traceback" not in result.stderr


def test_bad_rows_in_the_table_and_markdown(run):
    table = run("plan", str(BAD_ROWS))
    assert table.exit_code == 3
    assert "Gus" in table.stdout and "Hana" in table.stdout
    markdown = run("plan", str(BAD_ROWS), "--format", "markdown")
    assert markdown.exit_code == 3
    assert "### Rows skipped" in markdown.stdout
    assert "- row 2: Wiz: 'wizard' is not allowed for 'role'" in markdown.stdout


def test_skipped_rows_on_stderr_cannot_drive_the_terminal(run, tmp_path):
    """A team file's text reaches stderr through the one writer: escapes shown, one line per row."""
    team = tmp_path / "team.csv"
    team.write_text("name,team,role,target,goal\n"
                    "Ann,Blue,developer,scrum_master,job\n"
                    "Bob\x1b[2J,Blue,wiz\x1b]0;owned\x07ard,scrum_master,job\n", encoding="utf-8")
    result = run("plan", str(team), "--format", "json")
    assert result.exit_code == ExitStatus.PARTIAL
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"scrumcert: error: {team}: row 2: "), lines
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b" in lines[0]


def test_missing_team_file_is_exit_two(run, tmp_path):
    missing = tmp_path / "nobody.csv"
    result = run("plan", str(missing))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"scrumcert: error: team file {missing}: no such file\n"


def test_plan_without_a_file_is_a_usage_error(run):
    result = run("plan")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1


def test_plan_of_ten_thousand_people_from_the_command_line(run, tmp_path):
    rows = TWO_TEAMS.read_text(encoding="utf-8").splitlines()
    body = [rows[0]] + [f"P{i},T{i // 6},{rows[1 + i % 6].split(',', 2)[2]}" for i in range(10_000)]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    result = run("plan", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["people"]) == 10_000
    assert sum(data["seats"].values()) == 10_000



# --- a pair is booked on the joint course only when each one's own advice allows it (issue 8) ----------


def _person(catalogue: Catalogue, row: int, name: str, **answers: Any) -> Person:
    return Person(row, name, "Apollo", with_defaults(catalogue, answers))


def test_pair_with_their_own_foundations_is_not_booked_on_psmpo(catalogue: Catalogue) -> None:
    people = [_person(catalogue, 1, "Ann", role="scrum_master", target="scrum_master", goal="job",
                      budget_usd=1500),
              _person(catalogue, 2, "Bob", role="product_owner", target="product_owner", goal="job",
                      budget_usd=1500)]
    plan = make_plan(catalogue, people)
    assert plan.groups == ()
    assert [a.attend for a in plan.people] == [a.recommended for a in plan.people] == ["CSM", "CSPO"]


def test_csm_holder_aiming_at_a_job_is_not_put_back_on_a_foundation_course(catalogue: Catalogue) -> None:
    people = [_person(catalogue, 1, "Ann", role="scrum_master", target="scrum_master", goal="job",
                      held=("CSM",)),
              _person(catalogue, 2, "Bob", role="product_owner", target="product_owner", goal="job")]
    plan = make_plan(catalogue, people)
    assert plan.groups == () and plan.people[0].attend != "PSMPO"


def test_pair_that_wants_to_learn_together_is_booked_and_told_why(catalogue: Catalogue) -> None:
    people = [_person(catalogue, 1, "Ann", role="scrum_master", target="both", goal="team", budget_usd=3000),
              _person(catalogue, 2, "Bob", role="product_owner", target="both", goal="team", budget_usd=3000)]
    plan = make_plan(catalogue, people)
    assert plan.groups == (("Apollo", "PSMPO", ("Ann", "Bob")),)
    assert "a positive fit and not over budget" in plan.people[0].why


def test_pair_is_not_booked_when_the_course_is_over_one_budget(catalogue: Catalogue) -> None:
    people = [_person(catalogue, 1, "Ann", role="scrum_master", target="both", goal="team", budget_usd=3000),
              _person(catalogue, 2, "Bob", role="product_owner", target="both", goal="team", budget_usd=100)]
    plan = make_plan(catalogue, people)
    assert plan.groups == ()
    assert plan.people[1].attend != "PSMPO"
