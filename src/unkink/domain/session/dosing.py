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


def fit_doses(
    order: Sequence[Exercise],
    target: float,
    *,
    allow_short: bool,
    shorter_holds: frozenset[str] = frozenset(),
) -> list[Option] | None:
    """Repeats and holds per exercise putting the total nearest the target, within 15 %."""
    low, high = target * (1 - TOLERANCE), target * (1 + TOLERANCE)
    states: dict[int, tuple[float, tuple[Option, ...]]] = {fixed_s(order): (0.0, ())}
    for exercise in order:
        grown: dict[int, tuple[float, tuple[Option, ...]]] = {}
        shorter = exercise.id in shorter_holds
        options = dose_options(exercise, allow_short=allow_short, shorter_holds=shorter)
        for total, (dev, picks) in states.items():
            for option in options:
                t = total + option.seconds
                d = dev + option.deviation
                if t <= high and (t not in grown or d < grown[t][0]):
                    grown[t] = (d, (*picks, option))
        states = grown
    fitting = [
        (abs(t - target) / 10 + dev, t, picks) for t, (dev, picks) in states.items() if t >= low
    ]
    return list(min(fitting, key=lambda f: (f[0], f[1]))[2]) if fitting else None
