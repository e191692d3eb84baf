"""Where an alias comes from: the archivists' catalogue, or a dataset (CLDR, iso-codes, GeoNames…).

Revision ID: 0008
Revises: 0007

Names an entity carries from field data (issue 17) are told apart from the ones archivists typed: the
window and ``entities --format json`` show the source, and a rebuild replaces the dataset's names without
touching a person's. Existing aliases all came from the catalogue.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("aliases") as batch:
        batch.add_column(sa.Column("source", sa.String(24), nullable=False, server_default="catalogue"))


def downgrade() -> None:
    with op.batch_alter_table("aliases") as batch:
        batch.drop_column("source")
