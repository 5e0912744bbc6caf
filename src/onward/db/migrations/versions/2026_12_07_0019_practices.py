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

revision = "0019"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "if_then_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("place", onward.db.types.SafeString(length=200), nullable=True),
        sa.Column("action", onward.db.types.SafeString(length=200), nullable=False),
        sa.Column("for_text", onward.db.types.SafeString(length=200), nullable=True),
        sa.Column("metric", onward.db.types.SafeString(length=20), nullable=True),
        sa.Column("state", onward.db.types.SafeString(length=20), nullable=False),
        sa.Column("moves", sa.Integer(), nullable=False),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_at", onward.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_if_then_plans_application_id_applications"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_if_then_plans_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_if_then_plans")),
    )
    op.create_index(
        "ix_if_then_plans_owner_starts", "if_then_plans", ["owner_id", "starts_at"], unique=False
    )
    op.create_table(
        "setback_preparations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("steps", onward.db.types.SafeJSON(), nullable=False),
        sa.Column("proud", onward.db.types.SafeText(), nullable=True),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", onward.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_setback_preparations_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_setback_preparations_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_setback_preparations")),
        sa.UniqueConstraint("application_id", name=op.f("uq_setback_preparations_application_id")),
    )

    op.create_table(
        "wellbeing_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("answers", onward.db.types.SafeJSON(), nullable=False),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_wellbeing_checks_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wellbeing_checks")),
    )
    op.create_index("ix_wellbeing_checks_owner_taken", "wellbeing_checks", ["owner_id", "taken_on"])

    op.create_table(
        "writing_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("body", onward.db.types.SafeText(), nullable=True),
        sa.Column("sealed", onward.db.types.SafeText(), nullable=True),
        sa.Column("started_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("saved_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_writing_sessions_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_writing_sessions")),
    )
    op.create_index("ix_writing_sessions_owner_on", "writing_sessions", ["owner_id", "written_on"])
    op.create_table(
        "writing_locks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("salt", onward.db.types.SafeString(length=64), nullable=False),
        sa.Column("check_sealed", onward.db.types.SafeText(), nullable=False),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_writing_locks_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_writing_locks")),
        sa.UniqueConstraint("owner_id", name=op.f("uq_writing_locks_owner_id")),
    )

    op.create_table(
        "experiments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("name", onward.db.types.SafeString(length=200), nullable=False),
        sa.Column("tag", onward.db.types.SafeString(length=60), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("decision", onward.db.types.SafeString(length=20), nullable=True),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_experiments_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experiments")),
        sa.UniqueConstraint("owner_id", "tag", name=op.f("uq_experiments_owner_id")),
    )

    op.create_table(
        "debriefs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("landed", onward.db.types.SafeText(), nullable=True),
        sa.Column("missing", onward.db.types.SafeText(), nullable=True),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_debriefs_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_debriefs_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_debriefs")),
    )
    op.create_index("ix_debriefs_owner_application", "debriefs", ["owner_id", "application_id"])
    op.create_table(
        "interview_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("debrief_id", sa.Integer(), nullable=False),
        sa.Column("text", onward.db.types.SafeString(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["debrief_id"],
            ["debriefs.id"],
            name=op.f("fk_interview_questions_debrief_id_debriefs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_interview_questions_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_questions")),
    )
    op.create_table(
        "star_stories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("title", onward.db.types.SafeString(length=200), nullable=False),
        sa.Column("situation", onward.db.types.SafeText(), nullable=True),
        sa.Column("task", onward.db.types.SafeText(), nullable=True),
        sa.Column("action", onward.db.types.SafeText(), nullable=True),
        sa.Column("result", onward.db.types.SafeText(), nullable=True),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_star_stories_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_star_stories")),
    )

    op.create_table(
        "buddy_selves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("name", onward.db.types.SafeString(length=100), nullable=False),
        sa.Column("salt", onward.db.types.SafeString(length=64), nullable=False),
        sa.Column("public_key", onward.db.types.SafeString(length=100), nullable=False),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_buddy_selves_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buddy_selves")),
        sa.UniqueConstraint("owner_id", name=op.f("uq_buddy_selves_owner_id")),
    )
    op.create_table(
        "buddies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("name", onward.db.types.SafeString(length=100), nullable=False),
        sa.Column("public_key", onward.db.types.SafeString(length=100), nullable=False),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["owners.id"], name=op.f("fk_buddies_owner_id_owners"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buddies")),
        sa.UniqueConstraint("owner_id", "public_key", name=op.f("uq_buddies_owner_id")),
    )
    op.create_table(
        "buddy_weeks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("buddy_id", sa.Integer(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("summary", onward.db.types.SafeJSON(), nullable=False),
        sa.Column("imported_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["buddy_id"],
            ["buddies.id"],
            name=op.f("fk_buddy_weeks_buddy_id_buddies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["owners.id"],
            name=op.f("fk_buddy_weeks_owner_id_owners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buddy_weeks")),
        sa.UniqueConstraint("buddy_id", "week_start", name=op.f("uq_buddy_weeks_buddy_id")),
    )


def downgrade() -> None:
    op.drop_table("buddy_weeks")
    op.drop_table("buddies")
    op.drop_table("buddy_selves")
    op.drop_table("star_stories")
    op.drop_table("interview_questions")
    op.drop_index("ix_debriefs_owner_application", table_name="debriefs")
    op.drop_table("debriefs")
    op.drop_table("experiments")
    op.drop_table("writing_locks")
    op.drop_index("ix_writing_sessions_owner_on", table_name="writing_sessions")
    op.drop_table("writing_sessions")
    op.drop_index("ix_wellbeing_checks_owner_taken", table_name="wellbeing_checks")
    op.drop_table("wellbeing_checks")
    op.drop_table("setback_preparations")
    op.drop_index("ix_if_then_plans_owner_starts", table_name="if_then_plans")
    op.drop_table("if_then_plans")
