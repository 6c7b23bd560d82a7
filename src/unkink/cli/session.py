"""``unkink plan``, ``unkink start`` and ``unkink history``: the guided session.

Heavy modules (SQLAlchemy through the services, rich) are imported inside the commands.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from unkink.cli.context import get_app
from unkink.cli.errors import fail

if TYPE_CHECKING:
    from unkink.bootstrap import App
    from unkink.domain.session.planner import PlanRequest
    from unkink.services.sessions import SessionPlan

Area = Annotated[
    str | None,
    typer.Option(
        "--area", help="Which part of your back: upper, lower or whole (default: where it hurts)."
    ),
]
Where = Annotated[
    str | None,
    typer.Option(
        "--where",
        help="desk (standing or sitting only) or floor (a mat; may get down). "
        "Default: the place you chose before, else desk.",
    ),
]
Minutes = Annotated[float, typer.Option("--minutes", help="About how long, from 1 to 60 minutes.")]
Exclude = Annotated[
    list[str] | None,
    typer.Option("--exclude", metavar="ID", help="Leave this exercise out (repeatable)."),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _request(area: str, where: str, minutes: float, exclude: list[str] | None) -> PlanRequest:
    from unkink.domain.session.planner import parse_request

    return parse_request(area=area, where=where, minutes=minutes, exclude=exclude or ())


def _plan(ctx: typer.Context, app: App, request: PlanRequest, *, may_ask: bool) -> SessionPlan:
    """Plan through the session service (gate, precautions, plan in one call).

    In an interactive start, a missing check is offered right away (``unkink check``)."""
    from unkink.services.sessions import SessionBlocked, plan

    def attempt() -> SessionPlan:
        return plan(uow=app.uow, catalogue=app.catalogue, request=request, now=app.now())

    try:
        planned = attempt()
    except SessionBlocked as blocked:
        if not (may_ask and blocked.plan.needs_check):
            fail(str(blocked), code=1)
        typer.echo(blocked.plan.reason)
        if not typer.confirm("Answer the safety questions now?", default=True):
            fail(str(blocked), code=1)
        from unkink.cli.safety import check

        check(ctx)  # the safety engineer's own flow: intended use, questions, saved result
        try:
            planned = attempt()
        except SessionBlocked as again:
            fail(str(again), code=1)
    if planned.gentle_only and planned.reason:
        typer.echo(planned.reason, err=True)
    return planned


def _gate_open(ctx: typer.Context, app: App, *, may_ask: bool) -> None:
    """The gate first: carrying on needs it open, and a new session asks the safety questions
    before anything else (the plan's defaults come from the answers)."""
    from unkink.services.sessions import SessionBlocked, session_gate

    decided = session_gate(uow=app.uow, catalogue=app.catalogue, today=app.today())
    if decided.allowed:
        return
    if may_ask and decided.needs_check:
        typer.echo(decided.reason)
        if typer.confirm("Answer the safety questions now?", default=True):
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


def plan(
    ctx: typer.Context,
    area: Area = None,
    where: Where = None,
    minutes: Minutes = 10,
    exclude: Exclude = None,
    as_json: AsJson = False,
) -> None:
    """Plan a routine for an area and a place that fits the minutes, and say why each stretch."""
    from unkink.cli.plan_defaults import resolve

    app = get_app(ctx)
    area, where = resolve(app, area, where, may_ask=False)  # safety's defaults (issue 11)
    planned = _plan(ctx, app, _request(area, where, minutes, exclude), may_ask=False)
    assert planned.routine is not None
    if as_json:
        typer.echo(
            json.dumps({"routine_id": planned.routine_id, **planned.routine.as_dict()}, indent=2)
        )
        return
    from unkink.cli.render import console
    from unkink.cli.session_view import plan_table

    console().print(plan_table(planned.routine))
    typer.echo("Start it with: unkink start " + _options_text(area, where, minutes, exclude))


def _options_text(area: str, where: str, minutes: float, exclude: list[str] | None) -> str:
    extra = "".join(f" --exclude {e}" for e in exclude or ())
    return f"--area {area} --where {where} --minutes {minutes:g}{extra}"


def start(
    ctx: typer.Context,
    area: Area = None,
    where: Where = None,
    minutes: Minutes = 10,
    exclude: Exclude = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Carry on the last unfinished session.")
    ] = False,
    voice: Annotated[bool, typer.Option("--voice", help="Speak the cues (espeak-ng).")] = False,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="No keys and no questions: just run the cues.")
    ] = False,
    json_events: Annotated[
        bool, typer.Option("--json-events", help="Print one JSON object per cue, then a summary.")
    ] = False,
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
        resume = typer.confirm(f"Your last session stopped after {done}. Carry on with it?")
    if resume and state is not None:
        _gate_open(ctx, app, may_ask=interactive)
        from unkink.cli.session_run import play

        play(app, state=state, voice=voice, interactive=interactive, json_events=json_events)
        return
    if interactive:
        _gate_open(ctx, app, may_ask=True)  # intended use and questions come first
    from unkink.cli.plan_defaults import resolve

    area, where = resolve(app, area, where, may_ask=interactive)  # safety's defaults (issue 11)
    if interactive:
        _before_session(app)
    planned = _plan(ctx, app, _request(area, where, minutes, exclude), may_ask=interactive)
    assert planned.routine is not None
    if interactive:
        from unkink.cli.render import console
        from unkink.cli.session_view import plan_table

        console().print(plan_table(planned.routine))
    else:  # stdout carries only the cues; what the plan had to change goes to stderr
        for note in planned.routine.notes:
            typer.echo(note, err=True)
    from unkink.cli.session_run import play_new

    play_new(app, planned=planned, voice=voice, interactive=interactive, json_events=json_events)


def history(
    ctx: typer.Context,
    as_json: AsJson = False,
    limit: Annotated[int, typer.Option("--limit", help="How many sessions to show.")] = 30,
) -> None:
    """Your past sessions: date, routine, minutes done, how it ended, and your ratings."""
    from unkink.services.sessions import history as load_history

    entries = load_history(uow=get_app(ctx).uow, limit=limit)
    if as_json:
        typer.echo(json.dumps([e.as_dict() for e in entries], indent=2))
        return
    from unkink.cli.remind_view import break_day_lines  # desk breaks (unkink remind)

    breaks = break_day_lines(get_app(ctx))
    if not entries:
        from unkink.cli.morning import next_session_hint

        typer.echo(next_session_hint(get_app(ctx)))  # safety decides whether to suggest one
        for line in breaks:
            typer.echo(line)
        return
    from unkink.cli.render import console
    from unkink.cli.session_view import history_table

    console().print(history_table(entries))
    for line in breaks:
        typer.echo(line)
    from unkink.cli.morning import show_referral

    show_referral(get_app(ctx))


def register(app: typer.Typer) -> None:
    app.command("start")(start)
    app.command("plan")(plan)
    app.command("history")(history)
