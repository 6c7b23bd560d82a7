"""The ordered writer: writes wait their turn while the database is unavailable, in order,
none dropped; a refused write is raised in the caller's thread."""

from __future__ import annotations

import threading

import pytest

from tests.fakes import ManualClock
from unkink.domain.errors import InvalidInput, Unavailable
from unkink.services import write_queue
from unkink.services.write_queue import OrderedWriter


@pytest.fixture(autouse=True)
def _fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write_queue, "RETRY_S", (0.001,))


def test_writes_keep_their_order_while_the_database_is_busy() -> None:
    writer = OrderedWriter(clock=ManualClock())
    busy = {"left": 5}
    stored: list[int] = []

    def store(n: int) -> None:
        if n == 0 and busy["left"]:
            busy["left"] -= 1
            raise Unavailable("busy")
        stored.append(n)

    for n in range(5):
        writer.submit(lambda n=n: store(n))  # type: ignore[misc]
    writer.drain()
    writer.close()
    assert stored == [0, 1, 2, 3, 4] and busy["left"] == 0


def test_a_waiting_write_is_reported_only_as_long_as_it_waits() -> None:
    clock = ManualClock()
    writer = OrderedWriter(clock=clock)
    release = threading.Event()
    assert writer.write(lambda: release.wait(5), wait_s=0.01) is None  # still waiting
    clock.tick(4)
    assert writer.delayed_s() == pytest.approx(4)
    release.set()
    writer.drain()
    assert writer.delayed_s() == 0
    writer.close()


def test_a_refused_write_is_raised_to_the_caller_once() -> None:
    writer = OrderedWriter(clock=ManualClock())

    def refused() -> None:
        raise InvalidInput("no")

    with pytest.raises(InvalidInput):
        writer.wait(refused)
    assert writer.wait(lambda: 42) == 42
    writer.close()
