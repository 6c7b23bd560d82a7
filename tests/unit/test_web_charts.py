"""Server-drawn SVG charts: labelled for screen readers, one mark per value, safe text."""

from __future__ import annotations

import re
from datetime import date

from unkink.web.charts import Bar, bar_chart, before_after_chart
from unkink.web.history_view import history_context


def test_a_bar_chart_has_a_title_and_one_bar_per_value() -> None:
    svg = str(bar_chart("Sessions per week", [Bar("1 Jan", 2), Bar("8 Jan", 0), Bar("<b>", 5)]))
    assert 'role="img"' in svg and "<title>Sessions per week</title>" in svg
    assert len(re.findall(r'<rect class="bar"', svg)) == 3
    assert "<b>" not in svg  # labels are escaped


def test_the_before_after_chart_skips_missing_values() -> None:
    svg = str(before_after_chart("Stiffness", ["a", "b", "c"], [5, None, 4], [3, 2, None]))
    assert len(re.findall(r'class="dot-before"', svg)) == 2
    assert len(re.findall(r'class="dot-after"', svg)) == 2


def test_history_with_no_sessions_still_draws_empty_weeks_and_days() -> None:
    context = history_context([], [], today=date(2026, 3, 2), names={})
    assert len(context["week_rows"]) == 8 and context["rated"] == []
    assert context["crack_rows"] == []
    assert "<svg" in str(context["crack_chart"])
    assert context["week_rows"][-1][0] == date(2026, 3, 2)  # this week (a Monday) comes last
