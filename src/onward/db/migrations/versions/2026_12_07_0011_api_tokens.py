"""personal access tokens for the JSON API

Revision ID: 0011
Revises: 0007
Create Date: 2026-12-07 01:00:00

Only each token's SHA-256 digest is kept (docs/decisions/0008-api-tokens.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from onward.db.migration_support import create_owned_table, moment, unique

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    create_owned_table(
        "api_tokens",
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        moment("created_at"),
        moment("last_used_at", null=True),
        moment("revoked_at", null=True),
        unique("token_sha256", name="uq_api_tokens_token_sha256"),
    )


def downgrade() -> None:
    op.drop_table("api_tokens")
