"""The repository contract: every method of every repository, on every backend (``db_app``
runs each test on the sqlite3 adapter, SQLAlchemy on SQLite and SQLAlchemy on PostgreSQL).

And the two SQLite adapters share files: the same writes leave the same stored text (column
for column, with SQLite's own type of each value), and a file written by either reads back
identically through the other.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import backend_app
from unkink.bootstrap import App
from unkink.domain.errors import Busy
from unkink.domain.insights.records import SessionPoint
from unkink.domain.safety.pain import PainAction
from unkink.domain.safety.precautions import parse_condition
from unkink.domain.safety.urgency import Urgency
from unkink.domain.session.next_morning import PendingMorning
from unkink.domain.session.status import EventKind, Moment, SessionStatus
from unkink.storage.tables import metadata

T0 = datetime(2026, 3, 2, 9, 0, 0)
DAY = 24 * 60
TODAY = date(2026, 3, 9)
PLAN = {
    "area": "lower",
    "where": "floor",
    "minutes_requested": 10,
    "total_s": 600.5,
    "items": [{"id": "cat_camel", "reps": 8, "why": "é ü – mobility"}],
}


def _at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def _write_everything(app: App) -> dict[str, int]:
    """Every write method of every repository, in one committed unit of work."""
    with app.uow() as u:
        u.ensure_profile(now=T0)
        u.ensure_profile(now=_at(1))  # a second call changes nothing
        s = u.sessions
        routine = s.add_routine(plan=PLAN, created_at=T0)
        first = s.add_session(routine_id=routine, started_at=_at(1))
        s.add_event(first, at=_at(1), kind=EventKind.START)
        s.add_event(
            first,
            at=_at(1.5),
            kind=EventKind.STEP,
            exercise_id="cat_camel",
            step=1,
            planned_s=0.0,
            actual_s=0.001,
            detail={"side": "left", "n": [1, 2]},
        )
        s.add_event(first, at=_at(2), kind=EventKind.HOLD_START, exercise_id="bridge")
        s.add_event(first, at=_at(2.5), kind=EventKind.NEXT_UP, exercise_id="butterfly")
        s.save_progress(first, cue_index=3, elapsed_s=61.25)
        s.save_elapsed(first, elapsed_s=62.5)
        s.add_rating(first, moment=Moment.BEFORE, stiffness=6, pain=3, at=_at(1))
        s.add_rating(first, moment=Moment.AFTER, stiffness=None, pain=2, at=_at(9))
        s.end_session(
            first, status=SessionStatus.COMPLETED, reason=None, at=_at(10), elapsed_s=600.0
        )
        s.set_helped_most(first, "cat_camel")
        s.add_feedback(first, exercise_id="cat_camel", helped=True, at=_at(10))
        morning = u.safety.last_session_for_morning()
        assert morning is not None and morning[0].exercise_ids == ("cat_camel", "bridge")
        u.safety.add_next_morning(morning[0], worse=True, at=_at(24 * 60))
        second = s.add_session(routine_id=routine, started_at=_at(60))
        third = s.add_session(routine_id=routine, started_at=_at(120))
        stopped = s.stop_running(reason="not_resumed", at=_at(121))
        s.end_session(
            third, status=SessionStatus.STOPPED, reason="pain", at=_at(122), elapsed_s=5.0
        )
        fourth = s.add_session(routine_id=routine, started_at=_at(180))
        fifth = s.add_session(routine_id=routine, started_at=_at(60))  # same start as second
        s.add_rating(second, moment=Moment.BEFORE, stiffness=None, pain=2, at=_at(10 * DAY))
        s.add_rating(third, moment=Moment.BEFORE, stiffness=None, pain=None, at=_at(20 * DAY))
        safety = u.safety
        safety.acknowledge(T0)
        safety.set_person(age=40, sex="female")
        safety.set_stretch_place("desk")
        safety.add_screening(
            taken_at=T0,
            answers={"age": 40, "pain_area": "low_back"},
            urgency=Urgency.SELF_CARE_OK,
            rules=[],
            advice="Carry on.",
            source="file",
        )
        safety.add_screening(
            taken_at=_at(5),
            answers={"age": 40, "notes": "ça va"},
            urgency=Urgency.ROUTINE_REVIEW,
            rules=["R1", "R2"],
            advice="See someone.",
            source="web",
            confirmed=["age"],
        )
        for raw in (
            {"code": "pregnancy", "weeks": 12},
            {"code": "osteoporosis"},
            {
                "code": "hip_replacement",
                "weeks_since": 20,
                "approach": "posterior",
                "cleared_by_surgical_team": True,
                "procedure": "left hip",
            },
        ):
            safety.add_condition(parse_condition(raw), recorded_on=TODAY - timedelta(days=3))
        ended = safety.end_conditions(today=TODAY - timedelta(days=1), code="osteoporosis")
        for minutes, region, relief in ((0, "upper", 7), (30, None, None), (90, "neck", 2)):
            safety.add_crack(at=_at(minutes), region=region, relief=relief, logged_at=_at(minutes))
        safety.add_pain_report(
            at=_at(3),
            score=4,
            answers={"numb": False},
            decision=PainAction.CARRY_ON_SMALLER,
            session_id=first,
            exercise_id="bridge",
        )
        safety.add_pain_report(
            at=_at(6),
            score=8,
            answers={"numb": True},
            decision=PainAction.STOP_SESSION_AND_RESCREEN,
            session_id=None,
            exercise_id=None,
        )
        o = u.outcomes
        o.add_check(at=_at(0), pain=5, scores={"walking": 4, "sitting": 6}, skipped=False)
        o.add_check(at=_at(7 * 24 * 60), pain=None, scores={}, skipped=True)
        o.set_goal(at=_at(1), sessions=3, desk_breaks=None)
        o.set_goal(at=_at(2), sessions=4, desk_breaks=10)
        r = u.reminders
        note = r.add_event(at=_at(0), kind="notified")
        r.add_event(
            at=_at(1),
            kind="deferred",
            reasons=["meeting", "typing"],
            sitting_s=1800.5,
            session_id=first,
            detail={"why": "calendar"},
        )
        r.add_event(at=datetime(2026, 3, 3, 23, 59, 59, 999999), kind="away")
        r.queue_for_later(day=T0.date(), exercise_ids=["bridge", "cat_camel"], at=_at(2))
        r.queue_for_later(day=T0.date(), exercise_ids=["cat_camel", "butterfly"], at=_at(3))
        u.commit()
    return {
        "fifth": fifth,
        "routine": routine,
        "first": first,
        "second": second,
        "third": third,
        "fourth": fourth,
        "stopped": stopped,
        "ended": ended,
        "note": note,
    }


def _read_everything(app: App, ids: dict[str, int]) -> dict[str, Any]:
    """Every read method of every repository (values only: comparable across adapters)."""
    with app.uow() as u:
        s, safety, o, r = u.sessions, u.safety, u.outcomes, u.reminders
        listed = s.list_sessions(limit=10)
        return {
            "routine": s.get_routine(ids["routine"]),
            "sessions": listed,
            "two": s.list_sessions(limit=2),
            "page2": s.list_sessions(limit=2, before=(listed[1].started_at, listed[1].id)),
            "page3": s.list_sessions(limit=2, before=(listed[2].started_at, listed[2].id)),
            "page_end": s.list_sessions(limit=2, before=(listed[-1].started_at, listed[-1].id)),
            "find": s.find_session(ids["first"]),
            "missing": s.find_session(ids["fourth"] + 100),
            "running": s.latest_running(),
            "events": s.events(ids["first"]),
            "ratings": s.ratings(ids["first"]),
            "history": s.history_parts(listed),
            "history_none": s.history_parts([]),
            "session_points": s.session_points(),
            "acknowledged": safety.acknowledged_at(),
            "person": safety.person(),
            "place": safety.stretch_place(),
            "screening": safety.latest_screening(),
            "conditions": safety.active_conditions(TODAY),
            "conditions_later": safety.active_conditions(TODAY - timedelta(days=2)),
            "cracks": safety.cracks(since=_at(0), until=_at(30)),
            "all_cracks": safety.cracks(since=datetime.min, until=datetime.max),
            "neck": safety.neck_cracks(),
            "pain_stop": safety.pain_stop_since(_at(3)),
            "no_pain_stop": safety.pain_stop_since(_at(7)),
            "worse": safety.worse_mornings(),
            "morning": safety.last_session_for_morning(),
            "points": safety.score_points(),
            "points_10": safety.score_points(within_days=10),
            "points_9": safety.score_points(within_days=9),
            "checks": o.checks(),
            "goal": o.goal(),
            "pain_stops": o.pain_stops(),
            "reminders": r.events(since=T0.date(), until=date(2026, 3, 3)),
            "reminders_day": r.events(since=date(2026, 3, 3), until=date(2026, 3, 3)),
            "later": r.queued_for_later(day=T0.date()),
            "later_none": r.queued_for_later(day=TODAY),
        }


def test_each_backend_is_the_adapter_it_names(db_app: App, backend: tuple[str, str]) -> None:
    expected = "LiteUnitOfWork" if backend[0] == "lite-sqlite" else "SqlUnitOfWork"
    with db_app.uow() as u:
        assert type(u).__name__ == expected


def test_every_repository_method_keeps_and_returns_what_was_given(db_app: App) -> None:
    ids = _write_everything(db_app)
    got = _read_everything(db_app, ids)
    assert got["routine"] == PLAN
    assert [x.id for x in got["sessions"]] == [
        ids[k] for k in ("fourth", "third", "fifth", "second", "first")
    ]
    assert [x.id for x in got["two"]] == [ids["fourth"], ids["third"]]
    assert [x.id for x in got["page2"]] == [ids["fifth"], ids["second"]]
    assert [x.id for x in got["page3"]] == [ids["second"], ids["first"]]  # same start: by id
    assert got["page_end"] == []
    first = got["find"]
    assert (first.status, first.stop_reason, first.ended_at) == (
        SessionStatus.COMPLETED,
        None,
        _at(10),
    )
    assert (first.cue_index, first.elapsed_s, first.helped_most) == (3, 600.0, "cat_camel")
    assert first.started_at == _at(1) and got["missing"] is None
    assert ids["stopped"] == 2 and got["running"].id == ids["fourth"]
    second = next(x for x in got["sessions"] if x.id == ids["second"])
    assert (second.status, second.stop_reason, second.ended_at) == (
        SessionStatus.STOPPED,
        "not_resumed",
        _at(121),
    )
    events = got["events"]
    assert [e.kind for e in events] == [
        EventKind.START,
        EventKind.STEP,
        EventKind.HOLD_START,
        EventKind.NEXT_UP,
    ]
    assert events[1].at == _at(1.5) and events[1].detail == {"side": "left", "n": [1, 2]}
    assert (events[1].planned_s, events[1].actual_s, events[1].step) == (0.0, 0.001, 1)
    assert events[0].detail is None and events[0].exercise_id is None
    assert [(x.moment, x.stiffness, x.pain) for x in got["ratings"]] == [
        (Moment.BEFORE, 6, 3),
        (Moment.AFTER, None, 2),
        (Moment.NEXT_MORNING, None, None),
    ]
    plans, rated = got["history"]
    assert plans == {ids["routine"]: PLAN} and rated[ids["first"]] == got["ratings"]
    assert rated[ids["fifth"]] == [] and got["history_none"] == ({}, {})
    assert [(x.moment, x.pain) for x in rated[ids["second"]]] == [(Moment.BEFORE, 2)]
    first_point, *points = got["session_points"]  # oldest first, by (started_at, id)
    assert first_point == SessionPoint(
        _at(1), "floor", (), (6, 3), (None, 2), "cat_camel", "completed", None, 10.0
    )  # PLAN lists no "exercises": none (the next-morning rating is not insights' to read)
    assert [
        (p.started_at, p.before, p.after, p.status, p.stop_reason, p.minutes) for p in points
    ] == [
        (_at(60), (None, 2), (None, None), "stopped", "not_resumed", 0.0),
        (_at(60), (None, None), (None, None), "running", None, 0.0),
        (_at(120), (None, None), (None, None), "stopped", "pain", 0.1),
        (_at(180), (None, None), (None, None), "running", None, 0.0),
    ]
    assert got["acknowledged"] == T0 and got["person"] == (40, "female")
    assert got["place"] == "desk"
    screening = got["screening"]
    assert (screening.taken_at, screening.urgency, screening.rules) == (
        _at(5),
        Urgency.ROUTINE_REVIEW,
        ("R1", "R2"),
    )
    assert screening.answers == {"age": 40, "notes": "ça va"} and screening.confirmed == ("age",)
    assert ids["ended"] == 1
    assert [c.code for c in got["conditions"]] == ["pregnancy", "hip_replacement"]
    hip = got["conditions"][1]
    assert (hip.weeks_since, hip.approach, hip.cleared_by_surgical_team, hip.procedure) == (
        20,
        "posterior",
        True,
        "left hip",
    )
    assert got["conditions"][0].weeks == 12 and len(got["conditions_later"]) == 3
    assert [(c.at, c.region, c.relief) for c in got["cracks"]] == [
        (_at(0), "upper", 7),
        (_at(30), None, None),
    ]
    assert len(got["all_cracks"]) == 3 and got["neck"] == 1
    assert got["pain_stop"] == _at(6) and got["no_pain_stop"] is None
    assert got["worse"] == {"cat_camel": [True], "bridge": [True]}
    pending, answered = got["morning"]
    assert pending == PendingMorning(ids["third"], _at(120).date(), ()) and answered is False
    day10 = _at(10 * DAY).date()
    assert [(p.day, p.score) for p in got["points"]] == [(T0.date(), 6), (day10, 2)]
    assert got["points_10"] == got["points"]  # the latest point's day (not the unscored rating)
    assert [(p.day, p.score) for p in got["points_9"]] == [(day10, 2)]
    checks = got["checks"]
    assert [(c.recorded_at, c.pain, dict(c.scores), c.skipped) for c in checks] == [
        (_at(0), 5, {"walking": 4, "sitting": 6}, False),
        (_at(7 * 24 * 60), None, {}, True),
    ]
    goal = got["goal"]
    assert (goal.sessions_per_week, goal.desk_breaks_per_week, goal.set_on) == (4, 10, T0.date())
    assert [(p.at, p.score, p.decision, p.session_id, p.answers) for p in got["pain_stops"]] == [
        (_at(3), 4, PainAction.CARRY_ON_SMALLER, ids["first"], {"numb": False}),
        (_at(6), 8, PainAction.STOP_SESSION_AND_RESCREEN, None, {"numb": True}),
    ]
    notified, deferred, away = got["reminders"]
    assert notified.id == ids["note"] and (notified.reasons, notified.detail) == ((), None)
    assert (deferred.reasons, deferred.sitting_s, deferred.session_id, deferred.detail) == (
        ("meeting", "typing"),
        1800.5,
        ids["first"],
        {"why": "calendar"},
    )
    assert away.at == datetime(2026, 3, 3, 23, 59, 59, 999999) and got["reminders_day"] == [away]
    assert got["later"] == ["bridge", "cat_camel", "butterfly"] and got["later_none"] == []


def test_nothing_is_kept_without_commit_and_rollback_undoes(db_app: App) -> None:
    with db_app.uow() as u:
        u.ensure_profile(now=T0)  # no commit: rolled back on exit
    with db_app.uow() as u:
        assert u.safety.person() == (None, None) and u.safety.acknowledged_at() is None
        u.ensure_profile(now=T0)
        u.commit()
        u.safety.set_stretch_place("floor")
        u.rollback()
        assert u.safety.stretch_place() is None
        u.safety.set_stretch_place("desk")
        u.commit()
    with pytest.raises(RuntimeError), db_app.uow() as u:
        u.safety.set_stretch_place("floor")
        raise RuntimeError("a failure inside the unit of work")
    with db_app.uow() as u:
        assert u.safety.stretch_place() == "desk"


@pytest.mark.parametrize("name", ["lite-sqlite", "sqlalchemy-sqlite"])
def test_a_lock_that_was_not_had_is_database_busy(name: str, tmp_path: Path) -> None:
    """SQLite's 'database is locked' raised inside a unit of work leaves it as DatabaseBusy.

    (Another connection that does not wait makes a real one at once; the adapters' own
    connections wait 10 s, which test_session_store_first.py shows across processes.)"""
    path = str(tmp_path / "held.db")
    db_app = backend_app(name, f"sqlite:///{path}")
    with db_app.uow() as u:
        u.ensure_profile(now=T0)
        u.commit()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        impatient = sqlite3.connect(path, timeout=0, isolation_level=None)
        with pytest.raises(Busy), db_app.uow():
            impatient.execute("BEGIN IMMEDIATE")  # a real SQLITE_BUSY, raised inside
        impatient.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# --- one file, two adapters ------------------------------------------------------------------


def _dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored value with SQLite's type of it, table by table, in id order."""
    out = {}
    with sqlite3.connect(path) as conn:
        for name, table in metadata.tables.items():
            cols = ", ".join(f"{c.name}, typeof({c.name})" for c in table.columns)
            out[name] = conn.execute(f"SELECT {cols} FROM {name} ORDER BY id").fetchall()
    return out


@pytest.fixture
def two_files(tmp_path: Path) -> dict[str, tuple[Path, dict[str, int]]]:
    """The same writes, once through each SQLite adapter, each in a file of its own."""
    made = {}
    for name in ("lite-sqlite", "sqlalchemy-sqlite"):
        path = tmp_path / f"{name}.db"
        app = backend_app(name, f"sqlite:///{path}")
        made[name] = (path, _write_everything(app))
        if "engine" in app.__dict__:
            app.engine.dispose()
    return made


def test_both_adapters_store_the_same_text(
    two_files: dict[str, tuple[Path, dict[str, int]]],
) -> None:
    lite, sql = (_dump(two_files[n][0]) for n in ("lite-sqlite", "sqlalchemy-sqlite"))
    assert lite["session_events"] and lite["screenings"] and lite["reminder_events"]
    for table in metadata.tables:
        assert lite[table] == sql[table], table


@pytest.mark.parametrize("writer", ["lite-sqlite", "sqlalchemy-sqlite"])
def test_a_file_written_by_either_adapter_reads_the_same_through_both(
    two_files: dict[str, tuple[Path, dict[str, int]]], writer: str
) -> None:
    path, ids = two_files[writer]
    reads = []
    for reader in ("lite-sqlite", "sqlalchemy-sqlite"):
        app = backend_app(reader, f"sqlite:///{path}")
        reads.append(_read_everything(app, ids))
        if "engine" in app.__dict__:
            app.engine.dispose()
    assert reads[0] == reads[1]
