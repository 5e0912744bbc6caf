"""Tables of mail in (issue 4): stored messages, the quarantine, the review queue's proposals,
import progress per source, company aliases and the person's own training examples.

Every record carries its owner. A message is stored once per owner: ``dedupe_key`` is its
Message-ID, or ``sha256:<content hash>`` when it has none, and is unique per owner, so a rerun
of an interrupted import cannot store a message twice.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from onward.db.meta import metadata, owner_column
from onward.db.types import UTCDateTime


def _application() -> Column[int]:
    return Column("application_id", Integer, ForeignKey("applications.id", ondelete="SET NULL"))


def _message(nullable: bool) -> Column[int]:
    return Column(
        "mail_message_id",
        Integer,
        ForeignKey("mail_messages.id", ondelete="SET NULL" if nullable else "CASCADE"),
        nullable=nullable,
    )


#: One per message seen. Only job mail keeps its text; other mail keeps its headers, so
#: a re-import knows it and ``onward mail show`` can say what it was.
mail_messages = Table(
    "mail_messages",
    metadata,
    Column("id", Integer, primary_key=True),
    owner_column(),
    Column("dedupe_key", String(600), nullable=False),  # Message-ID or "sha256:<hash>"
    Column("message_id", String(600)),  # the Message-ID header, if any
    Column("content_hash", String(64), nullable=False),
    Column("source", String(1000), nullable=False),  # e.g. "mbox:/home/me/Takeout.mbox"
    Column("source_key", String(1000), nullable=False),  # offset, file name, Maildir key, UID
    Column("subject", Text, nullable=False),
    Column("sender_name", String(300), nullable=False),
    Column("sender_address", String(320), nullable=False),
    Column("sent_at", UTCDateTime()),
    Column("thread_ids", JSON, nullable=False),  # In-Reply-To + References, nearest first
    Column("text", Text),  # the new text only (job mail); None for other mail
    # job mail's HTML, sanitised at import and capped ("" when it has none; None: not yet
    # known, for mail imported before Onward kept it: cleaned on first view)
    Column("html", Text),
    # the company the reader read in mail it took for job mail ("" for none; None: not job
    # mail): what the import's company book learnt, learnt again by a resumed import
    Column("learnt_company", Text),
    Column("label", String(30), nullable=False),  # EmailLabel
    Column("confidence", Float, nullable=False),
    Column("evidence", JSON, nullable=False),  # list of phrases
    Column("details", JSON, nullable=False),  # company, role, job_ref, contact, stage, ...
    Column("prefiltered", Boolean, nullable=False),  # True: set aside as plainly not job mail
    _application(),
    Column("imported_at", UTCDateTime(), nullable=False),
    UniqueConstraint("owner_id", "dedupe_key", name="uq_mail_messages_owner_dedupe"),
    Index("ix_mail_messages_owner_hash", "owner_id", "content_hash"),
    Index("ix_mail_messages_owner_label", "owner_id", "label"),
    Index("ix_mail_messages_application", "application_id"),
)

#: Messages that could not be read, with the reason; the import went on without them.
mail_quarantine = Table(
    "mail_quarantine",
    metadata,
    Column("id", Integer, primary_key=True),
    owner_column(),
    Column("source", String(1000), nullable=False),
    Column("source_key", String(1000), nullable=False),
    Column("reason", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("quarantined_at", UTCDateTime(), nullable=False),
    UniqueConstraint(
        "owner_id", "source", "source_key", name="uq_mail_quarantine_owner_source_key"
    ),
)

#: The review queue: what Onward would change in the tracker, waiting for the person.
mail_proposals = Table(
    "mail_proposals",
    metadata,
    Column("id", Integer, primary_key=True),
    owner_column(),
    _message(nullable=False),
    _application(),  # the matched application (None: create one)
    Column("kind", String(30), nullable=False),  # ProposalKind
    Column("payload", JSON, nullable=False),  # what would be written (after any edit)
    Column("proposed", JSON, nullable=False),  # what Onward first proposed
    Column("confidence", Float, nullable=False),
    Column("status", String(20), nullable=False),  # pending | accepted | edited | dismissed
    Column("created_at", UTCDateTime(), nullable=False),
    Column("decided_at", UTCDateTime()),
    Index("ix_mail_proposals_owner_status", "owner_id", "status"),
    Index("ix_mail_proposals_message", "mail_message_id"),
)

#: How far each source has been imported, to resume and to skip an unchanged source fast.
mail_import_progress = Table(
    "mail_import_progress",
    metadata,
    Column("id", Integer, primary_key=True),
    owner_column(),
    Column("source", String(1000), nullable=False),
    Column("position", String(1000)),  # the last key committed (None: not started)
    Column("fingerprint", String(200)),  # size/mtime (files) when the last run completed
    Column("state", JSON, nullable=False),  # source-specific extras (e.g. IMAP UIDVALIDITY)
    Column("messages", Integer, nullable=False),  # messages read from it, all runs
    Column("started_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("completed_at", UTCDateTime()),
    UniqueConstraint("owner_id", "source", name="uq_mail_import_progress_owner_source"),
)

#: Company names learned from the review queue: ``alias`` (normalised) means ``company``.
company_aliases = Table(
    "company_aliases",
    metadata,
    Column("id", Integer, primary_key=True),
    owner_column(),
    Column("alias", String(300), nullable=False),
    Column("company", String(300), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("owner_id", "alias", name="uq_company_aliases_owner_alias"),
)

#: The person's confirmed or corrected readings, used by ``onward model train``.
mail_examples = Table(
    "mail_examples",
    metadata,
    Column("id", Integer, primary_key=True),
    owner_column(),
    _message(nullable=True),
    Column("subject", Text, nullable=False),
    Column("sender", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("label", String(30), nullable=False),
    Column("company", String(300)),
    Column("role", String(300)),
    Column("stage", String(20)),
    Column("reason", String(30)),
    Column("corrected", Boolean, nullable=False),  # True: the person changed the reading
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("owner_id", "mail_message_id", name="uq_mail_examples_owner_message"),
)

MAIL_TABLES = (
    mail_messages,
    mail_quarantine,
    mail_proposals,
    mail_import_progress,
    company_aliases,
    mail_examples,
)
