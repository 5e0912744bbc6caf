"""an index that covers the insights' outcome queries

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 05:20:00

Insights group every application by its outcome (stage reached, where it stands, channel,
tailoring, the timeline in brief, role and company). Applications rows are wide (they carry
the job description), so reading those few columns row by row costs more than the grouping;
with every column the queries read in one index, they read the index alone.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"

#: As onward.db.tables: the owner first, then every column the outcome queries read.
COLUMNS = [
    "owner_id",
    "reached",
    "stage",
    "channel",
    "tailored",
    "timeline_path",
    "timeline_applied_on",
    "timeline_progress_on",
    "timeline_rejected_on",
    "stage_on",
    "role",
    "company",
]


def upgrade() -> None:
    op.create_index("ix_applications_owner_outcome", "applications", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_applications_owner_outcome", table_name="applications")
