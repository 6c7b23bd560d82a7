"""Fitting doses: repeats and hold seconds per exercise that bring a routine to its minutes.

Pure. Every choice stays inside the exercise file's low..high ranges, unless ``allow_short``
lets repeats drop below ``low`` (the planner then says so). Among totals within the tolerance,
the one nearest the target wins, with the fewest changes from the usual dose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from unkink.domain.exercises import Exercise
from unkink.domain.session.routines import GET_READY_S, Routine, RoutineItem, holds_of, with_holds

TOLERANCE = 0.15


@dataclass(frozen=True, slots=True)
class Option:
    reps: int
    holds: tuple[int, ...]
    seconds: int
    deviation: float
    shortened: bool


def _hold_choices(exercise: Exercise, *, shorter: bool) -> list[tuple[int, ...]]:
    """Hold seconds to try: the first hold's range (every 5 s when wide); others shift with it.

    ``shorter``: a changed (modified) exercise holds for less than usual where its range allows.
    """
    steps = [s for s in exercise.steps if s.hold]
    if not steps:
        return [()]
    first = steps[0].seconds
    stride = 1 if first.high - first.low <= 10 else 5
    values = {*range(first.low, first.high + 1, stride), first.low, first.high, first.value}
    if shorter:
        values = {v for v in values if v < first.value} or {first.low}
    out = []
    for v in sorted(values):
        shift = v - first.value
        out.append(
            tuple(min(max(s.seconds.value + shift, s.seconds.low), s.seconds.high) for s in steps)
        )
    return out


def dose_options(
    exercise: Exercise, *, allow_short: bool, shorter_holds: bool = False
) -> list[Option]:
    """Every (repeats, holds) choice with its length and how far it is from the usual dose."""
    dose = exercise.reps
    low = 1 if allow_short else dose.low
    default_holds = holds_of(exercise)
    out = []
    for holds in _hold_choices(exercise, shorter=shorter_holds):
        shaped = with_holds(exercise, holds)
        hold_dev = sum(abs(h - d) for h, d in zip(holds, default_holds, strict=True)) / 5
        for reps in range(low, dose.high + 1):
            out.append(
                Option(
                    reps=reps,
                    holds=holds,
                    seconds=shaped.duration_s(reps),
                    deviation=abs(reps - dose.value) + hold_dev,
                    shortened=reps < dose.low,
                )
            )
    return out


def fixed_s(order: Sequence[Exercise]) -> int:
    """Seconds a routine in this order spends on "get ready" and moving between exercises."""
    probe = Routine(
        items=tuple(RoutineItem(e, e.reps.value, "") for e in order),
        area="",
        place="",
        minutes_requested=0,
    )
    return GET_READY_S + sum(probe.transitions_s)


Doses = dict[tuple[str, bool, bool], list[Option]]
"""``dose_options`` by (exercise id, allow_short, shorter_holds): one plan asks for the same
exercise's options many times (every order it tries), and they depend on nothing else."""


def options_for(
    exercise: Exercise, *, allow_short: bool, shorter_holds: bool, memo: Doses | None
) -> list[Option]:
    """``dose_options``, kept in ``memo`` (one catalogue's exercises: ids are unique) if given."""
    if memo is None:
        return dose_options(exercise, allow_short=allow_short, shorter_holds=shorter_holds)
    key = (exercise.id, allow_short, shorter_holds)
    found = memo.get(key)
    if found is None:
        found = memo[key] = dose_options(
            exercise, allow_short=allow_short, shorter_holds=shorter_holds
        )
    return found


def fit_doses(
    order: Sequence[Exercise],
    target: float,
    *,
    allow_short: bool,
    shorter_holds: frozenset[str] = frozenset(),
    memo: Doses | None = None,
) -> list[Option] | None:
    """Repeats and holds per exercise putting the total nearest the target, within 15 %.

    A search over totals, exercise by exercise: each reachable total keeps the least
    deviation (the first found, on a tie) and a pointer back to the total it grew from, so
    the picks are read back once at the end instead of copied at every step."""
    low, high = target * (1 - TOLERANCE), target * (1 + TOLERANCE)
    devs: dict[int, float] = {fixed_s(order): 0.0}
    steps: list[dict[int, tuple[int, Option]]] = []
    for exercise in order:
        shorter = exercise.id in shorter_holds
        options = options_for(exercise, allow_short=allow_short, shorter_holds=shorter, memo=memo)
        choices = [(o.seconds, o.deviation, o) for o in options]
        grown: dict[int, float] = {}
        back: dict[int, tuple[int, Option]] = {}
        for total, dev in devs.items():
            for seconds, deviation, option in choices:
                t = total + seconds
                if t <= high:
                    d = dev + deviation
                    if t not in grown or d < grown[t]:
                        grown[t] = d
                        back[t] = (total, option)
        devs = grown
        steps.append(back)
    fitting = [(abs(t - target) / 10 + dev, t) for t, dev in devs.items() if t >= low]
    if not fitting:
        return None
    t = min(fitting)[1]  # totals are unique, so the nearest (then the shortest) is one total
    picks = []
    for back in reversed(steps):
        t, option = back[t]
        picks.append(option)
    return picks[::-1]
