"""Parsing of the contract inputs (profile, crack events) and the questionnaire's skip rules."""

from __future__ import annotations

from datetime import datetime

import pytest

from unkink.domain.safety.answers import parse_answers
from unkink.domain.safety.cracks import InvalidCrackEvents, parse_crack_events
from unkink.domain.safety.profile import InvalidProfile, parse_profile
from unkink.domain.safety.questions import Kind, to_answer_value
from unkink.domain.safety.screens import SCREENS, SCREENS_BY_ID


def test_profile_parses_age_sex_and_conditions() -> None:
    p = parse_profile(
        {"age": 30, "sex": "female", "conditions": [{"code": "pregnancy", "weeks": 9}]}
    )
    assert p.age == 30 and p.sex == "female"
    assert p.conditions[0].weeks == 9


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ([], "(whole file)"),
        ({"height": 180}, "height"),
        ({"age": "old"}, "age"),
        ({"sex": "x"}, "sex"),
        ({"conditions": {"code": "osteoporosis"}}, "conditions"),
        ({"conditions": [{"code": "nope"}]}, "conditions[0].code"),
        (
            {"conditions": [{"code": "pregnancy"}, {"code": "pregnancy", "weeks": "x"}]},
            "conditions[1].weeks",
        ),
    ],
)
def test_profile_errors_name_the_field(raw: object, field: str) -> None:
    with pytest.raises(InvalidProfile) as err:
        parse_profile(raw)
    assert err.value.field == field


def test_crack_events_filter_to_the_period_with_whole_days() -> None:
    times = parse_crack_events(
        {
            "timestamps": [
                "2026-03-01T00:00",
                "2026-03-07T23:59:59",
                "2026-03-08T00:00",
                "2026-02-28T23:59",
            ],
            "period_start": "2026-03-01",
            "period_end": "2026-03-07",
        }
    )
    assert times == [datetime(2026, 3, 1), datetime(2026, 3, 7, 23, 59, 59)]


def test_crack_events_keep_wall_time_when_an_offset_is_given() -> None:
    assert parse_crack_events({"timestamps": ["2026-03-01T08:00:00+02:00"]}) == [
        datetime(2026, 3, 1, 8, 0)
    ]


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"timestamps": "2026-03-01"}, "timestamps"),
        ({"timestamps": [1]}, "timestamps[0]"),
        ({"timestamps": [], "when": 1}, "when"),
        ({"timestamps": [], "period_end": "soon"}, "period_end"),
    ],
)
def test_crack_event_errors_name_the_field(raw: object, field: str) -> None:
    with pytest.raises(InvalidCrackEvents) as err:
        parse_crack_events(raw)
    assert err.value.field == field


def test_pregnancy_questions_only_when_they_can_apply() -> None:
    pregnant = SCREENS_BY_ID["pregnant"]
    weeks = SCREENS_BY_ID["pregnancy_weeks"]
    assert not pregnant.applies({"sex": "male"})
    assert pregnant.applies({"sex": "female"}) and pregnant.applies({})
    assert not weeks.applies({"pregnant": False}) and weeks.applies({"pregnant": True})


def test_long_duration_questions_only_after_three_months() -> None:
    spa = SCREENS_BY_ID["spa_features"]
    onset = SCREENS_BY_ID["age_at_onset"]
    assert not onset.applies({"duration_days": 90}) and onset.applies({"duration_days": 91})
    assert not spa.applies({"duration_days": 90})
    assert spa.applies({"duration_days": 91, "age_at_onset": 30})
    assert not spa.applies({"duration_days": 200, "age_at_onset": 50})


def test_every_option_value_is_a_valid_answer() -> None:
    for question in SCREENS:
        for value, _ in question.options:
            if question.kind is Kind.MANY:
                parse_answers({question.field: [value]})
            elif question.kind is Kind.CHECKLIST:
                parse_answers(to_answer_value(question, [value]))
            else:
                parse_answers(to_answer_value(question, value))
