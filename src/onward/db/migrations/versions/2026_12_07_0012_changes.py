"""the change log (undo) and undone steps on the timeline

Revision ID: 0012
Revises: 0019
Create Date: 2026-12-07 03:00:00

``changes`` keeps each change to an application with the rows it touched, so it can be
undone (docs/decisions/0009-undo-by-change-log.md); ``stage_events.undone_at`` marks a step
an undo took back (the timeline keeps it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import onward.db.types
from onward.db.migration_support import create_owned_table, key, moment

revision = "0012"
down_revision = "0019"


def upgrade() -> None:
    create_owned_table(
        "changes",
        key("application_id", null=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        key("proposal_id", null=True),
        sa.Column("undoes", sa.Integer(), nullable=True),
        sa.Column("undone_by", sa.Integer(), nullable=True),
        moment("created_at"),
    )
    op.create_index("ix_changes_owner_application", "changes", ["owner_id", "application_id", "id"])
    op.create_index("ix_changes_owner_proposal", "changes", ["owner_id", "proposal_id"])
    with op.batch_alter_table("stage_events") as batch:
        batch.add_column(
            sa.Column("undone_at", onward.db.types.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("stage_events") as batch:
        batch.drop_column("undone_at")
    op.drop_index("ix_changes_owner_proposal", table_name="changes")
    op.drop_index("ix_changes_owner_application", table_name="changes")
    op.drop_table("changes")
