"""senders and mailing lists the person said send no job mail

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 03:00:00

"Not job mail" on one message of the review queue teaches Onward about its sender's address
and its mailing list (List-Id): later mail from them is not proposed. ``dismissed`` keeps the
proposals that teaching dismissed, so taking it back restores them (docs/mail.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import onward.db.types

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "not_job_senders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("value", sa.String(length=600), nullable=False),
        sa.Column("mail_message_id", sa.Integer(), nullable=True),
        sa.Column("dismissed", sa.JSON(), nullable=False),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_not_job_senders_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mail_message_id"],
            ["mail_messages.id"],
            name=op.f("fk_not_job_senders_mail_message_id_mail_messages"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_not_job_senders")),
        sa.UniqueConstraint(
            "owner_id", "kind", "value", name=op.f("uq_not_job_senders_owner_kind_value")
        ),
    )


def downgrade() -> None:
    op.drop_table("not_job_senders")
