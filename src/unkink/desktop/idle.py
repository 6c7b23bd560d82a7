"""Idle detection backends: how long since the last key press or mouse move.

Chosen once at start (``choose_idle``) and named in ``unkink remind status``:
GNOME's Mutter IdleMonitor over D-Bus, Wayland ext-idle-notify-v1 (``wayland_idle``),
X11's MIT-SCREEN-SAVER extension (python-xlib), systemd-logind's IdleHint; with none of
them, wall time (every minute at work counts as active), said once.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from unkink.desktop.bus import Bus

ORDER = ("mutter", "wayland", "x11", "logind")


class IdleBackend(Protocol):
    name: str

    async def idle_s(self) -> float: ...

    def close(self) -> None: ...


class WallTime:
    """No idle detection: every minute counts as active."""

    name = "wall time"

    async def idle_s(self) -> float:
        return 0.0

    def close(self) -> None:
        pass


class X11Idle:
    """MIT-SCREEN-SAVER's idle counter, read with python-xlib (no xprintidle subprocess)."""

    name = "x11"

    def __init__(self, display: Any) -> None:
        self._display = display
        self._root = display.screen().root

    @classmethod
    def open(cls, display_name: str | None = None) -> X11Idle | None:
        if not (display_name or os.environ.get("DISPLAY")):
            return None
        try:
            from Xlib import display as xdisplay

            shown = xdisplay.Display(display_name)
        except Exception:
            return None
        if not shown.has_extension("MIT-SCREEN-SAVER"):
            shown.close()
            return None
        return cls(shown)

    async def idle_s(self) -> float:
        return float(self._root.screensaver_query_info().idle) / 1000.0

    def close(self) -> None:
        self._display.close()


class MutterIdle:
    """GNOME Shell: ``org.gnome.Mutter.IdleMonitor.GetIdletime`` on the session bus."""

    name = "mutter"
    _DEST = "org.gnome.Mutter.IdleMonitor"
    _PATH = "/org/gnome/Mutter/IdleMonitor/Core"

    def __init__(self, bus: Bus) -> None:
        self._bus = bus

    async def idle_s(self) -> float:
        from unkink.desktop.bus import call

        reply = await call(self._bus, self._DEST, self._PATH, self._DEST, "GetIdletime")
        return float(reply[0]) / 1000.0

    def close(self) -> None:
        pass


class LogindIdle:
    """systemd-logind's ``IdleHint``/``IdleSinceHint`` for this session (system bus).

    Only as good as the desktop that sets the hint; without one it reads as always active."""

    name = "logind"
    _DEST = "org.freedesktop.login1"

    def __init__(self, bus: Bus, path: str = "/org/freedesktop/login1/session/auto") -> None:
        self._bus = bus
        self._path = path

    async def idle_s(self) -> float:
        from unkink.desktop.bus import get_property

        iface = "org.freedesktop.login1.Session"
        if not await get_property(self._bus, self._DEST, self._path, iface, "IdleHint"):
            return 0.0
        since_us = await get_property(self._bus, self._DEST, self._path, iface, "IdleSinceHint")
        return max(0.0, time.time() - float(since_us) / 1e6)

    def close(self) -> None:
        self._bus.disconnect()


async def choose_idle(preferred: str, session_bus: Bus | None) -> IdleBackend:
    """The first backend that answers, in ``ORDER``, or the one asked for; else wall time."""
    names = ORDER if preferred == "auto" else ((preferred,) if preferred != "wall" else ())
    for name in names:
        backend = await _open(name, session_bus)
        if backend is None:
            continue
        try:
            await backend.idle_s()
        except Exception:
            backend.close()
            continue
        return backend
    return WallTime()


async def _open(name: str, session_bus: Bus | None) -> IdleBackend | None:
    if name == "mutter" and session_bus is not None:
        return MutterIdle(session_bus)
    if name == "wayland" and os.environ.get("WAYLAND_DISPLAY"):
        from unkink.desktop.wayland_idle import WaylandIdle

        return WaylandIdle.open()
    if name == "x11":
        return X11Idle.open()
    if name == "logind":
        from unkink.desktop.bus import connect

        system = await connect(system=True)
        return LogindIdle(system) if system is not None else None
    return None
