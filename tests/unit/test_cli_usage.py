"""cli/usage.py words click's parameter errors from the parameter's type, never its text."""

from __future__ import annotations

import enum

import click
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unkink.cli.usage import usage_message


class Where(enum.Enum):
    UPPER = "upper"
    LOWER = "lower"


@click.command("plan")
@click.option("--minutes", type=float, default=10.0)
@click.option("--count", type=int, default=1)
@click.option("--relief", type=click.IntRange(0, 10), default=0)
@click.option("--hold", type=click.FloatRange(0.5, 60.0), default=1.0)
@click.option("--where", type=click.Choice([w.value for w in Where]), default=Where.UPPER.value)
@click.option("--sure", is_flag=True)
def app(minutes: float, count: int, relief: int, hold: float, where: str, sure: bool) -> None:
    """A command shaped like unkink's, to raise real click errors."""


def _message(*args: str) -> str:
    try:
        app.main(args=list(args), prog_name="plan", standalone_mode=False)
    except click.BadParameter as exc:
        return usage_message(exc)
    except Exception as exc:  # noqa: BLE001 - the other usage errors are worded too
        return usage_message(exc)
    raise AssertionError(f"{args} was accepted")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--minutes", "abc"], "--minutes takes a number (like 10), not 'abc'."),
        (["--count", "1.5"], "--count takes a whole number (like 5), not '1.5'."),
        (["--relief", "11"], "--relief must be from 0 to 10, not 11."),
        (["--hold", "-3"], "--hold must be from 0.5 to 60.0, not -3"),
        (["--where", "knee"], "--where can't be 'knee'. Use one of: upper, lower."),
        (["--minutes", "it's"], "--minutes takes a number (like 10), not 'it's'."),
        (["--minute", "3"], "has no option --minute. Did you mean --minutes?"),
    ],
)
def test_each_kind_is_worded_plainly(args: list[str], expected: str) -> None:
    message = _message(*args)
    assert expected in message, message
    assert message.endswith("--help'.")
    assert "valid" not in message and "range" not in message


@given(st.text(max_size=40).filter(lambda s: not s.startswith("-")))
def test_any_typed_value_gets_a_plain_answer(value: str) -> None:
    try:
        message = _message("--relief", value)
    except AssertionError:
        return  # a whole number from 0 to 10: nothing to word
    assert message.startswith("--relief ")
    assert "valid" not in message.replace(value, "")  # click's words, not what was typed
