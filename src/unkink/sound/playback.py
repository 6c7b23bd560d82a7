"""Play a chime in the terminal: the first audio player found, else the terminal bell.

The players tried, in order, are ``pw-play`` (PipeWire), ``paplay`` (PulseAudio) and
``aplay`` (ALSA). Playing never blocks and never fails the session: the player runs in the
background with its output discarded, and when none is installed (or it cannot start) the
terminal bell rings instead. The WAV is written once to a per-user temporary folder, since
not every player reads standard input.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from unkink.sound.chimes import Chime, chime_wav

PLAYERS = ("pw-play", "paplay", "aplay")
BELL = "\a"
_running: list[subprocess.Popen[bytes]] = []
"""Players still sounding; reaped on the next call, so none is left a zombie."""


class Played(StrEnum):
    PLAYER = "player"
    BELL = "bell"
    SILENT = "silent"


def find_player(path: str | None = None) -> str | None:
    """The first of ``PLAYERS`` on ``path`` (default: the ``PATH`` environment variable)."""
    for name in PLAYERS:
        found = shutil.which(name, path=path)
        if found:
            return found
    return None


def play(
    chime: Chime,
    *,
    muted: bool = False,
    path: str | None = None,
    folder: Path | None = None,
    bell_to: TextIO | None = None,
) -> Played:
    """Start playing ``chime`` and return at once, saying how it sounded."""
    if muted:
        return Played.SILENT
    player = find_player(path)
    if player is not None:
        try:
            wav = _written(chime, folder or _folder())
            _reap()
            process = subprocess.Popen(  # noqa: S603 - a fixed player name and our own file
                [player, str(wav)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            _running.append(process)
            return Played.PLAYER
        except OSError:
            pass
    out = bell_to or sys.stdout
    try:
        out.write(BELL)
        out.flush()
    except (OSError, ValueError):
        return Played.SILENT
    return Played.BELL


def finish(timeout_s: float = 2.0) -> None:
    """Wait (at most ``timeout_s`` each) for chimes still playing, e.g. before exiting."""
    while _running:
        process = _running.pop()
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _reap() -> None:
    _running[:] = [p for p in _running if p.poll() is None]


def _folder() -> Path:
    return Path(tempfile.gettempdir()) / f"unkink-sounds-{os.getuid()}"


def _written(chime: Chime, folder: Path) -> Path:
    wav = folder / f"{chime.value}.wav"
    data = chime_wav(chime)
    if not wav.exists() or wav.stat().st_size != len(data):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        part = wav.with_suffix(".part")
        part.write_bytes(data)
        part.replace(wav)
    return wav
