"""Idle and do-not-disturb on real parts: Xvfb with xdotool for idle and activity, a real
X window asking for full screen, and a real process holding a device file open."""

from __future__ import annotations

import asyncio
import subprocess
import time
from pathlib import Path

import pytest

from tests.desktop.conftest import need
from unkink.desktop.dnd import devices_held_open, fullscreen_window, pipewire_capture
from unkink.desktop.idle import WallTime, X11Idle, choose_idle
from unkink.domain.reminders.schedule import Deferral

pytestmark = pytest.mark.desktop


def test_x11_idle_grows_while_untouched_and_resets_on_activity(xvfb: str) -> None:
    need("xdotool")
    idle = X11Idle.open(xvfb)
    assert idle is not None
    subprocess.run(["xdotool", "mousemove", "10", "10"], check=True)
    time.sleep(1.5)
    assert asyncio.run(idle.idle_s()) >= 1.0
    subprocess.run(["xdotool", "mousemove", "200", "200"], check=True)
    assert asyncio.run(idle.idle_s()) < 0.5
    idle.close()


def test_the_x11_backend_is_chosen_when_there_is_a_display(xvfb: str) -> None:
    backend = asyncio.run(choose_idle("auto", None))
    assert backend.name == "x11"
    backend.close()


def test_with_no_display_and_no_bus_it_counts_wall_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert isinstance(asyncio.run(choose_idle("x11", None)), WallTime)


def test_a_full_screen_active_window_is_seen(xvfb: str) -> None:
    from Xlib import Xatom, display

    shown = display.Display(xvfb)
    root = shown.screen().root
    window = root.create_window(0, 0, 1024, 768, 0, shown.screen().root_depth)
    window.map()
    active = shown.intern_atom("_NET_ACTIVE_WINDOW")
    state = shown.intern_atom("_NET_WM_STATE")
    full = shown.intern_atom("_NET_WM_STATE_FULLSCREEN")
    root.change_property(active, Xatom.WINDOW, 32, [window.id])
    shown.sync()
    assert not fullscreen_window(shown)
    window.change_property(state, Xatom.ATOM, 32, [full])  # what a window manager sets
    shown.sync()
    assert fullscreen_window(shown)
    root.delete_property(active)
    window.destroy()
    shown.sync()
    assert not fullscreen_window(shown)
    shown.close()


def test_a_camera_held_open_by_another_process_is_seen(tmp_path: Path) -> None:
    camera = tmp_path / "video0"
    camera.write_bytes(b"")
    prefix = (str(tmp_path / "video"),)
    assert not devices_held_open(prefix)
    with camera.open("rb") as device:
        holder = subprocess.Popen(["sleep", "30"], stdin=device)
    try:
        assert devices_held_open(prefix)  # the other process holds it; we closed ours
    finally:
        holder.kill()
        holder.wait()
    assert not devices_held_open(prefix)


def test_pipewire_capture_streams_mean_camera_or_microphone() -> None:
    def node(media: str, state: str) -> dict[str, object]:
        return {
            "type": "PipeWire:Interface:Node",
            "info": {"state": state, "props": {"media.class": media}},
        }

    assert pipewire_capture([node("Stream/Input/Audio", "running")]) == {Deferral.MICROPHONE}
    assert pipewire_capture([node("Stream/Input/Video", "running")]) == {Deferral.CAMERA}
    assert pipewire_capture([node("Stream/Input/Audio", "suspended")]) == set()
    assert pipewire_capture([node("Audio/Sink", "running"), {"type": "Link"}]) == set()
