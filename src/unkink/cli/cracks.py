"""``unkink crack`` (log a self-crack, fast) and ``unkink cracks`` (the §6 frequency status)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unkink.cli.context import get_app
from unkink.cli.errors import fail
from unkink.cli.safety import JsonFlag, Where, plain_errors, read_json

if TYPE_CHECKING:
    from datetime import datetime

    from unkink.domain.safety.cracks import CrackReport

cracks_app = typer.Typer(
    help="Your self-crack log: how often, and whether it looks like strain.",
    invoke_without_command=True,
)

NOT_ACKNOWLEDGED_NOTE = (
    "Note: unkink is not a doctor and not for emergencies. "
    "Run 'unkink check' to read more and answer the safety questions."
)


def parse_time(text: str, now: datetime) -> datetime:
    """``HH:MM`` (the latest such time: today, or last night just after midnight) or an ISO
    local time; never in the future."""
    from datetime import datetime, time, timedelta

    try:
        if len(text) <= 5 and ":" in text:
            when = datetime.combine(now.date(), time.fromisoformat(text.zfill(5)))
            if when > now + timedelta(minutes=1):  # 23:50 typed at 00:10 means last night
                when -= timedelta(days=1)
        else:
            when = datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        fail(
            f"--at '{text}' is not a time. Use HH:MM for today (e.g. 14:30) "
            "or a date and time like 2026-03-02T14:30."
        )
    if when > now + timedelta(minutes=1):
        fail(f"--at {when:%Y-%m-%d %H:%M} is in the future. Log cracks that already happened.")
    return when


def crack(
    ctx: typer.Context,
    at: Annotated[
        str | None, typer.Option("--at", metavar="TIME", help="When: HH:MM or 2026-03-02T14:30.")
    ] = None,
    where: Annotated[Where | None, typer.Option("--where", help="Which part of your back.")] = None,
    relief: Annotated[
        int | None, typer.Option("--relief", min=0, max=10, help="How much relief, 0-10.")
    ] = None,
) -> None:
    """Log that you cracked your back (now, or --at an earlier time)."""
    from unkink.domain.safety.cracks import NECK_WARNING, CrackStatus
    from unkink.services import safety

    app = get_app(ctx)
    now = app.now()
    when = parse_time(at, now) if at is not None else now
    with app.uow() as uow:
        logged = safety.log_crack(
            uow=uow, at=when, now=now, where=where.value if where else None, relief=relief
        )
        first_use = safety.needs_intended_use(uow=uow)
        uow.commit()
    typer.echo(
        f"Logged a crack at {when:%Y-%m-%d %H:%M}" + (f" ({where.value})." if where else ".")
    )
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
    from unkink.services import safety

    app = get_app(ctx)
    today = app.today()
    with app.uow() as uow:
        report = safety.crack_report(uow=uow, today=today)
        regions = safety.crack_regions(uow=uow, today=today)
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
