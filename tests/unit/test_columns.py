"""``cli.columns``: the one table layout of exercises, show, plan and history.

Whole plain lines to a pipe; on a terminal the same words folded at spaces to its width, each
column's lines aligned, styled only when colour is on. The property test gives every column
its own letters (body cells lowercase, header cells uppercase, notes digits), so a word moved
to another column, lost, cut out of order or misaligned shows in the output.
"""

from __future__ import annotations

import re
import string
import sys
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unkink.cli.columns import PLAIN, Screen, Table, layout, prose, screen

ANSI = re.compile(r"\x1b\[[0-9;]*m")
WIDTHS = [40, 60, 80, 120]


def visible(line: str) -> str:
    return ANSI.sub("", line)


def test_a_pipe_gets_whole_padded_columns_and_no_escape_codes() -> None:
    table = Table([("id", "name", "min"), ("a", "Long name here", "1.2"), ("bb", "X", "10.5")],
                  right={2})  # fmt: skip
    assert layout(table, PLAIN) == [
        "id  name             min",
        "a   Long name here   1.2",
        "bb  X               10.5",
    ]


def test_a_terminal_folds_the_text_column_at_spaces_and_keeps_the_others_whole() -> None:
    table = Table(
        [("id", "text", "time"), ("one", "alpha beta gamma delta epsilon", "3 min")],
        text={1},
        right={2},
    )
    lines = layout(table, Screen(width=24))
    assert lines == [
        "id   text          time",
        "one  alpha beta   3 min",
        "     gamma delta",
        "     epsilon",
    ]


def test_a_list_cell_breaks_after_a_comma_and_a_number_keeps_its_unit() -> None:
    table = Table(
        [("n", "regions", "dose"), ("1", "upper back, middle back", "2 times, hold 30 s")],
        text={1, 2},
        lists={1},
    )
    lines = layout(table, Screen(width=30))
    assert "upper back," in lines[1] and lines[2].strip().startswith("middle back")
    assert not any(line.rstrip().endswith(" 30") for line in lines)  # "30 s" stays whole
    assert all(len(line) <= 30 for line in lines)


def test_colour_styles_words_but_never_moves_them() -> None:
    table = Table([("id", "name", "where"), ("cat_camel", "Cat and camel", "floor")], dim={2})
    plain, styled = layout(table, Screen(40)), layout(table, Screen(40, color=True))
    assert [visible(line) for line in styled] == plain
    assert "\x1b[1mid" in styled[0]  # bold header
    assert "\x1b[36mcat_camel" in styled[1] and "\x1b[2mfloor" in styled[1]  # cyan id, dim
    assert not any("\x1b" in line for line in plain)


def test_too_narrow_for_the_columns_shows_a_row_at_a_time() -> None:
    header = ("date", "routine", "time", "result")
    table = Table([header, ("2026-12-05 23:16", "lower, desk", "20 min of 20 min", "Finished")],
                  text={1, 3})  # fmt: skip
    lines = layout(table, Screen(30))
    assert lines[0] == "2026-12-05 23:16"
    assert [line.split()[0] for line in lines[1:]] == ["routine", "time", "result"]
    assert len({line.index(line.split()[1]) for line in lines[1:]}) == 1  # values aligned
    assert all(len(line) <= 30 for line in lines)


def test_a_note_with_no_room_beside_the_first_column_starts_at_the_left_edge() -> None:
    table = Table([("a" * 12, "")], header=False, notes=["the reason why"])
    lines = layout(table, Screen(14))
    assert lines == ["a" * 12, "the reason why"]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_four_commands_tables_fit_each_width_and_keep_every_word(width: int) -> None:
    for table in _command_tables():
        whole = layout(table, PLAIN)
        folded = [visible(line) for line in layout(table, Screen(width, color=True))]
        assert max(map(len, folded)) <= width, "\n".join(folded)
        lost = Counter(_words(whole)) - Counter(_words(folded))  # a row at a time: "id" goes
        assert set(lost) <= set(table.rows[0][0].split()), f"{lost}:\n" + "\n".join(folded)
        extra = Counter(_words(folded)) - Counter(_words(whole))  # only headers, row by row
        assert set(extra) <= set(_words(list(table.rows[0]))), extra


def test_prose_folds_a_title_at_spaces_and_styles_only_with_colour() -> None:
    text = "You get down to the floor once. Then you stand up again, slowly."
    assert prose(text, PLAIN) == [text]
    lines = prose(text, Screen(30, color=True), dim=True)
    assert all(len(visible(line)) <= 30 for line in lines) and "\x1b[2m" in lines[0]
    assert " ".join(visible(line) for line in lines) == text
    assert prose("", Screen(30)) == []


class _Tty:
    def isatty(self) -> bool:
        return True


def test_screen_is_the_terminal_width_with_colour_unless_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys, "stdout", _Tty())
    assert screen() == Screen(59, color=True)  # one column spare, as words.say folds
    monkeypatch.setenv("NO_COLOR", "1")
    assert screen() == Screen(59, color=False)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(sys, "stdout", object())  # a pipe: no isatty at all
    assert screen() == PLAIN


# --- the property test ---------------------------------------------------------------------

LOWER, UPPER, NOTE = string.ascii_lowercase, string.ascii_uppercase, string.digits


def _cell(alphabet: str) -> st.SearchStrategy[str]:
    word = st.text(alphabet, min_size=1, max_size=14)
    return st.lists(st.tuples(word, st.sampled_from([" ", ", "])), max_size=6).map(
        lambda parts: "".join(w + sep for w, sep in parts)[:-1].rstrip(",")
    )


@st.composite
def tables(draw: st.DrawFn) -> Table:
    n = draw(st.integers(1, 5))
    letters = [LOWER[5 * i : 5 * i + 5] for i in range(n)]
    header = draw(st.booleans())
    rows = [tuple(draw(_cell(UPPER[5 * i : 5 * i + 5]).filter(bool)) for i in range(n))]
    rows = rows if header else []
    rows += draw(st.lists(st.tuples(*(_cell(a) for a in letters)), min_size=1, max_size=5))
    columns = st.sets(st.integers(0, n - 1))
    notes = draw(st.booleans()) and n >= 2
    body = len(rows) - header
    return Table(
        rows,
        header=header,
        right=draw(columns),
        text=draw(columns),
        lists=draw(columns),
        accent=draw(st.sampled_from([None, *range(n)])),
        dim=draw(columns),
        notes=[draw(_cell(NOTE)) for _ in range(body)] if notes else (),
    )


@settings(max_examples=150, deadline=None)
@given(table=tables(), width=st.integers(14, 130), color=st.booleans())
def test_any_table_fits_keeps_its_words_in_order_and_its_columns_aligned(
    table: Table, width: int, color: bool
) -> None:
    lines = layout(table, Screen(width, color))
    shown = [visible(line) for line in lines]
    assert all(len(line) <= width for line in shown), "\n".join(shown)
    assert color or shown == lines  # no escape codes without colour
    n = len(table.rows[0])
    body = table.rows[1:] if table.header else table.rows
    grid = not table.header or n == 1 or any(c in UPPER for c in shown[0])
    for i in range(n):
        letters = LOWER[5 * i : 5 * i + 5]
        assert _only(shown, letters) == "".join(row[i] for row in body).replace(" ", "").replace(
            ",", ""
        )  # every word of the column, in order, nothing cut away
        if grid:
            _aligned(shown, letters + UPPER[5 * i : 5 * i + 5], right=i in table.right)
    assert _only(shown, NOTE) == "".join(table.notes).replace(" ", "").replace(",", "")
    if table.header:
        heads = [_only(shown, UPPER[5 * i : 5 * i + 5]) for i in range(n)]
        head = [cell.replace(" ", "").replace(",", "") for cell in table.rows[0]]
        if grid:
            assert heads == head
        else:  # a row at a time: each row's cells beside the header's words (not the first)
            assert heads == ["", *(h * len(body) for h in head[1:])]


def _only(lines: list[str], alphabet: str) -> str:
    return "".join(c for line in lines for c in line if c in alphabet)


def _aligned(lines: list[str], alphabet: str, *, right: bool) -> None:
    """Every line's run of this column's letters starts (or, on the right, ends) at one x."""
    edges = set()
    for line in lines:
        xs = [x for x, c in enumerate(line) if c in alphabet]
        if xs:
            start, end = xs[0], xs[-1]
            while end + 1 < len(line) and line[end + 1] == ",":  # "back," ends at its comma
                end += 1
            before = line[:start].rstrip()
            if before.endswith(",") and line[len(before) : start] == " ":
                start = len(before) - 1  # ", p": a comma left over from a word cut short
            edges.add(end if right else start)
    assert len(edges) <= 1, (alphabet, edges, "\n".join(lines))


def _words(lines: list[str]) -> list[str]:
    return " ".join(lines).split()


def _command_tables() -> list[Table]:
    from datetime import datetime

    from unkink.catalogue.loader import load_builtin
    from unkink.cli.history_view import history_columns
    from unkink.cli.render import catalogue_columns, steps_columns
    from unkink.cli.session_plan import plan_columns
    from unkink.domain.session.planner import parse_request, plan_routine
    from unkink.domain.session.status import SessionStatus
    from unkink.services.session_history import HistoryEntry

    catalogue = load_builtin()
    routine = plan_routine(catalogue, parse_request(area="whole", where="floor", minutes=25))
    entries = [
        HistoryEntry(i, datetime(2026, 12, i, 8, 30), "whole", "floor", ("a",) * i, 1200.0,
                     600.0 * i, status, reason, (6, 4), (3, None), None)
        for i, status, reason in [(1, SessionStatus.STOPPED, "pain"),
                                  (2, SessionStatus.COMPLETED, None),
                                  (3, SessionStatus.RUNNING, None)]
    ]  # fmt: skip
    steps = [steps_columns(e) for e in catalogue]
    return [catalogue_columns(catalogue), plan_columns(routine), history_columns(entries), *steps]
