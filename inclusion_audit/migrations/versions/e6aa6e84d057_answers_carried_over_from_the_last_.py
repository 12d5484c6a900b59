"""answers carried over from the last audit, to be checked before the new audit is submitted

Revision ID: e6aa6e84d057
Revises: 8c6f12aff4ab
Create Date: 2026-12-03 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "e6aa6e84d057"
down_revision = "8c6f12aff4ab"
branch_labels = None
depends_on = None


def upgrade():
    # Re-audits already under way keep working as before: their answers count as confirmed.
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("carried_over", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.drop_column("carried_over")
