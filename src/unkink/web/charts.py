"""Charts drawn as SVG on the server: no chart library, nothing for the browser to run.

Each function returns markup for one small, labelled chart. Colours come from the page's CSS
classes, so light and dark themes both work. Every chart on a page also has a data table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

WIDTH = 480
HEIGHT = 200
PAD_LEFT = 34
PAD_RIGHT = 24
PAD_TOP = 14
PAD_BOTTOM = 34


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    title: str = ""


def _frame(title: str, body: str) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" preserveAspectRatio="xMidYMid meet">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def _y_axis(top: float) -> tuple[str, float]:
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    ticks = [0, float(int(top // 2)), top] if top >= 4 else [0, top]  # whole numbers only
    parts = []
    for t in ticks:
        y = PAD_TOP + plot_h - plot_h * (t / top if top else 0)
        parts.append(
            f'<line class="axis" x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" y1="{y:.1f}" '
            f'y2="{y:.1f}"/><text class="label" x="{PAD_LEFT - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end">{t:g}</text>'
        )
    return "".join(parts), plot_h


def bar_chart(title: str, bars: Sequence[Bar], *, label_every: int = 1) -> Markup:
    top = max([b.value for b in bars] + [1.0])
    top = float(int(top) + (0 if top == int(top) else 1))
    axis, plot_h = _y_axis(top)
    n = max(len(bars), 1)
    slot = (WIDTH - PAD_LEFT - PAD_RIGHT) / n
    width = min(slot * 0.7, 48)
    parts = [axis]
    for i, bar in enumerate(bars):
        h = plot_h * bar.value / top
        x = PAD_LEFT + i * slot + (slot - width) / 2
        y = PAD_TOP + plot_h - h
        tip = escape(bar.title or f"{bar.label}: {bar.value:g}")
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{h:.1f}" '
            f'rx="3"><title>{tip}</title></rect>'
        )
        if (n - 1 - i) % label_every == 0:
            parts.append(
                f'<text class="label" x="{x + width / 2:.1f}" y="{HEIGHT - PAD_BOTTOM + 20}" '
                f'text-anchor="middle">{escape(bar.label)}</text>'
            )
    return _frame(title, "".join(parts))


def before_after_chart(
    title: str, labels: Sequence[str], before: Sequence[float | None], after: Sequence[float | None]
) -> Markup:
    """Two lines on a 0-10 scale: before and after each session."""
    axis, plot_h = _y_axis(10)
    n = max(len(labels), 1)
    step = (WIDTH - PAD_LEFT - PAD_RIGHT - 20) / max(n - 1, 1)

    def point(i: int, v: float) -> tuple[float, float]:
        x = PAD_LEFT + 10 + (i * step if n > 1 else (WIDTH - PAD_LEFT - PAD_RIGHT) / 2 - 10)
        return x, PAD_TOP + plot_h - plot_h * v / 10

    parts = [axis]
    for series, cls in ((before, "before"), (after, "after")):
        points = [point(i, v) for i, v in enumerate(series) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(f'<polyline class="{cls}" points="{path}"/>')
        for (x, y), v in zip(points, [v for v in series if v is not None], strict=True):
            parts.append(
                f'<circle class="dot-{cls}" cx="{x:.1f}" cy="{y:.1f}" r="4">'
                f"<title>{cls.capitalize()}: {v:g}</title></circle>"
            )
    every = max(1, -(-n // 4))
    for i, label in enumerate(labels):
        if (n - 1 - i) % every == 0:
            x, _ = point(i, 0)
            parts.append(
                f'<text class="label" x="{x:.1f}" y="{HEIGHT - PAD_BOTTOM + 20}" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    return _frame(title, "".join(parts))
