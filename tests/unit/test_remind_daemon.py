"""The daemon's loop with fakes at its edges (notification server, idle, do-not-disturb, the
worker processes): what it shows, records and prints for each answer."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.aio import run_async
from unkink.desktop.core import GateClosed
from unkink.desktop.daemon import Daemon, DaemonConfig
from unkink.desktop.notify import Reminder
from unkink.domain.reminders.rules import ReminderRules
from unkink.domain.reminders.schedule import Answer, Deferral


class FakeNotifier:
    name = "fake"

    def __init__(self) -> None:
        self.shown: list[Reminder] = []
        self.on_answer: Callable[[Answer], None] | None = None

    async def show(self, reminder: Reminder, on_answer: Callable[[Answer], None]) -> None:
        self.shown.append(reminder)
        self.on_answer = on_answer

    async def close(self) -> None:
        pass


class FakeIdle:
    name = "fake idle"
    seconds = 0.0

    async def idle_s(self) -> float:
        return self.seconds

    def close(self) -> None:
        pass


class FakeDnd:
    found: tuple[Deferral, ...] = ()

    async def deferrals(self) -> tuple[Deferral, ...]:
        return self.found


class FakeCore:
    def __init__(self, offer: dict[str, Any]) -> None:
        self._offer = offer
        self.records: list[tuple[str, tuple[str, ...]]] = []
        self.taken: list[int] = []
        self.closed: GateClosed | None = None

    async def offer(self, *, sitting_s: float) -> dict[str, Any]:
        self.records.append(("notified", ()))
        return self._offer

    async def record(self, kind: str, *, reasons: Any = (), sitting_s: float | None = None) -> None:
        self.records.append((kind, tuple(reasons)))

    async def take(self, routine_id: int, *, sitting_s: float, quiet_stdout: bool) -> int:
        if self.closed is not None:
            raise self.closed
        self.taken.append(routine_id)
        return 7


OFFER = {"routine_id": 3, "exercises": ["Chair twist"], "total_s": 118, "later": ["Bridge"]}
CLOSED = {
    "routine_id": None,
    "no_routine": "gate_closed",
    "gate_step": "screen",
    "reason": "No check yet.",
    "next_step": "run 'unkink check'",
}


def make(
    tmp_path: Path, offer: dict[str, Any] = OFFER, **rules: Any
) -> tuple[Daemon, FakeNotifier, FakeCore, FakeDnd]:
    config = DaemonConfig(
        rules=ReminderRules(every_s=0.01, any_time=True, shortest_sleep_s=0.01, **rules),
        data_dir=tmp_path,
        json_events=True,
    )
    notifier, core, dnd = FakeNotifier(), FakeCore(offer), FakeDnd()
    return (
        Daemon(config, notifier=notifier, idle=FakeIdle(), dnd=dnd, core=core),
        notifier,
        core,
        dnd,
    )


def events(out: str) -> list[str]:
    return [json.loads(line)["event"] for line in out.splitlines()]


def run_looks(daemon: Daemon, looks: int) -> None:
    async def go() -> None:
        for _ in range(looks):
            await daemon.look()
            await asyncio.sleep(0.02)

    run_async(go())


def test_a_due_reminder_shows_the_chair_routine_with_three_buttons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    daemon, notifier, core, _ = make(tmp_path)
    run_looks(daemon, 3)
    (shown,) = notifier.shown
    assert shown.buttons == (Answer.START, Answer.SNOOZE, Answer.SKIP)
    assert "Chair twist" in shown.body and "At home tonight: bridge" in shown.body
    assert events(capsys.readouterr().out) == ["notified"]
    status = json.loads((tmp_path / "remind" / "status.json").read_text())
    assert status["backend"] == "fake idle" and status["showing"] is True


def test_start_takes_the_break_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    daemon, notifier, core, _ = make(tmp_path)
    run_looks(daemon, 2)
    run_async(daemon.handle(Answer.START))
    assert core.taken == [3]
    assert events(capsys.readouterr().out) == ["notified", "started"]


def test_snoozes_run_out_and_then_the_reminder_stays(tmp_path: Path) -> None:
    daemon, notifier, core, _ = make(tmp_path, snooze_s=0.01, max_snoozes=2)
    for _ in range(3):
        run_looks(daemon, 2)
        run_async(daemon.handle(Answer.SNOOZE))
    assert [r.stays for r in notifier.shown] == [False, False, True]
    assert notifier.shown[-1].buttons == (Answer.START, Answer.SKIP)
    assert [k for k, _ in core.records].count("snoozed") == 2


def test_do_not_disturb_is_recorded_once_with_its_reason(tmp_path: Path) -> None:
    daemon, notifier, core, dnd = make(tmp_path)
    dnd.found = (Deferral.DO_NOT_DISTURB,)
    run_looks(daemon, 4)
    assert core.records == [("deferred", ("do_not_disturb",))]
    assert notifier.shown == []


def test_a_closed_gate_says_what_to_do_with_no_buttons_once_a_day(tmp_path: Path) -> None:
    daemon, notifier, core, _ = make(tmp_path, offer=CLOSED)
    run_looks(daemon, 5)
    (shown,) = notifier.shown
    assert shown.buttons == () and "unkink check" in shown.body
    pause = json.loads((tmp_path / "remind" / "pause.json").read_text())
    assert pause["not_on"] is not None


def test_a_gentle_only_gate_says_gentle_and_keeps_the_referral_line(tmp_path: Path) -> None:
    gentle = {
        **OFFER,
        "gentle_only": True,
        "gate_step": "gentle_session",
        "reason": "Book a visit.",
    }
    daemon, notifier, core, _ = make(tmp_path, offer=gentle)
    run_looks(daemon, 2)
    (shown,) = notifier.shown
    assert (
        shown.body.startswith("A gentle 2-minute chair routine") and "Book a visit." in shown.body
    )
    assert shown.buttons == (Answer.START, Answer.SNOOZE, Answer.SKIP)


def test_after_an_emergency_answer_the_reminder_offers_no_stretches(tmp_path: Path) -> None:
    emergency = {**CLOSED, "gate_step": "get_help", "reason": "Signs that need help now."}
    daemon, notifier, core, _ = make(tmp_path, offer=emergency)
    run_looks(daemon, 5)
    (shown,) = notifier.shown
    assert shown.title == "No stretches for now" and "stand up" not in shown.title
    assert shown.buttons == () and shown.body.startswith("Signs that need help now.")


def test_start_with_the_gate_closed_since_the_offer_starts_nothing_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    daemon, notifier, core, _ = make(tmp_path)
    run_looks(daemon, 2)
    core.closed = GateClosed("recheck", "You stopped a session because of pain.")
    run_async(daemon.handle(Answer.START))
    assert core.taken == [] and notifier.shown[-1].buttons == ()
    assert "unkink check" in notifier.shown[-1].body
    assert events(capsys.readouterr().out) == ["notified", "blocked"]


def test_idle_long_enough_closes_the_reminder_and_counts_as_a_break(tmp_path: Path) -> None:
    daemon, notifier, core, _ = make(tmp_path)
    run_looks(daemon, 2)
    daemon.idle.seconds = 500  # type: ignore[attr-defined]
    run_looks(daemon, 1)
    assert core.records[-1][0] == "away"
    assert not daemon.state.showing


def test_the_config_goes_through_exec_as_json_unchanged(tmp_path: Path) -> None:
    config = DaemonConfig(rules=ReminderRules(), data_dir=tmp_path, db_args=("--db", "x"))
    again = DaemonConfig.from_json(config.to_json())
    assert again.rules.every_s == config.rules.every_s and again.db_args == config.db_args
    assert again.rules.work_days == config.rules.work_days
