"""The schema, as SQLAlchemy Core tables. Every record carries its owner.

Constraint names follow one convention so migrations can refer to them on every backend.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    Table,
    UniqueConstraint,
)

from onward.db import mail_tables, playbook_tables, practice_tables, resume_tables
from onward.db.meta import created_at, metadata, owned_table, reference, timestamps

__all__ = ["INSERT_ORDER", "metadata"]
from onward.db.types import SafeString, SafeText, UTCDateTime
from onward.domain.pipeline import RESPONSES

owners = Table(
    "owners",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", SafeString(200), nullable=False, unique=True),
    created_at(),
)

applications = owned_table(
    "applications",
    Column("company", SafeString(300), nullable=False),
    Column("role", SafeString(300), nullable=False),
    Column("job_ref", SafeString(200)),
    Column("url", SafeText),
    Column("location", SafeString(300)),
    Column("channel", SafeString(30)),
    Column("salary_min", Integer),
    Column("salary_max", Integer),
    Column("salary_currency", SafeString(10)),
    Column("excitement", Integer),
    Column("description", SafeText),
    Column("resume_version", SafeString(200)),
    Column("tailored", Boolean),
    Column("notes", SafeText),
    Column("stage", SafeString(20), nullable=False),
    Column("stage_on", Date, nullable=False),
    Column("reached", SafeString(20), nullable=False),
    Column("interview_round", Integer),
    *timestamps(),
    Column("archived_at", UTCDateTime()),
    # The skills found in ``description`` (JSON, written by services.skills) and the
    # fingerprint of the vocabulary that found them: a cache, cleared whenever the fields
    # change, refilled when the vocabulary does; never exported.
    Column("posting_skills", SafeText),
    Column("posting_skills_vocabulary", SafeString(32)),
    # The timeline in brief, kept in step by ApplicationRepo.add_event (like stage and
    # reached), so insights group applications without reading every event: the first day
    # of a step other than saved, of progress (a screen or further) and of a rejection, and
    # the progress stages passed through as bits (TIMELINE_BITS).
    Column("timeline_applied_on", Date),
    Column("timeline_progress_on", Date),
    Column("timeline_rejected_on", Date),
    Column("timeline_path", Integer, nullable=False, server_default="0"),
    Index("ix_applications_owner_stage", "owner_id", "stage"),
    Index("ix_applications_owner_company", "owner_id", "company"),
    Index("ix_applications_owner_applied", "owner_id", "timeline_applied_on"),
    # Covers every column the insights' outcome queries read (db/insights.py), so they
    # group the index alone and never touch the wide rows (migration 0007).
    Index(
        "ix_applications_owner_outcome",
        "owner_id",
        "reached",
        "stage",
        "channel",
        "tailored",
        "timeline_path",
        "timeline_applied_on",
        "timeline_progress_on",
        "timeline_rejected_on",
        "stage_on",
        "role",
        "company",
    ),
)

#: The bit of each progress stage in ``applications.timeline_path`` (migration 0006 fills
#: it with the same bits).
TIMELINE_BITS = {stage.value: 1 << i for i, stage in enumerate(RESPONSES)}

stage_events = owned_table(
    "stage_events",
    reference("application_id", "applications"),
    Column("stage", SafeString(20), nullable=False),
    Column("occurred_on", Date, nullable=False),
    Column("round", Integer),
    Column("note", SafeText),
    Column("source", SafeString(20), nullable=False),
    created_at(),
    # Set when an undo takes the step back: the timeline keeps it, marked undone, and every
    # reading of the pipeline (moves, wins, effort, insights) skips it (migration 0012).
    Column("undone_at", UTCDateTime()),
    Index("ix_stage_events_application", "application_id", "id"),
    # Effort counts applications sent per day from here (Goals, Today, insights), and wins
    # read the responses; with ``undone_at`` the counts read the index alone (migration 0023).
    Index("ix_stage_events_owner_stage_day", "owner_id", "stage", "occurred_on", "undone_at"),
)

tags = owned_table(
    "tags",
    Column("name", SafeString(100), nullable=False),
    UniqueConstraint("owner_id", "name", name="uq_tags_owner_name"),
)


def _link_key(name: str, table: str) -> Column[int]:
    """One half of a link table's key: a row there, the link deleted with it."""
    return Column(name, Integer, ForeignKey(f"{table}.id", ondelete="CASCADE"), primary_key=True)


application_tags = Table(
    "application_tags",
    metadata,
    _link_key("application_id", "applications"),
    _link_key("tag_id", "tags"),
)

contacts = owned_table(
    "contacts",
    Column("name", SafeString(300), nullable=False),
    Column("role", SafeString(30), nullable=False),
    Column("email", SafeString(320)),
    Column("linkedin_url", SafeText),
    Column("company", SafeString(300)),
    Column("notes", SafeText),
    Column("last_contact_on", Date),
    Column("next_checkin_on", Date),
    *timestamps(),
    Index("ix_contacts_owner_name", "owner_id", "name"),
)

application_contacts = Table(
    "application_contacts",
    metadata,
    _link_key("application_id", "applications"),
    _link_key("contact_id", "contacts"),
)

#: Tables in the order rows can be inserted (parents first); the playbook's and mail's after.
INSERT_ORDER = (
    owners,
    applications,
    stage_events,
    tags,
    application_tags,
    contacts,
    application_contacts,
    *playbook_tables.PLAYBOOK_TABLES,
    *practice_tables.PRACTICE_TABLES,
    *mail_tables.MAIL_TABLES,
    *resume_tables.RESUME_TABLES,
)

# Mail accounts (IMAP/SMTP settings, folder sync state, deliveries), API tokens, per-owner
# settings and server accounts (sign-in, sessions, one-time links): machine or personal
# settings, so neither in INSERT_ORDER nor in the JSON backup;
# the change log (what undo puts back) describes this database's rows, so it stays out of
# the backup too. Shares with a coach (and their access log, notes and proposed goals) are
# consent between two people on this server: out of the backup as well. Imported here to
# register them on metadata. Mail jobs run by the worker (multi-user mode) are this server's
# state, not in the backup either, nor are the reports made off the request path.
from onward.db import (  # noqa: E402, F401
    account_tables,
    api_tokens,
    change_tables,
    mail_account_tables,
    mail_jobs,
    owner_settings,
    report_jobs,
    sharing_tables,
)
