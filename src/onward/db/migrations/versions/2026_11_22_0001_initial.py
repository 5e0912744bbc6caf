"""initial

Revision ID: 0001
Revises:
Create Date: 2026-11-22 00:54:13.658840
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from onward.db.migration_support import (
    Ref,
    create_indexes,
    create_owned_table,
    drop_tables,
    key,
    moment,
    primary_key,
    unique,
)

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "owners",
        key("id"),
        sa.Column("name", sa.String(length=200), nullable=False),
        moment("created_at"),
        primary_key("owners"),
        sa.UniqueConstraint("name", name=op.f("uq_owners_name")),
    )
    create_owned_table(
        "applications",
        sa.Column("company", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=300), nullable=False),
        sa.Column("job_ref", sa.String(length=200), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column("channel", sa.String(length=30), nullable=True),
        sa.Column("salary_min", sa.Integer(), nullable=True),
        sa.Column("salary_max", sa.Integer(), nullable=True),
        sa.Column("salary_currency", sa.String(length=10), nullable=True),
        sa.Column("excitement", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("resume_version", sa.String(length=200), nullable=True),
        sa.Column("tailored", sa.Boolean(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("stage_on", sa.Date(), nullable=False),
        sa.Column("reached", sa.String(length=20), nullable=False),
        sa.Column("interview_round", sa.Integer(), nullable=True),
        moment("created_at"),
        moment("updated_at"),
        moment("archived_at", null=True),
    )
    create_indexes(
        "applications",
        {
            "ix_applications_owner_company": ["owner_id", "company"],
            "ix_applications_owner_stage": ["owner_id", "stage"],
        },
    )

    create_owned_table(
        "contacts",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("linkedin_url", sa.Text(), nullable=True),
        sa.Column("company", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("last_contact_on", sa.Date(), nullable=True),
        sa.Column("next_checkin_on", sa.Date(), nullable=True),
        moment("created_at"),
        moment("updated_at"),
    )
    create_indexes(
        "contacts",
        {"ix_contacts_owner_name": ["owner_id", "name"]},
    )

    create_owned_table(
        "tags",
        sa.Column("name", sa.String(length=100), nullable=False),
        unique("owner_id", "name", name="uq_tags_owner_name"),
    )
    _create_link_table(
        "application_contacts", Ref("application_id", "applications"), Ref("contact_id", "contacts")
    )
    _create_link_table(
        "application_tags", Ref("application_id", "applications"), Ref("tag_id", "tags")
    )
    create_owned_table(
        "stage_events",
        key("application_id"),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        moment("created_at"),
        Ref("application_id", "applications"),
    )
    create_indexes(
        "stage_events",
        {"ix_stage_events_application": ["application_id", "id"]},
    )


def _create_link_table(name: str, left: Ref, right: Ref) -> None:
    """A many-to-many link: two keys, both in the primary key."""
    op.create_table(
        name,
        key(left.column),
        key(right.column),
        left.constraint(name),
        right.constraint(name),
        sa.PrimaryKeyConstraint(left.column, right.column, name=op.f(f"pk_{name}")),
    )


def downgrade() -> None:
    drop_tables(
        "stage_events",
        "application_tags",
        "application_contacts",
        "tags",
        "contacts",
        "applications",
        "owners",
    )
