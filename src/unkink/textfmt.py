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


def counted(n: int, word: str, words: str | None = None) -> str:
    """A number and its noun: ``"1 time"``, ``"8 times"``, ``"1 desk break"``; ``words`` is
    the plural when it is not ``word`` + s."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


_ENDINGS = {"completed": "Finished", "running": "Not finished", "stopped": "Stopped early"}
_REASONS = {
    "pain": "because of pain",
    "skipped_most": "most of it skipped",
    "skipped_all": "most of it skipped",
    "not_resumed": "a new one began",
}


def session_ending(status: str, stop_reason: str | None) -> str:
    """How a session ended, for every list of sessions: ``"Finished"``, ``"Stopped early"``,
    ``"Stopped early because of pain"``, ``"Stopped early: most of it skipped"``.

    ``status`` and ``stop_reason`` are ``SessionStatus`` and ``StopReason`` values; a quit or
    a plain stop adds nothing to "Stopped early"."""
    ending = _ENDINGS.get(status, status)
    reason = _REASONS.get(stop_reason or "", "") if status == "stopped" else ""
    if not reason:
        return ending
    return f"{ending} {reason}" if reason.startswith("because") else f"{ending}: {reason}"


def rating_change(before: int | None, after: int | None, *, missing: str = "-") -> str:
    """A 0-10 rating before and after a session: ``"4 → 2"``, ``"4 → -"``, or ``missing``
    alone when neither was given (the web writes an en dash, the terminal a hyphen)."""
    if before is None and after is None:
        return missing
    return f"{missing if before is None else before} → {missing if after is None else after}"
