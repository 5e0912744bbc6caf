"""Server accounts: who may sign in (one account per owner), their sessions, the one-time
links that set a password (invitations and resets), and the sign-in throttle.

Only digests of session tokens and link tokens are stored, like API tokens (decision 0008);
passwords only as Argon2 hashes (decision 0014). These are settings of this server, so the
JSON backup leaves them out.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, Table

from onward.db.meta import created_at, metadata, reference
from onward.db.types import SafeString, UTCDateTime

accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "owner_id",
        Integer,
        ForeignKey("owners.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("email", SafeString(320), nullable=False, unique=True),  # stored lower-cased
    Column("role", SafeString(10), nullable=False),  # seeker | coach | admin
    Column("password_hash", SafeString(300)),  # None until an invitation is taken up
    Column("disabled_at", UTCDateTime()),
    Column("failed_sign_ins", Integer, nullable=False, default=0),
    Column("locked_until", UTCDateTime()),
    created_at(),
    Column("last_signed_in_at", UTCDateTime()),
)

account_sessions = Table(
    "account_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    reference("account_id", "accounts"),
    Column("token_sha256", SafeString(64), nullable=False, unique=True),
    created_at(),
    Column("last_seen_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
)

account_links = Table(
    "account_links",
    metadata,
    Column("id", Integer, primary_key=True),
    reference("account_id", "accounts"),
    Column("purpose", SafeString(10), nullable=False),  # invite | reset
    Column("token_sha256", SafeString(64), nullable=False, unique=True),
    created_at(),
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("used_at", UTCDateTime()),
)

# Failed sign-ins by key (a digest of the email typed, or of the client's address), whether
# or not an account has that email: so throttling answers the same for both.
sign_in_throttle = Table(
    "sign_in_throttle",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key_sha256", SafeString(64), nullable=False, unique=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("window_start", UTCDateTime(), nullable=False),
    Column("locked_until", UTCDateTime()),
)
