"""mail imports and syncs run by the worker, with their progress

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 05:40:00

In multi-user mode (``onward serve --multi-user``) mail imports and syncs run in ``onward
worker``, not in the web process: this table holds where each stands, so every web process
shows the same progress. The queue's own tables come from the queue library (procrastinate),
applied by ``onward worker --apply-schema`` (docs/deploy.md), not by this migration.
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

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_owned_table(
        "mail_jobs",
        sa.Column("public_id", onward.db.types.SafeString(length=32), nullable=False),
        sa.Column("work_key", onward.db.types.SafeString(length=600), nullable=False),
        sa.Column("kind", onward.db.types.SafeString(length=10), nullable=False),
        sa.Column("label", onward.db.types.SafeString(length=300), nullable=False),
        sa.Column("state", onward.db.types.SafeString(length=12), nullable=False),
        sa.Column("done_count", sa.BigInteger(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("unit", onward.db.types.SafeString(length=10), nullable=False),
        sa.Column("step", onward.db.types.SafeString(length=300), nullable=False),
        sa.Column("summary", onward.db.types.SafeJSON(), nullable=True),
        sa.Column("error", onward.db.types.SafeText(), nullable=True),
        sa.Column("hint", onward.db.types.SafeJSON(), nullable=True),
        sa.Column("problems", onward.db.types.SafeJSON(), nullable=False),
        sa.Column("work", onward.db.types.SafeJSON(), nullable=False),
        sa.Column("stop_requested", sa.Boolean(), nullable=False),
        sa.Column("queue_job_id", sa.BigInteger(), nullable=True),
        moment("created_at"),
        moment("started_at", null=True),
        moment("finished_at", null=True),
        unique("public_id", name="uq_mail_jobs_public_id"),
    )
    create_indexes("mail_jobs", {"ix_mail_jobs_owner_created": ["owner_id", "created_at"]})


def downgrade() -> None:
    drop_tables("mail_jobs")
