"""playbook

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 01:07:20.286029
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

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    create_owned_table(
        "activities",
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("metric", sa.String(length=30), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        moment("created_at"),
    )
    create_indexes(
        "activities",
        {"ix_activities_owner_on": ["owner_id", "occurred_on"]},
    )

    create_owned_table(
        "companies",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("reapply_after", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        moment("updated_at"),
        unique("owner_id", "name", name="uq_companies_owner_name"),
    )
    create_owned_table(
        "journal_entries",
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("rest_day", sa.Boolean(), nullable=False),
        moment("created_at"),
    )
    create_indexes(
        "journal_entries",
        {"ix_journal_entries_owner_on": ["owner_id", "written_on"]},
    )

    create_owned_table(
        "weekly_goals",
        sa.Column("applications", sa.Float(), nullable=False),
        sa.Column("follow_ups", sa.Float(), nullable=False),
        sa.Column("reflections", sa.Float(), nullable=False),
        sa.Column("learning_hours", sa.Float(), nullable=False),
        sa.Column("networking", sa.Float(), nullable=False),
        moment("updated_at"),
        unique("owner_id", name="uq_weekly_goals_owner_id"),
    )
    create_owned_table(
        "drafts",
        key("application_id", null=True),
        key("contact_id", null=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("to_addr", sa.String(length=320), nullable=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        moment("sent_at", null=True),
        moment("created_at"),
        moment("updated_at"),
        Ref("application_id", "applications"),
        Ref("contact_id", "contacts", SET_NULL),
    )
    create_indexes(
        "drafts",
        {"ix_drafts_owner_status": ["owner_id", "status"]},
    )

    create_owned_table(
        "dwell_windows",
        key("application_id"),
        moment("starts_at"),
        moment("ends_at"),
        sa.Column("preset", sa.String(length=20), nullable=False),
        Ref("application_id", "applications"),
    )
    create_indexes(
        "dwell_windows",
        {"ix_dwell_windows_owner_ends": ["owner_id", "ends_at"]},
    )

    create_owned_table(
        "feedback",
        key("application_id"),
        key("contact_id", null=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("from_whom", sa.String(length=300), nullable=True),
        sa.Column("themes", sa.JSON(), nullable=False),
        sa.Column("specific", sa.Boolean(), nullable=False),
        sa.Column("specific_override", sa.Boolean(), nullable=True),
        moment("created_at"),
        Ref("application_id", "applications"),
        Ref("contact_id", "contacts", SET_NULL),
    )
    create_owned_table(
        "improvement_items",
        key("application_id", null=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("focus", sa.Text(), nullable=False),
        sa.Column("effort_hours", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("because", sa.Text(), nullable=True),
        moment("created_at"),
        moment("updated_at"),
        Ref("application_id", "applications"),
    )
    create_owned_table(
        "reflections",
        key("application_id"),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("ratings", sa.JSON(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        moment("created_at"),
        Ref("application_id", "applications"),
    )
    create_owned_table(
        "rejections",
        key("application_id"),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.Column("quote", sa.Text(), nullable=True),
        key("contact_id", null=True),
        sa.Column("personal", sa.Boolean(), nullable=True),
        sa.Column("sting", sa.Integer(), nullable=True),
        moment("created_at"),
        Ref("application_id", "applications"),
        Ref("contact_id", "contacts", SET_NULL),
        unique("application_id", name="uq_rejections_application_id"),
    )
    create_owned_table(
        "tasks",
        key("application_id", null=True),
        key("contact_id", null=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        moment("due_at"),
        moment("not_before", null=True),
        sa.Column("draft_kind", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        moment("snoozed_until", null=True),
        moment("created_at"),
        moment("closed_at", null=True),
        Ref("application_id", "applications"),
        Ref("contact_id", "contacts", SET_NULL),
    )
    create_indexes(
        "tasks",
        {"ix_tasks_owner_status_due": ["owner_id", "status", "due_at"]},
    )

    create_owned_table(
        "wins",
        key("application_id", null=True),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        moment("created_at"),
        Ref("application_id", "applications"),
    )


def downgrade() -> None:
    drop_tables(
        "wins",
        "tasks",
        "rejections",
        "reflections",
        "improvement_items",
        "feedback",
        "dwell_windows",
        "drafts",
        "weekly_goals",
        "journal_entries",
        "companies",
        "activities",
    )
