"""Tables of the rejection playbook. Every record carries its owner; rows that
belong to an application are deleted with it."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    Index,
    Integer,
    UniqueConstraint,
)

from onward.db.meta import created_at, owned_table, reference, timestamps
from onward.db.types import SafeJSON, SafeString, SafeText, UTCDateTime


def _application(nullable: bool = False) -> Column[int]:
    return reference("application_id", "applications", nullable=nullable)


def _contact() -> Column[int]:
    return reference("contact_id", "contacts", ondelete="SET NULL", nullable=True)


#: One per rejected application: what happened and what was said.
rejections = owned_table(
    "rejections",
    _application(),
    Column("received_on", Date, nullable=False),
    Column("stage", SafeString(20), nullable=False),  # RejectionStage
    Column("channel", SafeString(20), nullable=False),  # RejectionChannel
    Column("reason", SafeString(30), nullable=False),  # RejectionReason
    Column("quote", SafeText),
    _contact(),
    Column("personal", Boolean),
    Column("sting", Integer),
    created_at(),
    UniqueConstraint("application_id", name="uq_rejections_application_id"),
)

#: "Feel it, time-boxed": while a window is open Onward offers only kindness.
dwell_windows = owned_table(
    "dwell_windows",
    _application(),
    Column("starts_at", UTCDateTime(), nullable=False),
    Column("ends_at", UTCDateTime(), nullable=False),
    Column("preset", SafeString(20), nullable=False),
    Index("ix_dwell_windows_owner_ends", "owner_id", "ends_at"),
)

#: Dated tasks of a plan (and check-ins, follow-ups): open, done, snoozed or skipped.
tasks = owned_table(
    "tasks",
    _application(nullable=True),
    _contact(),
    Column("kind", SafeString(30), nullable=False),  # TaskKind
    Column("title", SafeText, nullable=False),
    Column("due_at", UTCDateTime(), nullable=False),
    Column("not_before", UTCDateTime()),
    Column("draft_kind", SafeString(40)),  # DraftKind
    Column("status", SafeString(20), nullable=False),  # TaskStatus
    Column("snoozed_until", UTCDateTime()),
    created_at(),
    Column("closed_at", UTCDateTime()),
    Index("ix_tasks_owner_status_due", "owner_id", "status", "due_at"),
)

#: Messages drafted for the person to send from their own mail client.
drafts = owned_table(
    "drafts",
    _application(nullable=True),
    _contact(),
    Column("kind", SafeString(40), nullable=False),  # DraftKind
    Column("to_addr", SafeString(320)),
    Column("subject", SafeText, nullable=False),
    Column("body", SafeText, nullable=False),
    Column("status", SafeString(20), nullable=False),  # draft | sent | discarded
    Column("sent_at", UTCDateTime()),
    *timestamps(),
    Index("ix_drafts_owner_status", "owner_id", "status"),
)

feedback = owned_table(
    "feedback",
    _application(),
    _contact(),
    Column("text", SafeText, nullable=False),
    Column("received_on", Date, nullable=False),
    Column("from_whom", SafeString(300)),
    Column("themes", SafeJSON, nullable=False),  # list of FeedbackTheme values
    Column("specific", Boolean, nullable=False),  # after the person's override, if any
    Column("specific_override", Boolean),
    created_at(),
)

reflections = owned_table(
    "reflections",
    _application(),
    Column("written_on", Date, nullable=False),
    Column("ratings", SafeJSON, nullable=False),  # {topic_id: 1..5}
    Column("answers", SafeJSON, nullable=False),  # {question_id: text}
    created_at(),
)

#: The learning plan: what to work on next, with status and effort.
plan_items = owned_table(
    "plan_items",
    _application(nullable=True),
    Column("kind", SafeString(30), nullable=False),  # ItemKind
    Column("focus", SafeText, nullable=False),
    Column("effort_hours", Float),
    Column("status", SafeString(20), nullable=False),  # ItemStatus
    Column("because", SafeText),
    *timestamps(),
)

#: The person's weekly targets (one row per owner).
weekly_goals = owned_table(
    "weekly_goals",
    Column("applications", Float, nullable=False),
    Column("follow_ups", Float, nullable=False),
    Column("reflections", Float, nullable=False),
    Column("learning_hours", Float, nullable=False),
    Column("networking", Float, nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    UniqueConstraint("owner_id", name="uq_weekly_goals_owner_id"),
)

#: Effort logged by hand (learning hours, networking touches, follow-ups sent elsewhere).
effort_entries = owned_table(
    "effort_entries",
    Column("occurred_on", Date, nullable=False),
    Column("metric", SafeString(30), nullable=False),  # Metric
    Column("amount", Float, nullable=False),
    Column("note", SafeText),
    created_at(),
    Index("ix_effort_entries_owner_on", "owner_id", "occurred_on"),
)

#: Wins recorded by hand (wins from stage events and feedback are derived, not stored).
wins = owned_table(
    "wins",
    _application(nullable=True),
    Column("occurred_on", Date, nullable=False),
    Column("text", SafeText, nullable=False),
    created_at(),
)

journal_entries = owned_table(
    "journal_entries",
    Column("written_on", Date, nullable=False),
    Column("mood", Integer, nullable=False),
    Column("text", SafeText, nullable=False),
    Column("rest_day", Boolean, nullable=False),
    created_at(),
    Index("ix_journal_entries_owner_on", "owner_id", "written_on"),
)

#: Per-company notes: when it is worth applying again.
companies = owned_table(
    "companies",
    Column("name", SafeString(300), nullable=False),
    Column("reapply_after", Date),
    Column("notes", SafeText),
    Column("updated_at", UTCDateTime(), nullable=False),
    UniqueConstraint("owner_id", "name", name="uq_companies_owner_name"),
)

PLAYBOOK_TABLES = (
    rejections,
    dwell_windows,
    tasks,
    drafts,
    feedback,
    reflections,
    plan_items,
    weekly_goals,
    effort_entries,
    wins,
    journal_entries,
    companies,
)
