"""outcome measures (weekly pain 0-10, PSFS) and the weekly goal

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 20:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "weekly_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=True),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.CheckConstraint("pain BETWEEN 0 AND 10", name=op.f("ck_weekly_checks_pain_0_10")),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_weekly_checks_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_weekly_checks")),
    )
    op.create_index(
        "ix_weekly_checks_profile_recorded", "weekly_checks", ["profile_id", "recorded_at"]
    )
    op.create_table(
        "psfs_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("check_id", sa.Integer(), nullable=False),
        sa.Column("activity", sa.String(length=80), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.CheckConstraint("score BETWEEN 0 AND 10", name=op.f("ck_psfs_scores_score_0_10")),
        sa.ForeignKeyConstraint(
            ["check_id"],
            ["weekly_checks.id"],
            name=op.f("fk_psfs_scores_check_id_weekly_checks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_psfs_scores")),
    )
    op.create_index("ix_psfs_scores_check", "psfs_scores", ["check_id"])
    op.create_table(
        "insight_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.Column("sessions_per_week", sa.Integer(), nullable=False),
        sa.Column("desk_breaks_per_week", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "sessions_per_week BETWEEN 0 AND 50", name=op.f("ck_insight_goals_sessions_goal_range")
        ),
        sa.CheckConstraint(
            "desk_breaks_per_week IS NULL OR desk_breaks_per_week BETWEEN 0 AND 100",
            name=op.f("ck_insight_goals_breaks_goal_range"),
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_insight_goals_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insight_goals")),
    )


def downgrade() -> None:
    op.drop_table("insight_goals")
    op.drop_index("ix_psfs_scores_check", table_name="psfs_scores")
    op.drop_table("psfs_scores")
    op.drop_index("ix_weekly_checks_profile_recorded", table_name="weekly_checks")
    op.drop_table("weekly_checks")
