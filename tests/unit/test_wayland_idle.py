"""The ext-idle-notify-v1 state machine: idled/resumed events become an idle time."""

from __future__ import annotations

from tests.fakes import ManualClock
from unkink.desktop.wayland_idle import IdleNotifyState


def test_no_events_means_active() -> None:
    assert IdleNotifyState(clock=ManualClock()).idle_s() == 0


def test_idled_counts_from_when_input_stopped_not_from_the_event() -> None:
    clock = ManualClock()
    state = IdleNotifyState(timeout_s=5, clock=clock)
    state.idled()
    assert state.idle_s() == 5
    clock.tick(115)
    assert state.idle_s() == 120


def test_a_second_idled_does_not_restart_the_count() -> None:
    clock = ManualClock()
    state = IdleNotifyState(timeout_s=5, clock=clock)
    state.idled()
    clock.tick(60)
    state.idled()
    assert state.idle_s() == 65


def test_resumed_means_active_again() -> None:
    clock = ManualClock()
    state = IdleNotifyState(timeout_s=5, clock=clock)
    state.idled()
    clock.tick(30)
    state.resumed()
    assert state.idle_s() == 0
    clock.tick(30)
    assert state.idle_s() == 0
