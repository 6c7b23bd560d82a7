"""``unkink db``: database upkeep."""

from __future__ import annotations

import click

from unkink.cli.context import get_app
from unkink.cli.groups import OrderedGroup


@click.group("db", cls=OrderedGroup, help="Look after the local database.", no_args_is_help=True)
def db_app() -> None:
    pass


@db_app.command("upgrade")
@click.pass_context
def upgrade(ctx: click.Context) -> None:
    """Bring the database up to the newest layout (also done on first use)."""
    from unkink.services.database import upgrade_database

    settings = get_app(ctx).settings
    done = upgrade_database(
        settings.resolved_database_url, create_folder=settings.uses_default_database
    )
    state = f"upgraded from {done.before or 'empty'}" if done.changed else "already up to date"
    click.echo(f"Database {state}: revision {done.after} (newest {done.newest}).")


@db_app.command("where")
@click.pass_context
def where(ctx: click.Context) -> None:
    """Show where your data is kept."""
    from unkink.services.database import shown_url

    click.echo(shown_url(get_app(ctx).settings.resolved_database_url))


def register(group: click.Group) -> None:
    group.add_command(db_app)
