"""Do-not-disturb: is the person in a call, presenting or asking for quiet? Looked at only when
a break is due, so these checks cost nothing the rest of the time.

- the freedesktop/KDE ``Inhibited`` property of ``org.freedesktop.Notifications``;
- GNOME's ``org.gnome.desktop.notifications show-banners`` set to false (via ``gsettings``);
- a full-screen active window on X11 (``_NET_ACTIVE_WINDOW`` with ``_NET_WM_STATE_FULLSCREEN``);
- the camera in use: a ``/dev/video*`` held open by another process (``/proc/*/fd``);
- PipeWire capture streams running (camera or microphone), where ``pw-dump`` exists;
  a missing ``gsettings`` or ``pw-dump`` reads as nothing found.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unkink.domain.reminders.schedule import Deferral

if TYPE_CHECKING:
    from unkink.desktop.bus import Bus


async def notifications_inhibited(bus: Bus | None) -> bool:
    if bus is None:
        return False
    from unkink.desktop.bus import get_property

    try:
        value = await get_property(
            bus,
            "org.freedesktop.Notifications",
            "/org/freedesktop/Notifications",
            "org.freedesktop.Notifications",
            "Inhibited",
        )
    except Exception:
        return False  # most servers have no such property
    return bool(value)


async def gnome_banners_off() -> bool:
    out = await _output("gsettings", "get", "org.gnome.desktop.notifications", "show-banners")
    return out.strip() == "false"


def fullscreen_window(display: Any) -> bool:
    """The active window asks to be full screen (a presentation, a video call)."""
    if display is None:
        return False
    try:
        from Xlib import X

        root = display.screen().root
        active = root.get_full_property(
            display.intern_atom("_NET_ACTIVE_WINDOW"), X.AnyPropertyType
        )
        if active is None or not active.value or not active.value[0]:
            return False
        window = display.create_resource_object("window", int(active.value[0]))
        state = window.get_full_property(display.intern_atom("_NET_WM_STATE"), X.AnyPropertyType)
        full = display.intern_atom("_NET_WM_STATE_FULLSCREEN")
        return state is not None and full in list(state.value)
    except Exception:
        return False


def devices_held_open(prefixes: Iterable[str], *, proc: Path = Path("/proc")) -> bool:
    """Does any other process hold a file open whose path starts with one of ``prefixes``?"""
    prefixes = tuple(prefixes)
    me = str(os.getpid())
    for pid_dir in proc.iterdir():
        if not pid_dir.name.isdigit() or pid_dir.name == me:
            continue
        try:
            fds = list((pid_dir / "fd").iterdir())
        except OSError:
            continue  # gone, or not ours to look at
        for fd in fds:
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith(prefixes):
                return True
    return False


def pipewire_capture(dump: list[dict[str, Any]]) -> set[Deferral]:
    """Running capture streams in ``pw-dump`` output: camera and microphone."""
    found: set[Deferral] = set()
    for obj in dump:
        info = obj.get("info") or {}
        props = info.get("props") or {}
        if info.get("state") != "running":
            continue
        media = str(props.get("media.class", ""))
        if media == "Stream/Input/Audio":
            found.add(Deferral.MICROPHONE)
        elif media == "Stream/Input/Video":
            found.add(Deferral.CAMERA)
    return found


async def pipewire_deferrals() -> set[Deferral]:
    try:
        dump = json.loads(await _output("pw-dump") or "[]")
    except ValueError:
        return set()
    return pipewire_capture(dump if isinstance(dump, list) else [])


class DoNotDisturb:
    """Every check at once; returns the reasons found."""

    def __init__(
        self,
        *,
        bus: Bus | None,
        x_display: Any = None,
        camera_prefixes: tuple[str, ...] = ("/dev/video",),
    ) -> None:
        self._bus = bus
        self._x = x_display
        self._camera = camera_prefixes

    async def deferrals(self) -> tuple[Deferral, ...]:
        found: set[Deferral] = set()
        if await notifications_inhibited(self._bus) or await gnome_banners_off():
            found.add(Deferral.DO_NOT_DISTURB)
        if fullscreen_window(self._x):
            found.add(Deferral.FULL_SCREEN)
        if devices_held_open(self._camera):
            found.add(Deferral.CAMERA)
        found |= await pipewire_deferrals()
        return tuple(sorted(found))


async def _output(*argv: str) -> str:
    """The command's output, or "" when it is missing or fails (no ``shutil.which`` first:
    shutil brings bz2, lzma and zlib, about 0.6 MiB the daemon would keep all day)."""
    try:
        proc = await asyncio.create_subprocess_exec(
            *argv, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL
        )
        out, _ = await asyncio.wait_for(proc.communicate(), timeout=5)
    except (OSError, TimeoutError):
        return ""
    return out.decode("utf-8", "replace")
