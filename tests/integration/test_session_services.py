"""Session services guard their records on a real database: nothing is added to a session
that has ended, and each error has its category (the web maps it to a status)."""

from __future__ import annotations

import pytest

from tests.integration.test_session_cli import screened
from unkink.bootstrap import App
from unkink.domain.errors import InvalidTransition
from unkink.domain.exercises import Place
from unkink.domain.session.planner import Area, PlanRequest
from unkink.domain.session.status import Moment, SessionStatus, StopReason
from unkink.services import session_log as log
from unkink.services import sessions as svc
from unkink.web.errors import status_for


def _started(app: App) -> svc.StartedSession:
    screened(app)
    request = PlanRequest(area=Area.UPPER, where=Place.DESK, minutes=3)
    _, started = svc.plan_and_start(
        uow=app.uow, catalogue=app.catalogue, request=request, now=app.now()
    )
    return started


def test_a_late_cue_cannot_rewrite_a_finished_session(db_app: App) -> None:
    started = _started(db_app)
    sid, total = started.session_id, started.timeline.total_s
    log.record_cue(uow=db_app.uow, catalogue=db_app.catalogue, session_id=sid, cue_index=0,
                   elapsed_s=0.0, at=db_app.now())  # fmt: skip
    log.finish(uow=db_app.uow, session_id=sid, reached_end=True, elapsed_s=total, at=db_app.now())
    with pytest.raises(svc.SessionEnded) as info:
        log.record_cue(uow=db_app.uow, catalogue=db_app.catalogue, session_id=sid, cue_index=1,
                       elapsed_s=1.0, at=db_app.now())  # fmt: skip
    assert isinstance(info.value, InvalidTransition) and status_for(info.value) == 409
    with pytest.raises(svc.SessionEnded):
        log.finish(uow=db_app.uow, session_id=sid, reached_end=False, reason=StopReason.QUIT,
                   elapsed_s=1.0, at=db_app.now())  # fmt: skip
    entry = svc.history_entry(uow=db_app.uow, session_id=sid)
    assert (entry.status, entry.done_s) == (SessionStatus.COMPLETED, total)


def test_ratings_may_still_follow_the_end_of_a_session(db_app: App) -> None:
    started = _started(db_app)
    log.finish(uow=db_app.uow, session_id=started.session_id, reached_end=False,
               elapsed_s=10.0, at=db_app.now())  # fmt: skip
    log.rate(uow=db_app.uow, session_id=started.session_id, moment=Moment.AFTER,
             stiffness=3, pain=1, at=db_app.now())  # fmt: skip
    assert svc.history_entry(uow=db_app.uow, session_id=started.session_id).after == (3, 1)


def test_an_unknown_session_is_named_in_the_error(db_app: App) -> None:
    with pytest.raises(svc.SessionNotFound, match="no session 999") as info:
        svc.history_entry(uow=db_app.uow, session_id=999)
    assert status_for(info.value) == 404
    with pytest.raises(svc.SessionNotFound):
        log.pause(uow=db_app.uow, session_id=999, at=db_app.now(), elapsed_s=0.0)
