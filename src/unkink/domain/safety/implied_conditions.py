"""Conditions the screening answers already reveal, so precautions apply without a profile entry.

Pure: no I/O. The specification enters conditions after screening (§3), but a person who told
the screening "pregnant, 20 weeks" should never be offered lying on the belly just because they
skipped ``unkink profile``. Decision (lead): the latest screening implies these rows:

- ``pregnant`` → pregnancy, at ``pregnancy_weeks`` on the screening day (unknown weeks use the
  strictest row, as a profile entry without weeks does);
- ``osteoporosis_known`` → osteoporosis;
- ``leg_pain`` for under 6 weeks (``duration_days`` < 42), screened self-care → acute sciatica.

They merge with the profile's own conditions by the usual strictest-mark rule. They change only
when the person screens again, so ``unkink profile --remove`` cannot remove them; a new
``unkink check`` can.
"""

from __future__ import annotations

from datetime import date

from unkink.domain.safety.answers import LegPain, ScreeningAnswers
from unkink.domain.safety.precautions import Condition, ConditionCode

ACUTE_SCIATICA_DAYS = 42


def implied_conditions(answers: ScreeningAnswers, *, screened_on: date) -> tuple[Condition, ...]:
    found: list[Condition] = []
    if answers.pregnant:
        weeks = None if answers.pregnancy_weeks is None else float(answers.pregnancy_weeks)
        found.append(Condition(ConditionCode.PREGNANCY, weeks=weeks, recorded_on=screened_on))
    if answers.osteoporosis_known:
        found.append(Condition(ConditionCode.OSTEOPOROSIS, recorded_on=screened_on))
    recent = answers.duration_days is not None and answers.duration_days < ACUTE_SCIATICA_DAYS
    if answers.leg_pain is not LegPain.NONE and recent:
        found.append(Condition(ConditionCode.ACUTE_SCIATICA, recorded_on=screened_on))
    return tuple(found)
