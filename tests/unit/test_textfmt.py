"""One wording of how a session ended, for the terminal, the web pages and the report."""

from __future__ import annotations

import pytest

from unkink.domain.session.status import SessionStatus, StopReason
from unkink.textfmt import session_ending


@pytest.mark.parametrize(
    ("status", "reason", "expected"),
    [
        (SessionStatus.COMPLETED, None, "Finished"),
        (SessionStatus.RUNNING, None, "Not finished"),
        (SessionStatus.STOPPED, StopReason.PAIN, "Stopped early because of pain"),
        (SessionStatus.STOPPED, StopReason.QUIT, "Stopped early"),
        (SessionStatus.STOPPED, StopReason.STOPPED, "Stopped early"),
        (SessionStatus.STOPPED, None, "Stopped early"),
        (SessionStatus.STOPPED, StopReason.SKIPPED_MOST, "Stopped early: most of it skipped"),
        (SessionStatus.STOPPED, StopReason.SKIPPED_ALL, "Stopped early: most of it skipped"),
        (SessionStatus.STOPPED, StopReason.NOT_RESUMED, "Stopped early: a new one began"),
    ],
)
def test_every_ending_has_plain_words(
    status: SessionStatus, reason: StopReason | None, expected: str
) -> None:
    assert session_ending(status.value, None if reason is None else reason.value) == expected


def test_every_stop_reason_is_worded_or_adds_nothing_on_purpose() -> None:
    quiet = {StopReason.QUIT, StopReason.STOPPED}
    for reason in StopReason:
        words = session_ending(SessionStatus.STOPPED.value, reason.value)
        assert (words == "Stopped early") == (reason in quiet), reason


def test_a_count_says_its_noun_in_the_singular_for_one_only() -> None:
    from unkink.textfmt import counted

    assert [counted(n, "time") for n in (0, 1, 2, 8)] == ["0 times", "1 time", "2 times", "8 times"]
    assert counted(1, "desk break") == "1 desk break"
    assert counted(3, "body", "bodies") == "3 bodies"
