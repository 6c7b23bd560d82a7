"""Showing a reminder: desktop notifications (freedesktop, through jeepney), or, with
no session bus, a line and a bell in the terminal. Never full screen."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from unkink.domain.reminders.schedule import Answer

if TYPE_CHECKING:
    from jeepney import Message

    from unkink.desktop.bus import Bus

APP_NAME = "unkink"
BUTTON_TITLES = {Answer.START: "Start", Answer.SNOOZE: "In 10 minutes", Answer.SKIP: "Skip"}


@dataclass(frozen=True, slots=True)
class Reminder:
    title: str
    body: str
    buttons: tuple[Answer, ...] = ()
    stays: bool = False
    """Stay on screen until answered (no timeout, marked urgent)."""
    snooze_minutes: int = 10


class Notifier(Protocol):
    name: str

    async def show(self, reminder: Reminder, on_answer: Callable[[Answer], None]) -> None: ...

    async def close(self) -> None: ...


class DesktopNotifications:
    """``org.freedesktop.Notifications`` through jeepney.

    Signals (ActionInvoked, NotificationClosed) are matched by name, not through
    introspection: some servers (and python-dbusmock's template) do not list them."""

    name = "desktop notifications"
    _DEST = "org.freedesktop.Notifications"
    _PATH = "/org/freedesktop/Notifications"

    def __init__(self, bus: Bus) -> None:
        self._bus = bus
        self._shown: int | None = None
        self._on_answer: Callable[[Answer], None] | None = None
        self._buttons: tuple[Answer, ...] = ()
        self._matching = False

    @classmethod
    async def available(cls, bus: Bus | None) -> bool:
        from unkink.desktop.bus import has_owner

        return bus is not None and await has_owner(bus, cls._DEST)

    async def _listen(self) -> None:
        if self._matching:
            return
        from jeepney import MatchRule

        rule = MatchRule(type="signal", interface=self._DEST, path=self._PATH)
        await self._bus.listen(rule, self._on_message)
        self._matching = True

    def _on_message(self, message: Message) -> None:
        from unkink.desktop.bus import member

        if self._shown is None or not message.body or message.body[0] != self._shown:
            return
        name = member(message)
        if name == "ActionInvoked":
            key = str(message.body[1])
            given = Answer(key) if key in Answer._value2member_map_ else None
            if given is None or given not in self._buttons:
                return
        elif name == "NotificationClosed":
            if int(message.body[1]) == 3:  # closed by us
                return
            given = Answer.DISMISSED
        else:
            return
        if given is Answer.DISMISSED:
            self._shown = None  # already gone; an answered one is closed by close()
        answered, self._buttons = bool(self._buttons), ()  # one answer per notification
        if self._on_answer is not None and answered:
            self._on_answer(given)

    async def show(self, reminder: Reminder, on_answer: Callable[[Answer], None]) -> None:
        from unkink.desktop.bus import call

        await self._listen()
        await self.close()
        actions: list[str] = []
        for a in reminder.buttons:
            actions += [str(a), BUTTON_TITLES[a].replace("10", str(reminder.snooze_minutes))]
        hints = {
            "urgency": ("y", 2 if reminder.stays else 1),  # a variant is (signature, value)
            "resident": ("b", reminder.stays),
            "desktop-entry": ("s", "unkink"),
        }
        self._on_answer, self._buttons = on_answer, reminder.buttons
        reply = await call(
            self._bus,
            self._DEST,
            self._PATH,
            self._DEST,
            "Notify",
            "susssasa{sv}i",
            [
                APP_NAME,
                0,
                "",
                reminder.title,
                reminder.body,
                actions,
                hints,
                0 if reminder.stays else -1,
            ],
        )
        self._shown = int(reply[0])

    async def close(self) -> None:
        if self._shown is None:
            return
        shown, self._shown = self._shown, None
        from unkink.desktop.bus import call

        try:
            await call(
                self._bus, self._DEST, self._PATH, self._DEST, "CloseNotification", "u", [shown]
            )
        except Exception:
            pass


class TerminalNotifier:
    """No desktop: a line and a bell on stderr (stdout may carry JSON events)."""

    name = "terminal"

    async def show(self, reminder: Reminder, on_answer: Callable[[Answer], None]) -> None:
        print(f"\a{reminder.title} {reminder.body}", file=sys.stderr, flush=True)

    async def close(self) -> None:
        pass
