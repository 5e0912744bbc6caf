"""posting skills: a cache of the skills found in each application's job description

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 23:10:00

Two nullable columns on applications; existing rows start empty and are filled the first
time skill gaps are computed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("posting_skills", sa.Text(), nullable=True))
        batch.add_column(
            sa.Column("posting_skills_vocabulary", sa.String(length=32), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("posting_skills_vocabulary")
        batch.drop_column("posting_skills")
