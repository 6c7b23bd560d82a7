"""``unkink exercises``, ``unkink show`` and ``unkink catalogue check``: reading the catalogue."""

from __future__ import annotations

from pathlib import Path

import click

from unkink.cli.context import get_app
from unkink.cli.groups import OrderedGroup


@click.group("catalogue", cls=OrderedGroup, help="Work with exercise files.", no_args_is_help=True)
def catalogue_app() -> None:
    pass


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


@click.command("exercises")
@json_option
@click.pass_context
def exercises(ctx: click.Context, as_json: bool) -> None:
    """List the exercises: name, where you can do them, minutes, and body regions."""
    catalogue = get_app(ctx).catalogue
    if as_json:
        import json

        from unkink.catalogue.serialize import exercise_as_dict

        click.echo(json.dumps([exercise_as_dict(e) for e in catalogue], indent=2))
        return
    from unkink.cli.render import print_exercises

    print_exercises(catalogue)


@click.command("show")
@click.argument("exercise_id", metavar="ID", help="An exercise id, e.g. cat_camel.")
@json_option
@click.option(
    "--figure",
    type=click.Path(path_type=Path),
    metavar="FILE.svg",
    help="Also save its animated figure (CC0).",
)
@click.pass_context
def show(ctx: click.Context, exercise_id: str, as_json: bool, figure: Path | None) -> None:
    """Show one exercise step by step, with hold times and repeats."""
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
        import json

        from unkink.catalogue.serialize import exercise_as_dict

        click.echo(json.dumps(exercise_as_dict(exercise), indent=2))
        return
    from unkink.cli.render import print_exercise

    print_exercise(exercise)


@catalogue_app.command("check")
@click.argument(
    "path",
    type=click.Path(path_type=Path),
    help="An exercise file (.toml) or a folder of them.",
)
def check(path: Path) -> None:
    """Check exercise files against the format, naming the file, field and line of each problem."""
    from unkink.catalogue.loader import load_folder
    from unkink.domain.exercises import BUILTIN_IDS

    if not path.exists():
        click.echo(f"unkink: {path} does not exist. Give a .toml file or a folder.", err=True)
        raise click.exceptions.Exit(2)
    found, problems = load_folder(path)
    for exercise in found:
        if exercise.id in BUILTIN_IDS and path.resolve().parent.name != "data":
            click.echo(f"note: {exercise.id} has a built-in id; a user file cannot replace it.")
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(
            f"{len(problems)} problem(s). Fix the named fields and run this check again.", err=True
        )
        raise click.exceptions.Exit(1)
    if not found:
        click.echo(f"unkink: no .toml exercise files in {path}.", err=True)
        raise click.exceptions.Exit(1)
    click.echo(f"OK: {len(found)} exercise file(s) are valid ({', '.join(e.id for e in found)}).")


def register(group: click.Group) -> None:
    group.add_command(exercises)
    group.add_command(show)
    group.add_command(catalogue_app)
