"""Terminal text folds at spaces, never inside a word, and keeps a list item's indent."""

from __future__ import annotations

import io

from unkink.cli.words import fold, terminal_width

LONG = (
    "  - Stop any stretch that hurts. Many people find stretching eases stiffness, "
    "but it may not help everyone."
)


def test_no_word_is_broken_at_80_or_100_columns() -> None:
    for width in (40, 79, 99):
        folded = fold(LONG, width)
        assert all(len(line) <= width for line in folded.split("\n"))
        assert folded.split() == LONG.split()  # the same words, none cut in two


def test_later_lines_of_a_list_item_keep_its_indent() -> None:
    lines = fold("   7) " + "word " * 30, 40).split("\n")
    assert len(lines) > 1
    assert all(line.startswith("      ") for line in lines[1:])


def test_output_that_is_not_a_terminal_is_left_whole() -> None:
    assert terminal_width(io.StringIO()) is None
