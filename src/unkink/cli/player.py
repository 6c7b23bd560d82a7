"""Playing a timeline in real time: deadline-based cue timing, keys, the rich view, voice.

Every cue is due at ``run.deadline(cue.planned_s)``, measured from the run's anchor (the
session start, moved only by pause and skip), so waiting never adds up to drift. The clock and
the sleep are injected: tests pass a manual clock whose ``tick`` is the sleep.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TextIO

from unkink.domain.session.run import RunStatus, SessionRun
from unkink.domain.session.timeline import Cue, CueKind

Clock = Callable[[], float]
Sleep = Callable[[float], None]
OnCue = Callable[[Cue, float, float], None]
"""Called as each cue is shown: the cue, its actual timeline offset (planned + lateness), and
the active seconds so far (paused time left out)."""


@dataclass
class Lateness:
    """How late each cue came, in seconds, and the end drift."""

    values: list[float] = field(default_factory=list)
    drift_s: float = 0.0

    def p(self, q: float) -> float:
        if not self.values:
            return 0.0
        ordered = sorted(self.values)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    def summary(self) -> dict[str, Any]:
        return {
            "done": True,
            "cues": len(self.values),
            "lateness_p50_ms": round(self.p(0.5) * 1000, 3),
            "lateness_p99_ms": round(self.p(0.99) * 1000, 3),
            "lateness_max_ms": round(max(self.values, default=0.0) * 1000, 3),
            "drift_ms": round(self.drift_s * 1000, 3),
        }


def precise_sleep(seconds: float) -> None:
    """Sleep until the deadline with one plain sleep; the loop re-checks the clock after it.

    Measured (docs/performance.md): on a busy machine a plain sleep wakes within a few ms,
    while spinning with ``sleep(0)`` gives the processor away and can wake 40+ ms late.
    """
    import time

    if seconds > 0:
        time.sleep(seconds)


def _show_cue(
    run: SessionRun, cue: Cue, *, now: float, late_s: float, lateness: Lateness, on_cue: OnCue
) -> SessionRun:
    """Show a cue that came ``late_s`` after its deadline; the end cue's lateness is the drift."""
    run = run.advance(now)
    lateness.values.append(late_s)
    on_cue(cue, cue.planned_s + late_s, run.elapsed(now))
    if cue.kind is CueKind.DONE:
        lateness.drift_s = late_s
    return run


def play_unattended(
    run: SessionRun, *, start_cue: int, clock: Clock, sleep: Sleep, on_cue: OnCue
) -> tuple[SessionRun, Lateness]:
    """Show every cue from ``start_cue`` at its deadline; no keys. Returns the ended run."""
    cues = run.timeline.cues
    lateness = Lateness()
    i = start_cue
    while i < len(cues):
        deadline = run.deadline(cues[i].planned_s)
        assert deadline is not None, "the run must be running"
        now = clock()
        if now < deadline:
            sleep(deadline - now)
            continue
        late_s = now - deadline
        run = _show_cue(run, cues[i], now=now, late_s=late_s, lateness=lateness, on_cue=on_cue)
        i += 1
    return run, lateness


def json_event(cue: Cue, actual_s: float) -> str:
    return json.dumps(
        {
            "cue": str(cue.kind),
            "exercise": cue.exercise_id,
            "step": cue.step,
            "planned_s": cue.planned_s,
            "actual_s": round(actual_s, 4),
            "text": cue.text,
            "hold_s": cue.hold_s,
            "side": cue.side,
        }
    )


# --- voice ------------------------------------------------------------------------------------


class Voice:
    """Speaks cue texts with espeak-ng in the background, one at a time."""

    def __init__(self, program: str) -> None:
        self.program = program
        self._speaking: subprocess.Popen[bytes] | None = None

    @classmethod
    def find(cls) -> tuple[Voice | None, str]:
        program = shutil.which("espeak-ng")
        if program is None:
            return None, "Voice is off: espeak-ng is not installed (apt-get install espeak-ng)."
        return cls(program), ""

    def say(self, text: str) -> None:
        if self._speaking is not None and self._speaking.poll() is None:
            self._speaking.terminate()
        self._speaking = subprocess.Popen(
            [self.program, "-s", "150", text],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def close(self) -> None:
        if self._speaking is not None and self._speaking.poll() is None:
            self._speaking.terminate()


# --- keys -------------------------------------------------------------------------------------


@contextmanager
def raw_keys(stream: TextIO) -> Iterator[Callable[[float], str | None]]:
    """Single key presses without Enter; yields ``read(timeout_s) -> key or None``."""
    import os
    import select
    import termios
    import tty

    fd = stream.fileno()
    saved = termios.tcgetattr(fd)
    tty.setcbreak(fd)

    def read(timeout_s: float) -> str | None:
        ready, _, _ = select.select([fd], [], [], max(timeout_s, 0.0))
        if not ready:
            return None
        data = os.read(fd, 1)
        return data.decode("utf-8", "replace") if data else None

    try:
        yield read
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


# --- the interactive loop ---------------------------------------------------------------------

Key = str
OnKey = Callable[[Key, SessionRun, float], "SessionRun | None"]
"""Handles a key; returns the new run, or None to leave the loop (quit or pain stop)."""


def play_interactive(
    run: SessionRun,
    *,
    start_cue: int,
    clock: Clock,
    read_key: Callable[[float], Key | None],
    on_cue: OnCue,
    on_key: OnKey,
    redraw: Callable[[SessionRun, float, int], None],
    frame_s: float = 0.1,
) -> tuple[SessionRun, Lateness, int]:
    """Like ``play_unattended``, but waits on the keyboard (select) until each deadline.

    Returns the run, the lateness figures and the index of the next cue not yet shown.
    """
    cues = run.timeline.cues
    lateness = Lateness()
    i = start_cue
    while i < len(cues) and not run.finished:
        now = clock()
        deadline = run.deadline(cues[i].planned_s)
        if deadline is not None and now >= deadline:
            late_s = now - deadline
            run = _show_cue(run, cues[i], now=now, late_s=late_s, lateness=lateness, on_cue=on_cue)
            i += 1
            continue
        redraw(run, now, i)
        wait = frame_s if deadline is None else min(frame_s, deadline - now)
        key = read_key(wait)
        if key is None:
            continue
        now = clock()
        handled = on_key(key, run, now)
        if handled is None:
            return run, lateness, i
        if handled is not run:
            run = handled
            if run.status is RunStatus.RUNNING or run.status is RunStatus.PAUSED:
                i = max(i, run.timeline.first_cue_from(run.position(now)))
    if run.status is RunStatus.DONE and i < len(cues) and cues[-1].kind is CueKind.DONE:
        # a skip past the last stretch ends the routine: its end cue is shown (as in the web)
        run = _show_cue(run, cues[-1], now=clock(), late_s=0.0, lateness=lateness, on_cue=on_cue)
        i = len(cues)
    return run, lateness, i
