"""The History page: the charts over the newest sessions, then the sessions a page at a time.

``/history`` shows the charts and the newest ``HISTORY_PAGE`` sessions; its "Older sessions"
link, ``/history?before=ID``, lists the next older ones (issue 10: 500 rows took 28 ms).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from unkink.bootstrap import App
from unkink.web.deps import AppDep
from unkink.web.page_memo import kept_page
from unkink.web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/history", response_class=HTMLResponse)
@kept_page
def history_page(
    request: Request,
    app: AppDep,
    before: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
) -> HTMLResponse:
    """The newest ``HISTORY_PAGE`` sessions under the charts; ``?before=ID`` (the page's
    "Older sessions" link) lists the next older ones, without the charts."""
    from unkink.services.sessions import history_overview, history_page
    from unkink.web.history_view import RATED_SESSIONS, charts_since, session_rows

    names = {e.id: e.name for e in app.catalogue}
    charts: dict[str, Any] = {}
    if before is None:  # the charts and the newest page from one read
        page, recent = history_overview(
            uow=app.uow, since=charts_since(app.today()), rated=RATED_SESSIONS
        )
        charts = _history_charts(app, recent, names)
    else:
        page = history_page(uow=app.uow, before=before)
    return render(
        request,
        "history.html",
        title="History" if before is None else "Older sessions",
        active="/history",
        first_page=before is None,
        sessions=session_rows(page.entries, names),
        older=page.older,
        has_sessions=bool(page.entries),
        **charts,
    )


def _history_charts(app: App, recent: Any, names: dict[str, str]) -> dict[str, Any]:
    from unkink.services.reminders import breaks_by_day
    from unkink.web.api_safety import read_cracks
    from unkink.web.history_view import history_context

    today = app.today()
    cracks = read_cracks(app)
    desk_breaks = breaks_by_day(uow=app.uow, today=today, days=14)  # unkink remind
    return {
        "desk_breaks": desk_breaks,
        **history_context(recent, cracks.days, today=today, names=names),
    }
