"""server accounts, sessions, one-time links and the sign-in throttle

Revision ID: 0020
Revises: 0023
Create Date: 2026-12-07 05:30:00

One account per owner for `onward serve --multi-user` (docs/security.md): email, role,
Argon2 password hash (decision 0014), lock-out state. Sessions and one-time links (invitations,
password resets) keep only the SHA-256 digest of their token.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import onward.db.types

revision = "0020"
down_revision = "0023"
branch_labels = None
depends_on = None


def _at(name: str, nullable: bool = True) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, onward.db.types.UTCDateTime(timezone=True), nullable=nullable)


def _account_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["account_id"],
        ["accounts.id"],
        name=f"fk_{table}_account_id_accounts",
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=True),
        _at("disabled_at"),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False),
        _at("locked_until"),
        _at("created_at", nullable=False),
        _at("last_signed_in_at"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["owners.id"], name="fk_accounts_owner_id_owners", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_accounts"),
        sa.UniqueConstraint("owner_id", name="uq_accounts_owner_id"),
        sa.UniqueConstraint("email", name="uq_accounts_email"),
    )
    op.create_table(
        "account_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        _at("created_at", nullable=False),
        _at("last_seen_at", nullable=False),
        _at("expires_at", nullable=False),
        _account_fk("account_sessions"),
        sa.PrimaryKeyConstraint("id", name="pk_account_sessions"),
        sa.UniqueConstraint("token_sha256", name="uq_account_sessions_token_sha256"),
    )
    op.create_table(
        "account_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=10), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        _at("created_at", nullable=False),
        _at("expires_at", nullable=False),
        _at("used_at"),
        _account_fk("account_links"),
        sa.PrimaryKeyConstraint("id", name="pk_account_links"),
        sa.UniqueConstraint("token_sha256", name="uq_account_links_token_sha256"),
    )
    op.create_table(
        "sign_in_throttle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_sha256", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        _at("window_start", nullable=False),
        _at("locked_until"),
        sa.PrimaryKeyConstraint("id", name="pk_sign_in_throttle"),
        sa.UniqueConstraint("key_sha256", name="uq_sign_in_throttle_key_sha256"),
    )


def downgrade() -> None:
    op.drop_table("sign_in_throttle")
    op.drop_table("account_links")
    op.drop_table("account_sessions")
    op.drop_table("accounts")
