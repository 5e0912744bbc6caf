"""settings each owner changes in the app

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-07 00:50:00

One row per owner and setting (name, email, dwell default, ghosting thresholds...), the value
as JSON. Environment variables still win over these.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import onward.db.types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "owner_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name="fk_owner_settings_owner_id_owners",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_owner_settings"),
        sa.UniqueConstraint("owner_id", "key", name="uq_owner_settings_owner_key"),
    )


def downgrade() -> None:
    op.drop_table("owner_settings")
