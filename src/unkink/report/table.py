"""The CSV: every session, every stored rating, every crack, every weekly check; one row each.

Long format with a ``record`` column (session | rating | crack | weekly_pain | psfs), so a
spreadsheet can filter and the test can read every rating back.
"""

from __future__ import annotations

import csv
import io

from unkink.services.report import ReportData

COLUMNS = (
    "record",
    "session",
    "at",
    "status",
    "stop_reason",
    "area",
    "where",
    "exercises",
    "minutes_done",
    "helped_most",
    "moment",
    "stiffness",
    "pain",
    "region",
    "relief",
    "activity",
    "score",
)


def csv_text(data: ReportData) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in data.entries:
        writer.writerow(
            {
                "record": "session",
                "session": e.session_id,
                "at": e.started_at.isoformat(),
                "status": e.status,
                "stop_reason": e.stop_reason or "",
                "area": e.area,
                "where": e.where,
                "exercises": " ".join(e.exercises),
                "minutes_done": round(e.done_s / 60, 2),
                "helped_most": e.helped_most or "",
            }
        )
        for r in data.ratings.get(e.session_id, ()):
            writer.writerow(
                {
                    "record": "rating",
                    "session": e.session_id,
                    "moment": r.moment,
                    "stiffness": "" if r.stiffness is None else r.stiffness,
                    "pain": "" if r.pain is None else r.pain,
                }
            )
    for c in data.safety.cracks:
        writer.writerow(
            {
                "record": "crack",
                "at": c.at.isoformat(),
                "region": c.region or "",
                "relief": "" if c.relief is None else c.relief,
            }
        )
    for check in data.insights.checks:
        at = check.recorded_at.isoformat()
        if check.pain is not None:
            writer.writerow({"record": "weekly_pain", "at": at, "pain": check.pain})
        for activity, score in check.scores.items():
            writer.writerow({"record": "psfs", "at": at, "activity": activity, "score": score})
    return out.getvalue()
