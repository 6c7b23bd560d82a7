"""``unkink report --pdf FILE | --json FILE | --csv FILE``: the summary to bring to a clinician.

Written only where you say; an existing file is replaced only with --overwrite. Nothing is sent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from unkink.cli.context import get_app
from unkink.cli.errors import fail


def report(
    ctx: typer.Context,
    pdf: Annotated[
        Path | None, typer.Option("--pdf", metavar="FILE", help="Write a 1-2 page PDF.")
    ] = None,
    as_json: Annotated[
        Path | None,
        typer.Option("--json", metavar="FILE", help="Write FHIR JSON (pain and PSFS answers)."),
    ] = None,
    csv: Annotated[
        Path | None,
        typer.Option("--csv", metavar="FILE", help="Write every session, rating and crack as CSV."),
    ] = None,
    ask: Annotated[
        str, typer.Option("--ask", metavar="TEXT", help="What you want to ask your clinician.")
    ] = "",
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace a file that already exists.")
    ] = False,
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
        typer.echo(f"Wrote the {fmt.upper()} summary to {path}. Nothing was sent anywhere.")


def register(app: typer.Typer) -> None:
    app.command("report")(report)
