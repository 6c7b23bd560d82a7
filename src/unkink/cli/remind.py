"""``unkink remind`` (run, install, uninstall, status, pause) and ``unkink today``.

``run`` reads the settings, then replaces itself with the small daemon process
(``unkink.desktop.daemon``). The hidden ``_offer``, ``_record`` and ``_take`` commands are the
daemon's short-lived workers: each calls one function of ``services.reminders``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from unkink.cli.context import AppRef, get_app
from unkink.cli.errors import fail
from unkink.cli.groups import OrderedGroup

if TYPE_CHECKING:
    from unkink.bootstrap import App

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
sitting_option = click.option("--sitting", type=float, hidden=True)


@click.group(
    "remind",
    cls=OrderedGroup,
    help="Desk-break reminders that start a 2-minute chair routine.",
    no_args_is_help=True,
)
def remind_app() -> None:
    pass


def _db_args(ctx: click.Context) -> list[str]:
    root = ctx.find_root().obj
    url = root.db_url if isinstance(root, AppRef) else None
    return ["--db", url] if url else []


@remind_app.command("run")
@click.option(
    "--every",
    type=float,
    metavar="SECONDS",
    help="Remind after this many active seconds (tests and demos; ignores work hours).",
)
@click.option("--once", is_flag=True, help="Exit after the first reminder is answered.")
@click.option("--json-events", is_flag=True, help="Print one JSON line per event.")
@click.option(
    "--start-in",
    help="Where Start opens the routine: browser, terminal or "
    "unattended (default: the remind_start_in setting).",
)
@click.option("--answer-timeout", type=float, default=600, hidden=True)
@click.pass_context
def run(
    ctx: click.Context,
    every: float | None,
    once: bool,
    json_events: bool,
    start_in: str | None,
    answer_timeout: float,
) -> None:
    """Run the reminder in the foreground (install starts it with your desktop)."""
    import os
    import sys

    from unkink.desktop.daemon import DaemonConfig
    from unkink.domain.reminders.rules import ReminderRules, parse_days, parse_hours

    settings = get_app(ctx).settings
    start_in = start_in or settings.remind_start_in
    if start_in not in ("browser", "terminal", "unattended"):
        fail("--start-in must be browser, terminal or unattended.")
    start, end = parse_hours(settings.remind_hours)
    rules = ReminderRules(
        every_s=every if every is not None else settings.remind_every_minutes * 60,
        break_s=settings.remind_break_minutes * 60,
        snooze_s=settings.remind_snooze_minutes * 60,
        max_snoozes=settings.remind_max_snoozes,
        work_days=parse_days(settings.remind_days),
        work_start=start,
        work_end=end,
        any_time=every is not None,
    )
    config = DaemonConfig(
        rules=rules,
        data_dir=settings.data_dir,
        db_args=tuple(_db_args(ctx)),
        start_in=start_in,
        idle=settings.remind_idle,
        once=once,
        json_events=json_events,
        answer_timeout_s=answer_timeout,
    )
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "unkink.desktop.run", config.to_json()])


@remind_app.command("status")
@json_option
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Is the reminder running; the next break, idle backend, what puts it off, breaks today."""
    from unkink.desktop import control, install
    from unkink.services import reminders

    app = get_app(ctx)
    found = control.read_status(app.settings.data_dir)
    running = bool(found) and control.process_alive(int(found.get("pid", 0))) if found else False
    today = reminders.today(uow=app.uow, catalogue=app.catalogue, day=app.today())
    pauses = control.read_pauses(app.settings.data_dir)
    where = install.installed()
    data = {
        "running": running,
        "installed": str(where) if where else None,
        "backend": found.get("backend") if running and found else None,
        "notifications": found.get("notifications") if running and found else None,
        "next_break_in_s": found.get("next_break_in_s") if running and found else None,
        "deferrals": found.get("deferrals", []) if running and found else [],
        "quiet": found.get("quiet") if running and found else None,
        "paused_until": pauses.until.isoformat() if pauses.until else None,
        "not_today": pauses.not_on == app.today(),
        "today": today.as_dict(),
    }
    if as_json:
        click.echo(json.dumps(data, indent=2))
        return
    from unkink.cli.remind_view import status_lines

    for line in status_lines(data):
        click.echo(line)


@remind_app.command("pause")
@click.argument("length", help="How long: 1h, 30m, 'today' (not today), or 'off' to resume.")
@click.pass_context
def pause(ctx: click.Context, length: str) -> None:
    """Pause reminders for a while (1h, 30m), for the rest of today, or resume them (off)."""
    from datetime import timedelta

    from unkink.desktop import control
    from unkink.domain.reminders.rules import Pauses, parse_duration
    from unkink.services import reminders

    app = get_app(ctx)
    now = app.now()
    word = length.strip().lower()
    if word == "off":
        pauses = Pauses()
        said = "Reminders are back on."
    elif word in ("today", "not-today", "day"):
        pauses = Pauses(not_on=now.date())
        said = "No more reminders today. They come back tomorrow."
    else:
        until = now + timedelta(seconds=parse_duration(word))
        pauses = Pauses(until=until)
        said = f"Reminders paused until {until:%H:%M}."
    control.write_pauses(app.settings.data_dir, pauses)
    reminders.record_event(uow=app.uow, at=now, kind="paused", detail={"asked": word})
    click.echo(said)


@remind_app.command("install")
@click.option("--no-enable", is_flag=True, help="Write the file only; don't start it now.")
@click.option(
    "--autostart", is_flag=True, help="Write an XDG autostart entry even if systemd is there."
)
def install_cmd(no_enable: bool, autostart: bool) -> None:
    """Start reminders with your desktop: a systemd user unit, or an XDG autostart entry."""
    from unkink.desktop import install

    path = install.install(use_systemd=False if autostart else None, enable=not no_enable)
    click.echo(f"Wrote {path}. Reminders start with your desktop.")
    click.echo("To stop them: unkink remind uninstall (or delete that file).")


@remind_app.command("uninstall")
@click.option("--no-enable", is_flag=True, help="Remove the file only; don't call systemctl.")
def uninstall_cmd(no_enable: bool) -> None:
    """Stop starting reminders with your desktop (removes what install wrote)."""
    from unkink.desktop import install

    removed = install.uninstall(enable=not no_enable)
    if not removed:
        click.echo("Nothing to remove: reminders were not installed.")
    for path in removed:
        click.echo(f"Removed {path}.")


# --- the daemon's workers (hidden) ---------------------------------------------------------------


@remind_app.command("_offer", hidden=True)
@sitting_option
@click.pass_context
def offer_cmd(ctx: click.Context, sitting: float | None) -> None:
    from unkink.services import reminders

    app = get_app(ctx)
    minutes = app.settings.remind_break_minutes
    found = reminders.offer_break(
        uow=app.uow, catalogue=app.catalogue, now=app.now(), sitting_s=sitting, minutes=minutes
    )
    click.echo(json.dumps(found.as_dict()))


@remind_app.command("_record", hidden=True)
@click.argument("kind")
@click.option("--reason", multiple=True)
@sitting_option
@click.pass_context
def record_cmd(
    ctx: click.Context, kind: str, reason: tuple[str, ...], sitting: float | None
) -> None:
    from unkink.services import reminders

    app = get_app(ctx)
    reminders.record_event(
        uow=app.uow, at=app.now(), kind=kind, reasons=reason or (), sitting_s=sitting
    )


@remind_app.command("_take", hidden=True)
@click.argument("routine_id", type=int)
@sitting_option
@click.option("--start-in", default="browser")
@click.pass_context
def take_cmd(ctx: click.Context, routine_id: int, sitting: float | None, start_in: str) -> None:
    """Start the stored chair routine, say its session id, then open it where asked."""
    from unkink.services import reminders
    from unkink.services.sessions import ResumeState, SessionBlocked

    app = get_app(ctx)
    try:
        started = reminders.take_break(
            uow=app.uow,
            catalogue=app.catalogue,
            routine_id=routine_id,
            now=app.now(),
            sitting_s=sitting,
            minutes=app.settings.remind_break_minutes,
        )
    except SessionBlocked as blocked:  # the gate closed since the offer: say why, start nothing
        gate = blocked.plan.gate
        said = {"session_id": None, "gate_step": str(gate.step), "reason": gate.reason}
        click.echo(json.dumps(said))
        return
    click.echo(json.dumps({"session_id": started.session_id}))
    if start_in == "unattended" or not _open_elsewhere(ctx, app, started.session_id, start_in):
        from unkink.cli.session_run import play

        state = ResumeState(started.session_id, started.routine, started.timeline, 0, 0.0, 0.0)
        play(app, state=state, voice=False, interactive=False, json_events=False)


def _open_elsewhere(ctx: click.Context, app: App, session_id: int, start_in: str) -> bool:
    from unkink.desktop import launch

    if start_in == "terminal" and launch.open_terminal(_db_args(ctx)):
        return True
    port = app.settings.remind_web_port
    if launch.ensure_serve(port, _db_args(ctx)):
        return launch.open_browser(f"http://127.0.0.1:{port}/session/{session_id}")
    return False


@click.command("today")
@json_option
@click.pass_context
def today_cmd(ctx: click.Context, as_json: bool) -> None:
    """Today: breaks taken, the longest sitting stretch, and floor stretches for later."""
    from unkink.services import reminders

    app = get_app(ctx)
    found = reminders.today(uow=app.uow, catalogue=app.catalogue, day=app.today())
    if as_json:
        click.echo(json.dumps(found.as_dict(), indent=2))
        return
    from unkink.cli.remind_view import today_lines

    for line in today_lines(found):
        click.echo(line)


def register(group: click.Group) -> None:
    group.add_command(today_cmd)
    group.add_command(remind_app)
