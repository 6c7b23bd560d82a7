"""``weekly`` and ``stretch_insights`` group the points in one pass (not one scan per week or
per stretch); on any points they give what the scanning versions below gave, exactly."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from statistics import mean

from hypothesis import given, settings
from hypothesis import strategies as st

from unkink.domain.insights.estimate import estimate_change
from unkink.domain.insights.records import SessionPoint
from unkink.domain.insights.stretches import StretchInsight, _mean, stretch_insights
from unkink.domain.insights.trends import MAX_WEEKS, Week, week_start, weekly

TODAY = date(2026, 3, 4)
FIRST = datetime(2025, 10, 1)


def _scanning_weekly(
    points: Sequence[SessionPoint],
    crack_starts: Sequence[datetime],
    *,
    today: date,
    weekly_pain: dict[date, int],
    weekly_breaks: dict[date, int],
) -> list[Week]:
    days = [p.started_at.date() for p in points] + [c.date() for c in crack_starts]
    days += list(weekly_pain) + [d for d, n in weekly_breaks.items() if n]
    this_week = week_start(today)
    if not days:
        return []
    first = max(week_start(min(days)), this_week - timedelta(weeks=MAX_WEEKS - 1))
    weeks, start = [], first
    while start <= this_week:
        end = start + timedelta(days=7)
        held = [p for p in points if start <= p.started_at.date() < end]
        stiff = [p.before[0] for p in held if p.before[0] is not None]
        pain = [p.before[1] for p in held if p.before[1] is not None]
        weeks.append(
            Week(
                start=start,
                sessions=len(held),
                desk_breaks=weekly_breaks.get(start, 0),
                stiffness_before=mean(stiff) if stiff else None,
                pain_before=mean(pain) if pain else None,
                crack_sessions=sum(1 for c in crack_starts if start <= c.date() < end),
                weekly_pain=weekly_pain.get(start),
            )
        )
        start = end
    return weeks


def _scanning_stretches(points: Sequence[SessionPoint]) -> list[StretchInsight]:
    found = []
    for ex in sorted({e for p in points for e in p.exercises}):
        held = [p for p in points if ex in p.exercises]
        changes = [[c for p in held if (c := p.change(w)) is not None] for w in (0, 1)]
        found.append(
            StretchInsight(
                exercise_id=ex,
                sessions=len(held),
                stiffness=estimate_change(changes[0]),
                pain=estimate_change(changes[1]),
                helped_most=sum(1 for p in held if p.helped_most == ex),
            )
        )
    return sorted(found, key=lambda s: (s.stiffness is None, _mean(s.stiffness), s.exercise_id))


score = st.one_of(st.none(), st.integers(0, 10))
moment = st.datetimes(min_value=FIRST, max_value=datetime(2026, 3, 10))  # some after today
point = st.builds(
    SessionPoint,
    started_at=moment,
    place=st.sampled_from(["desk", "floor"]),
    exercises=st.lists(st.sampled_from("abcd"), max_size=4).map(tuple),  # repeats too
    before=st.tuples(score, score),
    after=st.tuples(score, score),
    helped_most=st.one_of(st.none(), st.sampled_from("abcd")),
)
day = st.dates(min_value=FIRST.date(), max_value=TODAY)


@settings(max_examples=200, deadline=None)
@given(
    points=st.lists(point, max_size=60).map(lambda ps: sorted(ps, key=lambda p: p.started_at)),
    cracks=st.lists(moment, max_size=20),
    pain=st.dictionaries(day.map(week_start), st.integers(0, 10), max_size=5),
    breaks=st.dictionaries(day.map(week_start), st.integers(0, 5), max_size=5),
)
def test_one_pass_gives_what_the_scans_gave(
    points: list[SessionPoint],
    cracks: list[datetime],
    pain: dict[date, int],
    breaks: dict[date, int],
) -> None:
    assert weekly(
        points, cracks, today=TODAY, weekly_pain=pain, weekly_breaks=breaks
    ) == _scanning_weekly(points, cracks, today=TODAY, weekly_pain=pain, weekly_breaks=breaks)
    assert stretch_insights(points) == _scanning_stretches(points)
