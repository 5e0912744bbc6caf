"""mail summaries: what a first or large import found, for the summary card on Today

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 03:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from onward.db.migration_support import create_owned_table, moment

revision = "0013"
down_revision = "0012"


def upgrade() -> None:
    create_owned_table(
        "mail_summaries",
        sa.Column("source", sa.String(length=1000), nullable=False),
        sa.Column("applications", sa.Integer(), nullable=False),
        sa.Column("rejections", sa.Integer(), nullable=False),
        sa.Column("interviews", sa.Integer(), nullable=False),
        sa.Column("offers", sa.Integer(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        moment("created_at"),
        moment("dismissed_at", null=True),
    )


def downgrade() -> None:
    op.drop_table("mail_summaries")
