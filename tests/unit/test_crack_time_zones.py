"""``--at`` across the clock changes (Europe/London, 2026): decided on real time, not wall time."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unkink.domain.safety.crack_time import CrackTimeInvalid, check_crack_time, parse_crack_time

LONDON = ZoneInfo("Europe/London")
# 25 October 2026: at 02:00 BST the clocks go back to 01:00 GMT, so 01:00-01:59 shows twice.
FIRST_PASS = datetime(2026, 10, 25, 1, 30, fold=0)  # 00:30 UTC
SECOND_PASS = datetime(2026, 10, 25, 1, 30, fold=1)  # 01:30 UTC
# 29 March 2026: at 01:00 GMT the clocks go forward to 02:00 BST; 01:00-01:59 never shows.
SPRING_MORNING = datetime(2026, 3, 29, 9, 0)


def _utc(wall: datetime) -> datetime:
    return wall.replace(tzinfo=LONDON).astimezone(ZoneInfo("UTC"))


def test_the_repeated_hour_is_today_not_yesterday() -> None:
    when = parse_crack_time("01:45", SECOND_PASS, LONDON)
    assert when.date() == SECOND_PASS.date()
    assert _utc(when) < _utc(SECOND_PASS)  # the first 01:45, 45 minutes ago


def test_in_the_repeated_hour_the_later_pass_wins_when_both_are_past() -> None:
    when = parse_crack_time("01:15", SECOND_PASS, LONDON)
    assert when.fold == 1 and _utc(when).hour == 1  # 01:15 GMT, a quarter of an hour ago


def test_a_time_still_to_come_in_the_first_pass_is_yesterday() -> None:
    when = parse_crack_time("01:45", FIRST_PASS, LONDON)
    assert when.date().day == 24


def test_the_naive_rule_got_the_repeated_hour_wrong() -> None:
    """Without the zone, wall times alone put 01:45 on the day before (the old behaviour)."""
    assert parse_crack_time("01:45", SECOND_PASS, None).date().day == 24


@pytest.mark.parametrize("text", ["01:30", "2026-03-29T01:30", "01:00", "01:59"])
def test_a_skipped_time_is_refused(text: str) -> None:
    with pytest.raises(CrackTimeInvalid, match="never showed on the clock"):
        parse_crack_time(text, SPRING_MORNING, LONDON)


@pytest.mark.parametrize(("text", "hour"), [("00:59", 0), ("02:00", 2), ("08:59", 8)])
def test_times_around_the_gap_are_kept(text: str, hour: int) -> None:
    assert parse_crack_time(text, SPRING_MORNING, LONDON) == datetime(
        2026, 3, 29, hour, int(text[3:])
    )


def test_a_crack_in_the_first_pass_is_not_in_the_future_at_the_second() -> None:
    first_145 = datetime(2026, 10, 25, 1, 45, fold=0)
    assert check_crack_time(first_145, SECOND_PASS, LONDON) == first_145
    with pytest.raises(CrackTimeInvalid, match="in the future"):
        check_crack_time(datetime(2026, 10, 25, 1, 45, fold=1), SECOND_PASS, LONDON)


@given(
    st.datetimes(min_value=datetime(2026, 1, 2), max_value=datetime(2026, 12, 30)),
    st.times(),
)
def test_hh_mm_is_never_in_the_future_and_shows_that_time(now: datetime, clock: time) -> None:
    now = now.replace(microsecond=0)
    text = f"{clock:%H:%M}"
    try:
        when = parse_crack_time(text, now, LONDON)
    except CrackTimeInvalid as exc:
        assert "never showed on the clock" in str(exc)
        return
    assert f"{when:%H:%M}" == text
    assert _utc(when) <= _utc(now) + timedelta(minutes=1)
    assert (now.date() - when.date()).days in (0, 1)
