"""How long something took, in words: one formatter for the terminal and every web page.

A session shows the same number everywhere: "25 s" under a minute, whole minutes after that
("1 min", "12 min"); in sentences "25 seconds", "1 minute", "12 minutes".
"""

from __future__ import annotations


def _parts(seconds: float) -> tuple[int, str]:
    s = max(0, round(seconds))
    if s < 60:
        return s, "s"
    return int(s / 60 + 0.5), "min"  # half a minute rounds up, as people do


def duration_short(seconds: float) -> str:
    """``"25 s"``, ``"1 min"``, ``"12 min"``."""
    n, unit = _parts(seconds)
    return f"{n} {unit}"


def duration_words(seconds: float) -> str:
    """``"25 seconds"``, ``"1 minute"``, ``"12 minutes"``."""
    n, unit = _parts(seconds)
    word = "second" if unit == "s" else "minute"
    return f"{n} {word}{'' if n == 1 else 's'}"
