"""stored figures, defined in SQL, replace the dashboard tallies

`rebuilds_stored_figures` asks env.py to fill the new table from the audits once the upgrade is complete,
with the definition in `queries.figure_definition`: deploying needs no step beyond `flask db upgrade`.

Revision ID: 5d1c7e2a9b40
Revises: b3c91d2e7f40
Create Date: 2026-12-02 06:20:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "5d1c7e2a9b40"
down_revision = "b3c91d2e7f40"
branch_labels = None
depends_on = None
rebuilds_stored_figures = True

KEY = ("scope", "span", "period", "measure", "item", "value")


def _figures_table(name: str) -> None:
    op.create_table(
        name,
        sa.Column("scope", sa.String(length=80), nullable=False),
        sa.Column("span", sa.String(length=10), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(length=10), nullable=False),
        sa.Column("item", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*KEY, name=op.f(f"pk_{name}")),
    )


def upgrade():
    _figures_table("stored_figure")
    op.drop_table("tally_build")
    op.drop_table("result_tally")


def downgrade():
    # The older code finds its tallies not built, counts from the audits and says to run its rebuild.
    _figures_table("result_tally")
    op.create_table(
        "tally_build",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tally_build")),
    )
    op.drop_table("stored_figure")
