"""Where Start opens the chair routine: the browser (starting ``unkink serve`` when nothing
listens on its port), a terminal emulator (``unkink start --resume``), or unattended here."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import webbrowser

TERMINALS = ("x-terminal-emulator", "gnome-terminal", "konsole", "xfce4-terminal", "xterm")


def listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def ensure_serve(port: int, db_args: list[str], *, wait_s: float = 20) -> bool:
    """Start ``unkink serve`` on 127.0.0.1 in its own session unless it already runs."""
    if listening(port):
        return True
    subprocess.Popen(
        [sys.executable, "-m", "unkink", *db_args, "serve", "--no-open", "--port", str(port)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if listening(port):
            return True
        time.sleep(0.2)
    return False


def open_browser(url: str) -> bool:
    try:
        return webbrowser.open(url, new=2)
    except Exception:
        return False


def open_terminal(db_args: list[str]) -> bool:
    for name in TERMINALS:
        path = shutil.which(name)
        if path is None:
            continue
        argv = [sys.executable, "-m", "unkink", *db_args, "start", "--resume"]
        subprocess.Popen([path, "-e", *argv], stdin=subprocess.DEVNULL, start_new_session=True)
        return True
    return False
