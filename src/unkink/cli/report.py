"""``unkink report --pdf FILE | --json FILE | --csv FILE``: the summary to bring to a clinician.

Written only where you say; an existing file is replaced only with --overwrite. Nothing is sent.
"""

from __future__ import annotations

from pathlib import Path

import click

from unkink.cli.context import get_app
from unkink.cli.errors import fail


@click.command("report")
@click.option(
    "--pdf", type=click.Path(path_type=Path), metavar="FILE", help="Write a 1-2 page PDF."
)
@click.option(
    "--json",
    "as_json",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Write FHIR JSON (pain and PSFS answers).",
)
@click.option(
    "--csv",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Write every session, rating and crack as CSV.",
)
@click.option(
    "--ask",
    metavar="TEXT",
    default="",
    show_default=False,
    help="What you want to ask your clinician.",
)
@click.option("--overwrite", is_flag=True, help="Replace a file that already exists.")
@click.pass_context
def report(
    ctx: click.Context,
    pdf: Path | None,
    as_json: Path | None,
    csv: Path | None,
    ask: str,
    overwrite: bool,
) -> None:
    """Make a summary of your own records to bring to a physiotherapist or GP."""
    from unkink.services.report import write_report

    targets = {k: v for k, v in (("pdf", pdf), ("json", as_json), ("csv", csv)) if v is not None}
    if not targets:
        fail("Say where to write it: --pdf FILE, --json FILE or --csv FILE (or several).")
    app = get_app(ctx)
    written = write_report(
        uow=app.uow,
        catalogue=app.catalogue,
        today=app.today(),
        targets=targets,
        question=ask,
        overwrite=overwrite,
    )
    for fmt, path in written.items():
        click.echo(f"Wrote the {fmt.upper()} summary to {path}. Nothing was sent anywhere.")


def register(group: click.Group) -> None:
    group.add_command(report)
