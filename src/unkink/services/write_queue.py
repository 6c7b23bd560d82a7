"""Writes that wait their turn: one background writer, in order, retried while the database
is unavailable (another program holds SQLite's write lock, a server restarts).

The session players use it so that a held lock never ends a session: each write is handed
over and waited for briefly (store first, then show); if the database is busy, the session
goes on, later writes queue behind the waiting one (never reordered, never dropped), and
``delayed_s`` tells the player how long saving has been waiting, so it can say so only when
it lasts. An error that is not ``Unavailable`` (a refused write) is raised in the caller's
thread at its next call.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from unkink.domain.errors import Unavailable

T = TypeVar("T")

WAIT_FIRST_S = 2.0
"""How long a player waits for a write before it shows the cue anyway."""
RETRY_S = (0.2, 0.5, 1.0, 2.0)
"""Pauses between tries while the database is unavailable (the last one repeats)."""


class OrderedWriter:
    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._jobs: queue.Queue[tuple[Callable[[], Any], Future[Any], float] | None] = queue.Queue()
        self._waiting_since: float | None = None
        self._failed: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="unkink-writer", daemon=True)
        self._thread.start()

    # --- the caller's side ---
    def submit(self, write: Callable[[], T]) -> Future[T]:
        self._raise_failure()
        done: Future[T] = Future()
        self._jobs.put((write, done, self._clock()))
        return done

    def write(self, write: Callable[[], T], *, wait_s: float = WAIT_FIRST_S) -> T | None:
        """Hand a write over and wait up to ``wait_s`` for it; None if it is still waiting."""
        done = self.submit(write)
        try:
            return done.result(timeout=wait_s)
        except TimeoutError:
            return None
        except BaseException:
            self._failed = None  # raised here, not again at the next call
            raise

    def wait(self, write: Callable[[], T]) -> T:
        """Hand a write over and wait for it, however long the database is unavailable."""
        done = self.submit(write)
        try:
            return done.result()
        except BaseException:
            self._failed = None
            raise

    def delayed_s(self) -> float:
        """How long the oldest unsaved write has waited since it was handed over (0 when
        saving keeps up: a write normally takes milliseconds)."""
        since = self._waiting_since
        return 0.0 if since is None else max(0.0, self._clock() - since)

    def drain(self, *, on_wait: Callable[[float], None] | None = None) -> None:
        """Wait until every write so far is stored; ``on_wait`` hears how long, now and then."""
        marker: Future[None] = self.submit(lambda: None)
        while True:
            try:
                marker.result(timeout=1.0)
                break
            except TimeoutError:
                if on_wait is not None:
                    on_wait(self.delayed_s())
        self._raise_failure()

    def close(self) -> None:
        self._jobs.put(None)
        self._thread.join(timeout=5)

    def _raise_failure(self) -> None:
        if self._failed is not None:
            failed, self._failed = self._failed, None
            raise failed

    # --- the writer's side ---
    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            write, done, submitted = job
            self._waiting_since = submitted
            tries = 0
            while True:
                try:
                    result = write()
                except Unavailable:
                    time.sleep(RETRY_S[min(tries, len(RETRY_S) - 1)])
                    tries += 1
                    continue
                except BaseException as exc:  # refused: the caller hears of it
                    self._waiting_since = None
                    self._failed = exc
                    done.set_exception(exc)
                    break
                self._waiting_since = None
                done.set_result(result)
                break
