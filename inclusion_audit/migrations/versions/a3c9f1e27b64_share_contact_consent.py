"""consent to show the team's admins' email addresses to coordinators

Revision ID: a3c9f1e27b64
Revises: d05eff8b5ea6
Create Date: 2026-12-01 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "a3c9f1e27b64"
down_revision = "d05eff8b5ea6"
branch_labels = None
depends_on = None


def upgrade():
    # Off for every existing organisation: nobody agreed to it before it was asked.
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("share_contact", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("share_contact")
