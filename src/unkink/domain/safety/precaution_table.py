"""The safety evidence §3 table and the §3.1 modification texts, as data.

Pure: no I/O. ``TABLE`` maps a row (a condition code, split by its window where the table
splits it) to a mark per built-in exercise, in the table's column order. ``precautions.py``
turns a person's dated conditions into rows and merges them.
"""

from __future__ import annotations

from types import MappingProxyType

from unkink.domain.exercises import BUILTIN_IDS


def _row(marks: str) -> MappingProxyType[str, str]:
    """A row as written in §3: "." offer normally, "M" modify, "X" must not offer."""
    cells = marks.split()
    assert len(cells) == len(BUILTIN_IDS) and set(cells) <= {".", "M", "X"}
    return MappingProxyType(dict(zip(BUILTIN_IDS, cells, strict=True)))


# Columns:                  cat  but  pro  bri  twi  ktc  kne
TABLE = MappingProxyType(
    {
        "osteoporosis": _row("M . . . M M M"),
        "vertebral_fracture_history": _row("M . M . M X X"),  # > 12 weeks
        "vertebral_fracture_recent": _row("X X X X X X X"),  # < 12 weeks
        "pregnancy_under_13": _row(". . . . M . ."),
        "pregnancy_13_to_27": _row(". . X M M M M"),
        "pregnancy_28_plus": _row(". . X M M X M"),
        "acute_sciatica": _row("M . M M M M M"),
        "lumbar_spinal_stenosis": _row("M . X M . . ."),
        "spondylolisthesis": _row("M . X M M . ."),
        "spinal_surgery": _row("X X X X X X X"),  # < 26 weeks and not cleared
        "abdominal_surgery": _row("M . X M M M M"),  # < 6 weeks
        "hip_replacement_posterior": _row("M . . . M X X"),  # < 12 weeks; unknown = posterior
        "hip_replacement_anterior": _row(". . . . . . ."),  # < 12 weeks
        "acute_nonspecific_low_back_pain": _row(". . . . . . ."),
    }
)

BUILTIN_TRAITS = MappingProxyType(
    {  # movements, position and tags of the shipped exercise files (a test keeps them in step)
        "cat_camel": frozenset(
            {
                "flexion",
                "extension",
                "quadruped",
                "spinal_flexion",
                "spinal_extension",
                "neck_movement",
                "weight_on_hands",
            }
        ),
        "butterfly": frozenset(
            {"flexion", "standing", "scapular_protraction", "upper_back_flexion"}
        ),
        "prone_extension": frozenset({"extension", "prone", "spinal_extension", "belly_lying"}),
        "bridge": frozenset({"hip_extension", "supine", "lying_on_back"}),
        "chair_twist": frozenset({"rotation", "seated", "spinal_rotation"}),
        "knee_to_chest": frozenset(
            {"flexion", "supine", "lumbar_flexion", "hip_flexion", "lying_on_back"}
        ),
        "kneeling_extension": frozenset(
            {"flexion", "kneeling", "spinal_flexion", "deep_hip_flexion", "deep_knee_flexion"}
        ),
    }
)
"""Used to mark user-added exercises (see ``precautions._own_exercise_mark``)."""

# Which §3.1 note a row adds to an exercise's modification text.
ROW_TOPIC = MappingProxyType(
    {
        "osteoporosis": "bone",
        "vertebral_fracture_history": "bone",
        "pregnancy_under_13": "pregnancy",
        "pregnancy_13_to_27": "pregnancy",
        "pregnancy_28_plus": "pregnancy",
        "acute_sciatica": "sciatica",
        "lumbar_spinal_stenosis": "no_arch",
        "spondylolisthesis": "no_arch",
        "abdominal_surgery": "abdominal",
        "hip_replacement_posterior": "hip",
    }
)

SCIATICA_NOTE = "Stop if the feeling in your leg spreads further down."

BASE_TEXT = MappingProxyType(
    {
        "cat_camel": "Use a small range. Keep your neck in line with your back.",
        "butterfly": "Use a small, easy range.",
        "prone_extension": (
            "Rest on your forearms only. Do not push up on straight arms. "
            "Go only part of the way up."
        ),
        "bridge": "Lift your hips only until they line up with your thighs. Do not arch your back.",
        "chair_twist": (
            "Sit tall and turn slowly. Go only part of the way. Turn from your upper back. "
            "Do not pull on the chair to turn further."
        ),
        "knee_to_chest": (
            "Bring up one knee at a time, gently. Keep your lower back and tailbone on the floor."
        ),
        "kneeling_extension": "Go only part of the way down. Keep your back long and flat.",
    }
)

TOPIC_TEXT = MappingProxyType(
    {
        ("cat_camel", "bone"): (
            "Do not round your back up. Move only between a flat back and a gentle dip."
        ),
        ("cat_camel", "no_arch"): (
            "Do not let your back sag down. Move only between a flat back and a rounded back."
        ),
        ("cat_camel", "hip"): (
            "Keep your hips right above your knees. Do not sit back toward your heels."
        ),
        ("bridge", "pregnancy"): (
            "Hold for 30 seconds at most. Roll onto your side to get up. "
            "Stop if you feel light-headed."
        ),
        ("chair_twist", "pregnancy"): (
            "Keep your belly free. Turn away from your thighs, not across them."
        ),
        ("chair_twist", "hip"): (
            "Sit with your hips higher than your knees. Keep your knees apart. "
            "Do not cross your legs. Turn your body, not your leg."
        ),
        ("knee_to_chest", "pregnancy"): "Bring your knee toward your armpit, beside your bump.",
        ("kneeling_extension", "pregnancy"): "Spread your knees wide to make room for your bump.",
        ("kneeling_extension", "abdominal"): "Do not press your belly onto your thighs.",
    }
)

CONFLICTING_TOPICS = MappingProxyType({"cat_camel": frozenset({"bone", "no_arch"})})
"""Decision: cat and camel with both "no rounding" and "no arching" leaves no movement at all,
so that combination becomes must-not (stricter than the table's two M marks)."""

OWN_EXERCISE_TEXT = (
    "This is your own exercise, so unkink can't adjust it for you. "
    "Use a small, easy range. Stop if it hurts."
)


def modification_texts() -> tuple[str, ...]:
    """Every fixed user-facing string of this module (for the wording tests)."""
    return (*BASE_TEXT.values(), *TOPIC_TEXT.values(), SCIATICA_NOTE, OWN_EXERCISE_TEXT)
