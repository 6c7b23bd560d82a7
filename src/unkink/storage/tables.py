"""The database schema as SQLAlchemy Core tables. Repositories translate rows to domain values.

Why Core tables and explicit translation instead of cosmic's imperative ORM mapping: our
domain values are frozen, slotted dataclasses, which the ORM cannot instrument; explicit
row <-> value functions in each repository keep the domain untouched and the SQL visible.

Every table that holds a person's data carries ``profile_id``, so the later multi-user server
can scope rows without a reshaping migration. Times are stored as the person's local wall
time (naive) because the crack rule and "next morning" are defined on the local clock.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _score_check(*names: str) -> list[CheckConstraint]:
    return [CheckConstraint(f"{n} BETWEEN 0 AND 10", name=f"{n}_0_10") for n in names]


profiles = Table(
    "profiles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", DateTime, nullable=False),
    Column("age", Integer),
    Column("sex", String(20)),
    Column("intended_use_acknowledged_at", DateTime),
    Column("stretch_place", String(20)),  # desk | floor, asked once (0002)
)

conditions = Table(
    "conditions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile_id", ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("code", String(60), nullable=False),
    Column("weeks", Float),  # pregnancy weeks on recorded_on
    Column("weeks_since", Float),  # weeks since surgery or fracture on recorded_on
    Column("cleared_by_surgical_team", Boolean, nullable=False, default=False),
    Column("approach", String(20)),  # hip replacement: posterior | anterior | unknown
    Column("recorded_on", Date, nullable=False),
    Column("ended_on", Date),
    Column("procedure", String(200)),  # free text, shown back, used by no rule (0002)
    Index("ix_conditions_profile", "profile_id"),
)

screenings = Table(
    "screenings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile_id", ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("taken_at", DateTime, nullable=False),
    Column("answers", JSON, nullable=False),
    Column("urgency", String(20), nullable=False),
    Column("rules", JSON, nullable=False),
    Column("advice", Text, nullable=False),
    Column("source", String(20), nullable=False),  # questionnaire | file | web
    Column("confirmed", JSON),  # re-check: fields confirmed from last time, not asked (0002)
    CheckConstraint(
        "urgency IN ('emergency', 'see_doctor_soon', 'routine_review', 'self_care_ok')",
        name="urgency_known",
    ),
    Index("ix_screenings_profile_taken", "profile_id", "taken_at"),
)

routines = Table(
    "routines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile_id", ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("area", String(20), nullable=False),
    Column("place", String(20), nullable=False),
    Column("minutes_requested", Float, nullable=False),
    Column("total_s", Float, nullable=False),
    Column(
        "plan", JSON, nullable=False
    ),  # exercises with reps, hold choices, reasons, modifications
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile_id", ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("routine_id", ForeignKey("routines.id", ondelete="RESTRICT"), nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("ended_at", DateTime),
    Column("status", String(20), nullable=False),  # running | completed | stopped
    Column("stop_reason", String(40)),  # quit | pain | skipped_all | ...
    Column("elapsed_s", Float, nullable=False, default=0.0),  # active (unpaused) seconds done
    Column("cue_index", Integer, nullable=False, default=0),  # next cue not yet shown
    Column("helped_most", String(60)),  # exercise id the person said helped most
    CheckConstraint("status IN ('running', 'completed', 'stopped')", name="status_known"),
    Index("ix_sessions_profile_started", "profile_id", "started_at"),
)

session_events = Table(
    "session_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("kind", String(30), nullable=False),  # a cue kind, or pause/resume/skip/stop
    Column("exercise_id", String(60)),
    Column("step", Integer),
    Column("planned_s", Float),
    Column("actual_s", Float),
    Column("detail", JSON),
    Index("ix_session_events_session", "session_id", "id"),
)

ratings = Table(
    "ratings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("moment", String(20), nullable=False),  # before | after | next_morning
    Column("stiffness", Integer),
    Column("pain", Integer),
    Column("recorded_at", DateTime, nullable=False),
    CheckConstraint("moment IN ('before', 'after', 'next_morning')", name="moment_known"),
    *_score_check("stiffness", "pain"),
)

exercise_feedback = Table(
    "exercise_feedback",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("exercise_id", String(60), nullable=False),
    Column("helped", Boolean),  # "did this stretch help?"
    Column("worse_next_morning", Boolean),
    Column("recorded_at", DateTime, nullable=False),
    Index("ix_exercise_feedback_exercise", "exercise_id"),
)

pain_reports = Table(
    "pain_reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile_id", ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("session_id", ForeignKey("sessions.id", ondelete="SET NULL")),
    Column("exercise_id", String(60)),
    Column("at", DateTime, nullable=False),
    Column("score", Integer, nullable=False),
    Column("answers", JSON, nullable=False),  # the stop-at-once questions
    Column("decision", String(40), nullable=False),
    *_score_check("score"),
)

crack_events = Table(
    "crack_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile_id", ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("at", DateTime, nullable=False),  # local wall time of the crack
    Column("region", String(10)),  # upper | lower | neck
    Column("relief", Integer),
    Column("logged_at", DateTime, nullable=False),
    CheckConstraint("region IS NULL OR region IN ('upper', 'lower', 'neck')", name="region_known"),
    *_score_check("relief"),
    Index("ix_crack_events_profile_at", "profile_id", "at"),
)
