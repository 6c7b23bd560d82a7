"""Real desktop parts for the reminder tests: a session bus (dbus-daemon, as dbus-run-session
starts it), python-dbusmock's notification_daemon template as the notification server (an
outside service; Debian's python3-dbusmock runs it in its own process), and Xvfb.

``scripts/install-system`` installs them; in CI a missing part fails, never skips."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import IN_CI

SYSTEM_PYTHON = "/usr/bin/python3"


def need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None and not Path(t).exists()]
    if missing:
        why = f"needs {', '.join(missing)} (scripts/install-system)"
        if IN_CI:
            pytest.fail(why)
        pytest.skip(why)


def _dbusmock_available() -> bool:
    found = subprocess.run([SYSTEM_PYTHON, "-c", "import dbusmock"], capture_output=True)
    return found.returncode == 0


@pytest.fixture
def session_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    need("dbus-daemon")
    proc = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    yield address
    proc.terminate()
    proc.wait(10)
    proc.stdout.close()


def bus_call(member: str, signature: str = "", body: list[Any] | None = None, **kw: str) -> Any:
    """Call a method on the session bus (sync, for tests)."""

    async def go() -> Any:
        from unkink.desktop.bus import call, connect

        bus = await connect()
        assert bus is not None
        try:
            return await call(
                bus,
                kw.get("dest", "org.freedesktop.Notifications"),
                kw.get("path", "/org/freedesktop/Notifications"),
                kw.get("iface", "org.freedesktop.DBus.Mock"),
                member,
                signature,
                body,
            )
        finally:
            bus.disconnect()

    return asyncio.run(go())


class NotificationServer:
    """The dbusmock notification daemon, driven like a person would click it."""

    _inhibited_added = False

    def notifications(self) -> list[list[Any]]:
        calls = bus_call("GetCalls")[0]
        return [[value for _, value in args] for _, method, args in calls if method == "Notify"]

    def wait_for_notifications(self, count: int = 1, timeout_s: float = 60) -> list[list[Any]]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            shown = self.notifications()
            if len(shown) >= count:
                return shown
            time.sleep(0.3)
        raise AssertionError(f"no notification within {timeout_s} s")

    def click(self, notification_id: int, action: str) -> None:
        bus_call(
            "EmitSignal",
            "sssav",
            [
                "org.freedesktop.Notifications",
                "ActionInvoked",
                "us",
                [("u", notification_id), ("s", action)],  # variants: (signature, value)
            ],
        )

    def set_inhibited(self, value: bool) -> None:
        args = ["org.freedesktop.Notifications", "Inhibited", ("b", value)]
        if not self._inhibited_added:
            bus_call("AddProperty", "ssv", args)
            self._inhibited_added = True
        else:
            bus_call("Set", "ssv", args, iface="org.freedesktop.DBus.Properties")


@pytest.fixture
def notification_server(session_bus: str) -> Iterator[NotificationServer]:
    need(SYSTEM_PYTHON)
    if not _dbusmock_available():
        need("python3-dbusmock")
    proc = subprocess.Popen(
        [SYSTEM_PYTHON, "-m", "dbusmock", "--template", "notification_daemon"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = NotificationServer()
    deadline = time.monotonic() + 20
    while True:
        try:
            server.notifications()
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    yield server
    proc.terminate()
    proc.wait(10)


@pytest.fixture
def xvfb(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    need("Xvfb")
    number = 90 + os.getpid() % 400
    display = f":{number}"
    proc = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 20
    while not socket.exists():
        assert time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.1)
    time.sleep(0.3)
    monkeypatch.setenv("DISPLAY", display)
    yield display
    proc.terminate()
    proc.wait(10)


def unkink(*args: str, db: str, env: dict[str, str] | None = None, **kw: Any) -> Any:
    """Run the real ``unkink`` command in a new process."""
    return subprocess.run(
        [sys.executable, "-m", "unkink", "--db", db, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=kw.pop("timeout", 120),
        **kw,
    )
