"""The typical before-to-after change, with a credible interval that stays honest with few sessions.

Model (conjugate normal with unknown spread, "normal-inverse-gamma"): each session's change
``d = after - before`` is normal around the stretch's typical change ``mu`` with spread ``sigma``.
The prior says "probably no change" (``mu0 = 0``), worth one session (``kappa0 = 1``), with a
spread of about 1.5 points (``sigma^2 ~ InvGamma(2, 2.25)``, whose mean is 2.25). The posterior
for ``mu`` is a Student t; the interval is its central 95%. With few sessions the estimate is
pulled toward zero and the interval is wide; docs/insights.md explains the choice.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

PRIOR_MEAN = 0.0
PRIOR_SESSIONS = 1.0
PRIOR_SHAPE = 2.0
PRIOR_SCALE = 2.25
LEVEL = 0.95
MIN_SESSIONS = 3
"""Below three rated sessions the interval mostly shows the prior, so we say "not enough data"."""


@dataclass(frozen=True, slots=True)
class Estimate:
    n: int
    mean: float
    low: float
    high: float

    @property
    def excludes_zero(self) -> bool:
        return self.high < 0 or self.low > 0

    def overlaps(self, other: Estimate) -> bool:
        return self.low <= other.high and other.low <= self.high

    def as_dict(self) -> dict[str, float | int]:
        return {
            "sessions": self.n,
            "typical_change": round(self.mean, 2),
            "low": round(self.low, 2),
            "high": round(self.high, 2),
        }


def estimate_change(changes: Sequence[float]) -> Estimate | None:
    """The posterior typical change and its 95% interval; None below ``MIN_SESSIONS``."""
    n = len(changes)
    if n < MIN_SESSIONS:
        return None
    xbar = sum(changes) / n
    ss = sum((x - xbar) ** 2 for x in changes)
    kappa = PRIOR_SESSIONS + n
    mean = (PRIOR_SESSIONS * PRIOR_MEAN + n * xbar) / kappa
    shape = PRIOR_SHAPE + n / 2
    scale = PRIOR_SCALE + ss / 2 + PRIOR_SESSIONS * n * (xbar - PRIOR_MEAN) ** 2 / (2 * kappa)
    spread = math.sqrt(scale / (shape * kappa))
    q = t_quantile(0.5 + LEVEL / 2, 2 * shape)
    return Estimate(n, mean, mean - q * spread, mean + q * spread)


def _beta_fraction(a: float, b: float, x: float) -> float:
    """Continued fraction for the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        for num in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + num * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-12:
            break
    return h


def _incomplete_beta(a: float, b: float, x: float) -> float:
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1) / (a + b + 2):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1 - x) / b


def t_cdf(t: float, df: float) -> float:
    tail = 0.5 * _incomplete_beta(df / 2, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


@lru_cache(maxsize=256)
def t_quantile(p: float, df: float) -> float:
    """The Student t quantile by bisection (p in (0.5, 1)); cached, as df repeats per n."""
    low, high = 0.0, 1000.0
    for _ in range(64):
        mid = (low + high) / 2
        if t_cdf(mid, df) < p:
            low = mid
        else:
            high = mid
    return (low + high) / 2
