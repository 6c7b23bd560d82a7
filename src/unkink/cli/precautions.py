"""``unkink profile`` (record dated conditions) and ``unkink precautions`` (what they allow)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from unkink.cli.context import get_app
from unkink.cli.errors import fail
from unkink.cli.safety_io import (
    accept_flag,
    ensure_acknowledged,
    json_flag,
    no_input_flag,
    plain_errors,
    read_json,
)

if TYPE_CHECKING:
    from datetime import date

    from unkink.domain.safety.gate import Gate
    from unkink.domain.safety.precautions import Condition, Precautions


def _condition_json(condition: Condition, today: date) -> dict[str, Any]:
    from unkink.domain.safety.precautions import table_row

    out = condition.to_json()
    if condition.recorded_on is not None:
        out["recorded_on"] = condition.recorded_on.isoformat()
    for name in ("weeks", "weeks_since"):
        value = condition.weeks_on(getattr(condition, name), today)
        if value is not None:
            out[f"{name}_today"] = round(value, 1)
    out["table_row_today"] = table_row(condition, today)
    return out


@click.command("profile")
@click.option(
    "--file",
    type=click.Path(path_type=Path),
    metavar="FILE.json",
    help='Replace your profile: {"age", "sex", "conditions": [{"code": ...}]}.',
)
@click.option("--add", metavar="CODE", help="Add a condition, e.g. pregnancy.")
@click.option("--weeks", type=float, help="Weeks pregnant, today.")
@click.option("--weeks-since", type=float, help="Weeks since the surgery or fracture, today.")
@click.option("--cleared", is_flag=True, help="Your surgical team has cleared you to exercise.")
@click.option("--approach", help="Hip replacement: posterior, anterior or unknown.")
@click.option(
    "--procedure", help="What the operation was, in your words (e.g. caesarean). Shown back."
)
@click.option("--remove", metavar="CODE", help="End a condition as of today.")
@click.option("--clear", is_flag=True, help="End all conditions as of today.")
@click.option("--age", type=click.IntRange(0, 120), help="Your age.")
@click.option("--sex", help="female, male, other or prefer_not_to_say.")
@accept_flag
@json_flag
@no_input_flag
@click.pass_context
def profile(
    ctx: click.Context,
    file: Path | None,
    add: str | None,
    weeks: float | None,
    weeks_since: float | None,
    cleared: bool,
    approach: str | None,
    procedure: str | None,
    remove: str | None,
    clear: bool,
    age: int | None,
    sex: str | None,
    accept: bool,
    as_json: bool,
    no_input: bool,
) -> None:
    """Record conditions that change which stretches are safe (dated, so windows expire)."""
    from unkink.domain.safety.profile import parse_profile
    from unkink.services import profile as profile_service

    app = get_app(ctx)
    today = app.today()
    details = (weeks, weeks_since, approach, procedure) != (None,) * 4 or cleared
    if details and add is None:
        fail("--weeks, --weeks-since, --cleared, --approach and --procedure go with --add CODE.")
    changes = file is not None or add or remove or clear or age is not None or sex is not None
    if changes:
        ensure_acknowledged(app, accept=accept, may_ask=not (as_json or no_input))
        person: dict[str, Any] = {}
        if file is not None:
            person = read_json(file)
        else:
            if age is not None:
                person["age"] = age
            if sex is not None:
                person["sex"] = sex
            if add == "pregnancy":
                weeks = _pregnancy_weeks(app, sex, weeks, may_ask=not (as_json or no_input))
            if add is not None:
                entry: dict[str, Any] = {"code": add}
                for key, value in (
                    ("weeks", weeks),
                    ("weeks_since", weeks_since),
                    ("approach", approach),
                    ("procedure", procedure),
                ):
                    if value is not None:
                        entry[key] = value
                if cleared:
                    entry["cleared_by_surgical_team"] = True
                person["conditions"] = [entry]
        with plain_errors(file):
            parsed = parse_profile(person, recorded_on=today)
            if file is not None:
                profile_service.set_person(
                    uow=app.uow,
                    now=app.now(),
                    age=parsed.age,
                    sex=str(parsed.sex) if parsed.sex else None,
                )
            profile_service.update_profile(
                uow=app.uow,
                now=app.now(),
                age=age,
                sex=str(parsed.sex) if parsed.sex and file is None else None,
                add=parsed.conditions,
                remove=remove,
                replace_all=file is not None or clear,
            )
    active = profile_service.active_conditions(uow=app.uow, today=today)
    person_age, person_sex = profile_service.person(uow=app.uow)
    shown = [_condition_json(c, today) for c in active]
    if as_json:
        out = {"age": person_age, "sex": person_sex, "conditions": shown}
        click.echo(json.dumps(out, indent=2))
        return
    click.echo(f"Age: {person_age if person_age is not None else 'not given'}")
    click.echo(f"Sex: {person_sex or 'not given'}")
    if not shown:
        click.echo("No conditions recorded. Add one with: unkink profile --add CODE")
    for c in shown:
        row = c["table_row_today"] or "outside its window: no limits from it now"
        what = f"{c['code']} ({c['procedure']})" if c.get("procedure") else c["code"]
        click.echo(f"- {what} (recorded {c.get('recorded_on', '?')}): {row}")
    click.echo("See what this means for each stretch with: unkink precautions")


def _pregnancy_weeks(app: Any, sex: str | None, weeks: float | None, *, may_ask: bool) -> float:
    """Issue 10: ask before adding a pregnancy for a person recorded as male, and ask for the
    weeks instead of storing the strictest row silently."""
    from unkink.services import profile as profile_service

    recorded = sex or profile_service.person(uow=app.uow)[1]
    if recorded == "male":
        if not may_ask:
            fail("you are recorded as male, so no pregnancy was added. If that is wrong: --sex.")
        if not click.confirm("You are recorded as male. Add a pregnancy anyway?", default=False):
            fail("Nothing was added.", code=1)
    if weeks is not None:
        return weeks
    if not may_ask:
        fail("--add pregnancy needs --weeks N: how many weeks pregnant you are today.")
    return float(click.prompt("How many weeks pregnant are you today?", type=int))


def print_precautions(
    precautions: Precautions, names: dict[str, str], *, gate: Gate | None = None
) -> None:
    """Each stretch by its display name; when the gate is closed or gentle, it says so first,
    so "offered as normal" never sits beside "gentle sessions only"."""
    if gate is not None and not gate.allowed:
        click.echo(f"No sessions for now: {gate.reason}")
        click.echo("When sessions are open again, this is what each stretch would be:")
    elif gate is not None and gate.gentle_only:
        click.echo("Gentle sessions only for now: every stretch is done gently, in a small range.")
    normal = "offered gently" if gate is not None and gate.gentle_only else "offered as normal"
    for exercise_id, name in names.items():
        if not precautions.allows(exercise_id):
            click.echo(f"{name}: not offered to you")
        elif (text := precautions.modification_for(exercise_id)) is not None:
            click.echo(f"{name}: offered with changes: {text}")
        else:
            click.echo(f"{name}: {normal}")


@click.command("precautions")
@click.option(
    "--profile",
    "profile_file",
    type=click.Path(path_type=Path),
    metavar="FILE.json",
    help='Use this profile instead of yours: {"age", "sex", "conditions": [...]}.',
)
@json_flag
@click.pass_context
def precautions(ctx: click.Context, profile_file: Path | None, as_json: bool) -> None:
    """Which stretches are offered to you, offered with changes, or not offered at all."""
    from unkink.domain.safety.precautions import derive_precautions
    from unkink.domain.safety.profile import parse_profile
    from unkink.services import safety

    app = get_app(ctx)
    with plain_errors():
        catalogue = app.catalogue
    ids = list(catalogue.ids)
    gate = None
    if profile_file is not None:
        with plain_errors(profile_file):
            parsed = parse_profile(read_json(profile_file))
        result = derive_precautions(parsed.conditions, today=app.today(), exercises=catalogue)
    else:
        result = safety.current_precautions(uow=app.uow, today=app.today(), exercises=catalogue)
        gate = safety.check_gate(uow=app.uow, today=app.today())
    if as_json:
        click.echo(json.dumps(safety.precautions_json(result, ids), indent=2))
    else:
        print_precautions(result, {e: catalogue.get(e).name for e in ids}, gate=gate)


def register(group: click.Group) -> None:
    group.add_command(profile)
    group.add_command(precautions)
