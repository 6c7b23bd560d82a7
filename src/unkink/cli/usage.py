"""Command-line mistakes in our own words: what was wrong, where, and how to fix it.

typer (and the click inside it) and pydantic word their errors for programmers
("Input should be a valid number, unable to parse string as a number"). Every parameter
error of every command comes through ``usage_message`` instead, which reads the structured
error (the option, its type and bounds, the value given) and says it plainly.
"""

from __future__ import annotations

import enum
from typing import Any


def usage_message(exc: Any) -> str:
    """The message for a typer/click ``UsageError`` (with its ``ctx`` and ``param``)."""
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "unkink"
    more = f" See '{command} --help'."
    param = getattr(exc, "param", None)
    kind = type(exc).__name__
    if kind == "MissingParameter" and param is not None:
        return f"'{command}' needs {_where(param)}.{more}"
    if kind == "NoSuchOption":
        option = getattr(exc, "option_name", "")
        close = list(getattr(exc, "possibilities", None) or [])
        hint = f" Did you mean {' or '.join(close[:2])}?" if close else ""
        return f"'{command}' has no option {option}.{hint}{more}"
    if param is not None:
        return f"{_bad_value(exc, param)}{more}"
    message = str(getattr(exc, "message", exc)).strip()
    if message.startswith("No such command"):
        name = message.split("'")[1] if "'" in message else ""
        return f"there is no command '{name}'. Run 'unkink --help' to see them all."
    return f"{message.rstrip('.')}.{more}"


def _where(param: Any) -> str:
    opts = [o for o in getattr(param, "opts", []) if o.startswith("--")]
    if opts:
        return str(opts[0])
    return str(getattr(param, "metavar", None) or param.name or "a value").upper()


def _bad_value(exc: Any, param: Any) -> str:
    where = _where(param)
    error = _first_error(exc)
    value = error.get("input")
    shown = f"'{value}'" if value is not None else "what was given"
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    kind = str(error.get("type", ""))
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        choices = ", ".join(str(m.value) for m in annotation)
        return f"{where} can't be {shown}. Use one of: {choices}."
    if low is not None and high is not None and kind.startswith(("less", "greater")):
        return f"{where} must be from {low} to {high}, not {value}."
    if kind in ("int_parsing", "int_from_float"):
        return f"{where} takes a whole number (like 5), not {shown}."
    if kind in ("float_parsing", "float_type"):
        return f"{where} takes a number (like 10), not {shown}."
    if kind in ("bool_parsing",):
        return f"{where} takes yes or no, not {shown}."
    text = str(getattr(exc, "message", "")).strip()
    if text.endswith(("is a directory.", "is a file.", "does not exist.", "is not readable.")):
        return f"{where}: {text[0].lower()}{text[1:]} Give the path of a file you can read."
    return f"{where} can't be {shown}."


def _first_error(exc: Any) -> dict[str, Any]:
    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        found = errors()
        if found:
            return dict(found[0])
    return {}
