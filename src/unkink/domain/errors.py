"""Domain errors: each carries a message a person can act on."""

from __future__ import annotations


class UnkinkError(Exception):
    """Base class for errors shown to the user as a plain message (never a traceback)."""


class UnknownExercise(UnkinkError):
    def __init__(self, exercise_id: str, close_matches: tuple[str, ...] = ()) -> None:
        self.exercise_id = exercise_id
        self.close_matches = close_matches
        hint = f" Did you mean: {', '.join(close_matches)}?" if close_matches else ""
        super().__init__(f"There is no exercise called '{exercise_id}'.{hint}")


class UnsafeRoutine(UnkinkError):
    """A routine would include an exercise the user's precautions rule out."""


class InvalidTransition(UnkinkError):
    """A session run was asked to do something its current state does not allow."""


class PlanError(UnkinkError):
    """A plan request cannot be met; the message says why and what to change."""
