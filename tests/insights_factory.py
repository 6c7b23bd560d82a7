"""A seeded six-week history, written THROUGH THE SERVICES as a person's use would write it.

Two stretches that help (knee to chest, chair twist: stiffness drops 2-3 points) and one that
does not (butterfly: about no change). Stiffness before sessions falls over the weeks; cracks
thin out as stretching goes up; weekly pain and PSFS are answered; one pain stop is logged.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from unkink.bootstrap import App
from unkink.domain.safety.answers import parse_answers
from unkink.domain.safety.pain import PainReport
from unkink.domain.session.planner import parse_request
from unkink.domain.session.status import Moment, StopReason
from unkink.services import measures, safety, screening, session_log, sessions

START = datetime(2026, 1, 19, 8, 0)  # a Monday; the fixtures' wall clock is 2026-03-02
WEEKS = 6
RECHECK_WEEK = 4
"""A screening holds for 30 days: the person answers again at the start of week 5."""
HELPFUL = ("knee_to_chest", "chair_twist")
NOT_HELPFUL = "butterfly"
PLACES = {"knee_to_chest": ("lower", "floor"), "chair_twist": ("upper", "desk"),
          "butterfly": ("upper", "desk")}  # fmt: skip
NOISE = (0, 1, -1, 0, 1, 0, -1, 1, 0, -1, 0, 1)
SAFE = {
    "age": 38, "sex": "male", "pain_area": "low_back", "duration_days": 10, "trauma": "none",
    "onset": "gradual", "leg_numbness_or_tingling": "none", "leg_weakness": "none",
    "cancer_history": "none", "pain_trend": "improving", "pain_pattern": "mechanical",
    "night_pain": "none", "age_at_onset": 37,
}  # fmt: skip
ACTIVITIES = ("Sitting at my desk for an hour", "Lifting my child", "Driving to work")


def _session(app: App, exercise: str, at: datetime, before: tuple[int, int], change: int) -> int:
    area, where = PLACES[exercise]
    others = [e.id for e in app.catalogue if e.id != exercise]
    request = parse_request(area=area, where=where, minutes=3, exclude=others)
    planned = sessions.plan(uow=app.uow, catalogue=app.catalogue, request=request, now=at)
    assert planned.routine_id is not None and planned.routine is not None
    started = sessions.start_session(
        uow=app.uow, catalogue=app.catalogue, routine_id=planned.routine_id, now=at
    )
    sid = started.session_id
    session_log.rate(
        uow=app.uow, session_id=sid, moment=Moment.BEFORE, stiffness=before[0], pain=before[1],
        at=at,
    )  # fmt: skip
    total = planned.routine.total_s
    end = at + timedelta(seconds=total)
    after = (max(0, before[0] + change), max(0, before[1] + (change // 2)))
    session_log.finish(uow=app.uow, session_id=sid, reached_end=True, elapsed_s=total - 2, at=end)
    session_log.rate(
        uow=app.uow, session_id=sid, moment=Moment.AFTER, stiffness=after[0], pain=after[1],
        at=end,
    )  # fmt: skip
    if change <= -2:
        session_log.record_helped_most(uow=app.uow, session_id=sid, exercise_id=exercise, at=end)
    return sid


def _screen(app: App, at: datetime) -> None:
    """The safety questions, answered safe (first at the start, again before 30 days pass)."""
    screening.save_screening(uow=app.uow, answers=parse_answers(SAFE), now=at, source="file")


def _pain_stop(app: App, at: datetime) -> None:
    """A session stopped for pain (7/10 in its first stretch, no warning sign)."""
    planned = sessions.plan(
        uow=app.uow,
        catalogue=app.catalogue,
        request=parse_request(area="lower", where="floor", minutes=5),
        now=at,
    )
    assert planned.routine_id is not None and planned.routine is not None
    first = planned.routine.items[0].exercise.id
    sid = sessions.start_session(
        uow=app.uow, catalogue=app.catalogue, routine_id=planned.routine_id, now=at
    ).session_id
    session_log.stop_for_pain(
        uow=app.uow, session_id=sid, report=PainReport(score=7), exercise_id=first, at=at,
        elapsed_s=60,
    )  # fmt: skip
    session_log.finish(
        uow=app.uow, session_id=sid, reached_end=False, reason=StopReason.PAIN, elapsed_s=60,
        at=at,
    )  # fmt: skip


def seed_history(app: App, start: datetime = START) -> None:
    """Six weeks from ``start`` (a Monday, 08:00)."""
    safety.acknowledge_intended_use(uow=app.uow, now=start)
    _screen(app, start)
    measures.set_goal(uow=app.uow, now=start, sessions=5, desk_breaks=3)
    k = 0
    for week in range(WEEKS):
        monday = start + timedelta(weeks=week)
        if week == RECHECK_WEEK:
            _screen(app, monday)
        base = 6 - week // 2  # stiffness before sessions eases from 6 to 4
        per_week = 1 if week < 2 else 2  # more stretching in later weeks
        day = 0
        for _ in range(per_week):
            for exercise in (*HELPFUL, NOT_HELPFUL):
                change = NOISE[k % len(NOISE)] + (-3 if exercise in HELPFUL else 0)
                at = monday + timedelta(days=day % 6, hours=day // 6 * 3)
                _session(app, exercise, at, (base, 3), change)
                k += 1
                day += 1
        for n in range(4 - week // 2 * 2 if week < 4 else 1):  # cracks thin out
            when = monday + timedelta(days=n, hours=12)
            safety.log_crack(uow=app.uow, at=when, now=when, where="lower", relief=5)
        scores = {a: min(10, 3 + week + i) for i, a in enumerate(ACTIVITIES)}
        measures.record_measures(
            uow=app.uow,
            now=monday + timedelta(days=6, hours=11),
            pain=max(1, 5 - week),
            scores=scores,
        )
    _pain_stop(app, start + timedelta(weeks=2, days=2, hours=18))


def recent_start(now: datetime) -> datetime:
    """The Monday six weeks before ``now``'s week, 08:00: the seeded weeks end last week."""
    monday = (now - timedelta(weeks=WEEKS, days=now.weekday())).date()
    return datetime.combine(monday, datetime.min.time()) + timedelta(hours=8)


if __name__ == "__main__":  # seed a demo database: python -m tests.insights_factory FILE.db
    import sys

    from unkink.bootstrap import build
    from unkink.settings import load_settings

    demo = build(load_settings(database_url=f"sqlite:///{sys.argv[1]}"))
    seed_history(demo, start=recent_start(demo.now()))
    print(f"Seeded six weeks into {sys.argv[1]}")
