"""Chimes in the terminal: a soft one at each new step, others for "switch sides" and "done".

Played through the first audio player found (``pw-play``, ``paplay``, ``aplay``), in the
background so the countdown never waits; without one, the terminal bell. On by default; the
``m`` key in the player turns it off and on, and the choice is stored in
``<data_dir>/terminal.json`` (``{"sound": false}``).
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from unkink.domain.session.timeline import CueKind

PLAYERS = ("pw-play", "paplay", "aplay")
PREFS = "terminal.json"


def chime_bytes(kind: str) -> bytes | None:
    """WAV bytes of a chime ("step", "switch", "done"), or None when there is none yet.

    PLACEHOLDER until the merge: the real chimes come from ``unkink.sound`` (written by the
    figures helper: ``chime(kind) -> bytes``). Without it the terminal bell rings instead.
    """
    try:
        from unkink.sound import chime  # type: ignore[attr-defined,import-not-found,unused-ignore]
    except ImportError:
        return None
    return bytes(chime(kind))


def chime_kind(kind: CueKind) -> str | None:
    """Which chime a cue gets: none for the countdown seconds."""
    if kind is CueKind.COUNTDOWN:
        return None
    if kind is CueKind.SIDE_SWITCH:
        return "switch"
    if kind is CueKind.DONE:
        return "done"
    return "step"


def sound_on(data_dir: Path) -> bool:
    try:
        return bool(json.loads((data_dir / PREFS).read_text("utf-8")).get("sound", True))
    except (OSError, ValueError, AttributeError):
        return True


def set_sound(data_dir: Path, on: bool) -> None:
    path = data_dir / PREFS
    try:
        prefs = json.loads(path.read_text("utf-8"))
        if not isinstance(prefs, dict):
            prefs = {}
    except (OSError, ValueError):
        prefs = {}
    prefs["sound"] = on
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(prefs), "utf-8")


class Chimes:
    """Plays chimes while a session runs; remembers mute in the data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.on = sound_on(data_dir)
        self.player = next((p for p in PLAYERS if shutil.which(p)), None)
        self._files: dict[str, Path | None] = {}
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def toggle(self) -> bool:
        self.on = not self.on
        set_sound(self.data_dir, self.on)
        return self.on

    def _file(self, kind: str) -> Path | None:
        if kind not in self._files:
            data = chime_bytes(kind) if self.player else None
            if data is None:
                self._files[kind] = None
            else:
                if self._tmp is None:
                    self._tmp = tempfile.TemporaryDirectory(prefix="unkink-chime-")
                path = Path(self._tmp.name) / f"{kind}.wav"
                path.write_bytes(data)
                self._files[kind] = path
        return self._files[kind]

    def play(self, kind: str) -> None:
        if not self.on:
            return
        path = self._file(kind)
        if path is None or self.player is None:
            sys.stdout.write("\a")  # the terminal bell
            sys.stdout.flush()
            return
        with contextlib.suppress(OSError):
            subprocess.Popen(  # noqa: S603 - a fixed program name found on PATH
                [self.player, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
