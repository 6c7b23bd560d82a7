"""``kept_page``: what a page is kept under, and that a kept page is not read or rendered again."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from starlette.responses import HTMLResponse, RedirectResponse, Response

from unkink.web.page_memo import PageMemo, kept_page


class Site:
    """What a kept page sees: a stamp, a wall clock, the web app's memo; and how often it ran."""

    def __init__(self) -> None:
        self.stamp: object | None = ("db", 1)
        self.clock = datetime(2026, 3, 2, 9, 0, 0)
        self.request = SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(pages=PageMemo())))
        self.runs = 0

    def data_stamp(self) -> object | None:
        return self.stamp

    def now(self) -> datetime:
        return self.clock

    def get(self, page: Any, **inputs: Any) -> Response:
        response: Response = page(request=self.request, app=self, **inputs)
        return response


@kept_page
def counted(request: Any, app: Site, n: int = 0) -> Response:
    app.runs += 1
    return HTMLResponse(f"<p>run {app.runs}, n={n}</p>")


def test_the_same_stamp_minute_and_inputs_are_answered_from_the_copy() -> None:
    site = Site()
    first = site.get(counted, n=1)
    second = site.get(counted, n=1)
    assert site.runs == 1
    assert second.body == first.body == b"<p>run 1, n=1</p>"
    assert second is not first  # a new response each time: middleware changes headers in place
    assert second.raw_headers == first.raw_headers


def test_a_new_stamp_a_new_minute_or_other_inputs_render_again() -> None:
    site = Site()
    site.get(counted, n=1)
    site.get(counted, n=2)
    assert site.runs == 2
    site.stamp = ("db", 2)
    site.get(counted, n=1)
    assert site.runs == 3
    site.clock = site.clock.replace(second=59)
    site.get(counted, n=1)
    assert site.runs == 3  # the same minute
    site.clock = site.clock.replace(minute=1, second=0)
    site.get(counted, n=1)
    assert site.runs == 4


def test_without_a_stamp_nothing_is_kept() -> None:
    site = Site()
    site.stamp = None
    for _ in range(3):
        site.get(counted)
    assert site.runs == 3
    assert len(site.request.app.state.pages) == 0


def test_an_error_is_raised_each_time_and_never_kept() -> None:
    site = Site()

    @kept_page
    def failing(request: Any, app: Site) -> Response:
        app.runs += 1
        raise RuntimeError("the database went away")

    for expected in (1, 2):
        try:
            site.get(failing)
        except RuntimeError:
            pass
        assert site.runs == expected
    assert len(site.request.app.state.pages) == 0


def test_a_redirect_is_kept_with_its_status_and_location() -> None:
    site = Site()

    @kept_page
    def home(request: Any, app: Site) -> Response:
        app.runs += 1
        return RedirectResponse("/welcome", status_code=303)

    site.get(home)
    again = site.get(home)
    assert site.runs == 1
    assert again.status_code == 303
    assert dict(again.headers)["location"] == "/welcome"


def test_the_least_recently_used_page_goes_first_when_full() -> None:
    site = Site()
    site.request.app.state.pages = PageMemo(size=2)
    site.get(counted, n=1)
    site.get(counted, n=2)
    site.get(counted, n=1)  # n=1 is now the most recent
    site.get(counted, n=3)  # n=2 goes
    assert site.runs == 3
    site.get(counted, n=1)
    assert site.runs == 3
    site.get(counted, n=2)
    assert site.runs == 4


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(0, 2)), max_size=40))
def test_a_page_is_rendered_once_per_stamp_minute_and_input(
    requests: list[tuple[int, int, int]],
) -> None:
    """With room for all, renders == distinct (stamp, minute, input) triples asked for."""
    site = Site()
    site.request.app.state.pages = PageMemo(size=100)
    for stamp, minute, n in requests:
        site.stamp = ("db", stamp)
        site.clock = site.clock.replace(minute=minute, second=(stamp * 7) % 60)
        assert site.get(counted, n=n).body.endswith(f"n={n}</p>".encode())
    assert site.runs == len(set(requests))
