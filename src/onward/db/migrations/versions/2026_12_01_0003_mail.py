"""mail: stored messages, quarantine, proposals, import progress, aliases, examples

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 19:34:18.002019
"""

from __future__ import annotations

import sqlalchemy as sa

from onward.db.migration_support import (
    SET_NULL,
    Ref,
    create_indexes,
    create_owned_table,
    drop_tables,
    key,
    moment,
    unique,
)

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    create_owned_table(
        "company_aliases",
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("company", sa.String(length=300), nullable=False),
        moment("created_at"),
        unique("owner_id", "alias", name="uq_company_aliases_owner_alias"),
    )
    create_owned_table(
        "mail_import_progress",
        sa.Column("source", sa.String(length=1000), nullable=False),
        sa.Column("position", sa.String(length=1000), nullable=True),
        sa.Column("fingerprint", sa.String(length=200), nullable=True),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("messages", sa.Integer(), nullable=False),
        moment("started_at"),
        moment("updated_at"),
        moment("completed_at", null=True),
        unique("owner_id", "source", name="uq_mail_import_progress_owner_source"),
    )
    create_owned_table(
        "mail_quarantine",
        sa.Column("source", sa.String(length=1000), nullable=False),
        sa.Column("source_key", sa.String(length=1000), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        moment("quarantined_at"),
        unique("owner_id", "source", "source_key", name="uq_mail_quarantine_owner_source_key"),
    )
    create_owned_table(
        "mail_messages",
        sa.Column("dedupe_key", sa.String(length=600), nullable=False),
        sa.Column("message_id", sa.String(length=600), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=1000), nullable=False),
        sa.Column("source_key", sa.String(length=1000), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("sender_name", sa.String(length=300), nullable=False),
        sa.Column("sender_address", sa.String(length=320), nullable=False),
        moment("sent_at", null=True),
        sa.Column("thread_ids", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("label", sa.String(length=30), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("prefiltered", sa.Boolean(), nullable=False),
        key("application_id", null=True),
        moment("imported_at"),
        Ref("application_id", "applications", SET_NULL),
        unique("owner_id", "dedupe_key", name="uq_mail_messages_owner_dedupe"),
    )
    create_indexes(
        "mail_messages",
        {
            "ix_mail_messages_application": ["application_id"],
            "ix_mail_messages_owner_hash": ["owner_id", "content_hash"],
            "ix_mail_messages_owner_label": ["owner_id", "label"],
        },
    )

    create_owned_table(
        "mail_examples",
        key("mail_message_id", null=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("sender", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("label", sa.String(length=30), nullable=False),
        sa.Column("company", sa.String(length=300), nullable=True),
        sa.Column("role", sa.String(length=300), nullable=True),
        sa.Column("stage", sa.String(length=20), nullable=True),
        sa.Column("reason", sa.String(length=30), nullable=True),
        sa.Column("corrected", sa.Boolean(), nullable=False),
        moment("created_at"),
        Ref("mail_message_id", "mail_messages", SET_NULL),
        unique("owner_id", "mail_message_id", name="uq_mail_examples_owner_message"),
    )
    create_owned_table(
        "mail_proposals",
        key("mail_message_id"),
        key("application_id", null=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("proposed", sa.JSON(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        moment("created_at"),
        moment("decided_at", null=True),
        Ref("application_id", "applications", SET_NULL),
        Ref("mail_message_id", "mail_messages"),
    )
    create_indexes(
        "mail_proposals",
        {
            "ix_mail_proposals_message": ["mail_message_id"],
            "ix_mail_proposals_owner_status": ["owner_id", "status"],
        },
    )


def downgrade() -> None:
    drop_tables(
        "mail_proposals",
        "mail_examples",
        "mail_messages",
        "mail_quarantine",
        "mail_import_progress",
        "company_aliases",
    )
