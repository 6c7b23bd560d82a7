"""What the Insights page shows: the plain sentences, a range chart per stretch, weekly bar charts
(the History page's ``charts.bar_chart``), each with its table. Arithmetic only; no queries."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from unkink.domain.insights.wording import VERDICT_WORDS, change_text
from unkink.web.charts import HEIGHT, PAD_BOTTOM, PAD_TOP, WIDTH, Bar, _frame, bar_chart

if TYPE_CHECKING:
    from unkink.domain.insights.stretches import StretchInsight
    from unkink.services.insights import Insights

LABEL_W = 150
ROW_H = 30


def range_chart(title: str, rows: Sequence[tuple[str, float, float, float]]) -> Markup:
    """One row per stretch: a line from low to high and a dot at the typical change; a zero
    line. Built in the style of ``charts.py`` (same frame, classes and title)."""
    top = max([3.0] + [abs(v) for _, m, lo, hi in rows for v in (lo, hi)])
    top = float(int(top) + 1)
    left, right = LABEL_W, WIDTH - 16
    height = max(HEIGHT // 2, PAD_TOP + ROW_H * len(rows) + PAD_BOTTOM)

    def x(v: float) -> float:
        return left + (v + top) / (2 * top) * (right - left)

    parts = []
    for tick in (-top, 0.0, top):
        tick_text = "0" if tick == 0 else f"{tick:+g}"
        parts.append(
            f'<line class="axis" x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{PAD_TOP}" '
            f'y2="{height - PAD_BOTTOM + 4}"/><text class="label" x="{x(tick):.1f}" '
            f'y="{height - PAD_BOTTOM + 20}" text-anchor="middle">{tick_text}</text>'
        )
    for i, (name, mean, low, high) in enumerate(rows):
        y = PAD_TOP + ROW_H * i + ROW_H / 2
        tip = escape(f"{name}: {mean:+.1f} (from {low:+.1f} to {high:+.1f})")
        parts.append(
            f'<text class="label" x="{left - 8}" y="{y + 5:.1f}" text-anchor="end">'
            f"{escape(name)}</text>"
            f'<polyline class="after" points="{x(low):.1f},{y:.1f} {x(high):.1f},{y:.1f}"/>'
            f'<circle class="dot-after" cx="{x(mean):.1f}" cy="{y:.1f}" r="5">'
            f"<title>{tip}</title></circle>"
        )
    body = "".join(parts)
    frame = _frame(title, body)
    return Markup(
        str(frame).replace(f'viewBox="0 0 {WIDTH} {HEIGHT}"', f'viewBox="0 0 {WIDTH} {height}"')
    )


def _rows(stretches: Sequence[StretchInsight], names: Mapping[str, str], which: str) -> list[Any]:
    found = []
    for s in stretches:
        e = getattr(s, which)
        if e is not None:
            found.append((names.get(s.exercise_id, s.exercise_id), e.mean, e.low, e.high))
    return found


def insights_context(found: Insights, names: Mapping[str, str]) -> dict[str, Any]:
    weeks = found.weeks
    goal = found.goal

    def weekly(title: str, attr: str) -> Markup:
        bars = [
            Bar(
                f"{w.start:%-d %b}",
                float(getattr(w, attr) or 0),
                f"Week of {w.start:%-d %b}: "
                f"{'no data' if getattr(w, attr) is None else round(getattr(w, attr), 1)}",
            )
            for w in weeks
        ]
        return bar_chart(title, bars, label_every=max(1, len(bars) // 4))

    stretches = [
        {
            "name": names.get(s.exercise_id, s.exercise_id),
            "sessions": s.sessions,
            "stiffness": change_text(s.stiffness),
            "pain": change_text(s.pain),
            "helped_most": s.helped_most,
            "reading": VERDICT_WORDS[s.verdict],
        }
        for s in found.stretches
    ]
    stiff_rows = _rows(found.stretches, names, "stiffness")
    pain_rows = _rows(found.stretches, names, "pain")
    goal_text = f" (goal {goal.sessions_per_week})" if goal else ""
    return {
        "insights": found,
        "stretches": stretches,
        "stiffness_chart": range_chart("Typical change in stiffness, with 95% range", stiff_rows)
        if stiff_rows
        else None,
        "pain_chart": range_chart("Typical change in pain, with 95% range", pain_rows)
        if pain_rows
        else None,
        "sessions_chart": weekly(f"Sessions per week{goal_text}", "sessions") if weeks else None,
        "breaks_chart": weekly("Desk breaks per week", "desk_breaks") if weeks else None,
        "stiffness_week_chart": weekly(
            "Stiffness before sessions, weekly average, 0 to 10", "stiffness_before"
        )
        if weeks
        else None,
        "pain_week_chart": weekly("Pain before sessions, weekly average, 0 to 10", "pain_before")
        if weeks
        else None,
        "crack_chart": weekly("Crack sessions per week", "crack_sessions") if weeks else None,
        "goal": goal,
    }
