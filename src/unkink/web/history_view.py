"""What the History page shows: three charts, each with its table, and the list of sessions.

Plain arithmetic over the service's history entries and the crack report; no queries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from unkink.domain.insights.trends import week_start
from unkink.textfmt import duration_short, rating_change, session_ending
from unkink.web.charts import Bar, bar_chart, before_after_chart

if TYPE_CHECKING:
    from unkink.services.sessions import HistoryEntry

WEEKS = 8
CRACK_DAYS = 30
RATED_SESSIONS = 20


def charts_since(today: date) -> datetime:
    """The oldest moment the charts look at: the start of the first of the ``WEEKS`` weeks."""
    return datetime.combine(week_start(today) - timedelta(weeks=WEEKS - 1), time.min)


def history_context(
    recent: Sequence[HistoryEntry],
    crack_days: Sequence[Mapping[str, Any]],
    *,
    today: date,
    names: Mapping[str, str],
) -> dict[str, Any]:
    """The charts and their tables, from the sessions since ``charts_since(today)`` and at
    least the last ``RATED_SESSIONS`` rated ones (``services.sessions.recent_history``)."""
    this_week = week_start(today)
    weeks = [this_week - timedelta(weeks=k) for k in range(WEEKS - 1, -1, -1)]
    per_week = Counter(week_start(e.started_at.date()) for e in recent)
    week_rows = [(w, per_week.get(w, 0)) for w in weeks]
    week_chart = bar_chart(
        f"Sessions per week, last {WEEKS} weeks",
        [Bar(w.strftime("%-d %b"), n, f"Week of {w:%-d %b}: {n} sessions") for w, n in week_rows],
        label_every=3,
    )

    rated = [
        e
        for e in sorted(recent, key=lambda e: e.started_at)
        if any(v is not None for v in (*e.before, *e.after))
    ][-RATED_SESSIONS:]
    labels = [e.started_at.strftime("%-d %b") for e in rated]
    stiffness_chart = before_after_chart(
        "Stiffness before and after each session, 0 to 10",
        labels,
        [e.before[0] for e in rated],
        [e.after[0] for e in rated],
    )
    pain_chart = before_after_chart(
        "Pain before and after each session, 0 to 10",
        labels,
        [e.before[1] for e in rated],
        [e.after[1] for e in rated],
    )

    by_day = {str(d["date"]): int(d["sessions"]) for d in crack_days}
    days = [today - timedelta(days=k) for k in range(CRACK_DAYS - 1, -1, -1)]
    crack_rows = [(d, by_day.get(d.isoformat(), 0)) for d in days]
    crack_chart = bar_chart(
        f"Crack sessions per day, last {CRACK_DAYS} days",
        [Bar(d.strftime("%-d %b"), n, f"{d:%-d %b}: {n} crack sessions") for d, n in crack_rows],
        label_every=10,
    )

    return {
        "week_chart": week_chart,
        "week_rows": week_rows,
        "stiffness_chart": stiffness_chart,
        "pain_chart": pain_chart,
        "rated": rated,
        "crack_chart": crack_chart,
        "crack_rows": [(d, n) for d, n in crack_rows if n],
    }


def session_rows(entries: Sequence[HistoryEntry], names: Mapping[str, str]) -> list[dict[str, str]]:
    """The list of sessions, one row each, as the page's table shows them."""
    return [
        {
            "id": str(e.session_id),
            "when": e.started_at.strftime("%a %-d %b %Y, %H:%M"),
            "stretches": ", ".join(names.get(x, x) for x in dict.fromkeys(e.exercises)),
            "minutes": duration_short(e.done_s),
            "ended": session_ending(str(e.status), e.stop_reason),
            "stiffness": rating_change(e.before[0], e.after[0], missing="–"),
            "pain": rating_change(e.before[1], e.after[1], missing="–"),
            "helped": names.get(e.helped_most or "", ""),
        }
        for e in entries
    ]
