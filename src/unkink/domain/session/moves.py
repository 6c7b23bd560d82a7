"""Moving between body positions: how much effort each change takes, as data.

The planner orders a routine to keep the total effort low (get down to the floor once, go
supine -> prone -> hands and knees, get up once). The table is read from the text below so
that changing a cost is a data edit, not a code change. A routine starts and ends standing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from unkink.domain.exercises import Position

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
