"""The plain sentences at the top of the insights, the summary and the report (reading age 11-12).

Our own words; "seemed to", never a claim that a stretch works; cracks beside stretching are
never read as cause.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from unkink.domain.insights.estimate import Estimate
from unkink.domain.insights.stretches import StretchInsight, Verdict, leaders
from unkink.domain.insights.trends import Change, CrackComparison

NOT_ENOUGH = (
    "There is not enough data yet. Rate how stiff you feel before and after each session. "
    "After a few sessions, this page will show what seems to help."
)
NO_CLEAR = "No stretch has clearly eased your stiffness yet. It may need more sessions to tell."
ONE_LEADS = "{a} seemed to ease your stiffness the most."
TIE = "{names} all seemed to ease your stiffness. There is no clear difference between them yet."
TIE_TWO = "{a} and {b} both seemed to ease your stiffness. There is no clear difference yet."
NO_CHANGE = "{names} made no clear change to your stiffness so far."
CAVEAT = "This is only what your own ratings show. It can't tell you why you feel better or worse."
TREND_DOWN = "Your {what} before sessions went down, from about {first} to about {last}."
TREND_UP = "Your {what} before sessions went up, from about {first} to about {last}."
TREND_FLAT = "Your {what} before sessions stayed about the same, near {last}."
CRACKS_FEWER = (
    "In weeks when you stretched more, you logged fewer cracks. "
    "This does not show that one causes the other."
)
CRACKS_NOT_FEWER = (
    "In weeks when you stretched more, you did not log fewer cracks. "
    "This does not show that one causes the other."
)
DISCLAIMER = (
    "I made this summary from my own records in unkink. "
    "unkink can't diagnose the cause of my back pain. It only shows what I logged."
)


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def stretch_sentences(insights: Sequence[StretchInsight], names: Mapping[str, str]) -> list[str]:
    if all(s.stiffness is None for s in insights):
        return [NOT_ENOUGH]
    name = [names.get(s.exercise_id, s.exercise_id) for s in leaders(insights)]
    if not name:
        out = [NO_CLEAR]
    elif len(name) == 1:
        out = [ONE_LEADS.format(a=name[0])]
    elif len(name) == 2:
        out = [TIE_TWO.format(a=name[0], b=name[1])]
    else:
        out = [TIE.format(names=_join(name))]
    flat = [
        names.get(s.exercise_id, s.exercise_id)
        for s in insights
        if s.verdict is Verdict.NO_CLEAR_CHANGE
    ]
    if flat and name:
        out.append(NO_CHANGE.format(names=_join(flat)))
    return out


def trend_sentence(change: Change | None, what: str) -> str | None:
    if change is None:
        return None
    first, last = round(change.first), round(change.last)
    template = TREND_FLAT if first == last else TREND_DOWN if last < first else TREND_UP
    return template.format(what=what, first=first, last=last)


def crack_sentence(comparison: CrackComparison | None) -> str | None:
    if comparison is None:
        return None
    fewer = comparison.more_stretching < comparison.less_stretching
    return CRACKS_FEWER if fewer else CRACKS_NOT_FEWER


def insight_texts() -> tuple[str, ...]:
    """Every sentence, filled with sample names, for the reading-age test."""
    return (
        NOT_ENOUGH,
        NO_CLEAR,
        ONE_LEADS.format(a="Knee to chest"),
        TIE.format(names="Bridge, Chair twist and Knee to chest"),
        TIE_TWO.format(a="Bridge", b="Chair twist"),
        NO_CHANGE.format(names="Butterfly"),
        CAVEAT,
        TREND_DOWN.format(what="stiffness", first=6, last=4),
        TREND_UP.format(what="pain", first=3, last=5),
        TREND_FLAT.format(what="stiffness", last=4),
        CRACKS_FEWER,
        CRACKS_NOT_FEWER,
        DISCLAIMER,
    )


VERDICT_WORDS = {
    Verdict.EASED: "seemed to ease it",
    Verdict.NO_CLEAR_CHANGE: "no clear change",
    Verdict.WORSE: "seemed to make it worse",
    Verdict.NOT_ENOUGH_DATA: "not enough data yet",
}


def change_text(estimate: Estimate | None) -> str:
    """``-3.1 (-3.8 to -2.4)``: the typical change after minus before, with its 95% interval."""
    if estimate is None:
        return "not enough data yet"
    return f"{_signed(estimate.mean)} ({_signed(estimate.low)} to {_signed(estimate.high)})"


def _signed(v: float) -> str:
    return f"{v:+.1f}".replace("-", "\u2212")
