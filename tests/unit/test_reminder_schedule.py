"""The reminder schedule, driven by a hand-moved wall clock: activity, idle, hours, snoozes."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from unkink.domain.reminders.rules import (
    BadReminderSetting,
    Pauses,
    ReminderRules,
    parse_days,
    parse_duration,
    parse_hours,
)
from unkink.domain.reminders.schedule import (
    Answer,
    Decision,
    Deferral,
    Quiet,
    ScheduleState,
    Step,
    answer,
    decide,
    next_break_in_s,
    observe,
)

MONDAY_9 = datetime(2026, 3, 2, 9, 0)
RULES = ReminderRules()
NO_PAUSE = Pauses()


class Day:
    """A person's day: the clock moves by hand, the idle time is what the backend would say."""

    def __init__(self, rules: ReminderRules = RULES, start: datetime = MONDAY_9) -> None:
        self.rules = rules
        self.now = start
        self.state = ScheduleState()
        self.pauses = NO_PAUSE
        self.ended: list[float] = []

    def look(self, idle_s: float = 0.0, deferrals: tuple[Deferral, ...] = ()) -> Decision:
        seen = observe(self.state, self.rules, self.pauses, now=self.now, idle_s=idle_s)
        if seen.ended_stretch_s is not None:
            self.ended.append(seen.ended_stretch_s)
        decision = decide(
            seen.state, self.rules, self.pauses, now=self.now, idle_s=idle_s, deferrals=deferrals
        )
        self.state = decision.state
        return decision

    def work(self, minutes: float, *, step_s: float = 60) -> list[Decision]:
        """Active at the keyboard for ``minutes``, looked at every ``step_s``."""
        out = []
        end = self.now + timedelta(minutes=minutes)
        while self.now < end:
            self.now += timedelta(seconds=step_s)
            out.append(self.look())
        return out

    def answer(self, given: Answer) -> None:
        self.state = answer(self.state, self.rules, now=self.now, given=given)


def steps(decisions: list[Decision]) -> list[Step]:
    return [d.step for d in decisions if d.step is not Step.WAIT]


def test_a_reminder_comes_after_45_active_minutes_and_not_before() -> None:
    day = Day()
    day.look()
    assert steps(day.work(44)) == []
    assert steps(day.work(1)) == [Step.NOTIFY]


def test_the_first_reminder_offers_start_in_ten_minutes_and_skip() -> None:
    day = Day()
    day.look()
    shown = [d for d in day.work(45) if d.step is Step.NOTIFY][0]
    assert shown.offer == (Answer.START, Answer.SNOOZE, Answer.SKIP)
    assert not shown.stays


def test_a_reminder_on_screen_is_not_shown_twice() -> None:
    day = Day()
    day.look()
    assert steps(day.work(60)) == [Step.NOTIFY]


def test_short_idle_spells_still_count_as_sitting() -> None:
    day = Day()
    day.look()
    for _ in range(45):
        day.now += timedelta(minutes=1)
        decision = day.look(idle_s=50)  # reading: no keys for 50 s, but still in the chair
    assert decision.step is Step.NOTIFY


def test_idle_as_long_as_a_break_counts_as_the_break() -> None:
    day = Day()
    day.look()
    day.work(30)
    day.now += timedelta(minutes=3)
    day.look(idle_s=180)
    assert day.state.active_s == 0
    assert day.ended == [pytest.approx(30 * 60)]
    day.now += timedelta(seconds=10)
    day.look(idle_s=1)  # back at the desk
    assert steps(day.work(44)) == []
    assert steps(day.work(1)) == [Step.NOTIFY]


def test_the_stretch_before_an_idle_break_ends_when_the_idle_began() -> None:
    day = Day()
    day.look()
    day.work(10)
    day.now += timedelta(minutes=4)  # 1 more minute at the desk, then 3 away
    day.look(idle_s=180)
    assert day.ended == [pytest.approx(11 * 60)]


def test_time_away_is_not_counted_until_the_person_is_back() -> None:
    day = Day()
    day.look()
    day.now += timedelta(minutes=3)
    day.look(idle_s=180)
    day.now += timedelta(minutes=60)
    day.look(idle_s=3780)  # still away an hour later
    day.now += timedelta(minutes=1)
    day.look(idle_s=5)
    assert day.state.active_s == 0


def test_looks_come_soon_enough_that_no_idle_break_is_missed() -> None:
    day = Day()
    day.look()
    decision = day.look(idle_s=90)
    assert decision.sleep_s <= RULES.break_s - 90 + 1
    assert decision.sleep_s >= RULES.shortest_sleep_s


def test_a_long_gap_between_looks_means_the_computer_slept_and_counts_as_a_break() -> None:
    day = Day()
    day.look()
    day.work(40)
    day.now += timedelta(hours=1)
    day.look(idle_s=0)  # woke from suspend; the X server's idle counter was reset
    assert day.state.active_s == 0
    assert day.ended == [pytest.approx(40 * 60)]


def test_idle_while_the_reminder_is_on_screen_counts_as_the_break() -> None:
    day = Day()
    day.look()
    day.work(45)
    assert day.state.showing
    day.now += timedelta(minutes=3)
    day.look(idle_s=170)
    assert not day.state.showing and day.state.active_s == 0


def test_start_and_skip_begin_the_count_again() -> None:
    for given in (Answer.START, Answer.SKIP):
        day = Day()
        day.look()
        day.work(45)
        day.answer(given)
        assert day.state.active_s == 0 and not day.state.showing
        assert steps(day.work(44)) == []
        assert steps(day.work(1)) == [Step.NOTIFY]


def test_in_ten_minutes_brings_the_reminder_back_ten_minutes_later() -> None:
    day = Day()
    day.look()
    day.work(45)
    day.answer(Answer.SNOOZE)
    assert steps(day.work(9)) == []
    assert steps(day.work(1)) == [Step.NOTIFY]


def test_after_two_snoozes_in_a_row_the_reminder_stays_without_a_snooze_button() -> None:
    day = Day()
    day.look()
    day.work(45)
    day.answer(Answer.SNOOZE)
    day.work(10)
    day.answer(Answer.SNOOZE)
    third = [d for d in day.work(10) if d.step is Step.NOTIFY][0]
    assert third.offer == (Answer.START, Answer.SKIP)
    assert third.stays


def test_closing_a_reminder_is_a_snooze_while_snoozes_are_left() -> None:
    day = Day()
    day.look()
    day.work(45)
    day.answer(Answer.DISMISSED)
    assert day.state.snoozes_in_row == 1
    assert steps(day.work(10)) == [Step.NOTIFY]


def test_closing_a_reminder_with_no_snoozes_left_brings_it_straight_back() -> None:
    rules = ReminderRules(max_snoozes=0)
    day = Day(rules)
    day.look()
    day.work(45)
    day.answer(Answer.DISMISSED)
    assert steps(day.work(1)) == [Step.NOTIFY]


def test_a_snooze_limit_resets_once_a_break_is_taken() -> None:
    day = Day()
    day.look()
    day.work(45)
    day.answer(Answer.SNOOZE)
    day.work(10)
    day.answer(Answer.START)
    shown = [d for d in day.work(45) if d.step is Step.NOTIFY][0]
    assert Answer.SNOOZE in shown.offer


def test_no_reminders_outside_work_hours_or_on_weekends() -> None:
    evening = Day(start=datetime(2026, 3, 2, 18, 0))
    evening.look()
    decisions = evening.work(120)
    assert steps(decisions) == []
    assert decisions[-1].quiet is Quiet.OUT_OF_HOURS
    saturday = Day(start=datetime(2026, 3, 7, 9, 0))
    saturday.look()
    assert steps(saturday.work(120)) == []


def test_sitting_before_work_hours_does_not_count() -> None:
    day = Day(start=datetime(2026, 3, 2, 8, 30))
    day.look()
    day.work(30)
    assert steps(day.work(44)) == []
    assert steps(day.work(1)) == [Step.NOTIFY]


def test_any_time_ignores_work_hours() -> None:
    day = Day(ReminderRules(every_s=5, any_time=True), start=datetime(2026, 3, 7, 23, 0))
    day.look()
    day.now += timedelta(seconds=5)
    assert day.look().step is Step.NOTIFY


def test_a_new_day_starts_the_count_from_zero() -> None:
    day = Day(ReminderRules(any_time=True), start=datetime(2026, 3, 2, 23, 30))
    day.look()
    day.work(29)
    day.now = datetime(2026, 3, 3, 0, 0, 30)
    day.look()
    assert day.state.active_s == 0


def test_pause_for_an_hour_holds_reminders_and_the_count() -> None:
    day = Day()
    day.look()
    day.work(40)
    day.pauses = Pauses(until=day.now + timedelta(hours=1))
    decisions = day.work(60)
    assert steps(decisions) == []
    assert decisions[0].quiet is Quiet.PAUSED
    assert day.state.active_s == pytest.approx(40 * 60)
    assert steps(day.work(5)) == [Step.NOTIFY]


def test_a_pause_wakes_the_daemon_when_it_ends() -> None:
    day = Day()
    day.look()
    day.pauses = Pauses(until=day.now + timedelta(seconds=30))
    assert day.look().sleep_s == pytest.approx(30)


def test_not_today_holds_reminders_until_tomorrow() -> None:
    day = Day(ReminderRules(any_time=True))
    day.pauses = Pauses(not_on=MONDAY_9.date())
    day.look()
    decisions = day.work(180)
    assert steps(decisions) == [] and decisions[-1].quiet is Quiet.NOT_TODAY
    day.now = datetime(2026, 3, 3, 9, 0)
    day.look()
    assert steps(day.work(45)) == [Step.NOTIFY]


@pytest.mark.parametrize("reason", list(Deferral))
def test_a_due_break_is_put_off_while_something_is_in_the_way(reason: Deferral) -> None:
    day = Day()
    day.look()
    day.work(44)
    day.now += timedelta(minutes=1)
    decision = day.look(deferrals=(reason,))
    assert decision.step is Step.DEFER
    assert decision.deferrals == (reason,)
    assert decision.sleep_s == RULES.recheck_s
    day.now += timedelta(minutes=1)
    assert day.look(deferrals=(reason,)).step is Step.WAIT  # logged once, not every minute
    day.now += timedelta(minutes=1)
    assert day.look().step is Step.NOTIFY  # the call ended


def test_a_new_reason_to_put_off_is_logged_again() -> None:
    day = Day()
    day.look()
    day.work(44)
    day.now += timedelta(minutes=1)
    day.look(deferrals=(Deferral.CAMERA,))
    day.now += timedelta(minutes=1)
    decision = day.look(deferrals=(Deferral.CAMERA, Deferral.FULL_SCREEN))
    assert decision.step is Step.DEFER
    assert decision.deferrals == (Deferral.CAMERA, Deferral.FULL_SCREEN)


def test_the_daemon_never_wakes_more_often_than_every_few_seconds() -> None:
    day = Day()
    day.look()
    for decision in day.work(180, step_s=7):
        assert decision.sleep_s >= RULES.shortest_sleep_s
        assert decision.sleep_s <= RULES.longest_sleep_s


def test_while_active_the_daemon_sleeps_about_two_minutes_between_looks() -> None:
    day = Day()
    day.look()
    assert day.look(idle_s=0).sleep_s == pytest.approx(RULES.break_s + 1)


def test_next_break_counts_down_active_time_and_snoozes() -> None:
    day = Day()
    day.look()
    day.work(15)
    assert next_break_in_s(day.state, RULES, day.now) == pytest.approx(30 * 60)
    day.work(30)
    day.answer(Answer.SNOOZE)
    assert next_break_in_s(day.state, RULES, day.now) == pytest.approx(600)


def test_a_clock_going_back_counts_nothing() -> None:
    day = Day()
    day.look()
    day.work(10)
    day.now -= timedelta(minutes=5)
    day.look()
    assert day.state.active_s == pytest.approx(10 * 60)


def test_settings_are_checked_with_a_message_that_says_what_to_type() -> None:
    assert parse_days("mon-fri") == frozenset(range(5))
    assert parse_days("sat,sun") == frozenset({5, 6})
    assert parse_days("fri-mon") == frozenset({4, 5, 6, 0})
    assert parse_hours("09:00-18:00") == (time(9), time(18))
    assert parse_duration("1h") == 3600
    assert parse_duration("1h30m") == 5400
    assert parse_duration("45") == 2700
    assert parse_duration("90s") == 90
    for bad in ("someday", "mon-funday"):
        with pytest.raises(BadReminderSetting, match="mon-fri"):
            parse_days(bad)
    for bad_hours in ("9 to 5", "18:00-09:00"):
        with pytest.raises(BadReminderSetting, match="09:00-18:00"):
            parse_hours(bad_hours)
    for bad_length in ("soon", "1x", "0m"):
        with pytest.raises(BadReminderSetting, match="1h"):
            parse_duration(bad_length)
    with pytest.raises(BadReminderSetting):
        ReminderRules(work_start=time(18), work_end=time(9))
    with pytest.raises(BadReminderSetting):
        ReminderRules(max_snoozes=-1)
    with pytest.raises(BadReminderSetting):
        ReminderRules(every_s=1)


def test_a_skip_starts_the_count_again_but_not_the_sitting_stretch() -> None:
    day = Day()
    day.look()
    day.work(45)
    day.answer(Answer.SKIP)
    day.work(20)
    assert day.state.active_s == pytest.approx(20 * 60)
    assert day.state.sitting_s == pytest.approx(65 * 60)
    day.now += timedelta(minutes=3)
    day.look(idle_s=180)
    assert day.ended == [pytest.approx(65 * 60)]


def test_start_ends_the_sitting_stretch() -> None:
    day = Day()
    day.look()
    day.work(45)
    day.answer(Answer.START)
    assert day.state.sitting_s == 0
