"""desk-break reminders: reminder events and stretches queued for later

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 20:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

KINDS = "'notified', 'started', 'snoozed', 'skipped', 'deferred', 'away', 'paused'"


def upgrade() -> None:
    op.create_table(
        "reminder_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=True),
        sa.Column("sitting_s", sa.Float(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.CheckConstraint(f"kind IN ({KINDS})", name=op.f("ck_reminder_events_kind_known")),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_reminder_events_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_reminder_events_session_id_sessions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_events")),
    )
    op.create_index(
        "ix_reminder_events_profile_at", "reminder_events", ["profile_id", "at"], unique=False
    )
    op.create_table(
        "later_stretches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("exercise_id", sa.String(length=60), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_later_stretches_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_later_stretches")),
        sa.UniqueConstraint(
            "profile_id", "day", "exercise_id", name=op.f("uq_later_stretches_day")
        ),
    )


def downgrade() -> None:
    op.drop_table("later_stretches")
    op.drop_index("ix_reminder_events_profile_at", table_name="reminder_events")
    op.drop_table("reminder_events")
