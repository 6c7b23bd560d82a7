"""The reminder daemon: a small asyncio loop that looks at the clock and the idle time, asks
the pure schedule what to do, shows reminders and stores what happened.

Started by ``unkink remind run``, which reads the settings and then *replaces itself* with
``python -m unkink.desktop.run CONFIG_JSON`` (``run.py``), so the always-on process holds neither
click, pydantic, SQLAlchemy, FastAPI nor rich. Stored records go through worker processes
(``core.WorkerCore``). It wakes when the schedule says (never more often than every few
seconds), or when the person answers a reminder.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any

from unkink.desktop import control
from unkink.desktop.core import GateClosed
from unkink.desktop.notify import Notifier, Reminder, TerminalNotifier
from unkink.domain.reminders.notice import closed_gate_notice
from unkink.domain.reminders.rules import Pauses, ReminderRules
from unkink.domain.reminders.schedule import (
    Answer,
    Decision,
    ScheduleState,
    Step,
    answer,
    counts_as_snooze,
    decide,
    next_break_in_s,
    observe,
)
from unkink.domain.safety.gate import GateStep

EVENT_FOR = {Answer.START: "started", Answer.SNOOZE: "snoozed", Answer.SKIP: "skipped"}


@dataclass(frozen=True, slots=True)
class DaemonConfig:
    rules: ReminderRules
    data_dir: Path
    db_args: tuple[str, ...] = ()
    start_in: str = "browser"
    idle: str = "auto"
    once: bool = False
    json_events: bool = False
    answer_timeout_s: float = 600
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        r = self.rules
        return json.dumps(
            {
                "every_s": r.every_s,
                "break_s": r.break_s,
                "snooze_s": r.snooze_s,
                "max_snoozes": r.max_snoozes,
                "work_days": sorted(r.work_days),
                "work_start": r.work_start.isoformat(),
                "work_end": r.work_end.isoformat(),
                "any_time": r.any_time,
                "data_dir": str(self.data_dir),
                "db_args": list(self.db_args),
                "start_in": self.start_in,
                "idle": self.idle,
                "once": self.once,
                "json_events": self.json_events,
                "answer_timeout_s": self.answer_timeout_s,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> DaemonConfig:
        d = json.loads(text)
        rules = ReminderRules(
            every_s=d["every_s"],
            break_s=d["break_s"],
            snooze_s=d["snooze_s"],
            max_snoozes=d["max_snoozes"],
            work_days=frozenset(d["work_days"]),
            work_start=time.fromisoformat(d["work_start"]),
            work_end=time.fromisoformat(d["work_end"]),
            any_time=d["any_time"],
            recheck_s=min(60.0, max(5.0, d["every_s"])),
        )
        return cls(
            rules=rules,
            data_dir=Path(d["data_dir"]),
            db_args=tuple(d["db_args"]),
            start_in=d["start_in"],
            idle=d["idle"],
            once=d["once"],
            json_events=d["json_events"],
            answer_timeout_s=d["answer_timeout_s"],
        )


class Events:
    """One JSON line per event on stdout (``--json-events``), else a short line for people."""

    def __init__(self, *, as_json: bool) -> None:
        self.as_json = as_json

    def emit(self, event: str, now: datetime, **fields: Any) -> None:
        if self.as_json:
            print(json.dumps({"event": event, "at": now.isoformat(), **fields}), flush=True)
        else:
            extra = ", ".join(f"{k}: {v}" for k, v in fields.items() if v not in (None, [], ""))
            print(f"{now:%H:%M}  {event}" + (f" ({extra})" if extra else ""), flush=True)


def say(text: str) -> None:
    print(f"unkink remind: {text}", file=sys.stderr, flush=True)


class Daemon:
    def __init__(self, config: DaemonConfig, *, notifier: Notifier, idle: Any, dnd: Any, core: Any):
        self.config = config
        self.rules = config.rules
        self.notifier = notifier
        self.idle = idle
        self.dnd = dnd
        self.core = core
        self.events = Events(as_json=config.json_events)
        self.state = ScheduleState()
        self.answers: asyncio.Queue[Answer] = asyncio.Queue()
        self.offer: dict[str, Any] = {}
        self.shown_at: datetime | None = None
        self.last: Decision | None = None
        self.looks = 0

    async def look(self) -> Decision:
        now = datetime.now()
        idle_s = await self.idle.idle_s()
        pauses = control.read_pauses(self.config.data_dir)
        seen = observe(self.state, self.rules, pauses, now=now, idle_s=idle_s)
        self.looks += 1
        if seen.ended_stretch_s is not None:
            await self.notifier.close()
            await self.core.record("away", sitting_s=seen.ended_stretch_s)
            self.events.emit("away", now, sitting_s=round(seen.ended_stretch_s))
        deferrals = await self.dnd.deferrals() if seen.due else ()
        decision = decide(
            seen.state, self.rules, pauses, now=now, idle_s=idle_s, deferrals=deferrals
        )
        self.state = decision.state
        if decision.step is Step.DEFER:
            reasons = [str(d) for d in decision.deferrals]
            await self.core.record("deferred", reasons=reasons, sitting_s=self.state.sitting_s)
            self.events.emit("deferred", now, reasons=reasons)
        elif decision.step is Step.NOTIFY:
            await self.notify(decision, now, pauses)
        self.last = decision
        self.write_status(now, decision)
        return decision

    async def notify(self, decision: Decision, now: datetime, pauses: Pauses) -> None:
        self.offer = await self.core.offer(sitting_s=self.state.sitting_s)
        self.shown_at = now
        if self.offer.get("routine_id") is None:
            # the gate is closed (or nothing fits): say what to do, offer no routine, once a day;
            # the words are chosen by the gate's typed step
            step = self.offer.get("gate_step")
            notice = closed_gate_notice(
                GateStep(step) if step else None, self.offer.get("reason", "")
            )
            await self.notifier.show(Reminder(notice.title, notice.body), _drop)
            control.write_pauses(self.config.data_dir, Pauses(pauses.until, now.date()))
            self.state = answer(self.state, self.rules, now=now, given=Answer.SKIP)
            self.events.emit("notified", now, routine=False, no_routine=self.offer["no_routine"])
            if self.config.once:
                self.answers.put_nowait(Answer.SKIP)
            return
        minutes = max(1, round(self.offer.get("total_s", 120) / 60))
        gentle = "gentle " if self.offer.get("gentle_only") else ""
        body = f"A {gentle}{minutes}-minute chair routine: {', '.join(self.offer['exercises'])}."
        if self.offer.get("later"):
            body += f" At home tonight: {', '.join(self.offer['later']).lower()}."
        if self.offer.get("gentle_only") and self.offer.get("reason"):
            body += f" {self.offer['reason']}"  # routine review: book a normal visit
        await self.notifier.show(
            Reminder(
                "Time for a short break",
                body,
                buttons=decision.offer,
                stays=decision.stays,
                snooze_minutes=round(self.rules.snooze_s / 60),
            ),
            self.answers.put_nowait,
        )
        self.events.emit(
            "notified",
            now,
            routine=True,
            routine_id=self.offer["routine_id"],
            buttons=[str(b) for b in decision.offer],
            stays=decision.stays,
        )

    async def handle(self, given: Answer) -> None:
        now = datetime.now()
        if not self.state.showing:
            return
        await self.notifier.close()  # some servers keep an answered notification on screen
        sitting = self.state.sitting_s
        snooze = given in (Answer.SNOOZE, Answer.DISMISSED) and counts_as_snooze(
            self.state, self.rules
        )
        self.state = answer(self.state, self.rules, now=now, given=given)
        if given is Answer.START:
            try:
                session_id = await self.core.take(
                    int(self.offer["routine_id"]),
                    sitting_s=sitting,
                    quiet_stdout=self.events.as_json,
                )
            except GateClosed as closed:
                notice = closed_gate_notice(
                    GateStep(closed.step) if closed.step else None, closed.reason
                )
                await self.notifier.show(Reminder(notice.title, notice.body), _drop)
                self.events.emit("blocked", now, gate_step=closed.step)
            else:
                self.events.emit("started", now, session_id=session_id, where="desk")
        elif snooze and self.state.snoozed_until is not None:
            await self.core.record("snoozed", sitting_s=sitting, reasons=[str(given)])
            self.events.emit("snoozed", now, until=self.state.snoozed_until.isoformat())
        elif given is Answer.SKIP:
            await self.core.record("skipped", sitting_s=sitting)
            self.events.emit("skipped", now)
        self.write_status(now, self.last)

    def write_status(self, now: datetime, decision: Decision | None) -> None:
        control.write_status(
            self.config.data_dir,
            {
                "pid": _pid(),
                "updated_at": now.isoformat(),
                "backend": self.idle.name,
                "notifications": self.notifier.name,
                "next_break_in_s": round(next_break_in_s(self.state, self.rules, now)),
                "active_s": round(self.state.active_s),
                "sitting_s": round(self.state.sitting_s),
                "showing": self.state.showing,
                "deferrals": [str(d) for d in self.state.deferred_for],
                "quiet": str(decision.quiet) if decision and decision.quiet else None,
                "every_s": self.rules.every_s,
            },
        )

    async def run(self) -> int:
        while True:
            decision = await self.look()
            try:
                given = await asyncio.wait_for(self.answers.get(), timeout=decision.sleep_s)
            except TimeoutError:
                if self.config.once and self._answer_timed_out():
                    return 0
                continue
            await self.handle(given)
            if self.config.once:
                routine = getattr(self.core, "routine", None)
                if routine is not None:
                    await routine.wait()
                return 0

    def _answer_timed_out(self) -> bool:
        if self.shown_at is None:
            return False
        return (datetime.now() - self.shown_at).total_seconds() >= self.config.answer_timeout_s


def _drop(_: Answer) -> None:
    pass


def _pid() -> int:
    import os

    return os.getpid()


async def main(config: DaemonConfig) -> int:
    from unkink.desktop.bus import connect
    from unkink.desktop.core import WorkerCore
    from unkink.desktop.dnd import DoNotDisturb
    from unkink.desktop.idle import X11Idle, choose_idle

    bus = await connect()
    notifier: Notifier
    from unkink.desktop.notify import DesktopNotifications

    if bus is not None and await DesktopNotifications.available(bus):
        notifier = DesktopNotifications(bus)
    else:
        say("desktop notifications are unavailable here; reminders come as a line and a bell.")
        notifier = TerminalNotifier()
    idle = await choose_idle(config.idle, bus)
    if idle.name == "wall time":
        say("no idle detection here: every minute in work hours counts as sitting.")
    x_display = idle._display if isinstance(idle, X11Idle) else None
    daemon = Daemon(
        config,
        notifier=notifier,
        idle=idle,
        dnd=DoNotDisturb(bus=bus, x_display=x_display),
        core=WorkerCore(db_args=config.db_args, start_in=config.start_in),
    )
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: task.cancel() if task else None)
    try:
        return await daemon.run()
    except asyncio.CancelledError:
        return 0
    finally:
        await notifier.close()
        idle.close()
