"""``unkink insights`` (what your records say, with uncertainty) and ``unkink insights goal``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from unkink.cli.context import get_app
from unkink.cli.groups import OrderedGroup

if TYPE_CHECKING:
    from rich.table import Table

    from unkink.services.insights import Insights


@click.group(
    "insights",
    cls=OrderedGroup,
    invoke_without_command=True,
    help="What your own records say: which stretches seemed to help, and weekly trends.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def insights(ctx: click.Context, as_json: bool) -> None:
    """Which stretches seemed to ease stiffness and pain (with a range), and weekly trends."""
    if ctx.invoked_subcommand is not None:
        return
    from unkink.services.insights import insights as read

    app = get_app(ctx)
    names = {e.id: e.name for e in app.catalogue}
    found = read(uow=app.uow, today=app.today(), names=names)
    if as_json:
        click.echo(json.dumps(found.as_dict(), indent=2))
        return
    from unkink.cli.render import console

    out = console()
    for sentence in found.headline:
        out.print(sentence)
    if not found.sessions:
        return
    from unkink.domain.insights.wording import CAVEAT

    out.print(stretch_table(found, names))
    out.print(week_table(found))
    out.print(CAVEAT)
    if found.goal is None:
        out.print("Set a weekly goal with: unkink insights goal --sessions 5")


def stretch_table(found: Insights, names: dict[str, str]) -> Table:
    from rich.table import Table

    from unkink.domain.insights.wording import VERDICT_WORDS, change_text

    table = Table(
        title="Change from before to after (0-10; below zero means it eased), 95% range",
        title_justify="left",
    )
    for col in ("Stretch", "Sessions", "Stiffness", "Pain", "Helped most", "What it shows"):
        table.add_column(col)
    for s in found.stretches:
        table.add_row(
            names.get(s.exercise_id, s.exercise_id),
            str(s.sessions),
            change_text(s.stiffness),
            change_text(s.pain),
            str(s.helped_most),
            VERDICT_WORDS[s.verdict],
        )
    return table


def week_table(found: Insights) -> Table:
    from rich.table import Table

    goal = found.goal
    table = Table(title="By week", title_justify="left")
    sess = "Sessions" + (f" (goal {goal.sessions_per_week})" if goal else "")
    breaks = "Desk breaks" + (
        f" (goal {goal.desk_breaks_per_week})" if goal and goal.desk_breaks_per_week else ""
    )
    for col in ("Week of", sess, breaks, "Stiffness before", "Pain before", "Cracks", "Pain NRS"):
        table.add_column(col)
    for w in found.weeks:
        table.add_row(
            f"{w.start:%-d %b}",
            str(w.sessions),
            str(w.desk_breaks),
            _num(w.stiffness_before),
            _num(w.pain_before),
            str(w.crack_sessions),
            _num(w.weekly_pain),
        )
    return table


def _num(v: float | None) -> str:
    return "–" if v is None else f"{v:.1f}".removesuffix(".0")


@insights.command("goal")
@click.option(
    "--sessions",
    type=click.IntRange(0, 50),
    required=True,
    help="Sessions a week you aim for.",
)
@click.option("--desk-breaks", type=click.IntRange(0, 100), help="Desk breaks a week you aim for.")
@click.pass_context
def goal(ctx: click.Context, sessions: int, desk_breaks: int | None) -> None:
    """Set your weekly goal: sessions, and desk breaks (sessions at the desk)."""
    from unkink.services.measures import set_goal

    app = get_app(ctx)
    set_goal(uow=app.uow, now=app.now(), sessions=sessions, desk_breaks=desk_breaks)
    from unkink.textfmt import counted

    extra = f" and {counted(desk_breaks, 'desk break')}" if desk_breaks is not None else ""
    click.echo(
        f"Your goal is {counted(sessions, 'session')} a week{extra}."
        " 'unkink insights' shows how it goes."
    )


def register(group: click.Group) -> None:
    group.add_command(insights)
