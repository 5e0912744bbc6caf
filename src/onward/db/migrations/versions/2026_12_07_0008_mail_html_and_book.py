"""mail messages keep their cleaned HTML and the company name the reader read

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 00:00:00

``html``: the message's HTML, sanitised once at import and capped (the evidence page shows
it as it is, instead of cleaning a possibly huge original on every view). NULL for messages
imported before: their HTML is cleaned on first view and kept then (see docs/mail.md).

``learnt_company``: the company name the reader read in a message it took for job mail
('' when it named none), as the mailbox's company book learnt it during the import. A
resumed import learns exactly these again, so it reads the rest of the mailbox as an
uninterrupted one would. Filled here for the job mail already stored.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    with op.batch_alter_table("mail_messages") as batch:
        batch.add_column(sa.Column("html", sa.Text(), nullable=True))
        batch.add_column(sa.Column("learnt_company", sa.Text(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, details FROM mail_messages WHERE label != 'other'")
    ).fetchall()
    update = sa.text("UPDATE mail_messages SET learnt_company = :name WHERE id = :id")
    for row in rows:
        details = row.details if isinstance(row.details, dict) else json.loads(row.details or "{}")
        name = details.get("company_read", details.get("company")) or ""
        conn.execute(update, {"name": str(name), "id": row.id})


def downgrade() -> None:
    with op.batch_alter_table("mail_messages") as batch:
        batch.drop_column("learnt_company")
        batch.drop_column("html")
