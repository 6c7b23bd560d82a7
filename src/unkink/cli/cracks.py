"""``unkink crack`` (log a self-crack, fast) and ``unkink cracks`` (the §6 frequency status)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from unkink.cli.context import get_app
from unkink.cli.errors import fail
from unkink.cli.groups import OrderedGroup
from unkink.cli.safety_io import Where, json_flag, plain_errors, read_json
from unkink.domain.safety.crack_time import CLOCK_HELP

if TYPE_CHECKING:
    from unkink.domain.safety.cracks import CrackReport

NOT_ACKNOWLEDGED_NOTE = (
    "Note: unkink is not a doctor and not for emergencies. "
    "Run 'unkink check' to read more and answer the safety questions."
)


@click.command("crack")
@click.option("--at", metavar="TIME", help=CLOCK_HELP)
@click.option("--where", help="Which part of your back: upper, lower or neck.")
@click.option("--relief", metavar="0-10", help="How much relief, 0-10.")
@click.pass_context
def crack(ctx: click.Context, at: str | None, where: str | None, relief: str | None) -> None:
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
    click.echo(f"Logged a crack at {logged.at:%Y-%m-%d %H:%M}" + (f" ({where})." if where else "."))
    if logged.first_neck_crack:
        click.echo(NECK_WARNING)
    if logged.report.status is not CrackStatus.FINE:
        click.echo(logged.report.message)
    if first_use:
        click.echo(NOT_ACKNOWLEDGED_NOTE)


def _print_report(report: CrackReport, period: str) -> None:
    from unkink.domain.safety.cracks import CrackStatus

    click.echo(f"Crack log, {period}: {report.status}")
    click.echo(f"{len(report.sessions)} session(s) on {len(report.days)} day(s).")
    for day in report.days:
        marks = [
            m for m, on in (("several a day", day.multi), ("every few hours", day.repetitive)) if on
        ]
        click.echo(
            f"  {day.day:%a %Y-%m-%d}: {day.sessions} session(s)"
            + (f" ({', '.join(marks)})" if marks else "")
        )
    if report.status is not CrackStatus.FINE:
        click.echo(report.message)


@click.group(
    "cracks",
    cls=OrderedGroup,
    invoke_without_command=True,
    help="Your self-crack log: how often, and whether it looks like strain.",
)
@json_flag
@click.pass_context
def cracks_group(ctx: click.Context, as_json: bool) -> None:
    if ctx.invoked_subcommand is None:
        cracks(ctx, as_json=as_json)


def cracks(ctx: click.Context, *, as_json: bool) -> None:
    """Show your crack log status over the last 30 days, with the days behind it."""
    from unkink.domain.safety.cracks import NECK_REMINDER
    from unkink.services import cracks as safety

    app = get_app(ctx)
    today = app.today()
    report = safety.crack_report(uow=app.uow, today=today)
    regions = safety.crack_regions(uow=app.uow, today=today)
    if as_json:
        out = {**report.to_json(), "message": report.message, "regions": dict(regions)}
        out["period_days"] = safety.CRACK_PERIOD_DAYS
        click.echo(json.dumps(out, indent=2))
        return
    _print_report(report, f"last {safety.CRACK_PERIOD_DAYS} days")
    if regions.get("neck"):
        click.echo(NECK_REMINDER)


@cracks_group.command("status")
@click.option(
    "--events",
    type=click.Path(path_type=Path),
    metavar="FILE.json",
    help='Judge these instead of your log: {"timestamps": [...], "period_start"?, '
    '"period_end"?}. Nothing is stored.',
)
@json_flag
@click.pass_context
def cracks_status(ctx: click.Context, events: Path | None, as_json: bool) -> None:
    """The §6 status (fine, frequent, repetitive_stress) for a list of crack times."""
    from unkink.domain.safety.cracks import crack_status, parse_crack_events

    if events is None:
        cracks(ctx, as_json=as_json)
        return
    with plain_errors(events):
        times = parse_crack_events(read_json(events))
    report = crack_status(times)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
    else:
        _print_report(report, "from the file")


def register(group: click.Group) -> None:
    group.add_command(crack)
    group.add_command(cracks_group)
