"""mail accounts: IMAP/SMTP account settings, folder sync state, draft deliveries

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 19:45:00

No password is stored: it lives in the OS keyring or an environment variable.
"""

from __future__ import annotations

import sqlalchemy as sa

from onward.db.migration_support import (
    Ref,
    create_indexes,
    create_owned_table,
    drop_tables,
    key,
    moment,
    unique,
)

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    create_owned_table(
        "mail_accounts",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("imap_host", sa.String(length=253), nullable=False),
        sa.Column("imap_port", sa.Integer(), nullable=False),
        sa.Column("imap_security", sa.String(length=10), nullable=False),
        sa.Column("username", sa.String(length=320), nullable=False),
        sa.Column("folders", sa.JSON(), nullable=False),
        sa.Column("drafts_folder", sa.String(length=200), nullable=False),
        sa.Column("smtp_host", sa.String(length=253), nullable=True),
        sa.Column("smtp_port", sa.Integer(), nullable=True),
        sa.Column("smtp_security", sa.String(length=10), nullable=True),
        moment("created_at"),
        moment("updated_at"),
        unique("owner_id", "name", name="uq_mail_accounts_owner_name"),
    )
    create_owned_table(
        "mail_folders",
        key("account_id"),
        sa.Column("folder", sa.String(length=500), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("last_uid", sa.BigInteger(), nullable=False),
        sa.Column("messages_seen", sa.Integer(), nullable=False),
        moment("synced_at"),
        Ref("account_id", "mail_accounts"),
        unique("account_id", "folder", name="uq_mail_folders_account_id"),
    )
    create_owned_table(
        "mail_deliveries",
        key("draft_id"),
        sa.Column("account_name", sa.String(length=40), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("message_id", sa.String(length=998), nullable=False),
        sa.Column("to_addr", sa.Text(), nullable=True),
        moment("delivered_at"),
        Ref("draft_id", "drafts"),
    )
    create_indexes(
        "mail_deliveries",
        {"ix_mail_deliveries_draft_id": ["draft_id"]},
    )


def downgrade() -> None:
    drop_tables(
        "mail_deliveries",
        "mail_folders",
        "mail_accounts",
    )
