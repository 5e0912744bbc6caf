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

from onward.db.migration_support import (
    OWNER,
    SET_NULL,
    Ref,
    create_owned_table,
    key,
    moment,
    unique,
)

revision = "0014"
down_revision = "0013"


def upgrade() -> None:
    # the owner's key before the message's, unlike autogenerate's sorted order
    create_owned_table(
        "not_job_senders",
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("value", sa.String(length=600), nullable=False),
        key("mail_message_id", null=True),
        sa.Column("dismissed", sa.JSON(), nullable=False),
        moment("created_at"),
        unique("owner_id", "kind", "value", name="uq_not_job_senders_owner_kind_value"),
        refs=[OWNER, Ref("mail_message_id", "mail_messages", SET_NULL)],
    )


def downgrade() -> None:
    op.drop_table("not_job_senders")
