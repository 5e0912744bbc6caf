"""Sharing with a coach: shares, the access log, coach notes and proposed goals.

Each row's ``owner_id`` is the job seeker whose data it is about; ``coach_id`` the coach's
owner. They describe consent between two people on this server, so the JSON backup leaves
them out (like API tokens); deleting either owner deletes them.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Float, Index

from onward.db.meta import created_at, owned_table, reference
from onward.db.types import SafeString, SafeText, UTCDateTime


def coach_column() -> Column[int]:
    return reference("coach_id", "owners")


shares = owned_table(
    "shares",
    coach_column(),
    Column("scopes", SafeString(200), nullable=False),  # space-separated scope names
    Column("expires_on", Date, nullable=False),
    created_at(),
    Column("revoked_at", UTCDateTime()),
    Index("ix_shares_coach", "coach_id", "owner_id"),
    Index("ix_shares_owner", "owner_id"),
)

share_access = owned_table(
    "share_access",
    reference("share_id", "shares"),
    Column("scope", SafeString(20), nullable=False),
    Column("what", SafeString(200), nullable=False),
    Column("at", UTCDateTime(), nullable=False),
    Index("ix_share_access_owner_at", "owner_id", "at"),
)

coach_notes = owned_table(
    "coach_notes",
    coach_column(),
    Column("text", SafeText, nullable=False),
    Column("shown", Boolean, nullable=False),
    created_at(),
    Index("ix_coach_notes_owner", "owner_id", "coach_id"),
)

proposed_goals = owned_table(
    "proposed_goals",
    coach_column(),
    Column("metric", SafeString(20), nullable=False),
    Column("target", Float, nullable=False),
    Column("why", SafeText),
    Column("state", SafeString(20), nullable=False),
    created_at(),
    Column("answered_at", UTCDateTime()),
    Index("ix_proposed_goals_owner", "owner_id", "state"),
)

SHARING_TABLES = (shares, share_access, coach_notes, proposed_goals)
