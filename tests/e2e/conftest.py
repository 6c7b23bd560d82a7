"""Browser tests: Debian's Chromium driven by Playwright against ``unkink serve`` in a subprocess.

Never ``playwright install``: the browser is /usr/bin/chromium (scripts/install-system). When it
is missing, tests skip with a reason, except in CI (CI=true), where they fail.
Each test gets its own server on a free loopback port and its own SQLite file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import IN_CI
from unkink.browser import CHROMIUM, launch_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.e2e)


@dataclass
class Server:
    url: str
    db_path: Path
    process: subprocess.Popen[str]

    def at(self, path: str) -> str:
        return self.url.rstrip("/") + path


def start_server(db_path: Path, env_dir: Path) -> Server:
    env = {
        **os.environ,
        "UNKINK_DATA_DIR": str(env_dir / "data"),
        "UNKINK_CATALOGUE_DIR": str(env_dir / "user-exercises"),
        "PYTHONUNBUFFERED": "1",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "unkink",
            "--db",
            f"sqlite:///{db_path}",
            "serve",
            "--no-open",
            "--port",
            "0",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                raise RuntimeError(f"unkink serve exited with {process.returncode}")
            continue
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if found:
            return Server(found.group(0), db_path, process)
    process.kill()
    raise RuntimeError("unkink serve did not print its address within 30 s")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    srv = start_server(tmp_path / "web.db", tmp_path)
    yield srv
    srv.process.terminate()
    try:
        srv.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        srv.process.kill()
        srv.process.wait()
    if srv.process.stdout:
        srv.process.stdout.close()


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: run scripts/install-system (Debian's chromium)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = launch_chromium(playwright_instance)
    yield browser
    browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, service_workers="block")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def desktop_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()
