"""index ratings by session (history reads every session's ratings)

Revision ID: 0005
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ratings_session", "ratings", ["session_id"])


def downgrade() -> None:
    op.drop_index("ix_ratings_session", table_name="ratings")
