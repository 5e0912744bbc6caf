"""the practices: if-then plans, setback preparations, well-being checks, private writing,
strategy experiments, interview debriefs, the question bank, STAR stories and buddies

Revision ID: 0019
Revises: 0015
Create Date: 2026-12-07 03:00:00

"When [day, time, place], I will [action] for [job or person]", and the next steps written
before an interview for if it is a no (docs/playbook.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import onward.db.types
from onward.db.migration_support import (
    SET_NULL,
    Ref,
    create_owned_table,
    drop_tables,
    key,
    moment,
    unique,
)

revision = "0019"
down_revision = "0015"


def upgrade() -> None:
    create_owned_table(
        "if_then_plans",
        key("application_id", null=True),
        moment("starts_at"),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("place", onward.db.types.SafeString(length=200), nullable=True),
        sa.Column("action", onward.db.types.SafeString(length=200), nullable=False),
        sa.Column("for_text", onward.db.types.SafeString(length=200), nullable=True),
        sa.Column("metric", onward.db.types.SafeString(length=20), nullable=True),
        sa.Column("state", onward.db.types.SafeString(length=20), nullable=False),
        sa.Column("moves", sa.Integer(), nullable=False),
        moment("created_at"),
        moment("closed_at", null=True),
        Ref("application_id", "applications", SET_NULL),
    )
    op.create_index(
        "ix_if_then_plans_owner_starts", "if_then_plans", ["owner_id", "starts_at"], unique=False
    )
    create_owned_table(
        "setback_preparations",
        key("application_id"),
        sa.Column("steps", onward.db.types.SafeJSON(), nullable=False),
        sa.Column("proud", onward.db.types.SafeText(), nullable=True),
        moment("created_at"),
        moment("updated_at"),
        moment("used_at", null=True),
        Ref("application_id", "applications"),
        unique("application_id", name="uq_setback_preparations_application_id"),
    )

    create_owned_table(
        "wellbeing_checks",
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("answers", onward.db.types.SafeJSON(), nullable=False),
        moment("created_at"),
    )
    op.create_index("ix_wellbeing_checks_owner_taken", "wellbeing_checks", ["owner_id", "taken_on"])

    create_owned_table(
        "writing_sessions",
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("body", onward.db.types.SafeText(), nullable=True),
        sa.Column("sealed", onward.db.types.SafeText(), nullable=True),
        moment("started_at"),
        moment("saved_at"),
    )
    op.create_index("ix_writing_sessions_owner_on", "writing_sessions", ["owner_id", "written_on"])
    create_owned_table(
        "writing_locks",
        sa.Column("salt", onward.db.types.SafeString(length=64), nullable=False),
        sa.Column("check_sealed", onward.db.types.SafeText(), nullable=False),
        moment("created_at"),
        unique("owner_id", name="uq_writing_locks_owner_id"),
    )

    create_owned_table(
        "experiments",
        sa.Column("name", onward.db.types.SafeString(length=200), nullable=False),
        sa.Column("tag", onward.db.types.SafeString(length=60), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("decision", onward.db.types.SafeString(length=20), nullable=True),
        moment("created_at"),
        unique("owner_id", "tag", name="uq_experiments_owner_id"),
    )

    create_owned_table(
        "debriefs",
        key("application_id"),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("landed", onward.db.types.SafeText(), nullable=True),
        sa.Column("missing", onward.db.types.SafeText(), nullable=True),
        moment("created_at"),
        Ref("application_id", "applications"),
    )
    op.create_index("ix_debriefs_owner_application", "debriefs", ["owner_id", "application_id"])
    create_owned_table(
        "interview_questions",
        key("debrief_id"),
        sa.Column("text", onward.db.types.SafeString(length=500), nullable=False),
        Ref("debrief_id", "debriefs"),
    )
    create_owned_table(
        "star_stories",
        sa.Column("title", onward.db.types.SafeString(length=200), nullable=False),
        sa.Column("situation", onward.db.types.SafeText(), nullable=True),
        sa.Column("task", onward.db.types.SafeText(), nullable=True),
        sa.Column("action", onward.db.types.SafeText(), nullable=True),
        sa.Column("result", onward.db.types.SafeText(), nullable=True),
        moment("created_at"),
        moment("updated_at"),
    )

    create_owned_table(
        "buddy_selves",
        sa.Column("name", onward.db.types.SafeString(length=100), nullable=False),
        sa.Column("salt", onward.db.types.SafeString(length=64), nullable=False),
        sa.Column("public_key", onward.db.types.SafeString(length=100), nullable=False),
        moment("created_at"),
        unique("owner_id", name="uq_buddy_selves_owner_id"),
    )
    create_owned_table(
        "buddies",
        sa.Column("name", onward.db.types.SafeString(length=100), nullable=False),
        sa.Column("public_key", onward.db.types.SafeString(length=100), nullable=False),
        moment("created_at"),
        unique("owner_id", "public_key", name="uq_buddies_owner_id"),
    )
    create_owned_table(
        "buddy_weeks",
        key("buddy_id"),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("summary", onward.db.types.SafeJSON(), nullable=False),
        moment("imported_at"),
        Ref("buddy_id", "buddies"),
        unique("buddy_id", "week_start", name="uq_buddy_weeks_buddy_id"),
    )


def downgrade() -> None:
    drop_tables(
        "buddy_weeks",
        "buddies",
        "buddy_selves",
        "star_stories",
        "interview_questions",
        "debriefs",
        "experiments",
        "writing_locks",
        "writing_sessions",
        "wellbeing_checks",
        "setback_preparations",
        "if_then_plans",
    )
