"""rich renderables for the guided session: the plan, the player screen, the history table."""

from __future__ import annotations

from rich.align import Align
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from unkink.domain.session.routines import Routine
from unkink.domain.session.run import RunStatus, SessionRun
from unkink.domain.session.timeline import CueKind
from unkink.services.sessions import HistoryEntry

STOP_WORDS = {
    "pain": "pain",
    "not_resumed": "a new one began",
    "quit": "quit",
    "skipped_most": "most of it skipped",
    "skipped_all": "most of it skipped",
}
KEYS_HELP = "space pause/resume · n skip step · s skip exercise · p this hurts · q quit"

_DIGITS = {
    "0": ("███", "█ █", "█ █", "█ █", "███"),
    "1": (" █ ", "██ ", " █ ", " █ ", "███"),
    "2": ("███", "  █", "███", "█  ", "███"),
    "3": ("███", "  █", "███", "  █", "███"),
    "4": ("█ █", "█ █", "███", "  █", "  █"),
    "5": ("███", "█  ", "███", "  █", "███"),
    "6": ("███", "█  ", "███", "█ █", "███"),
    "7": ("███", "  █", "  █", "  █", "  █"),
    "8": ("███", "█ █", "███", "█ █", "███"),
    "9": ("███", "█ █", "███", "  █", "███"),
    ":": ("   ", " █ ", "   ", " █ ", "   "),
}


def big_number(text: str) -> Align:
    """Digits five lines tall, for the countdown, centred as one block."""
    rows = ["  ".join(_DIGITS[ch][r] for ch in text if ch in _DIGITS) for r in range(5)]
    return Align.center(Text("\n".join(rows), style="bold cyan"))


def clock_text(seconds: float) -> str:
    s = max(int(seconds), 0)
    return f"{s // 60}:{s % 60:02d}"


def plan_table(routine: Routine) -> Table:
    table = Table(
        title=f"Your routine: about {routine.total_s / 60:.1f} minutes",
        title_justify="left",
        show_lines=False,
    )
    table.add_column("#", justify="right")
    table.add_column("exercise", style="cyan")
    table.add_column("dose")
    table.add_column("min", justify="right")
    table.add_column("why")
    for n, item in enumerate(routine.items, start=1):
        sides = " each side" if len(item.sides) == 2 else ""
        holds = f", hold {item.holds[0]} s" if item.holds else ""
        why = item.reason + (f"\nChanged for you: {item.modification}" if item.modification else "")
        table.add_row(
            str(n),
            item.exercise.name,
            f"{item.reps} times{sides}{holds}",
            f"{item.duration_s / 60:.1f}",
            why,
        )
    trips = "once" if routine.floor_trips == 1 else f"{routine.floor_trips} times"
    caption = [f"You get down to the floor {trips}."] if routine.floor_trips else []
    table.caption = " ".join([*caption, *routine.notes])
    return table


def player_screen(run: SessionRun, now: float, *, message: str = "") -> RenderableType:
    timeline = run.timeline
    position = run.position(now)
    segment = timeline.segment_at(position)
    count = len(timeline.names)
    name = timeline.names[segment.item]
    left = segment.end_s - position
    heading = f"Exercise {segment.item + 1} of {count}: {name}"
    if segment.side:
        heading += f" ({segment.side} side)"
    if segment.kind is CueKind.NEXT_UP:
        heading = f"Exercise {segment.item + 1} of {count} is next"
    parts: list[RenderableType] = [Text(heading, style="bold")]
    parts.append(Text(segment.text, style="white"))
    parts.append(Text(""))
    parts.append(big_number(str(max(int(left + 0.999), 0))))
    bars = Table.grid(padding=(0, 2))
    bars.add_column(no_wrap=True, style="dim")
    bars.add_column()
    if segment.hold:
        done = position - segment.start_s
        bars.add_row(
            f"Hold     {clock_text(left + 0.999)} left",
            ProgressBar(total=segment.duration_s, completed=done, width=50),
        )
    bars.add_row(
        f"Session  {clock_text(position)} of {clock_text(timeline.total_s)}",
        ProgressBar(total=timeline.total_s, completed=position, width=50),
    )
    parts.append(bars)
    following = timeline.names[segment.item + 1] if segment.item + 1 < count else "the end"
    parts.append(Text(f"Then: {following}", style="dim"))
    if run.status is RunStatus.PAUSED:
        parts.append(Text("PAUSED: press space to go on", style="bold yellow"))
    if message:
        parts.append(Text(message, style="yellow"))
    parts.append(Text(KEYS_HELP, style="dim"))
    return Panel(Group(*parts), title="unkink", title_align="left")


def history_table(entries: list[HistoryEntry]) -> Table:
    table = Table(title="Your sessions", title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("routine")
    table.add_column("minutes", justify="right", no_wrap=True)
    table.add_column("result")
    table.add_column("stiffness", no_wrap=True)
    table.add_column("pain", no_wrap=True)
    table.caption = "minutes: done of planned. stiffness and pain (0-10): before → after."
    for e in entries:
        result = {"completed": "completed", "running": "unfinished"}.get(e.status, "stopped")
        if e.stop_reason and e.status == "stopped":
            result += f" ({STOP_WORDS.get(e.stop_reason, e.stop_reason)})"
        count = len(e.exercises)
        table.add_row(
            e.started_at.strftime("%Y-%m-%d %H:%M"),
            f"{e.area}, {e.where}, {count} stretch{'' if count == 1 else 'es'}",
            f"{e.done_s / 60:.1f} of {e.planned_s / 60:.1f}",
            result,
            _arrow(e.before[0], e.after[0]),
            _arrow(e.before[1], e.after[1]),
        )
    return table


def _arrow(before: int | None, after: int | None) -> str:
    if before is None and after is None:
        return "-"
    return f"{'-' if before is None else before} → {'-' if after is None else after}"
