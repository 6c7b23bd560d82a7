"""rich renderables for the catalogue. Only ``cli/`` prints."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from unkink.domain.exercises import Catalogue, Exercise, Phase

REGION_WORDS = {
    "upper_back": "upper back",
    "mid_back": "middle back",
    "lower_back": "lower back",
    "hips": "hips",
}


def console() -> Console:
    return Console(highlight=False)


def exercises_table(catalogue: Catalogue) -> Table:
    table = Table(title="unkink exercises", title_justify="left", expand=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("name")
    table.add_column("where")
    table.add_column("min", justify="right")
    table.add_column("regions")
    for e in catalogue:
        where = "desk or floor" if e.place == "desk" else "floor (mat)"
        regions = ", ".join(REGION_WORDS.get(r, str(r)) for r in e.regions)
        table.add_row(e.id, e.name, where, f"{e.duration_s() / 60:.1f}", regions)
    table.caption = "See one with: unkink show ID"
    return table


def exercise_panel(exercise: Exercise) -> Panel:
    parts: list[object] = [Text(exercise.summary, style="italic")]
    steps = Table.grid(padding=(0, 1))
    steps.add_column(justify="right", style="bold")
    steps.add_column()
    steps.add_column(style="dim", no_wrap=True)
    for i, step in enumerate(exercise.steps, start=1):
        if step.hold:
            timing = f"hold {step.seconds.value} s"
        else:
            timing = f"{step.seconds.value} s"
        if step.phase is Phase.REP:
            timing += "  (repeat)"
        steps.add_row(f"{i}.", step.text, timing)
    parts.append(steps)
    sides = " on each side" if len(exercise.sides) == 2 else ""
    dose = Text(
        f"Repeat {exercise.reps.value} times{sides}, resting {exercise.rest_s.value} s between. "
        f"About {exercise.duration_s() / 60:.1f} minutes.",
        style="bold",
    )
    parts.append(dose)
    if exercise.cautions:
        parts.append(Text("Take care:", style="yellow bold"))
        parts.extend(Text(f"  • {c}") for c in exercise.cautions)
    return Panel(Group(*parts), title=exercise.name, title_align="left", expand=False)  # type: ignore[arg-type]
