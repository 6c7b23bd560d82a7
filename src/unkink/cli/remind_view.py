"""Plain lines for ``unkink remind status`` and ``unkink today`` (no rich needed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from unkink.domain.reminders.days import minutes_words
from unkink.services.reminders import Today

if TYPE_CHECKING:
    from unkink.bootstrap import App

WHY = {
    "do_not_disturb": "do not disturb is on",
    "full_screen": "a window is full screen",
    "camera": "the camera is in use",
    "microphone": "the microphone is in use",
    "out_of_hours": "outside your work hours",
    "paused": "paused",
    "not_today": "not today",
}


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def status_lines(data: dict[str, Any]) -> list[str]:
    lines = []
    if data["running"]:
        lines.append(f"Reminders are running. Idle detection: {data['backend']}.")
        if data.get("quiet"):
            lines.append(f"No reminders right now: {WHY.get(data['quiet'], data['quiet'])}.")
        elif data.get("next_break_in_s") is not None:
            lines.append(
                f"Next break in about {minutes_words(data['next_break_in_s'])} of sitting."
            )
        if data["deferrals"]:
            lines.append("Put off because " + ", ".join(WHY.get(d, d) for d in data["deferrals"]))
    else:
        lines.append("Reminders are not running. Start them: unkink remind run")
    if data["installed"]:
        lines.append(f"Starts with your desktop ({data['installed']}).")
    if data["paused_until"]:
        lines.append(f"Paused until {data['paused_until'][11:16]}.")
    if data["not_today"]:
        lines.append("Paused for the rest of today.")
    breaks = data["today"]["breaks"]
    lines.append(f"Breaks today: {breaks['breaks'] if breaks else 0}.")
    return lines


def today_lines(today: Today) -> list[str]:
    b = today.breaks
    if b is None:
        lines = ["No breaks recorded today yet."]
    else:
        lines = [
            f"Breaks today: {b.breaks} ({_count(b.routines, 'chair routine')}, "
            f"{b.away} away from the desk).",
            f"Longest time sitting without a break: {minutes_words(b.longest_sitting_s)}.",
        ]
    if today.later:
        lines.append(f"At home tonight: {', '.join(today.later).lower()}.")
        lines.append("Start them with: unkink start --where floor")
    if today.done_later:
        lines.append(f"Done today: {', '.join(today.done_later).lower()}.")
    return lines


def break_day_lines(app: App, days: int = 7) -> list[str]:
    """Desk breaks per day for ``unkink history``: taken, and the longest time sitting."""
    from unkink.services.reminders import breaks_by_day

    found = breaks_by_day(uow=app.uow, today=app.today(), days=days)
    if not found:
        return []
    lines = ["", "Desk breaks (unkink remind):"]
    for d in found:
        lines.append(
            f"  {d.day:%a %d %b}: {_count(d.breaks, 'break')} "
            f"({_count(d.routines, 'chair routine')}), "
            f"longest sitting {minutes_words(d.longest_sitting_s)}"
        )
    return lines
