"""Screening answers that reveal a condition bring its precautions with them."""

from __future__ import annotations

from datetime import date

from unkink.domain.safety.answers import parse_answers
from unkink.domain.safety.implied_conditions import implied_conditions
from unkink.domain.safety.precautions import ConditionCode

DAY = date(2026, 3, 2)


def codes(**answers: object) -> list[ConditionCode]:
    return [c.code for c in implied_conditions(parse_answers(answers), screened_on=DAY)]


def test_ordinary_answers_imply_nothing() -> None:
    assert codes(age=40, duration_days=10) == []


def test_pregnancy_keeps_its_weeks_and_date() -> None:
    (c,) = implied_conditions(
        parse_answers({"pregnant": True, "pregnancy_weeks": 14}), screened_on=DAY
    )
    assert (c.code, c.weeks, c.recorded_on) == (ConditionCode.PREGNANCY, 14.0, DAY)


def test_pregnancy_without_weeks_is_kept_with_unknown_weeks() -> None:
    (c,) = implied_conditions(parse_answers({"pregnant": True}), screened_on=DAY)
    assert c.weeks is None


def test_known_osteoporosis_is_implied() -> None:
    assert codes(osteoporosis_known=True) == [ConditionCode.OSTEOPOROSIS]


def test_recent_leg_pain_is_acute_sciatica_but_not_after_six_weeks() -> None:
    assert codes(leg_pain=True, duration_days=41) == [ConditionCode.ACUTE_SCIATICA]
    assert codes(leg_pain=True, duration_days=42) == []
    assert codes(leg_pain=True) == []
