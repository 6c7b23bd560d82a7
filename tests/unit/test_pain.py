"""Pain during and after exercise (safety evidence §5)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unkink.domain.safety.pain import (
    STOP_QUESTIONS,
    InvalidPainReport,
    NextDay,
    PainAction,
    PainReport,
    assess_pain,
    next_day_advice,
)


@pytest.mark.parametrize(
    ("score", "action"),
    [
        (0, PainAction.CARRY_ON),
        (2, PainAction.CARRY_ON),
        (3, PainAction.CARRY_ON_SMALLER),
        (5, PainAction.CARRY_ON_SMALLER),
        (6, PainAction.STOP_EXERCISE),
        (10, PainAction.STOP_EXERCISE),
    ],
)
def test_score_bands(score: int, action: PainAction) -> None:
    decision = assess_pain(PainReport(score=score))
    assert decision.action is action
    assert decision.message
    assert not decision.action.rescreen


@pytest.mark.parametrize("sign", [name for name, _ in STOP_QUESTIONS])
def test_every_stop_sign_stops_the_session_and_asks_to_rescreen(sign: str) -> None:
    decision = assess_pain(PainReport(score=1, **{sign: True}))
    assert decision.action is PainAction.STOP_SESSION_AND_RESCREEN
    assert decision.action.rescreen
    assert decision.signs == (sign,)
    assert "safety questions" in decision.message


def test_chest_pain_and_warning_signs_say_call_emergency_services() -> None:
    assert "emergency" in assess_pain(PainReport(score=0, chest_pain_or_breathless=True)).message
    assert "emergency" in assess_pain(PainReport(score=0, warning_symptoms=True)).message
    assert "emergency" not in assess_pain(PainReport(score=0, sharp_or_catching=True)).message


def test_dizzy_in_pregnancy_says_change_position() -> None:
    message = assess_pain(PainReport(score=0, dizziness_or_faint=True, pregnant=True)).message
    assert message.startswith("If you are lying on your back, roll slowly onto your side.")
    assert "side" not in assess_pain(PainReport(score=0, dizziness_or_faint=True)).message


@pytest.mark.parametrize("score", [-1, 11, 3.5, True, "4"])
def test_bad_scores_are_rejected(score: object) -> None:
    with pytest.raises(InvalidPainReport):
        PainReport(score=score)  # type: ignore[arg-type]


@given(st.integers(0, 10), st.lists(st.sampled_from([n for n, _ in STOP_QUESTIONS]), min_size=1))
def test_stop_signs_always_win_over_the_score(score: int, signs: list[str]) -> None:
    report = PainReport(score=score, **dict.fromkeys(signs, True))
    assert assess_pain(report).action is PainAction.STOP_SESSION_AND_RESCREEN


def test_next_day_rule() -> None:
    assert next_day_advice([]).advice is NextDay.KEEP
    assert next_day_advice([False, False]).advice is NextDay.KEEP
    assert next_day_advice([False, True]).advice is NextDay.SMALLER_RANGE
    assert next_day_advice([True, False, False]).advice is NextDay.SMALLER_RANGE
    dropped = next_day_advice([True, False, True])
    assert dropped.advice is NextDay.DROP
    assert dropped.suggest_physio
    assert "physiotherapist" in dropped.message
    assert not next_day_advice([True]).suggest_physio
