"""A small damped least-squares solver (Levenberg-Marquardt) for the pose model. Pure.

Few unknowns (a dozen joint angles and the body's place), so plain lists, a numeric
Jacobian and Gaussian elimination are enough; no numpy.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence

Residuals = Callable[[Sequence[float]], list[float]]

STEP = 1e-4
"""Forward-difference step for the Jacobian, in the unknowns' own units."""


def least_squares(
    residuals: Residuals,
    start: Sequence[float],
    *,
    iterations: int = 12,
    damping: float = 1e-3,
    good_enough: float = 1e-8,
) -> list[float]:
    """Unknowns near ``start`` that make the sum of squared ``residuals`` small."""
    x = list(start)
    r = residuals(x)
    cost = _sq(r)
    lam = damping
    for _ in range(iterations):
        if cost < good_enough:
            break
        jac = _jacobian(residuals, x, r)
        n = len(x)
        jtj = [[_dot(col_a, col_b) for col_b in jac] for col_a in jac]
        jtr = [_dot(col, r) for col in jac]
        improved = False
        for _ in range(6):
            system = [row[:] for row in jtj]
            for i in range(n):
                system[i][i] += lam * (jtj[i][i] + 1e-9)
            delta = solve_linear(system, [-v for v in jtr])
            if delta is None:
                lam *= 10
                continue
            trial = [a + d for a, d in zip(x, delta, strict=True)]
            r_trial = residuals(trial)
            cost_trial = _sq(r_trial)
            if cost_trial < cost:
                x, r, cost = trial, r_trial, cost_trial
                lam = max(lam / 3, 1e-7)
                improved = True
                break
            lam *= 10
        if not improved:
            break
    return x


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return float(sum(map(operator.mul, a, b)))


def _sq(r: Sequence[float]) -> float:
    return sum(v * v for v in r)


def _jacobian(residuals: Residuals, x: list[float], r: list[float]) -> list[list[float]]:
    """Columns of the Jacobian: how every residual changes with each unknown."""
    columns = []
    for i in range(len(x)):
        moved = x[:]
        moved[i] += STEP
        r_moved = residuals(moved)
        columns.append([(b - a) / STEP for a, b in zip(r, r_moved, strict=True)])
    return columns


def solve_linear(a: list[list[float]], b: list[float]) -> list[float] | None:
    """Solve ``a x = b`` by Gaussian elimination with partial pivoting (None if singular)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda i: abs(m[i][col]))
        if abs(m[pivot][col]) < 1e-15:
            return None
        m[col], m[pivot] = m[pivot], m[col]
        for i in range(col + 1, n):
            k = m[i][col] / m[col][col]
            if k:
                for j in range(col, n + 1):
                    m[i][j] -= k * m[col][j]
    x = [0.0] * n
    for i in reversed(range(n)):
        x[i] = (m[i][n] - sum(m[i][j] * x[j] for j in range(i + 1, n))) / m[i][i]
    return x
