"""``unkink exercises``, ``unkink show`` and ``unkink catalogue check``: reading the catalogue."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from unkink.cli.context import get_app

catalogue_app = typer.Typer(help="Work with exercise files.", no_args_is_help=True)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def exercises(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List the exercises: name, where you can do them, minutes, and body regions."""
    from unkink.catalogue.serialize import exercise_as_dict

    catalogue = get_app(ctx).catalogue
    if as_json:
        typer.echo(json.dumps([exercise_as_dict(e) for e in catalogue], indent=2))
        return
    from unkink.cli.render import console, exercises_table

    console().print(exercises_table(catalogue))


def show(
    ctx: typer.Context,
    exercise_id: Annotated[
        str, typer.Argument(metavar="ID", help="An exercise id, e.g. cat_camel.")
    ],
    as_json: JsonFlag = False,
    figure: Annotated[
        Path | None,
        typer.Option("--figure", metavar="FILE.svg", help="Also save its animated figure (CC0)."),
    ] = None,
) -> None:
    """Show one exercise step by step, with hold times and repeats."""
    from unkink.catalogue.serialize import exercise_as_dict
    from unkink.domain.errors import UnknownExercise

    try:
        exercise = get_app(ctx).catalogue.get(exercise_id)
    except UnknownExercise as exc:
        from unkink.cli.errors import fail

        fail(f"{exc} Run 'unkink exercises' to see them all.")
    if figure is not None:
        from unkink.cli.figures import write_figure

        write_figure(exercise, figure)
    if as_json:
        typer.echo(json.dumps(exercise_as_dict(exercise), indent=2))
        return
    from unkink.cli.render import console, exercise_panel

    console().print(exercise_panel(exercise))


@catalogue_app.command("check")
def check(
    path: Annotated[Path, typer.Argument(help="An exercise file (.toml) or a folder of them.")],
) -> None:
    """Check exercise files against the format, naming the file, field and line of each problem."""
    from unkink.catalogue.loader import load_folder
    from unkink.domain.exercises import BUILTIN_IDS

    if not path.exists():
        typer.echo(f"unkink: {path} does not exist. Give a .toml file or a folder.", err=True)
        raise typer.Exit(2)
    found, problems = load_folder(path)
    for exercise in found:
        if exercise.id in BUILTIN_IDS and path.resolve().parent.name != "data":
            typer.echo(f"note: {exercise.id} has a built-in id; a user file cannot replace it.")
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        typer.echo(
            f"{len(problems)} problem(s). Fix the named fields and run this check again.", err=True
        )
        raise typer.Exit(1)
    if not found:
        typer.echo(f"unkink: no .toml exercise files in {path}.", err=True)
        raise typer.Exit(1)
    typer.echo(f"OK: {len(found)} exercise file(s) are valid ({', '.join(e.id for e in found)}).")


def register(app: typer.Typer) -> None:
    app.command("exercises")(exercises)
    app.command("show")(show)
    app.add_typer(catalogue_app, name="catalogue")
