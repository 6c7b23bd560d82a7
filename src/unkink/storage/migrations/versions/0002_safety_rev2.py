"""safety spec revision 2: routine_review urgency, confirmed re-check fields, procedure, place

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

OLD = "urgency IN ('emergency', 'see_doctor_soon', 'self_care_ok')"
NEW = "urgency IN ('emergency', 'see_doctor_soon', 'routine_review', 'self_care_ok')"


def upgrade() -> None:
    with op.batch_alter_table("screenings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("confirmed", sa.JSON(), nullable=True))
        batch_op.drop_constraint(op.f("ck_screenings_urgency_known"), type_="check")
        batch_op.create_check_constraint("urgency_known", NEW)
    with op.batch_alter_table("conditions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("procedure", sa.String(length=200), nullable=True))
    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stretch_place", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("profiles", schema=None) as batch_op:
        batch_op.drop_column("stretch_place")
    with op.batch_alter_table("conditions", schema=None) as batch_op:
        batch_op.drop_column("procedure")
    op.execute("UPDATE screenings SET urgency = 'see_doctor_soon' WHERE urgency = 'routine_review'")
    with op.batch_alter_table("screenings", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_screenings_urgency_known"), type_="check")
        batch_op.create_check_constraint("urgency_known", OLD)
        batch_op.drop_column("confirmed")
