"""A seeded six-week history, written THROUGH THE SERVICES as a person's use would write it.

Two stretches that help (knee to chest, chair twist: stiffness drops 2-3 points) and one that
does not (butterfly: about no change). Stiffness before sessions falls over the weeks; cracks
thin out as stretching goes up; weekly pain and PSFS are answered; one pain stop is logged.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from unkink.bootstrap import App
from unkink.domain.safety.pain import PainReport
from unkink.domain.safety.screening import parse_answers
from unkink.domain.session.planner import parse_request
from unkink.services import measures, safety, sessions

START = datetime(2026, 1, 19, 8, 0)  # a Monday; the fixtures' wall clock is 2026-03-02
WEEKS = 6
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
    started = sessions.start_session(
        uow=app.uow, catalogue=app.catalogue, routine_id=planned.routine_id, now=at
    )
    sid = started.session_id
    sessions.record_rating(
        uow=app.uow, session_id=sid, moment="before", stiffness=before[0], pain=before[1], at=at
    )
    end = at + timedelta(minutes=3)
    after = (max(0, before[0] + change), max(0, before[1] + (change // 2)))
    sessions.end_session(
        uow=app.uow, session_id=sid, completed=True, reason=None, elapsed_s=178, at=end
    )
    sessions.record_rating(
        uow=app.uow, session_id=sid, moment="after", stiffness=after[0], pain=after[1], at=end
    )
    if change <= -2:
        sessions.record_helped_most(uow=app.uow, session_id=sid, exercise_id=exercise, at=end)
    return sid


def seed_history(app: App, start: datetime = START) -> None:
    """Six weeks from ``start`` (a Monday, 08:00)."""
    with app.uow() as u:
        safety.acknowledge_intended_use(uow=u, now=start)
        safety.save_screening(uow=u, answers=parse_answers(SAFE), now=start, source="file")
        u.commit()
    measures.set_goal(uow=app.uow, now=start, sessions=5, desk_breaks=3)
    k = 0
    for week in range(WEEKS):
        monday = start + timedelta(weeks=week)
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
            with app.uow() as u:
                safety.log_crack(uow=u, at=when, now=when, where="lower", relief=5)
                u.commit()
        scores = {a: min(10, 3 + week + i) for i, a in enumerate(ACTIVITIES)}
        measures.record_measures(
            uow=app.uow,
            now=monday + timedelta(days=6, hours=11),
            pain=max(1, 5 - week),
            scores=scores,
        )
    stop_at = start + timedelta(weeks=2, days=2, hours=18)
    planned = sessions.plan(
        uow=app.uow,
        catalogue=app.catalogue,
        request=parse_request(area="lower", where="floor", minutes=5),
        now=stop_at,
    )
    sid = sessions.start_session(
        uow=app.uow, catalogue=app.catalogue, routine_id=planned.routine_id, now=stop_at
    ).session_id
    sessions.record_pain(
        uow=app.uow, session_id=sid, report=PainReport(score=7), exercise_id="bridge", at=stop_at
    )
    sessions.end_session(
        uow=app.uow, session_id=sid, completed=False, reason="pain", elapsed_s=60, at=stop_at
    )


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
