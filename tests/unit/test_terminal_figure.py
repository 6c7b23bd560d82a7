"""The figure in the terminal: braille drawn from the pose model, or words when space is short."""

from __future__ import annotations

import pytest

from unkink.catalogue.loader import load_builtin
from unkink.domain.exercises import Exercise
from unkink.figures.terminal import BRAILLE, MIN_COLUMNS, held_lines, step_lines

CATALOGUE = load_builtin()
EXERCISES = list(CATALOGUE)


def _dots(lines: list[str]) -> int:
    return sum(bin(ord(ch) - BRAILLE).count("1") for line in lines for ch in line if ch != " ")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
@pytest.mark.parametrize(("width", "height"), [(30, 10), (40, 14), (24, 8)])
def test_every_step_draws_something_that_fits_its_box(
    exercise: Exercise, width: int, height: int
) -> None:
    for i in range(len(exercise.steps)):
        lines = step_lines(exercise, i, width=width, height=height, columns=80)
        assert len(lines) == height
        assert all(len(line) <= width for line in lines)
        assert all(ch == " " or BRAILLE <= ord(ch) <= BRAILLE + 0xFF for ln in lines for ch in ln)
        assert _dots(lines[:-1]) > 40, "a body, not only the floor line"


def test_different_poses_draw_differently() -> None:
    cat = CATALOGUE.get("cat_camel")
    rounded, sagging = (step_lines(cat, i, width=36, height=12) for i in (2, 4))
    assert rounded != sagging
    thumbnails = {tuple(held_lines(e, width=36, height=12)) for e in EXERCISES}
    assert len(thumbnails) == len(EXERCISES)


def test_the_two_sides_of_a_one_sided_stretch_are_mirror_images() -> None:
    hug = CATALOGUE.get("knee_to_chest")
    right = step_lines(hug, 3, side="right", width=36, height=12)
    left = step_lines(hug, 3, side="left", width=36, height=12)
    assert right != left


@pytest.mark.parametrize("columns", [MIN_COLUMNS - 1, 40, 20])
def test_a_narrow_terminal_gets_one_line_of_words(columns: int) -> None:
    lines = step_lines(CATALOGUE.get("cat_camel"), 2, width=30, height=10, columns=columns)
    assert len(lines) == 1
    assert len(lines[0]) <= columns
    assert lines[0].startswith("Cat and camel")
    assert not lines[0].rstrip("…").endswith(" ")


def test_a_box_too_small_to_draw_in_gets_words_too() -> None:
    lines = step_lines(CATALOGUE.get("bridge"), 3, width=6, height=2, columns=100)
    assert lines == ["Bridge: Hold. Your weight rests on your feet and shoulders."]
