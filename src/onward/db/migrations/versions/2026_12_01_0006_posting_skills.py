"""posting skills and the timeline in brief, on applications; events by stage and day

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 23:10:00

Two nullable columns cache the skills found in each job description (filled the first time
skill gaps are computed). Four more summarise each application's timeline for insights
(first step, first progress, first rejection, progress stages passed through as bits); they
are filled here from stage_events and kept in step by the application repository.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


#: Bits of the progress stages in ``timeline_path`` (as onward.db.tables.TIMELINE_BITS).
BITS = {"screen": 1, "assessment": 2, "interview": 4, "final": 8, "offer": 16}


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("posting_skills", sa.Text(), nullable=True))
        batch.add_column(
            sa.Column("posting_skills_vocabulary", sa.String(length=32), nullable=True)
        )
        batch.add_column(sa.Column("timeline_applied_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("timeline_progress_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("timeline_rejected_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("timeline_path", sa.Integer(), nullable=False, server_default="0")
        )
    op.create_index(
        "ix_applications_owner_applied", "applications", ["owner_id", "timeline_applied_on"]
    )
    op.create_index(
        "ix_stage_events_owner_stage_day",
        "stage_events",
        ["owner_id", "stage", "occurred_on"],
    )
    progress = ", ".join(f"'{stage}'" for stage in BITS)
    passed = " + ".join(
        "CASE WHEN EXISTS (SELECT 1 FROM stage_events e WHERE e.application_id = "
        f"applications.id AND e.stage = '{stage}') THEN {bit} ELSE 0 END"
        for stage, bit in BITS.items()
    )
    applied = _first("e.stage <> 'saved'")
    progressed = _first(f"e.stage IN ({progress})")
    rejected = _first("e.stage = 'rejected'")
    op.execute(
        f"UPDATE applications SET timeline_applied_on = {applied}, "
        f"timeline_progress_on = {progressed}, timeline_rejected_on = {rejected}, "
        f"timeline_path = {passed}"
    )


def _first(condition: str) -> str:
    return (
        "(SELECT MIN(e.occurred_on) FROM stage_events e "
        f"WHERE e.application_id = applications.id AND {condition})"
    )


def downgrade() -> None:
    op.drop_index("ix_stage_events_owner_stage_day", table_name="stage_events")
    op.drop_index("ix_applications_owner_applied", table_name="applications")
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("timeline_path")
        batch.drop_column("timeline_rejected_on")
        batch.drop_column("timeline_progress_on")
        batch.drop_column("timeline_applied_on")
        batch.drop_column("posting_skills_vocabulary")
        batch.drop_column("posting_skills")
