"""sharing with a coach: shares, the access log, coach notes and proposed goals

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 05:30:00

A job seeker's consent for one coach to read some scopes of their data until a day, the log of
every read, the coach's notes and the weekly goals a coach proposes (docs/coaching.md).
"""

from __future__ import annotations

import sqlalchemy as sa

import onward.db.types
from onward.db.migration_support import (
    OWNER,
    Ref,
    create_indexes,
    create_owned_table,
    drop_tables,
    key,
    moment,
)

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

#: The coach's side of a row, an owner too; its foreign key comes after the owner's, as first
#: written (not in autogenerate's column order).
COACH = Ref("coach_id", "owners")


def upgrade() -> None:
    create_owned_table(
        "shares",
        key("coach_id"),
        sa.Column("scopes", onward.db.types.SafeString(length=200), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        moment("created_at"),
        moment("revoked_at", null=True),
        refs=[OWNER, COACH],
    )
    create_indexes(
        "shares", {"ix_shares_coach": ["coach_id", "owner_id"], "ix_shares_owner": ["owner_id"]}
    )
    create_owned_table(
        "share_access",
        key("share_id"),
        sa.Column("scope", onward.db.types.SafeString(length=20), nullable=False),
        sa.Column("what", onward.db.types.SafeString(length=200), nullable=False),
        moment("at"),
        Ref("share_id", "shares"),
    )
    create_indexes("share_access", {"ix_share_access_owner_at": ["owner_id", "at"]})
    create_owned_table(
        "coach_notes",
        key("coach_id"),
        sa.Column("text", onward.db.types.SafeText(), nullable=False),
        sa.Column("shown", sa.Boolean(), nullable=False),
        moment("created_at"),
        refs=[OWNER, COACH],
    )
    create_indexes("coach_notes", {"ix_coach_notes_owner": ["owner_id", "coach_id"]})
    create_owned_table(
        "proposed_goals",
        key("coach_id"),
        sa.Column("metric", onward.db.types.SafeString(length=20), nullable=False),
        sa.Column("target", sa.Float(), nullable=False),
        sa.Column("why", onward.db.types.SafeText(), nullable=True),
        sa.Column("state", onward.db.types.SafeString(length=20), nullable=False),
        moment("created_at"),
        moment("answered_at", null=True),
        refs=[OWNER, COACH],
    )
    create_indexes("proposed_goals", {"ix_proposed_goals_owner": ["owner_id", "state"]})


def downgrade() -> None:
    drop_tables("proposed_goals", "coach_notes", "share_access", "shares")
