"""``unkink figures export``, ``sheet`` and ``frames``: the figures as files and review pages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from unkink.cli.context import get_app
from unkink.cli.errors import fail
from unkink.cli.groups import OrderedGroup

if TYPE_CHECKING:
    from unkink.domain.exercises import Exercise


@click.group(
    "figures",
    cls=OrderedGroup,
    help="Draw the figures of every step (original work, CC0).",
    no_args_is_help=True,
)
def figures_app() -> None:
    pass


def register(group: click.Group) -> None:
    group.add_command(figures_app)


@figures_app.command("export")
@click.argument(
    "folder", type=click.Path(path_type=Path), metavar="DIR", help="Folder to write the SVGs into."
)
@click.pass_context
def export(ctx: click.Context, folder: Path) -> None:
    """Write DIR/<exercise_id>/<step>.svg for every step, and DIR/<exercise_id>/animated.svg."""
    from unkink.figures.animate import render_exercise_animated_svg
    from unkink.figures.svg import render_step_svg

    catalogue = get_app(ctx).catalogue
    count = drawn = 0
    for exercise in catalogue:
        if not all(step.keyframes for step in exercise.steps):
            click.echo(f"note: {exercise.id} has steps without keyframes, so no figures.", err=True)
            continue
        drawn += 1
        target = folder / exercise.id
        try:
            target.mkdir(parents=True, exist_ok=True)
            for i in range(len(exercise.steps)):
                (target / f"{i + 1}.svg").write_text(render_step_svg(exercise, i), "utf-8")
                count += 1
            (target / "animated.svg").write_text(render_exercise_animated_svg(exercise), "utf-8")
        except OSError as exc:
            fail(f"cannot write to {target}: {exc.strerror or exc}", code=1)
    click.echo(f"Wrote {count} step figures and {drawn} animated ones to {folder}.")


@figures_app.command("sheet")
@click.argument(
    "path", type=click.Path(path_type=Path), metavar="FILE.png", help="Where to save the sheet."
)
@click.option("--dark", is_flag=True, help="Use the dark theme.")
@click.pass_context
def sheet(ctx: click.Context, path: Path, dark: bool) -> None:
    """Save a contact sheet of every step (needs Playwright and Chromium, dev tools)."""
    from unkink.figures.sheet import SheetError, screenshot, sheet_html

    if path.suffix.lower() != ".png":
        fail(f"{path} should end in .png")
    html = sheet_html(get_app(ctx).catalogue, dark=dark)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        screenshot(html, path, dark=dark)
    except SheetError as exc:
        fail(str(exc), code=1)
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}", code=1)
    click.echo(f"Saved the contact sheet to {path}.")


@figures_app.command("frames")
@click.argument(
    "path", type=click.Path(path_type=Path), metavar="FILE.png", help="Where to save the strips."
)
@click.option("--exercise", help="Only this exercise (its id).")
@click.pass_context
def frames(ctx: click.Context, path: Path, exercise: str | None) -> None:
    """Save strips of the moving figures' in-between frames, every half second (dev tools)."""
    from unkink.figures.sheet import SheetError, screenshot
    from unkink.figures.strip import frames_html

    if path.suffix.lower() != ".png":
        fail(f"{path} should end in .png")
    catalogue = get_app(ctx).catalogue
    chosen = [catalogue.get(exercise)] if exercise else list(catalogue)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        screenshot(frames_html(chosen), path)
    except SheetError as exc:
        fail(str(exc), code=1)
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}", code=1)
    click.echo(f"Saved the frame strips to {path}.")


def write_figure(exercise: Exercise, path: Path) -> None:
    """Save the exercise's animated figure at ``path`` (used by ``unkink show --figure``)."""
    from unkink.figures.animate import render_exercise_animated_svg

    try:
        path.write_text(render_exercise_animated_svg(exercise), "utf-8")
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}", code=1)
    click.echo(f"Saved the figure of {exercise.name} to {path}.", err=True)
