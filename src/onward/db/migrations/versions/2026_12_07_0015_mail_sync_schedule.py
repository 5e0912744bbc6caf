"""mail accounts sync on a schedule, and remember their last sync

Revision ID: 0015
Revises: 0011
Create Date: 2026-12-07 03:00:00

``sync_every_hours``: how often ``onward serve`` syncs the account (NULL: never on its own).
``last_sync_at`` and ``last_sync``: when the last sync of the account ran (by hand or on
schedule) and what it found, as JSON (new messages, proposals, or the problem), for the Mail
page. No password is stored here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import onward.db.types

revision = "0015"
down_revision = "0011"


def upgrade() -> None:
    with op.batch_alter_table("mail_accounts") as batch:
        batch.add_column(sa.Column("sync_every_hours", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("last_sync_at", onward.db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch.add_column(sa.Column("last_sync", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("mail_accounts") as batch:
        batch.drop_column("last_sync")
        batch.drop_column("last_sync_at")
        batch.drop_column("sync_every_hours")
