"""Moving between body positions: how much effort each change takes, as data.

The planner orders a routine to keep the total effort low (get down to the floor once, go
supine -> prone -> hands and knees, get up once). The table is read from the text below so
that changing a cost is a data edit, not a code change. A routine starts and ends standing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import permutations

from unkink.domain.exercises import Exercise, Position

# Effort to move from the row's position to the column's (0 = no move). Getting up from
# hands and knees is easier than getting up from lying down, so floor work that ends on
# hands and knees is cheaper, which gives supine -> prone -> quadruped/kneeling.
_EFFORT_TABLE = """
            standing  seated  quadruped  kneeling  prone  supine
standing    0         1       2          2         3      2
seated      1         0       2          2         3      2
quadruped   1         1.5     0          0.5       1      2
kneeling    1         1.5     0.5        0         1      2
prone       2.5       2.5     1          1         0      1
supine      3         3       2          2         1      0
"""

NEXT_UP_S = 5
"""Seconds between two exercises in the same position: "next up" and a breath."""
SECONDS_PER_EFFORT = 4
"""Extra seconds between exercises for each point of effort in the change of position."""

UPRIGHT = frozenset({Position.STANDING, Position.SEATED})
START_POSITION = Position.STANDING


def _parse(table: str) -> Mapping[tuple[Position, Position], float]:
    rows = [line.split() for line in table.strip().splitlines()]
    columns = [Position(name) for name in rows[0]]
    out: dict[tuple[Position, Position], float] = {}
    for row in rows[1:]:
        origin = Position(row[0])
        for target, cell in zip(columns, row[1:], strict=True):
            out[(origin, target)] = float(cell)
    return out


EFFORT: Mapping[tuple[Position, Position], float] = _parse(_EFFORT_TABLE)


def effort(origin: Position, target: Position) -> float:
    return EFFORT[(origin, target)]


def transition_s(origin: Position, target: Position) -> int:
    """Seconds given between an exercise done in ``origin`` and the next one in ``target``."""
    return NEXT_UP_S + round(SECONDS_PER_EFFORT * effort(origin, target))


def path_effort(positions: Sequence[Position]) -> float:
    """Total effort from standing, through ``positions`` in order, back to standing."""
    path = [START_POSITION, *positions, START_POSITION]
    return sum(effort(a, b) for a, b in zip(path, path[1:], strict=False))


def floor_trips(positions: Sequence[Position]) -> int:
    """How many times the path gets down from upright to the floor."""
    path = [START_POSITION, *positions, START_POSITION]
    return sum(1 for a, b in zip(path, path[1:], strict=False) if a in UPRIGHT and b not in UPRIGHT)


def position_changes(positions: Sequence[Position]) -> int:
    return sum(1 for a, b in zip(positions, positions[1:], strict=False) if a != b)


def best_order(exercises: Sequence[Exercise], index: dict[str, int]) -> tuple[Exercise, ...]:
    """Fewest position-change effort first, then gentle before harder (brute force, ≤ 7).

    Ties go to catalogue order. Works on small integers with the efforts looked up once, as
    every one of up to 5,040 orders is tried for each subset (the planner's main cost).
    """
    n = len(exercises)
    if n == 0:
        return ()
    pos = [e.position for e in exercises]
    diff = [e.difficulty for e in exercises]
    ids = [index[e.id] for e in exercises]
    step = [[effort(pos[i], pos[j]) for j in range(n)] for i in range(n)]
    start = [effort(START_POSITION, p) for p in pos]
    end = [effort(p, START_POSITION) for p in pos]
    best: tuple[float, int, list[int]] | None = None
    best_perm: tuple[int, ...] = ()
    for perm in permutations(range(n)):
        total = start[perm[0]]  # summed in path order, as path_effort does
        for a, b in zip(perm, perm[1:], strict=False):
            total += step[a][b]
        total += end[perm[-1]]
        if best is not None and total > best[0]:
            continue
        inversions = sum(1 for i, a in enumerate(perm) for b in perm[i + 1 :] if diff[a] > diff[b])
        key = (total, inversions, [ids[i] for i in perm])
        if best is None or key < best:
            best, best_perm = key, perm
    return tuple(exercises[i] for i in best_perm)
