"""End to end: the real daemon on a real session bus with a notification server. A reminder
fires, Start is clicked over D-Bus, and a chair-only routine starts and is recorded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desktop.conftest import NotificationServer, unkink
from unkink.bootstrap import build
from unkink.domain.safety.answers import ScreeningAnswers
from unkink.settings import load_settings

pytestmark = pytest.mark.desktop


def screened(db: str) -> None:
    from unkink.services.safety import acknowledge_intended_use
    from unkink.services.screening import save_screening

    app = build(load_settings(database_url=db))
    acknowledge_intended_use(uow=app.uow, now=app.now())
    save_screening(uow=app.uow, answers=ScreeningAnswers(age=40), now=app.now(), source="file")
    app.engine.dispose()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'remind.db'}"


class Daemon:
    def __init__(self, db: str, *extra: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "unkink", "--db", db, "remind", "run", "--every", "5"]
            + ["--once", "--json-events", "--start-in", "unattended", *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "UNKINK_REMIND_IDLE": "wall"},
            start_new_session=True,
        )

    def next_event(self) -> dict[str, object]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, f"the daemon ended: {self.proc.stderr.read() if self.proc.stderr else ''}"
        return json.loads(line)  # type: ignore[no-any-return]

    def stop(self) -> None:
        import signal

        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(30)
        for pipe in (self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def daemon(db: str) -> Iterator[list[Daemon]]:
    started: list[Daemon] = []
    yield started
    for d in started:
        d.stop()


def test_start_on_the_notification_starts_a_chair_routine_that_history_shows(
    db: str, notification_server: NotificationServer, daemon: list[Daemon]
) -> None:
    screened(db)
    daemon.append(run := Daemon(db))
    notified = run.next_event()
    assert notified["event"] == "notified" and notified["routine"] is True
    (shown,) = notification_server.wait_for_notifications()
    app_name, _, _, title, body, actions, hints, timeout = shown
    assert app_name == "unkink" and "break" in title and "chair routine" in body
    assert actions == ["start", "Start", "snooze", "In 10 minutes", "skip", "Skip"]
    assert hints["urgency"][1] == 1 and timeout == -1  # an ordinary banner, never full screen
    notification_server.click(1, "start")
    started = run.next_event()
    assert started["event"] == "started"
    history = json.loads(unkink("history", "--json", db=db).stdout)
    assert [(h["session"], h["where"]) for h in history] == [(started["session_id"], "desk")]
    assert history[0]["exercises"] == ["chair_twist"]
    today = json.loads(unkink("today", "--json", db=db).stdout)
    assert today["breaks"]["routines"] == 1 and today["breaks"]["offered"] == 1
    assert today["later"]  # floor stretches the chair cannot hold, queued for tonight


def test_snooze_and_skip_are_recorded(
    db: str, notification_server: NotificationServer, daemon: list[Daemon]
) -> None:
    screened(db)
    daemon.append(run := Daemon(db))
    assert run.next_event()["event"] == "notified"
    notification_server.wait_for_notifications()
    notification_server.click(1, "snooze")
    assert run.next_event()["event"] == "snoozed"
    run.stop()
    daemon.append(run := Daemon(db))
    run.next_event()
    notification_server.wait_for_notifications(2)
    notification_server.click(2, "skip")
    assert run.next_event()["event"] == "skipped"
    today = json.loads(unkink("today", "--json", db=db).stdout)
    assert (today["breaks"]["snoozed"], today["breaks"]["skipped"]) == (1, 1)


def test_with_the_gate_closed_the_reminder_says_what_to_do_and_offers_no_routine(
    db: str, notification_server: NotificationServer, daemon: list[Daemon]
) -> None:
    daemon.append(run := Daemon(db))  # no safety check answered yet
    notified = run.next_event()
    assert notified == {**notified, "event": "notified", "routine": False}
    assert notified["no_routine"] == "gate_closed"
    (shown,) = notification_server.wait_for_notifications()
    assert shown[5] == []  # no buttons: no routine offered
    assert "unkink check" in shown[4]
    assert run.proc.wait(60) == 0
    assert json.loads(unkink("history", "--json", db=db).stdout) == []


def test_do_not_disturb_puts_the_reminder_off_with_its_reason(
    db: str, notification_server: NotificationServer, daemon: list[Daemon]
) -> None:
    screened(db)
    notification_server.set_inhibited(True)
    daemon.append(run := Daemon(db))
    deferred = run.next_event()
    assert deferred["event"] == "deferred" and deferred["reasons"] == ["do_not_disturb"]
    assert notification_server.notifications() == []
    notification_server.set_inhibited(False)
    assert run.next_event()["event"] == "notified"


def test_without_a_session_bus_it_keeps_running_with_a_terminal_line_and_a_bell(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screened(db)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    result = unkink(
        "remind",
        "run",
        "--every",
        "5",
        "--once",
        "--json-events",
        "--answer-timeout",
        "3",
        db=db,
        env={"UNKINK_REMIND_IDLE": "wall"},
    )
    assert result.returncode == 0
    assert result.stderr.count("desktop notifications are unavailable") == 1
    assert "\aTime for a short break" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["event"] == "notified"
