"""areas become the two unitary councils; profile gains local area, families and named other groups

Since 1 April 2021 Northamptonshire has two unitary councils. Organisations and coordinators stored with
one of the seven former district codes move to the unitary area that replaced it; an organisation keeps
its former district as its local area, since those are still the places people know. The dashboard's
stored counts are keyed by area, so they are emptied and marked as not built: the dashboard counts from
the audits until `flask figures rebuild` (run by `make db`) rebuilds them.

Revision ID: b3c91d2e7f40
Revises: 748c82fb4152
Create Date: 2026-12-02 09:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "b3c91d2e7f40"
down_revision = "748c82fb4152"
branch_labels = None
depends_on = None

NORTH, WEST = "north_northamptonshire", "west_northamptonshire"
# Former district code -> (unitary area, local area). Daventry and South Northamptonshire form one locality.
FORMER_DISTRICTS = {
    "corby": (NORTH, "corby"),
    "kettering": (NORTH, "kettering"),
    "east_northamptonshire": (NORTH, "east_northamptonshire"),
    "wellingborough": (NORTH, "wellingborough"),
    "northampton": (WEST, "northampton"),
    "daventry": (WEST, "daventry_south_northamptonshire"),
    "south_northamptonshire": (WEST, "daventry_south_northamptonshire"),
}

organisation = sa.table("organisation", sa.column("area", sa.String), sa.column("local_area", sa.String))
user = sa.table("user", sa.column("area", sa.String))


def upgrade():
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(sa.Column("local_area", sa.String(length=60), nullable=True))
        batch.add_column(sa.Column("works_with_families", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("other_groups", sa.String(length=200), nullable=True))
    for old, (area, local_area) in FORMER_DISTRICTS.items():
        op.execute(organisation.update().where(organisation.c.area == old).values(area=area, local_area=local_area))
        op.execute(user.update().where(user.c.area == old).values(area=area))
    op.execute(sa.text("DELETE FROM result_tally"))
    op.execute(sa.text("DELETE FROM tally_build"))


def downgrade():
    # A unitary area maps back to a district only through the local area kept on upgrade; a coordinator
    # limited to a whole unitary area has no single district, so goes back to every area (NULL).
    for old, (area, local_area) in FORMER_DISTRICTS.items():
        if old == "south_northamptonshire":
            continue  # shares its local area with Daventry, which it maps back to
        op.execute(
            organisation.update()
            .where(organisation.c.area == area, organisation.c.local_area == local_area)
            .values(area=old)
        )
    op.execute(user.update().where(user.c.area.in_([NORTH, WEST])).values(area=None))
    with op.batch_alter_table("organisation") as batch:
        batch.drop_column("other_groups")
        batch.drop_column("works_with_families")
        batch.drop_column("local_area")
    op.execute(sa.text("DELETE FROM result_tally"))
    op.execute(sa.text("DELETE FROM tally_build"))
