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

from onward.db.migration_support import create_owned_table, moment, unique

revision = "0010"
down_revision = "0009"


def upgrade() -> None:
    create_owned_table(
        "owner_settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        moment("updated_at"),
        unique("owner_id", "key", name="uq_owner_settings_owner_key"),
    )


def downgrade() -> None:
    op.drop_table("owner_settings")
