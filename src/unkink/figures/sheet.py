"""A contact sheet: every step of every exercise on one page, to review the poses at a glance.

``sheet_html`` is plain string building; ``screenshot`` drives headless Chromium through
Playwright, both imported only when called (they are optional, dev-only tools).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from html import escape
from pathlib import Path

from unkink.browser import CHROMIUM, launch_chromium
from unkink.domain.exercises import Exercise, Laterality
from unkink.figures.svg import render_step_svg

STYLE = (
    "body{font:13px/1.35 system-ui,sans-serif;margin:16px;color:#1f2328;background:#fff}"
    "h1{font-size:18px;margin:0 0 8px}h2{font-size:15px;margin:14px 0 6px}"
    ".row{display:grid;grid-template-columns:repeat(6,220px);gap:8px}"
    "figure{margin:0}img{width:220px;height:150px;object-fit:contain;display:block;"
    "background:#f7f5f0;border-radius:4px}figcaption{margin-top:3px}"
    ".dark body{background:#0e1114;color:#e6e8ea}.dark img{background:#171b20}"
)


class SheetError(RuntimeError):
    """The contact sheet could not be made; the message says what to install."""


def sheet_html(exercises: Iterable[Exercise], *, dark: bool = False) -> str:
    rows = []
    for exercise in exercises:
        if not all(step.keyframes for step in exercise.steps):
            continue
        one_sided = exercise.laterality is Laterality.UNILATERAL
        for side in ("right", "left") if one_sided else (None,):
            cells = []
            for i, step in enumerate(exercise.steps):
                svg = render_step_svg(exercise, i, side=side)
                data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
                caption = escape(f"{i + 1}. {step.text_for(side)}")
                cells.append(
                    f'<figure><img alt="" src="data:image/svg+xml;base64,{data}">'
                    f"<figcaption>{caption}</figcaption></figure>"
                )
            label = escape(exercise.name + (f" ({side} side)" if side else ""))
            rows.append(f'<h2>{label}</h2><div class="row">{"".join(cells)}</div>')
    theme = "dark" if dark else "light"
    return (
        f'<!doctype html><html lang="en" class="{theme}"><meta charset="utf-8">'
        f"<title>unkink figures</title><style>{STYLE}</style><body>"
        f"<h1>unkink figures: every step</h1>{''.join(rows)}</body></html>"
    )


def screenshot(html: str, path: Path, *, dark: bool = False) -> None:
    """Render ``html`` in headless Chromium and save a full-page PNG at ``path``."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise SheetError(
            "the contact sheet needs Playwright for Python. Install the dev tools with "
            "'scripts/install --dev' (or 'pip install playwright')."
        ) from None
    if not CHROMIUM.exists():
        raise SheetError(
            f"the contact sheet needs Chromium at {CHROMIUM}. Install it with "
            "'apt-get install -y chromium'."
        )
    try:
        with sync_playwright() as p:
            browser = launch_chromium(p)
            try:
                page = browser.new_page(
                    viewport={"width": 1420, "height": 900},
                    color_scheme="dark" if dark else "light",
                    reduced_motion="reduce",
                )
                page.set_content(html, wait_until="load")
                page.screenshot(path=str(path), full_page=True)
            finally:
                browser.close()
    except Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SheetError(f"Chromium could not make the contact sheet: {first}") from None
