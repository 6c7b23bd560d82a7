"""The crack log rule (safety evidence §6), step by step, against an independent reference."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unkink.domain.safety.cracks import (
    FREQUENT_MESSAGE,
    REPETITIVE_MESSAGE,
    CrackStatus,
    crack_status,
    group_sessions,
)

T0 = datetime(2026, 3, 2, 8, 0)


def at(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2026, 3, 2 + day, hh, mm)


# --- step 1: sessions ----------------------------------------------------------------------


def test_cracks_within_30_minutes_of_the_first_join_one_session() -> None:
    assert len(group_sessions([T0, T0 + timedelta(minutes=29, seconds=59)])) == 1
    assert len(group_sessions([T0, T0 + timedelta(minutes=30)])) == 2


def test_the_window_runs_from_the_sessions_first_crack_not_the_last() -> None:
    sessions = group_sessions([T0 + timedelta(minutes=m) for m in (0, 20, 40, 55)])
    assert [len(s.cracks) for s in sessions] == [2, 2]
    assert sessions[1].start == T0 + timedelta(minutes=40)


def test_input_order_does_not_matter() -> None:
    times = [T0 + timedelta(hours=h) for h in (5, 0, 3)]
    assert [s.start for s in group_sessions(times)] == sorted(times)


def test_a_session_belongs_to_the_day_it_starts() -> None:
    late = datetime(2026, 3, 2, 23, 50)
    report = crack_status([late, late + timedelta(minutes=20)])
    assert [d.day for d in report.days] == [date(2026, 3, 2)]


# --- steps 2 and 3 -------------------------------------------------------------------------


def test_once_a_day_is_fine() -> None:
    report = crack_status([at(d, 9) for d in range(14)])
    assert report.status is CrackStatus.FINE
    assert report.message == ""


def test_a_single_day_with_two_sessions_is_fine() -> None:
    assert crack_status([at(0, 9), at(0, 18), at(3, 9)]).status is CrackStatus.FINE


def test_two_multi_days_within_seven_days_is_frequent() -> None:
    report = crack_status([at(0, 9), at(0, 18), at(6, 9), at(6, 18)])
    assert report.status is CrackStatus.FREQUENT
    assert report.message == FREQUENT_MESSAGE


def test_two_multi_days_seven_days_apart_are_not_in_one_window() -> None:
    assert crack_status([at(0, 9), at(0, 18), at(7, 9), at(7, 18)]).status is CrackStatus.FINE


def test_one_repetitive_day_is_frequent() -> None:
    report = crack_status([at(0, 8), at(0, 12), at(0, 16)])
    assert report.status is CrackStatus.FREQUENT
    assert report.days[0].repetitive


def test_gaps_over_four_hours_are_not_repetitive() -> None:
    report = crack_status([at(0, 8), at(0, 12, 1), at(0, 16, 2)])
    assert not report.days[0].repetitive
    assert report.status is CrackStatus.FINE


def test_two_repetitive_days_within_seven_days_is_repetitive_stress() -> None:
    times = [at(0, 8), at(0, 11), at(0, 14), at(6, 8), at(6, 12), at(6, 16)]
    report = crack_status(times)
    assert report.status is CrackStatus.REPETITIVE_STRESS
    assert report.message == REPETITIVE_MESSAGE
    assert "doctor or physiotherapist" in report.message


def test_json_lists_the_evidence() -> None:
    out = crack_status([at(0, 8), at(0, 8, 10), at(0, 12)]).to_json()
    assert out["status"] == "fine"
    assert out["sessions"] == [
        {"start": "2026-03-02T08:00:00", "day": "2026-03-02", "cracks": 2},
        {"start": "2026-03-02T12:00:00", "day": "2026-03-02", "cracks": 1},
    ]
    assert out["days"] == [
        {"date": "2026-03-02", "sessions": 2, "multi": True, "repetitive": False}
    ]


# --- property: matches a straightforward reference reading of §6 ---------------------------


def reference_status(times: list[datetime]) -> str:
    # (1) sessions
    starts: list[datetime] = []
    for t in sorted(times):
        if not starts or t >= starts[-1] + timedelta(minutes=30):
            starts.append(t)
    # (2) days
    per_day: dict[date, list[datetime]] = {}
    for s in starts:
        per_day.setdefault(s.date(), []).append(s)
    multi_days = [d for d, ss in per_day.items() if len(ss) >= 2]
    repetitive_days = []
    for d, ss in per_day.items():
        ss = sorted(ss)
        for i in range(len(ss) - 2):
            if ss[i + 1] - ss[i] <= timedelta(hours=4) and ss[i + 2] - ss[i + 1] <= timedelta(
                hours=4
            ):
                repetitive_days.append(d)
                break

    # (3) any 7 consecutive days
    def two_in_a_week(days: list[date]) -> bool:
        for first in days:
            window = [d for d in days if first <= d <= first + timedelta(days=6)]
            if len(window) >= 2:
                return True
        return False

    if two_in_a_week(repetitive_days):
        return "repetitive_stress"
    if repetitive_days or two_in_a_week(multi_days):
        return "frequent"
    return "fine"


def timelines(span_minutes: int) -> st.SearchStrategy[list[datetime]]:
    return st.lists(
        st.integers(0, span_minutes).map(lambda m: T0 + timedelta(minutes=m)), max_size=40
    )


@settings(max_examples=400)
@given(st.one_of(timelines(3 * 24 * 60), timelines(10 * 24 * 60), timelines(30 * 24 * 60)))
def test_status_matches_the_reference_for_any_timeline(times: list[datetime]) -> None:
    assert crack_status(times).status == reference_status(times)


@given(timelines(10 * 24 * 60))
def test_sessions_partition_the_cracks(times: list[datetime]) -> None:
    sessions = group_sessions(times)
    assert sorted(t for s in sessions for t in s.cracks) == sorted(times)
    for s in sessions:
        assert all(t - s.start < timedelta(minutes=30) for t in s.cracks)
    for a, b in zip(sessions, sessions[1:], strict=False):
        assert b.start - a.start >= timedelta(minutes=30)


@pytest.mark.parametrize("n", [0, 1])
def test_empty_and_single_logs_are_fine(n: int) -> None:
    assert crack_status([T0] * n).status is CrackStatus.FINE
