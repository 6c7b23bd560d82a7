"""Small files the daemon and ``unkink remind`` share: the pause asked for, and the status.

``pause.json`` is written by ``unkink remind pause`` and read by the daemon at each look (so a
pause works at once, without a restart). ``status.json`` is written by the daemon after each
look and read by ``unkink remind status``. Both live in ``<data_dir>/remind/``.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

from unkink.domain.reminders.rules import Pauses


def folder(data_dir: Path) -> Path:
    return data_dir / "remind"


def read_pauses(data_dir: Path) -> Pauses:
    try:
        data = json.loads((folder(data_dir) / "pause.json").read_text("utf-8"))
        until = datetime.fromisoformat(data["until"]) if data.get("until") else None
        not_on = date.fromisoformat(data["not_on"]) if data.get("not_on") else None
    except (OSError, ValueError, KeyError, TypeError):
        return Pauses()
    return Pauses(until=until, not_on=not_on)


def write_pauses(data_dir: Path, pauses: Pauses) -> None:
    _write(
        folder(data_dir) / "pause.json",
        {
            "until": pauses.until.isoformat() if pauses.until else None,
            "not_on": pauses.not_on.isoformat() if pauses.not_on else None,
        },
    )


def write_status(data_dir: Path, status: dict[str, Any]) -> None:
    _write(folder(data_dir) / "status.json", status)


def read_status(data_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder(data_dir) / "status.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write(path: Path, data: dict[str, Any]) -> None:
    """Write whole or not at all: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data), "utf-8")
    tmp.replace(path)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
