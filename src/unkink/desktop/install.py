"""``unkink remind install``: a systemd user unit, or an XDG autostart entry where systemd user
sessions are missing. Written only when asked; never re-created behind the person's back, so
deleting the file (or ``unkink remind uninstall``) keeps it gone."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

UNIT_NAME = "unkink-remind.service"
DESKTOP_NAME = "unkink-remind.desktop"


def config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def unit_path() -> Path:
    return config_home() / "systemd" / "user" / UNIT_NAME


def autostart_path() -> Path:
    return config_home() / "autostart" / DESKTOP_NAME


def command() -> list[str]:
    return [sys.executable, "-m", "unkink", "remind", "run"]


def unit_text() -> str:
    return (
        "[Unit]\n"
        "Description=unkink desk-break reminders (a 2-minute chair routine)\n"
        "After=graphical-session.target\n"
        "PartOf=graphical-session.target\n\n"
        "[Service]\n"
        f"ExecStart={shlex.join(command())}\n"
        "Restart=on-failure\n"
        "RestartSec=30\n"
        "Nice=10\n\n"
        "[Install]\n"
        "WantedBy=graphical-session.target\n"
    )


def desktop_text() -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=unkink reminders\n"
        "Comment=Desk-break reminders that start a 2-minute chair routine\n"
        f"Exec={shlex.join(command())}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        "NoDisplay=true\n"
    )


def systemd_user_session() -> bool:
    """Is there a systemd user manager for this login?"""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return (
        shutil.which("systemctl") is not None
        and runtime is not None
        and Path(runtime, "systemd").is_dir()
    )


def install(*, use_systemd: bool | None = None, enable: bool = True) -> Path:
    """Write the unit (and enable it) or the autostart entry; return the file written."""
    if use_systemd is None:
        use_systemd = systemd_user_session()
    path = unit_path() if use_systemd else autostart_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(unit_text() if use_systemd else desktop_text(), "utf-8")
    if use_systemd and enable:
        _systemctl("daemon-reload")
        _systemctl("enable", "--now", UNIT_NAME)
    return path


def uninstall(*, enable: bool = True) -> list[Path]:
    removed = []
    if unit_path().exists():
        if enable and systemd_user_session():
            _systemctl("disable", "--now", UNIT_NAME)
        unit_path().unlink()
        removed.append(unit_path())
    if autostart_path().exists():
        autostart_path().unlink()
        removed.append(autostart_path())
    return removed


def installed() -> Path | None:
    for path in (unit_path(), autostart_path()):
        if path.exists():
            return path
    return None


def _systemctl(*args: str) -> None:
    subprocess.run(["systemctl", "--user", *args], check=False, capture_output=True)
