"""training topics on local help entries, and training needs in the stored figures, for the needs page

Entries already there get no topics (an empty list): coordinators choose them on the entry's form. An area's
content pack brings its topics only when the pack is imported into an area with no entries yet.
`rebuilds_stored_figures` adds the training needs ("need" rows) to the stored figures once upgraded.

Revision ID: b7d3e5a91c20
Revises: c4f2a7d91e36
Create Date: 2026-12-02 14:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "b7d3e5a91c20"
down_revision = "c4f2a7d91e36"
branch_labels = None
depends_on = None
rebuilds_stored_figures = True


def upgrade():
    with op.batch_alter_table("local_help_entry") as batch:
        batch.add_column(sa.Column("topics", sa.JSON(), server_default=sa.text("'[]'"), nullable=False))


def downgrade():
    with op.batch_alter_table("local_help_entry") as batch:
        batch.drop_column("topics")
