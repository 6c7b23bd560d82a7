"""The value sets of the screening answer fields (safety evidence §2.4, revision 2).

Pure: no I/O. Kept apart from the parser in ``answers`` so both stay short.
"""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    NOT_SAID = "prefer_not_to_say"


class PainArea(StrEnum):
    LOW_BACK = "low_back"
    MID_UPPER_BACK = "mid_upper_back"
    NECK = "neck"
    WHOLE_BACK = "whole_back"


class Onset(StrEnum):
    GRADUAL = "gradual"
    SUDDEN = "sudden"


class Trauma(StrEnum):
    NONE = "none"
    MINOR = "minor"
    MAJOR = "major"


class PainTrend(StrEnum):
    IMPROVING = "improving"
    STABLE = "stable"
    WORSENING_OVER_WEEKS = "worsening_over_weeks"


class PainPattern(StrEnum):
    MECHANICAL = "mechanical"
    CONSTANT_UNRELIEVED = "constant_unrelieved"


class NightPain(StrEnum):
    NONE = "none"
    ONLY_WHEN_TURNING = "only_when_turning"
    WAKES_ME_CONSTANT_UNRELIEVED = "wakes_me_constant_unrelieved"


class MainSymptom(StrEnum):
    """§2.4 rev. 2: ``stiffness`` eases with movement and never fires S8; absent reads as pain."""

    STIFFNESS = "stiffness"
    PAIN = "pain"
    BOTH = "both"


class LegPain(StrEnum):
    """§2.4 rev. 2: sciatica-type pain running below the knee; ``both_legs`` fires E6."""

    NONE = "none"
    ONE_LEG = "one_leg"
    BOTH_LEGS = "both_legs"


class LegNumbness(StrEnum):
    NONE = "none"
    ONE_LEG = "one_leg"
    BOTH_LEGS = "both_legs"


class LegWeakness(StrEnum):
    NONE = "none"
    ONE_LEG_STABLE = "one_leg_stable"
    ONE_LEG_WORSENING = "one_leg_worsening"
    BOTH_LEGS = "both_legs"


class CancerHistory(StrEnum):
    NONE = "none"
    YES = "yes"
    NON_MELANOMA_SKIN_ONLY = "non_melanoma_skin_only"


class SpaFeature(StrEnum):
    """The NICE NG65 features counted by rule S10."""

    ONSET_BEFORE_35 = "onset_before_35"
    WAKES_SECOND_HALF_OF_NIGHT = "wakes_second_half_of_night"
    BUTTOCK_PAIN = "buttock_pain"
    IMPROVES_WITH_MOVEMENT = "improves_with_movement"
    IMPROVES_WITH_NSAIDS_48H = "improves_with_nsaids_48h"
    FIRST_DEGREE_RELATIVE_SPA = "first_degree_relative_spa"
    ARTHRITIS = "arthritis"
    ENTHESITIS = "enthesitis"
    PSORIASIS = "psoriasis"
