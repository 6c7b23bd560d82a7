"""Domain errors: each carries a message a person can act on.

Every error belongs to one *category* (a direct subclass of ``UnkinkError``). Front ends map
categories to what they show: the web app to an HTTP status in one explicit table
(``web/errors.py``), the CLI to an exit code. Never decide by a class name or a message.
"""

from __future__ import annotations


class UnkinkError(Exception):
    """Base class for errors shown to the user as a plain message (never a traceback)."""


# --- categories --------------------------------------------------------------------------------


class InvalidInput(UnkinkError):
    """The input cannot be used as given; the message says what, where and how to fix it."""


class NotFound(UnkinkError):
    """The thing asked for does not exist."""


class Conflict(UnkinkError):
    """The request is well formed but the current state does not allow it."""


class Unavailable(UnkinkError):
    """Something unkink needs (the database, a service) cannot be reached right now."""


class Busy(Unavailable):
    """Unavailable for a moment (another program holds a lock): the same request is expected to
    succeed if tried again soon. Other ``Unavailable`` errors (a full disk, a stopped server)
    need the person to act, so trying again on one's own would only hide them."""


# --- errors ------------------------------------------------------------------------------------


class UnknownExercise(NotFound):
    def __init__(self, exercise_id: str, close_matches: tuple[str, ...] = ()) -> None:
        self.exercise_id = exercise_id
        self.close_matches = close_matches
        hint = f" Did you mean: {', '.join(close_matches)}?" if close_matches else ""
        super().__init__(f"There is no exercise called '{exercise_id}'.{hint}")


class UnsafeRoutine(Conflict):
    """A routine would include an exercise the user's precautions rule out."""


class InvalidTransition(Conflict):
    """A session run was asked to do something its current state does not allow."""


class PlanError(InvalidInput):
    """A plan request cannot be met; the message says why and what to change."""


class PlanTooLong(PlanError):
    """Even the longest routine for this area and place is shorter than asked.

    ``most_minutes``: the most minutes a request may ask for and still be planned."""

    def __init__(self, message: str, *, most_minutes: int) -> None:
        super().__init__(message)
        self.most_minutes = most_minutes
