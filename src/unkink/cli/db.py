"""``unkink db``: database upkeep."""

from __future__ import annotations

import typer

from unkink.cli.context import get_app

db_app = typer.Typer(help="Look after the local database.", no_args_is_help=True)


@db_app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Bring the database up to the newest layout (also done on first use)."""
    from unkink.services.database import upgrade_database

    done = upgrade_database(get_app(ctx).settings.resolved_database_url)
    state = f"upgraded from {done.before or 'empty'}" if done.changed else "already up to date"
    typer.echo(f"Database {state}: revision {done.after} (newest {done.newest}).")


@db_app.command("where")
def where(ctx: typer.Context) -> None:
    """Show where your data is kept."""
    from unkink.services.database import shown_url

    typer.echo(shown_url(get_app(ctx).settings.resolved_database_url))


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
