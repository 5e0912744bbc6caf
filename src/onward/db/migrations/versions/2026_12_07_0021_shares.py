"""sharing with a coach: shares, the access log, coach notes and proposed goals

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 05:30:00

A job seeker's consent for one coach to read some scopes of their data until a day, the log of
every read, the coach's notes and the weekly goals a coach proposes (docs/coaching.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import onward.db.types

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def _owner(name: str, column: str = "owner_id") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["owners.id"], name=op.f(f"fk_{name}_{column}_owners"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "shares",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column("scopes", onward.db.types.SafeString(length=200), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", onward.db.types.UTCDateTime(timezone=True), nullable=True),
        _owner("shares"),
        _owner("shares", "coach_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shares")),
    )
    op.create_index("ix_shares_coach", "shares", ["coach_id", "owner_id"])
    op.create_index("ix_shares_owner", "shares", ["owner_id"])
    op.create_table(
        "share_access",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("share_id", sa.Integer(), nullable=False),
        sa.Column("scope", onward.db.types.SafeString(length=20), nullable=False),
        sa.Column("what", onward.db.types.SafeString(length=200), nullable=False),
        sa.Column("at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        _owner("share_access"),
        sa.ForeignKeyConstraint(
            ["share_id"],
            ["shares.id"],
            name=op.f("fk_share_access_share_id_shares"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_access")),
    )
    op.create_index("ix_share_access_owner_at", "share_access", ["owner_id", "at"])
    op.create_table(
        "coach_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column("text", onward.db.types.SafeText(), nullable=False),
        sa.Column("shown", sa.Boolean(), nullable=False),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        _owner("coach_notes"),
        _owner("coach_notes", "coach_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach_notes")),
    )
    op.create_index("ix_coach_notes_owner", "coach_notes", ["owner_id", "coach_id"])
    op.create_table(
        "proposed_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column("metric", onward.db.types.SafeString(length=20), nullable=False),
        sa.Column("target", sa.Float(), nullable=False),
        sa.Column("why", onward.db.types.SafeText(), nullable=True),
        sa.Column("state", onward.db.types.SafeString(length=20), nullable=False),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("answered_at", onward.db.types.UTCDateTime(timezone=True), nullable=True),
        _owner("proposed_goals"),
        _owner("proposed_goals", "coach_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposed_goals")),
    )
    op.create_index("ix_proposed_goals_owner", "proposed_goals", ["owner_id", "state"])


def downgrade() -> None:
    op.drop_index("ix_proposed_goals_owner", table_name="proposed_goals")
    op.drop_table("proposed_goals")
    op.drop_index("ix_coach_notes_owner", table_name="coach_notes")
    op.drop_table("coach_notes")
    op.drop_index("ix_share_access_owner_at", table_name="share_access")
    op.drop_table("share_access")
    op.drop_index("ix_shares_owner", table_name="shares")
    op.drop_index("ix_shares_coach", table_name="shares")
    op.drop_table("shares")
