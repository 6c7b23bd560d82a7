"""A small memo of the planner: the same catalogue, request and precautions give the same plan.

``plan_routine`` is pure, so its answer can be kept by its inputs: the catalogue object
(compared by identity, and held, so its id cannot be reused while remembered), the request and
the person's precautions, which are a hashable value. Nothing the database holds is kept
here: the gate and the precautions are read afresh on every request, so a new screening, a new
condition, a worse morning or a new day change the key, never a stale answer. Two people with
equal precautions share a plan, as the planner would have given them the same one.

Home plans a preview on every visit (about 20 ms before, issue 10); this keeps it to a lookup.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from unkink.domain.session.planner import plan_routine

if TYPE_CHECKING:
    from unkink.domain.exercises import Catalogue
    from unkink.domain.safety.precautions import Precautions
    from unkink.domain.session.planner import PlanRequest
    from unkink.domain.session.routines import Routine

SIZE = 64
"""Plans kept: a person's home suggestion and the few plans they look at on the Plan page."""

_Key = tuple[int, "PlanRequest", "Precautions"]
_plans: OrderedDict[_Key, tuple[Catalogue, Routine]] = OrderedDict()
_lock = threading.Lock()


def planned(catalogue: Catalogue, request: PlanRequest, precautions: Precautions) -> Routine:
    """``plan_routine(catalogue, request, precautions=precautions)``, remembered.

    A request the planner refuses raises as before, and is not remembered."""
    key = (id(catalogue), request, precautions)
    with _lock:
        found = _plans.get(key)
        if found is not None and found[0] is catalogue:
            _plans.move_to_end(key)
            return found[1]
    routine = plan_routine(catalogue, request, precautions=precautions)
    with _lock:
        _plans[key] = (catalogue, routine)
        while len(_plans) > SIZE:
            _plans.popitem(last=False)
    return routine


def forget() -> None:
    """Drop every remembered plan (tests, and a catalogue reloaded in place)."""
    with _lock:
        _plans.clear()
