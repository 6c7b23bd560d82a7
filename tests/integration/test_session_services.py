"""Session services guard their records: nothing is added to a session that has ended."""

from __future__ import annotations

import pytest

from unkink.bootstrap import App
from unkink.domain.errors import InvalidTransition
from unkink.domain.exercises import Place
from unkink.domain.session.planner import Area, PlanRequest
from unkink.services import sessions as svc
from unkink.web.errors import status_for


def _started(app: App) -> svc.StartedSession:
    request = PlanRequest(area=Area.UPPER, where=Place.DESK, minutes=3)
    planned = svc.plan(uow=app.uow, catalogue=app.catalogue, request=request, now=app.now())
    return svc.start_session(
        uow=app.uow, catalogue=app.catalogue, routine_id=planned.routine_id, now=app.now()
    )


def test_a_late_cue_cannot_rewrite_a_finished_session(db_app: App) -> None:
    started = _started(db_app)
    first, second = started.timeline.cues[:2]
    svc.record_cue(
        uow=db_app.uow, session_id=started.session_id, cue=first,
        actual_s=0.0, elapsed_s=0.0, at=db_app.now(),
    )  # fmt: skip
    svc.end_session(
        uow=db_app.uow, session_id=started.session_id, completed=True, reason=None,
        elapsed_s=42.0, at=db_app.now(),
    )  # fmt: skip
    with pytest.raises(svc.SessionEnded) as info:
        svc.record_cue(
            uow=db_app.uow, session_id=started.session_id, cue=second,
            actual_s=1.0, elapsed_s=1.0, at=db_app.now(),
        )  # fmt: skip
    assert isinstance(info.value, InvalidTransition) and status_for(info.value) == 409
    with pytest.raises(svc.SessionEnded):
        svc.end_session(
            uow=db_app.uow, session_id=started.session_id, completed=False, reason="quit",
            elapsed_s=1.0, at=db_app.now(),
        )  # fmt: skip
    entry = svc.history_entry(uow=db_app.uow, session_id=started.session_id)
    assert (entry.status, entry.done_s) == ("completed", 42.0)


def test_ratings_may_still_follow_the_end_of_a_session(db_app: App) -> None:
    started = _started(db_app)
    svc.end_session(
        uow=db_app.uow, session_id=started.session_id, completed=True, reason=None,
        elapsed_s=10.0, at=db_app.now(),
    )  # fmt: skip
    svc.record_rating(
        uow=db_app.uow, session_id=started.session_id, moment="after",
        stiffness=3, pain=1, at=db_app.now(),
    )  # fmt: skip
    assert svc.history_entry(uow=db_app.uow, session_id=started.session_id).after == (3, 1)


def test_an_unknown_session_is_named_in_the_error(db_app: App) -> None:
    with pytest.raises(svc.SessionNotFound, match="no session 999"):
        svc.history_entry(uow=db_app.uow, session_id=999)
    with pytest.raises(svc.SessionNotFound):
        svc.record_event(uow=db_app.uow, session_id=999, kind="pause", at=db_app.now())
