"""Command-line mistakes in our own words: what was wrong, where, and how to fix it.

click words its errors for programmers ("'abc' is not a valid float."). Every parameter error
of every command comes through ``usage_message`` instead, which reads the parameter's click
type (its kind, bounds and choices) and says it plainly; only the value the person typed is
taken from click's message.
"""

from __future__ import annotations

import ast
import re
from typing import Any


def usage_message(exc: Any) -> str:
    """The message for a click ``UsageError`` (with its ``ctx`` and ``param``)."""
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
    """Worded from the parameter's click type (its name, bounds and choices), never its text."""
    where = _where(param)
    kind = getattr(param, "type", None)
    name = str(getattr(kind, "name", ""))
    value = _given(str(getattr(exc, "message", "")))
    shown = f"'{value}'" if value is not None else "what was given"
    choices = getattr(kind, "choices", None)
    if choices:
        listed = ", ".join(str(getattr(c, "value", c)) for c in choices)
        return f"{where} can't be {shown}. Use one of: {listed}."
    low, high = getattr(kind, "min", None), getattr(kind, "max", None)
    if name.endswith("range") and low is not None and high is not None and _is_number(value):
        return f"{where} must be from {low} to {high}, not {value}."
    if name.startswith(("int ", "integer")) or name == "int":
        return f"{where} takes a whole number (like 5), not {shown}."
    if name.startswith("float"):
        return f"{where} takes a number (like 10), not {shown}."
    if name == "boolean":
        return f"{where} takes yes or no, not {shown}."
    text = str(getattr(exc, "message", "")).strip()
    if text.endswith(("is a directory.", "is a file.", "does not exist.", "is not readable.")):
        return f"{where}: {text[0].lower()}{text[1:]} Give the path of a file you can read."
    return f"{where} can't be {shown}."


def _given(message: str) -> str | None:
    """The value the person typed: click's type errors start with it, quoted or (in range
    errors) as the number itself."""
    match = _GIVEN.match(message)
    if match is None:
        return None
    raw = match.group(0)
    if raw[0] in "'\"":
        try:
            return str(ast.literal_eval(raw))
        except (ValueError, SyntaxError):
            return raw.strip("'\"")
    return raw


def _is_number(value: str | None) -> bool:
    try:
        float(value or "")
    except ValueError:
        return False
    return True


_GIVEN = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?[0-9][0-9.e+-]*""")
