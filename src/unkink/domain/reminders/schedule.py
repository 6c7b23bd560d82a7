"""When to remind: a pure state machine over looks at the clock and the idle time.

The daemon looks now and then. Each look gives the local wall time and how long the person
has been idle (no keys, no mouse). ``observe`` counts active sitting time: idle shorter than a
break still counts as sitting (reading, thinking); idle at least as long as a break *is* a
break, so the count starts again once the person is back. ``decide`` then says what to do:
wait, show the reminder, or put it off (do-not-disturb, a call, a full-screen window) with the
reasons. ``answer`` applies Start, In 10 minutes or Skip.

Nothing here reads a clock; tests pass ``now`` in. Decision (docs/reminders.md): the daemon
sleeps until the next moment something can change, at most ``longest_sleep_s`` and never less
than ``shortest_sleep_s``; while the person is active it looks again before an idle spell
could grow into a whole break unseen, so a break is never missed between two looks.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from unkink.domain.reminders.rules import Pauses, ReminderRules


class Step(StrEnum):
    WAIT = "wait"
    NOTIFY = "notify"
    DEFER = "defer"


class Answer(StrEnum):
    START = "start"
    SNOOZE = "snooze"
    SKIP = "skip"
    DISMISSED = "dismissed"
    """Closed without a button (or expired): a snooze while snoozes are left."""


class Deferral(StrEnum):
    """Why a due break is put off for now."""

    DO_NOT_DISTURB = "do_not_disturb"
    FULL_SCREEN = "full_screen"
    CAMERA = "camera"
    MICROPHONE = "microphone"


class Quiet(StrEnum):
    """Why no reminder can come at all right now."""

    OUT_OF_HOURS = "out_of_hours"
    PAUSED = "paused"
    NOT_TODAY = "not_today"


@dataclass(frozen=True, slots=True)
class ScheduleState:
    day: date | None = None
    last_seen: datetime | None = None
    active_s: float = 0.0
    """Seconds of sitting (active, or idle less than a break) since the last break."""
    sitting_s: float = 0.0
    """Seconds of unbroken sitting: like ``active_s``, but a skipped reminder does not end it."""
    away: bool = False
    """Idle for at least a break at the last look: the count starts again on return."""
    showing: bool = False
    """A reminder is on screen, waiting for an answer."""
    snoozes_in_row: int = 0
    snoozed_until: datetime | None = None
    deferred_for: tuple[Deferral, ...] = ()
    counting: bool = False
    """Whether the last look was inside work hours and not paused (only then a gap counts)."""


@dataclass(frozen=True, slots=True)
class Observed:
    state: ScheduleState
    due: bool
    ended_stretch_s: float | None = None
    """Set when this look found the person away: how long the sitting stretch before it was."""


@dataclass(frozen=True, slots=True)
class Decision:
    step: Step
    state: ScheduleState
    sleep_s: float
    deferrals: tuple[Deferral, ...] = ()
    quiet: Quiet | None = None
    offer: tuple[Answer, ...] = ()
    """For NOTIFY: the buttons (Start, then In 10 minutes while snoozes are left, then Skip)."""
    stays: bool = False
    """For NOTIFY: snoozes are used up, so the reminder stays until answered or idle."""


def quiet_reason(rules: ReminderRules, pauses: Pauses, now: datetime) -> Quiet | None:
    if pauses.not_on == now.date():
        return Quiet.NOT_TODAY
    if pauses.until is not None and now < pauses.until:
        return Quiet.PAUSED
    if not rules.at_work(now):
        return Quiet.OUT_OF_HOURS
    return None


def observe(
    state: ScheduleState, rules: ReminderRules, pauses: Pauses, *, now: datetime, idle_s: float
) -> Observed:
    """Count the time since the last look; notice a break taken by being away."""
    if state.day != now.date():
        state = ScheduleState(day=now.date())  # a new day starts from zero
    gap_s = max(0.0, (now - state.last_seen).total_seconds()) if state.last_seen else 0.0
    if gap_s > rules.longest_sleep_s + rules.break_s:
        idle_s = max(idle_s, gap_s)  # we slept far longer than planned: the computer was asleep
    counting = quiet_reason(rules, pauses, now) is None
    if not (counting and state.counting):
        gap_s = 0.0  # the time since the last look was out of hours or paused
    ended: float | None = None
    if idle_s >= rules.break_s:
        if not state.away:
            before_idle = max(0.0, gap_s - idle_s)
            ended = state.sitting_s + before_idle
            state = replace(
                state,
                active_s=0.0,
                sitting_s=0.0,
                away=True,
                showing=False,
                snoozes_in_row=0,
                snoozed_until=None,
                deferred_for=(),
            )
    elif state.away:
        state = replace(state, away=False)  # back: count from now
    else:
        state = replace(state, active_s=state.active_s + gap_s, sitting_s=state.sitting_s + gap_s)
    state = replace(state, last_seen=now, counting=counting)
    return Observed(state, counting and _due(state, rules, now), ended)


def _due(state: ScheduleState, rules: ReminderRules, now: datetime) -> bool:
    if state.away or state.showing or state.active_s < rules.every_s:
        return False
    return state.snoozed_until is None or now >= state.snoozed_until


def decide(
    state: ScheduleState,
    rules: ReminderRules,
    pauses: Pauses,
    *,
    now: datetime,
    idle_s: float,
    deferrals: tuple[Deferral, ...] = (),
) -> Decision:
    """What to do after ``observe``. ``deferrals``: what was found to be in the way just now
    (looked for only when a break is due)."""
    quiet = quiet_reason(rules, pauses, now)
    if quiet is not None:
        wake = rules.longest_sleep_s
        if quiet is Quiet.PAUSED and pauses.until is not None:
            wake = (pauses.until - now).total_seconds()
        return Decision(
            Step.WAIT, replace(state, deferred_for=()), _clamp(wake, rules), quiet=quiet
        )
    if state.away:
        return Decision(Step.WAIT, state, _clamp(rules.recheck_s, rules))
    watch_idle = rules.break_s - idle_s + 1  # look again before an idle spell becomes a break
    if state.showing:
        return Decision(Step.WAIT, state, _clamp(min(watch_idle, rules.recheck_s), rules))
    if _due(state, rules, now):
        if deferrals:
            new = set(deferrals) != set(state.deferred_for)
            held = replace(state, deferred_for=tuple(sorted(set(deferrals))))
            step = Step.DEFER if new else Step.WAIT
            return Decision(step, held, _clamp(rules.recheck_s, rules), deferrals=held.deferred_for)
        stays = state.snoozes_in_row >= rules.max_snoozes
        offer = (Answer.START, Answer.SKIP) if stays else (Answer.START, Answer.SNOOZE, Answer.SKIP)
        shown = replace(state, showing=True, snoozed_until=None, deferred_for=())
        return Decision(
            Step.NOTIFY,
            shown,
            _clamp(min(watch_idle, rules.recheck_s), rules),
            offer=offer,
            stays=stays,
        )
    waits = [rules.every_s - state.active_s, watch_idle]
    if state.snoozed_until is not None:
        waits.append((state.snoozed_until - now).total_seconds())
    return Decision(Step.WAIT, replace(state, deferred_for=()), _clamp(min(waits), rules))


def answer(
    state: ScheduleState, rules: ReminderRules, *, now: datetime, given: Answer
) -> ScheduleState:
    """Apply the person's answer to a reminder on screen."""
    fresh = replace(
        state, showing=False, active_s=0.0, snoozes_in_row=0, snoozed_until=None, deferred_for=()
    )
    if given is Answer.START:
        return replace(fresh, sitting_s=0.0)
    if given is Answer.SKIP:
        return fresh  # the count starts again, but the person is still sitting
    if state.snoozes_in_row < rules.max_snoozes:
        return replace(
            state,
            showing=False,
            snoozes_in_row=state.snoozes_in_row + 1,
            snoozed_until=now + _seconds(rules.snooze_s),
        )
    # no snoozes left: the reminder comes straight back
    return replace(state, showing=False, snoozed_until=now + _seconds(rules.recheck_s))


def counts_as_snooze(state: ScheduleState, rules: ReminderRules) -> bool:
    """Would a snooze or dismissal now be a snooze (and not 'the reminder stays')?"""
    return state.snoozes_in_row < rules.max_snoozes


def next_break_in_s(state: ScheduleState, rules: ReminderRules, now: datetime) -> float:
    """Active seconds (or snooze seconds) until the next reminder, for ``status``."""
    if state.snoozed_until is not None and now < state.snoozed_until:
        return (state.snoozed_until - now).total_seconds()
    return max(0.0, rules.every_s - state.active_s)


def _clamp(seconds: float, rules: ReminderRules) -> float:
    return min(max(seconds, rules.shortest_sleep_s), rules.longest_sleep_s)


def _seconds(value: float) -> timedelta:
    return timedelta(seconds=value)
