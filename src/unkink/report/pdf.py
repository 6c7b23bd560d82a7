"""The PDF: one or two A4 pages, built with reportlab's Platypus, byte-for-byte repeatable
(``invariant=1``: no creation time or random id in the file). Built-in Helvetica only."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from unkink.domain.insights.measures import first_and_last
from unkink.domain.insights.wording import CAVEAT, DISCLAIMER, VERDICT_WORDS, change_text
from unkink.report import words
from unkink.services.report import ReportData, session_rows
from unkink.textfmt import counted

INK = colors.HexColor("#1d2b2a")
LINE = colors.HexColor("#9bb5b1")
SHADE = colors.HexColor("#e8f1ef")


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontSize=9, leading=11.5, textColor=INK)
    return {
        "title": ParagraphStyle(
            "title",
            parent=base["Title"],
            fontSize=17,
            leading=20,
            alignment=0,
            spaceAfter=2,
            textColor=INK,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base["Heading2"],
            fontSize=11,
            leading=13,
            spaceBefore=7,
            spaceAfter=3,
            textColor=INK,
        ),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """Plain text as a paragraph: escaped, line breaks kept, U+2212 as an ASCII minus."""
    return Paragraph(escape(text.replace("\u2212", "-")).replace("\n", "<br/>"), style)


def _table(rows: list[list[str]], widths: list[float], cell: ParagraphStyle) -> Table:
    head = ParagraphStyle("head", parent=cell, fontName="Helvetica-Bold")
    cells = [[_p(c, head if i == 0 else cell) for c in r] for i, r in enumerate(rows)]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _num(v: float | None) -> str:
    return "–" if v is None else f"{v:.1f}".removesuffix(".0")


def story(data: ReportData) -> list[Any]:
    s = _styles()
    w = A4[0] - 36 * mm
    found = data.insights
    out: list[Any] = [
        _p("My back-care summary", s["title"]),
        _p(f"Records from {words.period_line(data)}. Made on {data.made_on:%-d %b %Y}.", s["body"]),
        Spacer(1, 3),
        _boxed(_p(DISCLAIMER, s["body"]), w),
        _p("In short", s["h2"]),
        *[_p(t, s["body"]) for t in found.headline],
        _p("Safety check", s["h2"]),
        _p("Latest result: " + words.screening_line(data), s["body"]),
    ]
    conditions = [words.condition_words(c) for c in data.safety.conditions]
    out.append(_p("Conditions: " + ("; ".join(conditions) or "none recorded") + ".", s["body"]))
    avoid = [data.name(e) for e in data.safety.must_not_offer]
    changed = [f"{data.name(e)} ({t})" for e, t in data.safety.modifications.items()]
    out.append(_p("Not offered: " + (", ".join(avoid) or "none") + ".", s["body"]))
    out.append(_p("Offered with changes: " + ("; ".join(changed) or "none") + ".", s["body"]))

    finished = sum(1 for e in data.entries if e.status == "completed")
    weeks = max(1, len([x for x in found.weeks if x.sessions]))
    out.append(_p("What I did", s["h2"]))
    out.append(
        _p(
            f"{counted(len(data.entries), 'session')} ({finished} finished), about "
            f"{len(data.entries) / weeks:.1f} a week in weeks I stretched.",
            s["body"],
        )
    )
    rows = [["Stretch", "Sessions", "Last done"]]
    rows += [[r["name"], str(r["sessions"]), f"{r['last']:%-d %b %Y}"] for r in session_rows(data)]
    if len(rows) > 1:
        out.append(_table(rows, [w * 0.5, w * 0.2, w * 0.3], s["cell"]))

    out.append(_p("What seemed to help", s["h2"]))
    rows = [["Stretch", "Sessions", "Stiffness change", "Pain change", "Helped most", "Reading"]]
    for x in found.stretches:
        rows.append(
            [
                data.name(x.exercise_id),
                str(x.sessions),
                change_text(x.stiffness),
                change_text(x.pain),
                str(x.helped_most),
                VERDICT_WORDS[x.verdict],
            ]
        )
    if len(rows) > 1:
        out.append(_table(rows, [w * f for f in (0.22, 0.1, 0.2, 0.2, 0.1, 0.18)], s["cell"]))
    out.append(
        _p(
            "Change = after minus before, 0-10; below zero means it eased. Brackets: a 95% "
            "range (Bayesian, pulled toward no change). " + CAVEAT,
            s["small"],
        )
    )

    out.append(_p("By week", s["h2"]))
    goal = found.goal
    rows = [
        [
            "Week of",
            "Sessions" + (f" (goal {goal.sessions_per_week})" if goal else ""),
            "Desk breaks",
            "Stiffness before",
            "Pain before",
            "Weekly pain",
            "Crack sessions",
        ]
    ]
    for wk in found.weeks:
        rows.append(
            [
                f"{wk.start:%-d %b}",
                str(wk.sessions),
                str(wk.desk_breaks),
                _num(wk.stiffness_before),
                _num(wk.pain_before),
                _num(wk.weekly_pain),
                str(wk.crack_sessions),
            ]
        )
    if len(rows) > 1:
        out.append(_table(rows, [w / 7] * 7, s["cell"]))
    else:
        out.append(_p("Not enough data yet.", s["body"]))

    out.append(_p("My hard activities (Patient-Specific Functional Scale, 0-10)", s["h2"]))
    activities = list(dict.fromkeys(a for c in found.checks for a in c.scores))
    rows = [["Activity", "First score", "Latest score"]]
    for a in activities:
        scores = [c.scores[a] for c in found.checks if a in c.scores]
        pair = first_and_last(found.checks, a)
        rows.append([a, str(scores[0]), str(pair[1]) if pair else "–"])
    if activities:
        out.append(_table(rows, [w * 0.6, w * 0.2, w * 0.2], s["cell"]))
    else:
        out.append(_p("No activities rated yet.", s["body"]))

    out.append(_p("Pain stops", s["h2"]))
    out.extend(_p(line, s["body"]) for line in words.pain_stop_lines(data) or ["None."])
    out.append(_p("Cracking", s["h2"]))
    out.append(_p(words.crack_line(data) + " " + words.CRACK_RULE, s["body"]))
    ask = [
        _p("What I want to ask", s["h2"]),
        _boxed(_p(data.question or " ", s["body"]), w, height=None if data.question else 22 * mm),
    ]
    out.append(KeepTogether(ask))
    return out


def _boxed(flowable: Any, width: float, height: float | None = None) -> Table:
    box = Table([[flowable]], colWidths=[width], rowHeights=[height] if height else None)
    box.setStyle(
        TableStyle([("BOX", (0, 0), (-1, -1), 0.8, LINE), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return box


def _footer(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 7.5)
    canvas.setFillColor(INK)
    canvas.drawString(
        18 * mm, 10 * mm, "Made by me from my own unkink records. unkink does not diagnose."
    )
    canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Page {doc.page}")
    canvas.restoreState()


def pdf_bytes(data: ReportData) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=15 * mm,
        bottomMargin=16 * mm,
        title="My back-care summary",
        author="Made by the person, with unkink",
        invariant=1,
    )
    doc.build(story(data), onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()
