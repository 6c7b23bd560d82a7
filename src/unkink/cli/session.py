"""``unkink plan``, ``unkink start`` and ``unkink history``: the guided session.

Heavy modules (SQLAlchemy through the services, rich) are imported inside the commands.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from unkink.cli.context import get_app
from unkink.cli.errors import fail
from unkink.cli.session_plan import note_shortened, options_text, plan_request, print_start_with

if TYPE_CHECKING:
    from unkink.bootstrap import App
    from unkink.domain.session.planner import PlanRequest
    from unkink.services.sessions import SessionPlan

area_option = click.option(
    "--area", help="Which part of your back: upper, lower or whole (default: where it hurts)."
)
where_option = click.option(
    "--where",
    help="desk (standing or sitting only) or floor (a mat; may get down). "
    "Default: the place you chose before, else desk.",
)
minutes_option = click.option(
    "--minutes",
    type=float,
    default=None,
    help=(
        "About how long, from 1 to 60 minutes. Default: as long as your last session (10 the"
        " first time), or the longest routine that fits."
    ),
)
exclude_option = click.option(
    "--exclude", metavar="ID", multiple=True, help="Leave this exercise out (repeatable)."
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


def _plan(
    ctx: click.Context, app: App, request: PlanRequest, *, may_ask: bool, fit: bool
) -> SessionPlan:
    """Plan through the session service (gate, precautions, plan in one call).

    In an interactive start, a missing check is offered right away (``unkink check``).
    ``fit``: no --minutes was given, so the service may plan the longest routine that fits."""
    from unkink.services.sessions import SessionBlocked, plan

    def attempt() -> SessionPlan:
        return plan(uow=app.uow, catalogue=app.catalogue, request=request, now=app.now(), fit=fit)

    try:
        planned = attempt()
    except SessionBlocked as blocked:
        if not (may_ask and blocked.plan.needs_check):
            fail(str(blocked), code=1)
        click.echo(blocked.plan.reason)
        if not click.confirm("Answer the safety questions now?", default=True):
            fail(str(blocked), code=1)
        from unkink.cli.safety import check

        check(ctx)  # the safety engineer's own flow: intended use, questions, saved result
        try:
            planned = attempt()
        except SessionBlocked as again:
            fail(str(again), code=1)
    if planned.gentle_only and planned.reason:
        click.echo(planned.reason, err=True)
    note_shortened(planned, request)
    return planned


def _gate_open(ctx: click.Context, app: App, *, may_ask: bool) -> None:
    """The gate first: carrying on needs it open, and a new session asks the safety questions
    before anything else (the plan's defaults come from the answers)."""
    from unkink.services.sessions import SessionBlocked, session_gate

    decided = session_gate(uow=app.uow, catalogue=app.catalogue, today=app.today())
    if decided.allowed:
        return
    if may_ask and decided.needs_check:
        click.echo(decided.reason)
        if click.confirm("Answer the safety questions now?", default=True):
            from unkink.cli.safety import check

            check(ctx)
            decided = session_gate(uow=app.uow, catalogue=app.catalogue, today=app.today())
    if not decided.allowed:
        fail(str(SessionBlocked(decided)), code=1)


def _before_session(app: App) -> None:
    """Before a new session: how the morning after the last one felt (it can shrink or drop an
    exercise in this plan), and a referral when one is due."""
    from unkink.cli import morning

    morning.ask_about_last_session(app)
    morning.show_referral(app)


@click.command("plan")
@area_option
@where_option
@minutes_option
@exclude_option
@json_option
@click.pass_context
def plan(
    ctx: click.Context,
    area: str | None,
    where: str | None,
    minutes: float | None,
    exclude: tuple[str, ...],
    as_json: bool,
) -> None:
    """Plan a routine for an area and a place that fits the minutes, and say why each stretch."""
    from unkink.cli.plan_defaults import resolve

    app = get_app(ctx)
    area, where, asked = resolve(app, area, where, minutes, may_ask=False)  # issue 11
    request = plan_request(area, where, asked, exclude)
    planned = _plan(ctx, app, request, may_ask=False, fit=minutes is None)
    assert planned.routine is not None
    if as_json:
        click.echo(
            json.dumps({"routine_id": planned.routine_id, **planned.routine.as_dict()}, indent=2)
        )
        return
    from unkink.cli.session_plan import print_plan

    print_plan(planned.routine)  # folded to a terminal's width, whole lines to a pipe or a file
    shown = planned.shortened_to or request.minutes
    print_start_with("unkink start " + options_text(area, where, shown, exclude))


@click.command("start")
@area_option
@where_option
@minutes_option
@exclude_option
@click.option("--resume", is_flag=True, help="Carry on the last unfinished session.")
@click.option("--voice", is_flag=True, help="Speak the cues (espeak-ng).")
@click.option("--no-input", is_flag=True, help="No keys and no questions: just run the cues.")
@click.option("--json-events", is_flag=True, help="Print one JSON object per cue, then a summary.")
@click.pass_context
def start(
    ctx: click.Context,
    area: str | None,
    where: str | None,
    minutes: float | None,
    exclude: tuple[str, ...],
    resume: bool,
    voice: bool,
    no_input: bool,
    json_events: bool,
) -> None:
    """Start a guided session: a calm coach talks you through each stretch, on time."""
    from unkink.cli.player import stdin_is_terminal

    app = get_app(ctx)
    interactive = not no_input and not json_events
    if interactive and not stdin_is_terminal():
        fail("unkink start needs a terminal for its keys. Add --no-input to run without keys.")
    from unkink.services.sessions import resume_state

    state = resume_state(uow=app.uow, catalogue=app.catalogue) if resume or interactive else None
    if resume and state is None:
        fail("There is no unfinished session to carry on. Start a new one with: unkink start")
    if not resume and state is not None:
        done = f"{state.position_s / 60:.1f} of {state.timeline.total_s / 60:.1f} minutes"
        resume = click.confirm(f"Your last session stopped after {done}. Carry on with it?")
    if resume and state is not None:
        _gate_open(ctx, app, may_ask=interactive)
        from unkink.cli.session_run import play

        play(app, state=state, voice=voice, interactive=interactive, json_events=json_events)
        return
    if interactive:
        _gate_open(ctx, app, may_ask=True)  # intended use and questions come first
    from unkink.cli.plan_defaults import resolve

    area, where, asked = resolve(app, area, where, minutes, may_ask=interactive)  # issue 11
    if interactive:
        _before_session(app)
    planned = _plan(
        ctx,
        app,
        plan_request(area, where, asked, exclude),
        may_ask=interactive,
        fit=minutes is None,
    )
    assert planned.routine is not None
    if interactive:
        from unkink.cli.session_plan import print_plan

        print_plan(planned.routine)
    else:  # stdout carries only the cues; what the plan had to change goes to stderr
        for note in planned.routine.notes:
            click.echo(note, err=True)
    from unkink.cli.session_run import play_new

    play_new(app, planned=planned, voice=voice, interactive=interactive, json_events=json_events)


@click.command("history")
@json_option
@click.option("--limit", type=int, default=30, help="How many sessions to show.")
@click.pass_context
def history(ctx: click.Context, as_json: bool, limit: int) -> None:
    """Your past sessions: date, routine, minutes done, how it ended, and your ratings."""
    from unkink.services.session_history import history as load_history  # not the planner

    entries = load_history(uow=get_app(ctx).uow, limit=limit)
    if as_json:
        click.echo(json.dumps([e.as_dict() for e in entries], indent=2))
        return
    from unkink.cli.remind_view import break_day_lines  # desk breaks (unkink remind)

    breaks = break_day_lines(get_app(ctx))
    if not entries:
        from unkink.cli.morning import next_session_hint

        click.echo(next_session_hint(get_app(ctx)))  # safety decides whether to suggest one
        for line in breaks:
            click.echo(line)
        return
    from unkink.cli.history_view import print_history

    print_history(entries)  # folded to a terminal's width, whole lines to a pipe or a file
    for line in breaks:
        click.echo(line)
    from unkink.cli.morning import show_referral

    show_referral(get_app(ctx))


def register(group: click.Group) -> None:
    group.add_command(start)
    group.add_command(plan)
    group.add_command(history)
