"""The JSON API under /api: what the pages' scripts use. Every input is a pydantic model.

Routes translate HTTP to service calls and back; they hold no rules and run no queries.
Errors: 422 for malformed input (FastAPI names the field), 400 for values the domain rejects,
404 for unknown ids, 409 when the safety gate or the session's state forbids the action.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request, Response

from unkink.web.deps import CatalogueDep

if TYPE_CHECKING:
    from unkink.domain.exercises import Catalogue

router = APIRouter(prefix="/api", tags=["api"])


class CatalogueJson:
    """``/api/exercises``'s body, serialised once per catalogue object, with its ETag and its
    gzip form: the catalogue does not change while the server runs (a new one is a new
    object), and re-serialising 15 kB of JSON on every request halved the route's rate."""

    def __init__(self, catalogue: Catalogue) -> None:
        import gzip
        import hashlib
        import json

        from unkink.catalogue.serialize import exercise_as_dict

        self.catalogue = catalogue  # held, so the id it is found by stays this catalogue's
        self.body = json.dumps(
            [exercise_as_dict(e) for e in catalogue], ensure_ascii=False, separators=(",", ":")
        ).encode()
        self.gzipped = gzip.compress(self.body, compresslevel=6, mtime=0)
        self.etag = f'W/"{hashlib.blake2b(self.body, digest_size=12).hexdigest()}"'


_serialised: dict[int, CatalogueJson] = {}
_lock = threading.Lock()


def catalogue_json(catalogue: Catalogue) -> CatalogueJson:
    found = _serialised.get(id(catalogue))
    if found is not None and found.catalogue is catalogue:
        return found
    made = CatalogueJson(catalogue)
    with _lock:
        _serialised.clear()  # one catalogue per server; drop any older one
        _serialised[id(catalogue)] = made
    return made


@router.get(
    "/exercises",
    summary="Every exercise in the catalogue",
    response_model=list[dict[str, Any]],
    responses={304: {"description": "Not modified (If-None-Match matched the ETag)"}},
)
async def list_exercises(request: Request, catalogue: CatalogueDep) -> Response:
    """Bytes made once (no I/O, so no thread-pool hop); ``If-None-Match`` gets a 304."""
    serialised = catalogue_json(catalogue)
    headers = {"etag": serialised.etag, "vary": "Accept-Encoding"}
    if serialised.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    if "gzip" in request.headers.get("accept-encoding", ""):
        headers["content-encoding"] = "gzip"  # the gzip middleware leaves it as it is
        return Response(serialised.gzipped, media_type="application/json", headers=headers)
    return Response(serialised.body, media_type="application/json", headers=headers)


@router.get("/exercises/{exercise_id}", summary="One exercise with its steps")
def get_exercise(exercise_id: str, catalogue: CatalogueDep) -> dict[str, Any]:
    from unkink.catalogue.serialize import exercise_as_dict

    return exercise_as_dict(catalogue.get(exercise_id))
