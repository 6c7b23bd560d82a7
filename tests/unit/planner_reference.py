"""The planner's search as it was before it was made faster (issue 10), kept as the reference
that ``test_planner_fast_path`` holds the planner to: the same plan, or the same refusal.

Only the search (``plan_routine``'s loop and ``fit_doses``) is copied; the candidates, the
limit check and the routine's building are the planner's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from unkink.domain.exercises import Catalogue, Exercise
from unkink.domain.safety.precautions import NO_PRECAUTIONS, Mark, Precautions
from unkink.domain.session.dosing import TOLERANCE, Option, dose_options, fixed_s
from unkink.domain.session.moves import best_order, path_effort
from unkink.domain.session.planner import (
    PlanRequest,
    _build,
    _candidates,
    _explain_misfit,
    _fail_if_too_long,
)
from unkink.domain.session.routines import Routine


def fit_doses_reference(
    order: Sequence[Exercise],
    target: float,
    *,
    allow_short: bool,
    shorter_holds: frozenset[str] = frozenset(),
) -> list[Option] | None:
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


def plan_routine_reference(
    catalogue: Catalogue, request: PlanRequest, *, precautions: Precautions = NO_PRECAUTIONS
) -> Routine:
    candidates, notes = _candidates(catalogue, request, precautions)
    index = {e.id: i for i, e in enumerate(catalogue)}
    target = request.minutes * 60
    changed = frozenset(e.id for e in candidates if precautions.mark_for(e.id) is Mark.MODIFY)
    _fail_if_too_long(candidates, request, index, changed, {})
    ranked = []
    for size in range(1, len(candidates) + 1):
        for subset in combinations(candidates, size):
            order = best_order(subset, index)
            usual = fixed_s(order) + sum(e.duration_s() for e in order)
            score = abs(usual - target) / target + 0.05 * path_effort([e.position for e in order])
            ranked.append((score - 0.01 * size, [index[e.id] for e in order], order))
    ranked.sort(key=lambda r: (r[0], r[1]))
    for allow_short in (False, True):
        for _, _, order in ranked:
            picks = fit_doses_reference(
                order, target, allow_short=allow_short, shorter_holds=changed
            )
            if picks is not None:
                return _build(order, picks, request, precautions, notes, len(candidates))
    return _explain_misfit(candidates, request, index)
