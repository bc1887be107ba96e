"""Terminal layouts that fit: no line wider than the terminal, no word or code broken, stacked when
the columns cannot fit side by side."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table

from scrumcert.output.fit import Row, allocate, bullets, comparison, link

CODES = ["CSM", "CSPO", "PSM-I", "PSPO-I", "PSMPO", "SAFE-POPM"]


def render(renderable, width: int) -> list[str]:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, legacy_windows=False).print(renderable)
    return out.getvalue().splitlines()


def console(width: int) -> Console:
    return Console(file=io.StringIO(), width=width, color_system=None)


def rows(n: int) -> list[Row]:
    names = ["Certified ScrumMaster", "Certified Scrum Product Owner", "Professional Scrum Master I",
             "Professional Scrum Product Owner I", "Professional Scrum Master and Product Owner course",
             "SAFe Product Owner/Product Manager"]
    return [
        Row("Name", names[:n], True),
        Row("Kind", ["certification"] * n),
        Row("Exam", ["50 questions, 60 min (unconfirmed)", *["none"] * (n - 1)], True),
        Row("Leads to", ["A-CSM", "A-CSPO", "PSM-II", "PSPO-II, PSM-I", "PSM-II, PSPO-II", "-"][:n], True),
        Row("Cost over 3 years", ["$350 to $2,595 + 20 SEU", *["$200"] * (n - 1)], True),
    ]


def tokens(lines: list[str]) -> set[str]:
    return {w.strip("│┃|") for line in lines for w in line.replace("│", " ").split()}


@pytest.mark.parametrize(("n", "width"), [(6, 80), (4, 60), (5, 60), (2, 40), (3, 120), (6, 200)])
def test_no_line_cut_and_every_word_whole(n: int, width: int) -> None:
    table_rows = rows(n)
    lines = render(comparison(console(width), CODES[:n], table_rows), width)
    assert max(len(line.rstrip()) for line in lines) <= width
    seen = tokens(lines)
    for code in CODES[:n]:
        assert code in seen
    for row in table_rows:
        for value in row.values:
            for word in value.split():
                assert word in seen, (word, row.label)


def test_wide_enough_is_side_by_side_narrow_is_stacked() -> None:
    wide = comparison(console(120), CODES[:3], rows(3))
    narrow = comparison(console(60), CODES[:4], rows(4))
    assert isinstance(wide, Table)
    assert not isinstance(narrow, Table)
    lines = render(narrow, 60)
    # stacked: each attribute once, then one line per code
    assert sum(1 for line in lines if line.startswith("* Exam")) == 1
    assert sum(1 for line in lines if line.strip().startswith("PSPO-I ")) == 4  # names, exam, leads, cost


def test_a_value_the_same_for_all_is_said_once_when_stacked() -> None:
    lines = render(comparison(console(60), CODES[:4], rows(4)), 60)
    assert [line.strip() for line in lines if "certification" in line] == ["Kind: certification (all)"]


def test_long_values_hang_under_their_first_word_when_stacked() -> None:
    long = Row("Note", ["word " * 30, "short"], True)
    lines = render(comparison(console(40), ["CSM", "PSPO-I"], [long]), 40)
    body = [line for line in lines if "word" in line]
    assert len(body) > 2
    indent = body[0].index("word")
    assert all(line.index("word") == indent for line in body)


def test_bullets_hang() -> None:
    lines = render(bullets(["alpha " * 20]), 30)
    assert lines[0].startswith("  - alpha")
    assert all(line.startswith("    alpha") for line in lines[1:])


@pytest.mark.parametrize(("least", "most", "room", "expected"), [
    ([5, 5], [10, 20], 30, [10, 20]),
    ([5, 5], [10, 20], 20, [10, 10]),
    ([2, 2, 2], [4, 30, 30], 20, [4, 8, 8]),
    ([5, 5], [10, 20], 9, None),
    ([3], [3], 10, [3]),
])
def test_allocate(least, most, room, expected) -> None:  # type: ignore[no-untyped-def]
    got = allocate(least, most, room)
    assert got == expected
    if got is not None:
        assert sum(got) <= room and all(lo <= g for lo, g in zip(least, got, strict=True))


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz$,-()0123456789", min_size=1, max_size=14)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2, max_value=6), st.integers(min_value=40, max_value=160),
       st.lists(st.lists(WORD, min_size=1, max_size=12), min_size=12, max_size=12))
def test_any_values_fit(n: int, width: int, words: list[list[str]]) -> None:
    values = [" ".join(w) for w in words]
    table_rows = [Row("Alpha", values[:n], True), Row("Beta label", values[6:6 + n], True)]
    lines = render(comparison(console(width), CODES[:n], table_rows), width)
    assert max(len(line.rstrip()) for line in lines) <= width
    seen = tokens(lines)
    for value in values[:n] + values[6:6 + n]:
        for word in value.split():
            assert word in seen


def test_link_is_plain_text_in_a_pipe_and_osc8_on_a_terminal() -> None:
    text = link("https://www.scrum.org/assessments/professional-scrum-master-i-certification")
    assert text.plain == "www.scrum.org/assessments/professional-scrum-master-i-certification"
    piped = io.StringIO()
    Console(file=piped, color_system=None).print(text)
    assert "\x1b]8;" not in piped.getvalue()
    tty = io.StringIO()
    Console(file=tty, force_terminal=True, color_system="standard").print(text)
    assert "\x1b]8;" in tty.getvalue() and "professional-scrum-master-i-certification" in tty.getvalue()


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_any_grid_fits_with_words_whole(width: int) -> None:
    from scrumcert.output.fit import grid

    header = ["#", "Step", "When", "Why"]
    rows = [["1", "CSPO", "now", "You want to own a product; a two-day course with a trainer."],
            ["2", "A-CSPO", "once you have 12 months in the role (you have: none)",
             "It builds on CSPO: the next level of the same track."],
            ["3", "CSP-PO", "once you have 24 months in the role", "It builds on A-CSPO."]]
    lines = render(grid(console(width), header, rows, keep=2), width)
    assert max(len(line.rstrip()) for line in lines) <= width
    seen = tokens(lines)
    for row in rows:
        for cell in row:
            for word in cell.split():
                assert word in seen, word


@pytest.mark.parametrize("width", [20, 40, 80, 200])
def test_a_command_line_folds_with_backslashes_and_pastes_whole(width: int) -> None:
    import shlex

    from scrumcert.output.terminal import command_lines

    line = "scrumcert advise --role developer --target scrum_master --goal job --held CSPO --held PAL-I"
    folded = command_lines(line, width)
    assert all(len(part) <= width for part in folded.splitlines() if " " in part.strip())
    assert shlex.split(folded.replace("\\\n", " ")) == shlex.split(line)  # what a shell runs
    assert all(part.endswith(" \\") for part in folded.splitlines()[:-1])


def test_an_empty_grid_or_comparison_still_renders() -> None:
    from scrumcert.output.fit import grid

    assert render(grid(console(40), ["Name", "Team"], []), 40)
    assert render(comparison(console(40), ["CSM", "PSM-I"], []), 40) is not None
