"""reports made off the request path

Revision ID: 0024
Revises: 0022
Create Date: 2026-12-07 16:20:00

On a multi-user server the offline insights report and the cohort report are made by
``onward worker``, not in the web request: this table holds each report from asked for to
ready (its text once done), so every web process can show it and hand it out.
"""

from __future__ import annotations

import sqlalchemy as sa

import onward.db.types
from onward.db.migration_support import (
    create_indexes,
    create_owned_table,
    drop_tables,
    moment,
    unique,
)

revision = "0024"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_owned_table(
        "report_jobs",
        sa.Column("public_id", onward.db.types.SafeString(length=32), nullable=False),
        sa.Column("kind", onward.db.types.SafeString(length=20), nullable=False),
        sa.Column("state", onward.db.types.SafeString(length=10), nullable=False),
        sa.Column("body", onward.db.types.SafeText(), nullable=True),
        sa.Column("error", onward.db.types.SafeText(), nullable=True),
        moment("created_at"),
        moment("finished_at", null=True),
        unique("public_id", name="uq_report_jobs_public_id"),
    )
    create_indexes("report_jobs", {"ix_report_jobs_owner_created": ["owner_id", "created_at"]})


def downgrade() -> None:
    drop_tables("report_jobs")
