"""The next-day rule folded into precautions (pure)."""

from __future__ import annotations

from datetime import date

from unkink.domain.safety.pain import next_day_advice
from unkink.domain.safety.precautions import Mark, Precautions
from unkink.domain.session.next_morning import should_ask, with_next_day

DAY = date(2026, 3, 2)


def test_ask_from_the_next_day_for_three_days_once() -> None:
    assert not should_ask(DAY, today=DAY, answered=False)
    assert should_ask(date(2026, 3, 1), today=DAY, answered=False)
    assert should_ask(date(2026, 2, 27), today=DAY, answered=False)
    assert not should_ask(date(2026, 2, 26), today=DAY, answered=False)
    assert not should_ask(date(2026, 3, 1), today=DAY, answered=True)


def test_one_worse_morning_modifies_and_keeps_the_table_text() -> None:
    base = Precautions(
        marks={"bridge": Mark.MODIFY}, modifications={"bridge": "Lift only a little."}
    )
    out = with_next_day(
        base, {"bridge": next_day_advice([True]), "butterfly": next_day_advice([True])}
    )
    assert out.mark_for("bridge") is Mark.MODIFY
    assert str(out.modification_for("bridge")).startswith("Lift only a little. ")
    assert out.mark_for("butterfly") is Mark.MODIFY


def test_two_worse_mornings_drop_it_and_must_not_is_never_loosened() -> None:
    base = Precautions(marks={"bridge": Mark.MUST_NOT})
    out = with_next_day(
        base, {"bridge": next_day_advice([True]), "cat_camel": next_day_advice([True, False, True])}
    )
    assert out.mark_for("bridge") is Mark.MUST_NOT
    assert out.mark_for("cat_camel") is Mark.MUST_NOT


def test_mornings_that_were_fine_change_nothing() -> None:
    out = with_next_day(Precautions(), {"bridge": next_day_advice([False, False])})
    assert out.mark_for("bridge") is Mark.OFFER


def test_change_messages_say_each_change_once_and_skip_keeps() -> None:
    from unkink.domain.session.next_morning import change_messages

    decisions = {
        "bridge": next_day_advice([True]),
        "butterfly": next_day_advice([True]),
        "cat_camel": next_day_advice([False]),
    }
    assert change_messages(decisions) == [next_day_advice([True]).message]
