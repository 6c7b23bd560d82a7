"""``unkink db``: database upkeep."""

from __future__ import annotations

import typer

from unkink.cli.context import get_app

db_app = typer.Typer(help="Look after the local database.", no_args_is_help=True)


@db_app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Bring the database up to the newest layout (also done on first use)."""
    from unkink.storage.engine import make_engine
    from unkink.storage.migrate import HEAD, current_revision
    from unkink.storage.migrate import upgrade as run_upgrade

    settings = get_app(ctx).settings
    engine = make_engine(
        settings.resolved_database_url, create_folder=settings.uses_default_database
    )
    before = current_revision(engine)
    run_upgrade(engine)
    after = current_revision(engine)
    state = "already up to date" if before == after else f"upgraded from {before or 'empty'}"
    typer.echo(f"Database {state}: revision {after} (newest {HEAD}).")


@db_app.command("where")
def where(ctx: typer.Context) -> None:
    """Show where your data is kept."""
    from sqlalchemy.engine import make_url

    from unkink.storage.engine import normalise_url

    url = normalise_url(get_app(ctx).settings.resolved_database_url)
    typer.echo(make_url(url).render_as_string(hide_password=True))


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
