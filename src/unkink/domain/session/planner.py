"""Planning a routine: pick exercises for an area and a place, fit the minutes, order them.

``plan_routine(catalogue, request, precautions=...)`` is pure. It
1. keeps the exercises for the area and place that the precautions allow (never a must-not);
2. orders each candidate set by brute force (at most 7 items) for the least effort moving
   between positions (``moves``), then gentle before harder;
3. picks the set whose usual dose is nearest the minutes asked for, and fits the total to
   within 15 % by choosing repeats and hold seconds inside each dose's low..high range.
If nothing fits, it tries fewer repeats than usual (and says so), then raises ``PlanError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations

from unkink.domain.errors import PlanError, PlanTooLong
from unkink.domain.exercises import Catalogue, Exercise, Place, Position, Region
from unkink.domain.safety.precautions import NO_PRECAUTIONS, Mark, Precautions
from unkink.domain.session.dosing import TOLERANCE, Doses, Option, fit_doses, fixed_s, options_for
from unkink.domain.session.moves import best_order, path_effort
from unkink.domain.session.routines import Routine, RoutineItem, with_holds

MIN_MINUTES = 1
MAX_MINUTES = 60
USUAL_MINUTES = 10
"""A plan's length when the person names none (then the longest that fits, if shorter)."""
MAX_ITEMS = 7


class Area(StrEnum):
    UPPER = "upper"
    LOWER = "lower"
    WHOLE = "whole"


AREA_REGIONS: dict[Area, frozenset[Region]] = {
    Area.UPPER: frozenset({Region.UPPER_BACK, Region.MID_BACK}),
    Area.LOWER: frozenset({Region.LOWER_BACK, Region.HIPS}),
    Area.WHOLE: frozenset(Region),
}
REGION_WORDS = {
    Region.UPPER_BACK: "upper back",
    Region.MID_BACK: "middle back",
    Region.LOWER_BACK: "lower back",
    Region.HIPS: "hips",
}
POSITION_WORDS = {
    Position.STANDING: "standing up",
    Position.SEATED: "sitting on a chair",
    Position.QUADRUPED: "on your hands and knees",
    Position.KNEELING: "kneeling",
    Position.PRONE: "lying on your front",
    Position.SUPINE: "lying on your back",
}
LEVEL_WORDS = {1: "gentle", 2: "a little harder", 3: "harder"}


@dataclass(frozen=True, slots=True)
class PlanRequest:
    area: Area
    where: Place
    minutes: float
    exclude: tuple[str, ...] = ()
    gentle_only: bool = False


def parse_request(
    *, area: str, where: str, minutes: float, exclude: Iterable[str] = (), gentle_only: bool = False
) -> PlanRequest:
    """Check what a person typed; each problem gets a message saying what to type instead."""
    if area not in Area._value2member_map_:
        raise PlanError(f"'{area}' is not an area. Use upper, lower or whole.")
    if where not in Place._value2member_map_:
        raise PlanError(f"'{where}' is not a place. Use desk or floor.")
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise PlanError(
            f"--minutes must be from {MIN_MINUTES} to {MAX_MINUTES}, not {minutes:g}. "
            "Most people do 5 to 15 minutes."
        )
    return PlanRequest(Area(area), Place(where), float(minutes), tuple(exclude), gentle_only)


def _minutes(minutes: float) -> str:
    return f"{minutes:g} minute" + ("" if minutes == 1 else "s")


def _reason(exercise: Exercise, area: Area, modification: str | None) -> str:
    regions = [REGION_WORDS[r] for r in exercise.regions if r in AREA_REGIONS[area]]
    words = (
        " and ".join(regions)
        if len(regions) < 3
        else ", ".join(regions[:-1]) + " and " + regions[-1]
    )
    level = LEVEL_WORDS.get(exercise.difficulty, "harder")
    line = f"Chosen for your {words}: {level}, done {POSITION_WORDS[exercise.position]}."
    return line + " Changed to suit your precautions." if modification else line


def _candidates(
    catalogue: Catalogue, request: PlanRequest, precautions: Precautions
) -> tuple[list[Exercise], list[str]]:
    for exercise_id in request.exclude:
        catalogue.get(exercise_id)  # raises UnknownExercise with close matches
    area_words = (
        f"your {request.area} back" if request.area is not Area.WHOLE else "your whole back"
    )
    place = f"at the {request.where}" if request.where is Place.DESK else "on the floor"
    fits = [
        e
        for e in catalogue
        if set(e.regions) & AREA_REGIONS[request.area]
        and (request.where is Place.FLOOR or e.place is Place.DESK)
    ]
    if not fits:
        raise PlanError(f"No exercise works {area_words} {place}. Try --where floor.")
    kept = [e for e in fits if e.id not in request.exclude]
    if not kept:
        raise PlanError(
            f"Every exercise for {area_words} {place} was excluded. Remove an --exclude."
        )
    allowed = [e for e in kept if precautions.allows(e.id)]
    notes = []
    if request.gentle_only and any(e.difficulty == 1 for e in allowed):
        allowed = [e for e in allowed if e.difficulty == 1]
        notes.append("Gentle exercises only, as your safety check suggests for now.")
    left_out = [e.name for e in kept if not precautions.allows(e.id)]
    if left_out:
        notes.append(f"Left out because of your precautions: {', '.join(left_out)}.")
    if not allowed:
        raise PlanError(
            f"Your precautions rule out every exercise for {area_words} {place}. "
            "Try another area or place, or ask a GP or physiotherapist what suits you."
        )
    allowed.sort(key=lambda e: (e.difficulty, catalogue.ids.index(e.id)))
    return allowed[:MAX_ITEMS], notes


def plan_routine(
    catalogue: Catalogue, request: PlanRequest, *, precautions: Precautions = NO_PRECAUTIONS
) -> Routine:
    candidates, notes = _candidates(catalogue, request, precautions)
    index = {e.id: i for i, e in enumerate(catalogue)}
    target = request.minutes * 60
    changed = frozenset(e.id for e in candidates if precautions.mark_for(e.id) is Mark.MODIFY)
    memo: Doses = {}  # each exercise's dose options, worked out once for this plan
    _fail_if_too_long(candidates, request, index, changed, memo)  # before the search
    usual_s = {e.id: e.duration_s() for e in candidates}
    ranked = []
    for size in range(1, len(candidates) + 1):
        for subset in combinations(candidates, size):
            order = best_order(subset, index)
            usual = fixed_s(order) + sum(usual_s[e.id] for e in order)
            score = abs(usual - target) / target + 0.05 * path_effort([e.position for e in order])
            ranked.append((score - 0.01 * size, [index[e.id] for e in order], order))
    ranked.sort(key=lambda r: (r[0], r[1]))
    for allow_short in (False, True):
        for _, _, order in ranked:
            picks = fit_doses(
                order, target, allow_short=allow_short, shorter_holds=changed, memo=memo
            )
            if picks is not None:
                return _build(order, picks, request, precautions, notes, len(candidates))
    return _explain_misfit(candidates, request, index)


def _build(
    order: Sequence[Exercise],
    picks: Sequence[Option],
    request: PlanRequest,
    precautions: Precautions,
    notes: list[str],
    candidate_count: int,
) -> Routine:
    items = []
    for exercise, pick in zip(order, picks, strict=True):
        modification = precautions.modification_for(exercise.id)
        items.append(
            RoutineItem(
                exercise=with_holds(exercise, pick.holds),
                reps=pick.reps,
                reason=_reason(exercise, request.area, modification),
                modification=modification,
                shortened=pick.shortened,
            )
        )
        if pick.shortened:
            notes.append(
                f"To fit {_minutes(request.minutes)}, {exercise.name} has fewer repeats than "
                f"usual: {pick.reps} instead of {exercise.reps.low} to {exercise.reps.high}."
            )
    if len(items) < candidate_count and request.minutes < 3:
        notes.append(f"To fit {_minutes(request.minutes)}, this plan has fewer exercises.")
    return Routine(
        items=tuple(items),
        area=str(request.area),
        place=str(request.where),
        minutes_requested=request.minutes,
        notes=tuple(notes),
    )


def longest_s(
    candidates: Sequence[Exercise],
    index: dict[str, int],
    changed: frozenset[str] = frozenset(),
    memo: Doses | None = None,
) -> int:
    """The longest routine the dosing can make: every candidate at its most repeats and holds."""
    order = best_order(candidates, index)
    return fixed_s(order) + sum(
        max(
            o.seconds
            for o in options_for(e, allow_short=False, shorter_holds=e.id in changed, memo=memo)
        )
        for e in order
    )


def _fail_if_too_long(
    candidates: Sequence[Exercise],
    request: PlanRequest,
    index: dict[str, int],
    changed: frozenset[str],
    memo: Doses,
) -> None:
    """Say at once when even the longest routine is too short, with the limit that holds."""
    longest = longest_s(candidates, index, changed, memo)
    if longest >= request.minutes * 60 * (1 - TOLERANCE):
        return
    most = int(longest / (60 * (1 - TOLERANCE)))  # a plan may be 15 % shorter than asked
    hint = " or choose --where floor" if request.where is Place.DESK else ""
    raise PlanTooLong(
        f"The longest routine for your {request.area} back at the {request.where} takes "
        f"about {longest / 60:.0f} minutes, so ask for {most} minutes or fewer{hint}.",
        most_minutes=most,
    )


def _explain_misfit(
    candidates: Sequence[Exercise], request: PlanRequest, index: dict[str, int]
) -> Routine:
    raise PlanError(
        f"No routine for your {request.area} back fits {_minutes(request.minutes)}. "
        "Ask for a few more minutes."
    )
