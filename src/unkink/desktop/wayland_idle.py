"""Wayland's ext-idle-notify-v1: the compositor says "idled" after a timeout and "resumed" on
input. ``IdleNotifyState`` turns those two events into an idle time, as the other backends
give; it is pure and unit-tested. ``WaylandIdle`` binds it to pywayland where that exists
(its own Wayland connection in a thread, as Safe Eyes and swayidle do).

Not tested against a compositor here (Debian 12's sway predates the protocol): only the
state machine is.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

TIMEOUT_S = 5.0
"""Ask to be told after 5 s without input; shorter idle spells do not matter for breaks."""


class IdleNotifyState:
    """Idle seconds from idled/resumed events and a monotonic clock (injected)."""

    def __init__(self, timeout_s: float = TIMEOUT_S, clock: Callable[[], float] = time.monotonic):
        self.timeout_s = timeout_s
        self._clock = clock
        self._idle_since: float | None = None
        self._lock = threading.Lock()

    def idled(self) -> None:
        """The compositor saw no input for ``timeout_s``: idle began that long ago."""
        with self._lock:
            if self._idle_since is None:
                self._idle_since = self._clock() - self.timeout_s

    def resumed(self) -> None:
        with self._lock:
            self._idle_since = None

    def idle_s(self) -> float:
        with self._lock:
            if self._idle_since is None:
                return 0.0
            return max(0.0, self._clock() - self._idle_since)


class WaylandIdle:
    name = "wayland"

    def __init__(self, display: Any, state: IdleNotifyState) -> None:
        self._display = display
        self._state = state
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._dispatch, name="wayland-idle", daemon=True)
        self._thread.start()

    @classmethod
    def open(cls) -> WaylandIdle | None:
        try:
            from pywayland.client import Display
            from pywayland.protocol.ext_idle_notify_v1 import ExtIdleNotifierV1
            from pywayland.protocol.wayland import WlSeat
        except ImportError:
            return None
        try:
            display = Display()
            display.connect()
        except Exception:
            return None
        found: dict[str, Any] = {}

        def on_global(registry: Any, name: int, interface: str, version: int) -> None:
            if interface == "ext_idle_notifier_v1":
                found["notifier"] = registry.bind(name, ExtIdleNotifierV1, 1)
            elif interface == "wl_seat" and "seat" not in found:
                found["seat"] = registry.bind(name, WlSeat, 1)

        registry = display.get_registry()
        registry.dispatcher["global"] = on_global
        display.roundtrip()
        if "notifier" not in found or "seat" not in found:
            display.disconnect()
            return None
        state = IdleNotifyState()
        notification = found["notifier"].get_idle_notification(int(TIMEOUT_S * 1000), found["seat"])
        notification.dispatcher["idled"] = lambda *_: state.idled()
        notification.dispatcher["resumed"] = lambda *_: state.resumed()
        display.roundtrip()
        return cls(display, state)

    def _dispatch(self) -> None:
        while not self._stop.is_set():
            try:
                self._display.dispatch(block=True)
            except Exception:
                return

    async def idle_s(self) -> float:
        return self._state.idle_s()

    def close(self) -> None:
        self._stop.set()
        try:
            self._display.disconnect()
        except Exception:
            pass
