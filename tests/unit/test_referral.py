"""Referral on continued discomfort (safety evidence §5, S8)."""

from __future__ import annotations

from datetime import date, timedelta

from unkink.domain.safety.referral import (
    WHAT_TO_BRING,
    ReferralReason,
    ScorePoint,
    no_improvement,
    suggest_referral,
)

START = date(2026, 1, 1)


def daily(scores: list[int]) -> list[ScorePoint]:
    return [ScorePoint(START + timedelta(days=i), s) for i, s in enumerate(scores)]


def test_six_weeks_without_improvement_suggests_a_physiotherapist() -> None:
    points = daily([5] * 50)
    assert no_improvement(points)
    referral = suggest_referral(points=points, worse_mornings={})
    assert referral is not None
    assert referral.reasons == (ReferralReason.NO_IMPROVEMENT,)
    assert "GP or a physiotherapist" in referral.message
    assert referral.what_to_bring == WHAT_TO_BRING


def test_improvement_of_a_point_or_more_is_not_referred() -> None:
    assert not no_improvement(daily([6] * 20 + [5] * 30))
    assert no_improvement(daily([6] * 20 + [5.5] * 30))  # type: ignore[list-item]


def test_less_than_six_weeks_of_ratings_is_too_soon_to_tell() -> None:
    assert not no_improvement(daily([7] * 42))
    assert no_improvement(daily([7] * 43))
    assert not no_improvement([])


def test_low_scores_that_stay_low_are_fine() -> None:
    assert not no_improvement(daily([2] * 60))


def test_next_day_rule_firing_twice_suggests_referral() -> None:
    referral = suggest_referral(
        points=[], worse_mornings={"bridge": [True, True], "cat_camel": [True]}
    )
    assert referral is not None
    assert referral.reasons == (ReferralReason.NEXT_DAY_RULE,)
    assert referral.dropped_exercises == ("bridge",)
    assert suggest_referral(points=[], worse_mornings={"bridge": [True, False]}) is None


def test_points_older_than_the_lookback_change_nothing() -> None:
    """The repository reads only LOOKBACK before the latest rating; the rule must agree."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from unkink.domain.safety.referral import LOOKBACK, no_improvement

    points = st.lists(
        st.builds(ScorePoint, st.dates(START, START + timedelta(days=200)), st.integers(0, 10)),
        max_size=80,
    )

    @settings(max_examples=300, deadline=None)
    @given(points)
    def check(found: list[ScorePoint]) -> None:
        if not found:
            return
        latest = max(p.day for p in found)
        window = [p for p in found if p.day >= latest - LOOKBACK]
        assert no_improvement(window) == no_improvement(found)

    check()
