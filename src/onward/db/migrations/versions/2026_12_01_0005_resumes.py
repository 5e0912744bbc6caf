"""resumes

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 19:45:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from onward.db.migration_support import create_owned_table, moment, unique

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    create_owned_table(
        "resumes",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=True),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        moment("created_at"),
        unique("owner_id", "label", name="uq_resumes_owner_label"),
        unique("owner_id", "version", name="uq_resumes_owner_version"),
    )


def downgrade() -> None:
    op.drop_table("resumes")
