"""How unkink drives a browser: Debian's Chromium through Playwright, never a downloaded one.

Used by the figure contact sheet, the web benchmark and the browser tests, so the path and the
flags live in one place. The flags keep Chromium from reaching out to the network at start-up
(it would try, and be refused, many times on a closed machine).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def launch_chromium(playwright: Playwright, **options: Any) -> Browser:
    """Headless Chromium from the system package (``playwright install`` is never used)."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS), headless=True, **options
    )
