"""``unkink profile`` (record dated conditions) and ``unkink precautions`` (what they allow)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from unkink.cli.context import get_app
from unkink.cli.errors import fail
from unkink.cli.safety import (
    AcceptFlag,
    JsonFlag,
    NoInput,
    ensure_acknowledged,
    plain_errors,
    read_json,
)

if TYPE_CHECKING:
    from datetime import date

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


def profile(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            metavar="FILE.json",
            help='Replace your profile: {"age", "sex", "conditions": [{"code": ...}]}.',
        ),
    ] = None,
    add: Annotated[
        str | None, typer.Option("--add", metavar="CODE", help="Add a condition, e.g. pregnancy.")
    ] = None,
    weeks: Annotated[float | None, typer.Option(help="Weeks pregnant, today.")] = None,
    weeks_since: Annotated[
        float | None, typer.Option(help="Weeks since the surgery or fracture, today.")
    ] = None,
    cleared: Annotated[
        bool, typer.Option("--cleared", help="Your surgical team has cleared you to exercise.")
    ] = False,
    approach: Annotated[
        str | None, typer.Option(help="Hip replacement: posterior, anterior or unknown.")
    ] = None,
    remove: Annotated[
        str | None, typer.Option("--remove", metavar="CODE", help="End a condition as of today.")
    ] = None,
    clear: Annotated[bool, typer.Option("--clear", help="End all conditions as of today.")] = False,
    age: Annotated[int | None, typer.Option(min=0, max=120, help="Your age.")] = None,
    sex: Annotated[
        str | None, typer.Option(help="female, male, other or prefer_not_to_say.")
    ] = None,
    accept: AcceptFlag = False,
    as_json: JsonFlag = False,
    no_input: NoInput = False,
) -> None:
    """Record conditions that change which stretches are safe (dated, so windows expire)."""
    from unkink.domain.safety.profile import parse_profile
    from unkink.services import safety

    app = get_app(ctx)
    today = app.today()
    details = weeks is not None or weeks_since is not None or cleared or approach is not None
    if details and add is None:
        fail("--weeks, --weeks-since, --cleared and --approach go with --add CODE.")
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
            if add is not None:
                entry: dict[str, Any] = {"code": add}
                for key, value in (
                    ("weeks", weeks),
                    ("weeks_since", weeks_since),
                    ("approach", approach),
                ):
                    if value is not None:
                        entry[key] = value
                if cleared:
                    entry["cleared_by_surgical_team"] = True
                person["conditions"] = [entry]
        with plain_errors(file):
            parsed = parse_profile(person, recorded_on=today)
        with app.uow() as uow:
            now = app.now()
            if file is not None or clear:
                safety.end_conditions(uow=uow, today=today)
            if remove is not None:
                if not safety.end_conditions(uow=uow, today=today, code=remove):
                    fail(f"there is no active condition '{remove}'. See them with: unkink profile")
            if file is not None:
                sex_value = str(parsed.sex) if parsed.sex else None
                safety.set_person(uow=uow, now=now, age=parsed.age, sex=sex_value)
            elif age is not None or sex is not None:
                old_age, old_sex = safety.person(uow=uow)
                new_age = age if age is not None else old_age
                new_sex = str(parsed.sex) if parsed.sex else old_sex
                safety.set_person(uow=uow, now=now, age=new_age, sex=new_sex)
            safety.add_conditions(uow=uow, conditions=parsed.conditions, now=now)
            uow.commit()
    with app.uow() as uow:
        active = safety.active_conditions(uow=uow, today=today)
        person_age, person_sex = safety.person(uow=uow)
    shown = [_condition_json(c, today) for c in active]
    if as_json:
        out = {"age": person_age, "sex": person_sex, "conditions": shown}
        typer.echo(json.dumps(out, indent=2))
        return
    typer.echo(f"Age: {person_age if person_age is not None else 'not given'}")
    typer.echo(f"Sex: {person_sex or 'not given'}")
    if not shown:
        typer.echo("No conditions recorded. Add one with: unkink profile --add CODE")
    for c in shown:
        row = c["table_row_today"] or "outside its window: no limits from it now"
        typer.echo(f"- {c['code']} (recorded {c.get('recorded_on', '?')}): {row}")
    typer.echo("See what this means for each stretch with: unkink precautions")


def print_precautions(precautions: Precautions, ids: list[str]) -> None:
    for exercise_id in ids:
        if not precautions.allows(exercise_id):
            typer.echo(f"{exercise_id}: not offered to you")
        elif (text := precautions.modification_for(exercise_id)) is not None:
            typer.echo(f"{exercise_id}: offered with changes: {text}")
        else:
            typer.echo(f"{exercise_id}: offered as normal")


def precautions(
    ctx: typer.Context,
    profile_file: Annotated[
        Path | None,
        typer.Option(
            "--profile",
            metavar="FILE.json",
            help='Use this profile instead of yours: {"age", "sex", "conditions": [...]}.',
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Which stretches are offered to you, offered with changes, or not offered at all."""
    from unkink.domain.safety.precautions import derive_precautions
    from unkink.domain.safety.profile import parse_profile
    from unkink.services import safety

    app = get_app(ctx)
    with plain_errors():
        catalogue = app.catalogue
    ids = list(catalogue.ids)
    if profile_file is not None:
        with plain_errors(profile_file):
            parsed = parse_profile(read_json(profile_file))
        result = derive_precautions(parsed.conditions, today=app.today(), exercises=catalogue)
    else:
        with app.uow() as uow:
            result = safety.current_precautions(uow=uow, today=app.today(), exercises=catalogue)
    if as_json:
        typer.echo(json.dumps(safety.precautions_json(result, ids), indent=2))
    else:
        print_precautions(result, ids)


def register(app: typer.Typer) -> None:
    app.command("profile")(profile)
    app.command("precautions")(precautions)
