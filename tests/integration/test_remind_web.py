"""The web app shows what the reminder recorded: desk breaks per day, stretches for later."""

from __future__ import annotations

from tests.integration.test_web import make_client
from unkink.bootstrap import App
from unkink.services import reminders


def test_history_shows_desk_breaks_and_the_longest_sitting_stretch(app: App) -> None:
    reminders.record_event(uow=app.uow, at=app.now(), kind="started", sitting_s=2700)
    reminders.record_event(uow=app.uow, at=app.now(), kind="away", sitting_s=95 * 60)
    with make_client(app) as client:
        page = client.get("/history").text
    assert 'id="desk-breaks"' in page
    assert "<td>2</td><td>1</td><td>95 min</td>" in page


def test_home_shows_floor_stretches_queued_for_tonight(app: App) -> None:
    from unkink.services.safety import acknowledge_intended_use

    acknowledge_intended_use(uow=app.uow, now=app.now())
    with app.uow() as u:
        u.reminders.queue_for_later(day=app.today(), exercise_ids=["bridge"], at=app.now())
        u.commit()
    with make_client(app) as client:
        page = client.get("/").text
    assert "At home tonight: bridge." in page
