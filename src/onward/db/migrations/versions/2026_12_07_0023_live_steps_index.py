"""the index of steps per day also says whether a step was undone

Revision ID: 0023
Revises: 0014
Create Date: 2026-12-07 05:45:00

Effort counts the applications sent per day, and wins read the responses, from
``ix_stage_events_owner_stage_day``; since undo (0012) both skip undone steps, so each
counted row was read from the table for its ``undone_at``. With that column in the index,
the counts read the index alone (Today reads them on every visit).
"""

from __future__ import annotations

from alembic import op

revision = "0023"
down_revision = "0014"

NAME = "ix_stage_events_owner_stage_day"


def upgrade() -> None:
    op.drop_index(NAME, table_name="stage_events")
    op.create_index(NAME, "stage_events", ["owner_id", "stage", "occurred_on", "undone_at"])


def downgrade() -> None:
    op.drop_index(NAME, table_name="stage_events")
    op.create_index(NAME, "stage_events", ["owner_id", "stage", "occurred_on"])
