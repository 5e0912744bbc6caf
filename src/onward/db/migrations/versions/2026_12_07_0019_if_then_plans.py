"""if-then plans

Revision ID: 0019
Revises: 0011
Create Date: 2026-12-07 03:00:00

"When [day, time, place], I will [action] for [job or person]" (docs/playbook.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import onward.db.types

revision = "0019"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "if_then_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("place", onward.db.types.SafeString(length=200), nullable=True),
        sa.Column("action", onward.db.types.SafeString(length=200), nullable=False),
        sa.Column("for_text", onward.db.types.SafeString(length=200), nullable=True),
        sa.Column("metric", onward.db.types.SafeString(length=20), nullable=True),
        sa.Column("state", onward.db.types.SafeString(length=20), nullable=False),
        sa.Column("moves", sa.Integer(), nullable=False),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_at", onward.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_if_then_plans_application_id_applications"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_if_then_plans_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_if_then_plans")),
    )
    op.create_index(
        "ix_if_then_plans_owner_starts", "if_then_plans", ["owner_id", "starts_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_if_then_plans_owner_starts", table_name="if_then_plans")
    op.drop_table("if_then_plans")
