"""Run a coroutine to the end from a test, whatever else is running in the test thread.

Playwright's sync API (the e2e tier) keeps an event loop running in the main thread for the
rest of a pytest run, and ``asyncio.run`` refuses to start inside a running loop. A thread of
its own has no loop, so the coroutine gets a fresh one there.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
