"""``GET /api/history``: past sessions, newest first, a page at a time (``Link: rel=next``).

The body is the list ``unkink history --json`` prints; the cursor to the next, older page is a
session id in the ``Link`` header, so scripts that read the list keep working (issue 10).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from unkink.services.session_history import HISTORY_PAGE, HISTORY_PAGE_MAX
from unkink.web.deps import AppDep

router = APIRouter(prefix="/api", tags=["sessions"])


@router.get(
    "/history",
    summary="Past sessions, newest first (as 'unkink history --json'), a page at a time",
    response_model=list[dict[str, Any]],
    responses={200: {"headers": {"Link": {"description": 'rel="next": the older page'}}}},
)
def get_history(
    app: AppDep,
    before: Annotated[
        int | None, Query(ge=1, le=2**31 - 1, description="the `next` cursor: a session id")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=HISTORY_PAGE_MAX)] = HISTORY_PAGE,
) -> Response:
    """The body stays a list, as ``unkink history --json`` prints it; the cursor to the next,
    older page is in ``Link: <...?before=ID>; rel="next"`` (absent on the last page)."""
    import json

    from unkink.services.sessions import history_page

    page = history_page(uow=app.uow, before=before, size=limit)
    body = json.dumps([e.as_dict() for e in page.entries], separators=(",", ":"))
    headers = {}
    if page.older is not None:
        headers["link"] = f'</api/history?before={page.older}&limit={limit}>; rel="next"'
    return Response(body, media_type="application/json", headers=headers)
