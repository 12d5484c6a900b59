"""each section's optional notes, saved with its answers

Revision ID: f3b9c1d7a2e4
Revises: e6aa6e84d057
Create Date: 2026-12-03 11:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "f3b9c1d7a2e4"
down_revision = "e6aa6e84d057"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("audit_section", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notes", sa.String(length=1000), server_default="", nullable=False))


def downgrade():
    with op.batch_alter_table("audit_section", schema=None) as batch_op:
        batch_op.drop_column("notes")
