"""Chimes in the full-screen player: a soft one at each new step, others for "switch sides"
and "done", played by ``unkink.sound.playback`` (``pw-play``, ``paplay`` or ``aplay`` in the
background, else the terminal bell).

On by default; the ``m`` key turns it off and on, and the choice is stored in
``<data_dir>/terminal.json`` (``{"sound": false}``), so the next session remembers it.
"""

from __future__ import annotations

import contextlib
import json
from typing import TYPE_CHECKING

from unkink.domain.session.timeline import CueKind
from unkink.sound import Chime

if TYPE_CHECKING:
    from pathlib import Path

    from unkink.sound.playback import Played

PREFS = "terminal.json"
_CHIMES = {CueKind.SIDE_SWITCH: Chime.SWITCH, CueKind.DONE: Chime.DONE}
_SILENT = frozenset({CueKind.COUNTDOWN})
"""The countdown's seconds get no chime: only a change of what to do does."""


def chime_for(kind: CueKind) -> Chime | None:
    """Which chime a cue gets, if any."""
    return None if kind in _SILENT else _CHIMES.get(kind, Chime.STEP)


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

    def toggle(self) -> bool:
        self.on = not self.on
        set_sound(self.data_dir, self.on)
        return self.on

    def cue(self, kind: CueKind) -> Played | None:
        chime = chime_for(kind)
        if chime is None:
            return None
        from unkink.sound.playback import play

        return play(chime, muted=not self.on)

    def close(self) -> None:
        """Let the last chime ("done") ring out before the terminal moves on."""
        from unkink.sound.playback import finish

        finish()
