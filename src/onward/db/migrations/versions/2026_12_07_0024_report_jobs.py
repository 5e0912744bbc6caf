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
from alembic import op

import onward.db.types

revision = "0024"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("public_id", onward.db.types.SafeString(length=32), nullable=False),
        sa.Column("kind", onward.db.types.SafeString(length=20), nullable=False),
        sa.Column("state", onward.db.types.SafeString(length=10), nullable=False),
        sa.Column("body", onward.db.types.SafeText(), nullable=True),
        sa.Column("error", onward.db.types.SafeText(), nullable=True),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", onward.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_report_jobs_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_jobs")),
        sa.UniqueConstraint("public_id", name=op.f("uq_report_jobs_public_id")),
    )
    op.create_index(
        "ix_report_jobs_owner_created", "report_jobs", ["owner_id", "created_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_report_jobs_owner_created", table_name="report_jobs")
    op.drop_table("report_jobs")
