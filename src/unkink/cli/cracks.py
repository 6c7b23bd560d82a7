"""``unkink crack`` (log a self-crack, fast) and ``unkink cracks`` (the §6 frequency status)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unkink.cli.context import get_app
from unkink.cli.errors import fail
from unkink.cli.safety_io import JsonFlag, Where, plain_errors, read_json
from unkink.domain.safety.crack_time import CLOCK_HELP

if TYPE_CHECKING:
    from unkink.domain.safety.cracks import CrackReport

cracks_app = typer.Typer(
    help="Your self-crack log: how often, and whether it looks like strain.",
    invoke_without_command=True,
)

NOT_ACKNOWLEDGED_NOTE = (
    "Note: unkink is not a doctor and not for emergencies. "
    "Run 'unkink check' to read more and answer the safety questions."
)


def crack(
    ctx: typer.Context,
    at: Annotated[str | None, typer.Option("--at", metavar="TIME", help=CLOCK_HELP)] = None,
    where: Annotated[
        str | None, typer.Option("--where", help="Which part of your back: upper, lower or neck.")
    ] = None,
    relief: Annotated[
        str | None, typer.Option("--relief", metavar="0-10", help="How much relief, 0-10.")
    ] = None,
) -> None:
    """Log that you cracked your back (now, or --at an earlier time)."""
    from unkink.domain.safety.crack_time import CrackTimeInvalid, parse_crack_time
    from unkink.domain.safety.cracks import NECK_WARNING, CrackStatus
    from unkink.services import cracks as service

    places = [w.value for w in Where]
    if where is not None and where not in places:
        fail(f"--where '{where}' is not a part of the back unkink logs. Use upper, lower or neck.")
    if relief is not None and not (relief.isdigit() and 0 <= int(relief) <= 10):
        fail(f"--relief must be a whole number from 0 (none) to 10 (a lot), not '{relief}'.")
    score = int(relief) if relief is not None else None
    app = get_app(ctx)
    now = app.now()
    try:
        when = parse_crack_time(at, now, app.zone) if at is not None else None
    except CrackTimeInvalid as exc:
        fail(f"--at: {exc}")
    with plain_errors():
        logged = service.log_crack(
            uow=app.uow, at=when, now=now, where=where, relief=score, zone=app.zone
        )
    first_use = logged.needs_intended_use
    typer.echo(f"Logged a crack at {logged.at:%Y-%m-%d %H:%M}" + (f" ({where})." if where else "."))
    if logged.first_neck_crack:
        typer.echo(NECK_WARNING)
    if logged.report.status is not CrackStatus.FINE:
        typer.echo(logged.report.message)
    if first_use:
        typer.echo(NOT_ACKNOWLEDGED_NOTE)


def _print_report(report: CrackReport, period: str) -> None:
    from unkink.domain.safety.cracks import CrackStatus

    typer.echo(f"Crack log, {period}: {report.status}")
    typer.echo(f"{len(report.sessions)} session(s) on {len(report.days)} day(s).")
    for day in report.days:
        marks = [
            m for m, on in (("several a day", day.multi), ("every few hours", day.repetitive)) if on
        ]
        typer.echo(
            f"  {day.day:%a %Y-%m-%d}: {day.sessions} session(s)"
            + (f" ({', '.join(marks)})" if marks else "")
        )
    if report.status is not CrackStatus.FINE:
        typer.echo(report.message)


@cracks_app.callback()
def cracks(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show your crack log status over the last 30 days, with the days behind it."""
    if ctx.invoked_subcommand is not None:
        return
    from unkink.domain.safety.cracks import NECK_REMINDER
    from unkink.services import cracks as safety

    app = get_app(ctx)
    today = app.today()
    report = safety.crack_report(uow=app.uow, today=today)
    regions = safety.crack_regions(uow=app.uow, today=today)
    if as_json:
        out = {**report.to_json(), "message": report.message, "regions": dict(regions)}
        out["period_days"] = safety.CRACK_PERIOD_DAYS
        typer.echo(json.dumps(out, indent=2))
        return
    _print_report(report, f"last {safety.CRACK_PERIOD_DAYS} days")
    if regions.get("neck"):
        typer.echo(NECK_REMINDER)


@cracks_app.command("status")
def cracks_status(
    ctx: typer.Context,
    events: Annotated[
        Path | None,
        typer.Option(
            "--events",
            metavar="FILE.json",
            help='Judge these instead of your log: {"timestamps": [...], "period_start"?, '
            '"period_end"?}. Nothing is stored.',
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """The §6 status (fine, frequent, repetitive_stress) for a list of crack times."""
    from unkink.domain.safety.cracks import crack_status, parse_crack_events

    if events is None:
        cracks(ctx, as_json=as_json)
        return
    with plain_errors(events):
        times = parse_crack_events(read_json(events))
    report = crack_status(times)
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2))
    else:
        _print_report(report, "from the file")


def register(app: typer.Typer) -> None:
    app.command("crack")(crack)
    app.add_typer(cracks_app, name="cracks")
