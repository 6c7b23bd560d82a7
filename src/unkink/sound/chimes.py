"""Chimes synthesised from sine waves: 16-bit mono WAV bytes, standard library only. Pure.

Each chime is a few soft bell-like notes: a sine with a quieter octave partial, a 6 ms
fade-in (no click) and an exponential fade-out. Peaks stay near a quarter of full scale,
so a chime is noticeable beside music without startling anyone on the mat. The sounds are
original and generated here; like the figures they are dedicated to the public domain
under CC0 1.0.

``chime_wav(Chime.STEP)`` returns the bytes of a complete WAV file, the same every call,
for a player to play; ``wav_named("step")`` does the same from a name, for a web route such
as ``/static/sounds/{name}.wav`` to serve as ``audio/wav``.
"""

from __future__ import annotations

import io
import math
import struct
import wave
from enum import StrEnum
from functools import cache

from unkink.domain.errors import NotFound

RATE = 16000
PEAK = 0.25
"""Loudest sample as a share of full scale (about -12 dBFS)."""
ATTACK_S = 0.006


class UnknownChime(NotFound):
    """No chime has that name."""


class Chime(StrEnum):
    STEP = "step"
    SWITCH = "switch"
    DONE = "done"


Note = tuple[float, float, float]  # start s, frequency Hz, decay time constant s

NOTES: dict[Chime, tuple[Note, ...]] = {
    Chime.STEP: ((0.0, 880.0, 0.12),),
    Chime.SWITCH: ((0.0, 659.25, 0.14), (0.16, 987.77, 0.18)),
    Chime.DONE: ((0.0, 523.25, 0.25), (0.14, 659.25, 0.25), (0.28, 783.99, 0.36)),
}
"""One soft ping for a new step; two rising notes to switch sides; a rising chord when done."""
TAIL_TIME_CONSTANTS = 4.0
"""A note rings for this many of its decay time constants (down to under 2 %)."""


def samples(chime: Chime) -> list[float]:
    """The chime as floats in -1..1, at ``RATE`` samples a second."""
    notes = NOTES[chime]
    length = max(start + decay * TAIL_TIME_CONSTANTS for start, _, decay in notes)
    out = [0.0] * int(length * RATE)
    for start, freq, decay in notes:
        first = int(start * RATE)
        for i in range(int(decay * TAIL_TIME_CONSTANTS * RATE)):
            t = i / RATE
            envelope = min(1.0, t / ATTACK_S) * math.exp(-t / decay)
            phase = 2 * math.pi * freq * t
            wave_ = math.sin(phase) + 0.3 * math.sin(2 * phase) * math.exp(-t / (decay / 2))
            if first + i < len(out):
                out[first + i] += envelope * wave_
    loudest = max(abs(v) for v in out) or 1.0
    fade = int(0.01 * RATE)  # the very end goes to silence, whatever rings on
    for i in range(fade):
        out[-1 - i] *= i / fade
    return [v * PEAK / loudest for v in out]


@cache
def chime_wav(chime: Chime) -> bytes:
    """The complete WAV file (16-bit mono PCM) of ``chime``."""
    values = samples(Chime(chime))
    pcm = struct.pack(f"<{len(values)}h", *(round(v * 32767) for v in values))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm)
    return buffer.getvalue()


def wav_named(name: str) -> bytes:
    """The WAV of the chime called ``name`` (``step``, ``switch``, ``done``), for a web route.

    Raises UnknownChime (a NotFound) for any other name.
    """
    try:
        chime = Chime(name)
    except ValueError:
        known = ", ".join(c.value for c in Chime)
        raise UnknownChime(f"There is no chime called {name!r}; there are: {known}.") from None
    return chime_wav(chime)
