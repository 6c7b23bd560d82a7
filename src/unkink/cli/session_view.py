"""rich renderables for the guided session: the player screen, the closing panel, history.

rich (about 25 ms to import) is imported inside the functions that draw with it. The plan's
table is in ``cli.session_plan``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unkink.textfmt import duration_words

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rich.align import Align
    from rich.console import RenderableType
    from rich.panel import Panel

    from unkink.domain.exercises import Exercise
    from unkink.domain.session.run import SessionRun
    from unkink.services.closing import Closing

KEYS_HELP = "space pause · n skip step · s skip stretch · p this hurts · m sound · q quit"

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
    from rich.align import Align
    from rich.text import Text

    rows = ["  ".join(_DIGITS[ch][r] for ch in text if ch in _DIGITS) for r in range(5)]
    return Align.center(Text("\n".join(rows), style="bold cyan"))


def clock_text(seconds: float) -> str:
    s = max(int(seconds), 0)
    return f"{s // 60}:{s % 60:02d}"


FIGURE_MIN_WIDTH = 60
"""Below this many columns the panel shows the step in words only, without the figure
(``unkink.figures.terminal.MIN_COLUMNS``)."""
FIGURE_SIZE = (30, 9)  # characters wide, lines high
_drawn: dict[tuple[str, int, str | None], list[str]] = {}
"""Figures already drawn, by exercise, step and side: the panel redraws many times a second."""


def figure_lines(exercise: Exercise, step: int | None, side: str | None) -> list[str]:
    """The pose of step ``step`` (1-based; none: the first, as for "get ready") in braille,
    from the pose model (``unkink.figures.terminal``); [] when it cannot be drawn."""
    from unkink.figures.scene import FigureError
    from unkink.figures.terminal import step_lines

    index = max(0, (step or 1) - 1)
    key = (exercise.id, index, side)
    if key not in _drawn:
        w, h = FIGURE_SIZE
        try:
            _drawn[key] = step_lines(exercise, index, side=side, width=w, height=h)
        except (FigureError, IndexError, KeyError, ValueError):
            _drawn[key] = []  # an exercise without poses: the words in the panel are enough
    return _drawn[key]


def _figure(exercise: Exercise | None, step: int | None, side: str | None) -> RenderableType:
    from rich.text import Text

    lines = figure_lines(exercise, step, side) if exercise is not None else []
    if len(lines) < 2:  # one line is the words-only fallback; the step text already says it
        return Text("")
    return Text("\n".join(lines), style="cyan", no_wrap=True, overflow="crop")


def wrap(text: str, width: int) -> str:
    """``text`` broken at spaces into lines of at most ``width`` characters, never mid-word."""
    from unkink.cli.words import fold

    return fold(text, width)


def player_screen(
    run: SessionRun,
    now: float,
    *,
    message: str = "",
    message_item: int | None = None,
    width: int = 80,
    exercises: Mapping[str, Exercise] | None = None,
) -> RenderableType:
    """The panel: heading, step text, the figure beside the countdown, bars, what's next.

    ``message`` (a pain note, "carrying on from ...") shows only while the stretch it belongs
    to (``message_item``) lasts; ``width`` is the terminal's; ``exercises`` (by id) give the
    figures, drawn from 60 columns up.
    """
    from rich.console import Group
    from rich.panel import Panel
    from rich.progress_bar import ProgressBar
    from rich.table import Table
    from rich.text import Text

    from unkink.domain.session.run import RunStatus
    from unkink.domain.session.timeline import CueKind

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
    number = big_number(str(max(int(left + 0.999), 0)))
    if width >= FIGURE_MIN_WIDTH and exercises:
        side_by_side = Table.grid(padding=(0, 3), expand=True)
        side_by_side.add_column(width=FIGURE_SIZE[0], no_wrap=True)
        side_by_side.add_column(ratio=1, vertical="middle")
        side_by_side.add_row(
            _figure(exercises.get(segment.exercise_id), segment.step, segment.side), number
        )
        parts.append(side_by_side)
    else:
        parts.append(number)
    bar = max(10, min(50, width - 30))
    bars = Table.grid(padding=(0, 2))
    bars.add_column(no_wrap=True, style="dim")
    bars.add_column()
    if segment.hold:
        done = position - segment.start_s
        bars.add_row(
            f"Hold     {clock_text(left + 0.999)} left",
            ProgressBar(total=segment.duration_s, completed=done, width=bar),
        )
    bars.add_row(
        f"Session  {clock_text(position)} of {clock_text(timeline.total_s)}",
        ProgressBar(total=timeline.total_s, completed=position, width=bar),
    )
    parts.append(bars)
    following = timeline.names[segment.item + 1] if segment.item + 1 < count else "the end"
    parts.append(Text(f"Then: {following}", style="dim"))
    if run.status is RunStatus.PAUSED:
        parts.append(Text("PAUSED: press space to go on", style="bold yellow"))
    if message and (message_item is None or message_item == segment.item):
        parts.append(Text(message, style="yellow"))
    parts.append(Text(KEYS_HELP, style="dim"))
    return Panel(Group(*parts), title="unkink", title_align="left")


def closing_panel(facts: Closing) -> Panel:
    """The end of a session in the terminal: the same facts as the web's closing screen."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from unkink.domain.session.status import SessionStatus

    body = Table.grid(padding=(0, 2))
    body.add_column(style="dim", no_wrap=True)
    body.add_column(ratio=1)
    body.add_row("You did", f"{duration_words(facts.done_s)} of stretching")
    if facts.stretches:
        body.add_row("Stretches", ", ".join(s.name for s in facts.stretches))
    if facts.before_after_text:
        body.add_row("Before → after", facts.before_after_text)
    week = "  ".join(f"[{'bold cyan' if d.done else 'dim'}]{d.label}[/]" for d in facts.week)
    body.add_row("This week", Text.from_markup(week + f"   {facts.week_text}"))
    if facts.breaks_text:
        body.add_row("", facts.breaks_text)
    body.add_row("Streak", facts.streak_text)
    body.add_row("Next", facts.next_text)
    style = "green" if facts.entry.status is SessionStatus.COMPLETED else "yellow"
    return Panel(body, title=facts.heading, title_align="left", border_style=style)


def say(text: str) -> None:
    """Print a message wrapped at word boundaries to the terminal's width."""
    from unkink.cli import words

    words.say(text)
