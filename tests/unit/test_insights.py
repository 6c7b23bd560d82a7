"""Insights arithmetic: the t quantile, the shrinkage estimate, verdicts, ties, weekly trends,
and the wording (reading age <= 12 by textstat, no cure claims, cracks never read as cause)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from tests.unit.test_safety_wording import BANNED, MAX_GRADE
from unkink.domain.insights import measures, wording
from unkink.domain.insights.estimate import MIN_SESSIONS, estimate_change, t_quantile
from unkink.domain.insights.records import Goal, SessionPoint
from unkink.domain.insights.stretches import (
    Verdict,
    clear_differences,
    leaders,
    stretch_insights,
)
from unkink.domain.insights.trends import cracks_against_stretching, weekly, weeks_on_goal
from unkink.report import words as report_words


@pytest.mark.parametrize(
    ("p", "df", "expected"), [(0.975, 1, 12.7062), (0.975, 4, 2.7764), (0.975, 30, 2.0423)]
)
def test_t_quantile_matches_tables(p: float, df: float, expected: float) -> None:
    assert t_quantile(p, df) == pytest.approx(expected, abs=1e-3)


def test_below_the_minimum_there_is_no_estimate() -> None:
    assert estimate_change([-3.0] * (MIN_SESSIONS - 1)) is None
    assert estimate_change([-3.0] * MIN_SESSIONS) is not None


def test_few_sessions_are_pulled_toward_no_change_and_stay_wide() -> None:
    few, many = estimate_change([-3, -3, -3]), estimate_change([-3] * 30)
    assert few is not None and many is not None
    assert -3 < many.mean < few.mean < 0  # few sessions: pulled further toward zero
    assert (few.high - few.low) > 2 * (many.high - many.low)
    assert many.excludes_zero


def test_noise_around_zero_is_no_clear_change() -> None:
    e = estimate_change([1, -1, 0, 1, -1, 0, 2, -2])
    assert e is not None and not e.excludes_zero


def _point(day: int, ex: str, change: int, place: str = "floor") -> SessionPoint:
    return SessionPoint(
        started_at=datetime(2026, 1, 5, 8) + timedelta(days=day),
        place=place,
        exercises=(ex,),
        before=(6, 4),
        after=(6 + change, 4),
    )


def test_overlapping_helpers_tie_and_the_flat_one_is_clearly_behind() -> None:
    noise = [0, 1, -1, 0, 1, -1]
    points = [_point(i, "a", -3 + n) for i, n in enumerate(noise)]
    points += [_point(i, "b", -2 + n) for i, n in enumerate(noise)]
    points += [_point(i, "c", n) for i, n in enumerate(noise)]
    found = {s.exercise_id: s for s in stretch_insights(points)}
    assert found["a"].verdict is Verdict.EASED and found["b"].verdict is Verdict.EASED
    assert found["c"].verdict is Verdict.NO_CLEAR_CHANGE
    assert {s.exercise_id for s in leaders(list(found.values()))} == {"a", "b"}
    pairs = clear_differences(list(found.values()))
    assert ("a", "c") in pairs and ("b", "c") in pairs and ("a", "b") not in pairs
    text = " ".join(wording.stretch_sentences(list(found.values()), {"a": "A", "b": "B"}))
    assert "no clear difference" in text


def test_no_ratings_says_not_enough_data() -> None:
    p = SessionPoint(datetime(2026, 1, 5), "desk", ("a",), (None, None), (None, None))
    assert wording.stretch_sentences(stretch_insights([p]), {}) == [wording.NOT_ENOUGH]


def test_weeks_count_sessions_desk_breaks_and_cracks() -> None:
    points = [_point(0, "a", -1), _point(1, "a", -1, place="desk"), _point(8, "a", 0)]
    cracks = [datetime(2026, 1, 6, 12), datetime(2026, 1, 20, 12)]
    # desk breaks are the reminder's (routines started from it, time away), not desk sessions
    breaks = {date(2026, 1, 5): 3, date(2026, 1, 19): 2}
    weeks = weekly(points, cracks, today=date(2026, 1, 21), weekly_breaks=breaks)
    assert [(w.sessions, w.desk_breaks, w.crack_sessions) for w in weeks] == [
        (2, 3, 1),
        (1, 0, 0),
        (0, 2, 1),
    ]
    only_breaks = weekly([], [], today=date(2026, 1, 21), weekly_breaks={date(2026, 1, 12): 1})
    assert [(w.start, w.desk_breaks) for w in only_breaks] == [
        (date(2026, 1, 12), 1),
        (date(2026, 1, 19), 0),
    ]
    assert weeks_on_goal(weeks, Goal(2)) == 1
    assert weeks_on_goal(weeks, None) is None
    assert cracks_against_stretching(weeks) is None  # too few weeks to set side by side


def test_weekly_check_is_due_at_most_once_a_week() -> None:
    now = datetime(2026, 1, 12, 9)
    assert measures.is_due(None, now=now)
    assert not measures.is_due(now - timedelta(days=3), now=now)
    assert measures.is_due(now - timedelta(days=7), now=now)
    with pytest.raises(measures.InvalidMeasure):
        measures.clean_activities(["a", "b", "c", "d"])


def texts() -> list[str]:
    return [
        *wording.insight_texts(),
        *measures.measure_texts(),
        report_words.CRACK_RULE,
        *report_words.URGENCY_WORDS.values(),
    ]


def test_the_report_has_plain_words_for_every_urgency_and_pain_decision() -> None:
    from unkink.domain.safety.pain import PainAction
    from unkink.domain.safety.urgency import Urgency

    assert set(report_words.URGENCY_WORDS) == set(Urgency)
    assert set(report_words.DECISION_WORDS) == set(PainAction)
    assert "next few weeks" in report_words.URGENCY_WORDS[Urgency.ROUTINE_REVIEW]


def test_a_condition_reads_with_its_procedure() -> None:
    from unkink.domain.safety.precautions import parse_condition

    plain = parse_condition({"code": "spinal_surgery", "weeks_since": 20})
    done = parse_condition({"code": "spinal_surgery", "weeks_since": 20, "procedure": " L5 op "})
    assert report_words.condition_words(plain) == "Spinal surgery"
    assert report_words.condition_words(done) == "Spinal surgery (L5 op)"


@pytest.fixture(scope="module")
def grade():  # type: ignore[no-untyped-def]
    import textstat
    import textstat.backend.counts._count_syllables as syllables

    original = syllables.get_cmudict
    syllables.get_cmudict = lambda lang: None  # pyphen for every word, as the safety test does
    yield textstat.flesch_kincaid_grade
    syllables.get_cmudict = original


@pytest.mark.parametrize("text", texts())
def test_insight_wording_reads_at_age_12_or_younger(text: str, grade) -> None:  # type: ignore[no-untyped-def]
    assert grade(text) <= MAX_GRADE, text


@pytest.mark.parametrize("text", texts())
def test_insight_wording_makes_no_claim(text: str) -> None:
    for pattern in BANNED:
        assert not re.search(pattern, text, re.IGNORECASE), (pattern, text)
    if "crack" in text.lower() and "stretch" in text.lower():
        assert "does not show that one causes the other" in text
