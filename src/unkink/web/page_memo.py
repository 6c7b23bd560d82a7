"""Read pages kept while nothing they show can have changed (issue 10: pages at ≥ 0.5× a bare app).

A read page (Home, Plan, History, Cracks, Exercises, ...) is a function of three things only:
what is in the database, the clock's minute (the newest time any page shows), and the page's
own query parameters as FastAPI validated them; the templates never read the request. So
``@kept_page`` keeps each rendered page under those three, and answers the same request again
from the copy, without reading or rendering anything:

* **The database** is ``App.data_stamp()``: SQLite's ``data_version`` on a connection that never
  writes, which changes on every commit by anyone (this server, ``unkink crack`` in a terminal,
  the reminder). It is read *before* the page reads, so a write that lands in between leaves the
  copy under a stamp that never comes back. Where there is no stamp (PostgreSQL), every page is
  rendered afresh.
* **The minute** comes from the app's wall clock, so "today", the gate's 30 days and the crack
  log's "now" move on by themselves.

Only what the endpoint returned is kept (a page or a redirect); an error is raised, never kept.
Each web app keeps its own few pages (``MAX_PAGES``, the least recently used go first).
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from starlette.responses import Response

MAX_PAGES = 64
"""Pages kept per web app: every read page, a few history pages and plan choices."""

_NOT_INPUTS = ("request", "app")

Endpoint = TypeVar("Endpoint", bound=Callable[..., Response])


@dataclass(frozen=True, slots=True)
class _Kept:
    status: int
    body: bytes
    headers: tuple[tuple[bytes, bytes], ...]

    @classmethod
    def of(cls, response: Response) -> _Kept:
        return cls(response.status_code, bytes(response.body), tuple(response.raw_headers))

    def response(self) -> Response:
        """A new response each time: middleware (gzip) changes a response's headers in place."""
        fresh = Response(self.body, status_code=self.status)
        fresh.raw_headers = list(self.headers)
        return fresh


class PageMemo:
    """The pages one web app keeps: a small least-recently-used table, safe across threads."""

    def __init__(self, size: int = MAX_PAGES) -> None:
        self.size = size
        self._pages: OrderedDict[tuple[Any, ...], _Kept] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> _Kept | None:
        with self._lock:
            kept = self._pages.get(key)
            if kept is not None:
                self._pages.move_to_end(key)
            return kept

    def put(self, key: tuple[Any, ...], kept: _Kept) -> None:
        with self._lock:
            self._pages[key] = kept
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)

    def __len__(self) -> int:
        return len(self._pages)


def page_memo(web: Any) -> PageMemo:
    """The memo of one FastAPI app (made with the app: ``create_app`` sets it)."""
    memo: PageMemo = web.state.pages
    return memo


def kept_page(endpoint: Endpoint) -> Endpoint:
    """Keep ``endpoint``'s pages under the database stamp, the minute and its inputs.

    ``endpoint`` takes ``request`` and ``app`` (``AppDep``) by name, and reads nothing but the
    database, the app's clock and its other parameters. It stays a plain ``def``, so FastAPI
    still runs it in the thread pool (a read may wait for SQLite's lock)."""

    @functools.wraps(endpoint)
    def page(*args: Any, **kwargs: Any) -> Response:
        app = kwargs["app"]
        stamp = app.data_stamp()  # first: a write after this moves the stamp on
        if stamp is None:
            return endpoint(*args, **kwargs)
        minute = app.now().replace(second=0, microsecond=0)
        inputs = tuple(sorted((k, v) for k, v in kwargs.items() if k not in _NOT_INPUTS))
        key = (endpoint.__module__, endpoint.__qualname__, stamp, minute, inputs)
        memo = page_memo(kwargs["request"].app)
        kept = memo.get(key)
        if kept is not None:
            return kept.response()
        response = endpoint(*args, **kwargs)
        memo.put(key, _Kept.of(response))
        return response

    return page  # type: ignore[return-value]
