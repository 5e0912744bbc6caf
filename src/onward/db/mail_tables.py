"""Tables of mail in: stored messages, the quarantine, the review queue's proposals,
import progress per source, company aliases and the person's own training examples.

Every record carries its owner. A message is stored once per owner: ``dedupe_key`` is its
Message-ID, or ``sha256:<content hash>`` when it has none, and is unique per owner, so a rerun
of an interrupted import cannot store a message twice.
"""

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

from onward.db.meta import created_at, owned_table, reference
from onward.db.types import SafeJSON, SafeString, SafeText, UTCDateTime


def _application() -> Column[int]:
    return reference("application_id", "applications", ondelete="SET NULL", nullable=True)


def _message(nullable: bool) -> Column[int]:
    ondelete = "SET NULL" if nullable else "CASCADE"
    return reference("mail_message_id", "mail_messages", ondelete=ondelete, nullable=nullable)


#: One per message seen. Only job mail keeps its text; other mail keeps its headers, so
#: a re-import knows it and ``onward mail show`` can say what it was.
mail_messages = owned_table(
    "mail_messages",
    Column("dedupe_key", SafeString(600), nullable=False),  # Message-ID or "sha256:<hash>"
    Column("message_id", SafeString(600)),  # the Message-ID header, if any
    Column("content_hash", SafeString(64), nullable=False),
    Column("source", SafeString(1000), nullable=False),  # e.g. "mbox:/home/me/Takeout.mbox"
    Column("source_key", SafeString(1000), nullable=False),  # offset, file name, Maildir key, UID
    Column("subject", SafeText, nullable=False),
    Column("sender_name", SafeString(300), nullable=False),
    Column("sender_address", SafeString(320), nullable=False),
    Column("sent_at", UTCDateTime()),
    Column("thread_ids", SafeJSON, nullable=False),  # In-Reply-To + References, nearest first
    Column("text", SafeText),  # the new text only (job mail); None for other mail
    # job mail's HTML, sanitised at import and capped ("" when it has none; None: not yet
    # known, for mail imported before Onward kept it: cleaned on first view)
    Column("html", SafeText),
    # the company the reader read in mail it took for job mail ("" for none; None: not job
    # mail): what the import's company book learnt, learnt again by a resumed import
    Column("learnt_company", SafeText),
    Column("label", SafeString(30), nullable=False),  # EmailLabel
    Column("confidence", Float, nullable=False),
    Column("evidence", SafeJSON, nullable=False),  # list of phrases
    Column("details", SafeJSON, nullable=False),  # company, role, job_ref, contact, stage, ...
    Column("prefiltered", Boolean, nullable=False),  # True: set aside as plainly not job mail
    _application(),
    Column("imported_at", UTCDateTime(), nullable=False),
    UniqueConstraint("owner_id", "dedupe_key", name="uq_mail_messages_owner_dedupe"),
    Index("ix_mail_messages_owner_hash", "owner_id", "content_hash"),
    Index("ix_mail_messages_owner_label", "owner_id", "label"),
    Index("ix_mail_messages_application", "application_id"),
)

#: Messages that could not be read, with the reason; the import went on without them.
mail_quarantine = owned_table(
    "mail_quarantine",
    Column("source", SafeString(1000), nullable=False),
    Column("source_key", SafeString(1000), nullable=False),
    Column("reason", SafeText, nullable=False),
    Column("content_hash", SafeString(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("quarantined_at", UTCDateTime(), nullable=False),
    UniqueConstraint(
        "owner_id", "source", "source_key", name="uq_mail_quarantine_owner_source_key"
    ),
)

#: The review queue: what Onward would change in the tracker, waiting for the person.
mail_proposals = owned_table(
    "mail_proposals",
    _message(nullable=False),
    _application(),  # the matched application (None: create one)
    Column("kind", SafeString(30), nullable=False),  # ProposalKind
    Column("payload", SafeJSON, nullable=False),  # what would be written (after any edit)
    Column("proposed", SafeJSON, nullable=False),  # what Onward first proposed
    Column("confidence", Float, nullable=False),
    Column("status", SafeString(20), nullable=False),  # pending | accepted | edited | dismissed
    created_at(),
    Column("decided_at", UTCDateTime()),
    Index("ix_mail_proposals_owner_status", "owner_id", "status"),
    Index("ix_mail_proposals_message", "mail_message_id"),
)

#: How far each source has been imported, to resume and to skip an unchanged source fast.
mail_import_progress = owned_table(
    "mail_import_progress",
    Column("source", SafeString(1000), nullable=False),
    Column("position", SafeString(1000)),  # the last key committed (None: not started)
    Column("fingerprint", SafeString(200)),  # size/mtime (files) when the last run completed
    Column("state", SafeJSON, nullable=False),  # source-specific extras (e.g. IMAP UIDVALIDITY)
    Column("messages", Integer, nullable=False),  # messages read from it, all runs
    Column("started_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("completed_at", UTCDateTime()),
    UniqueConstraint("owner_id", "source", name="uq_mail_import_progress_owner_source"),
)

#: Company names learned from the review queue: ``alias`` (normalised) means ``company``.
company_aliases = owned_table(
    "company_aliases",
    Column("alias", SafeString(300), nullable=False),
    Column("company", SafeString(300), nullable=False),
    created_at(),
    UniqueConstraint("owner_id", "alias", name="uq_company_aliases_owner_alias"),
)

#: The person's confirmed or corrected readings, used by ``onward model train``.
mail_examples = owned_table(
    "mail_examples",
    _message(nullable=True),
    Column("subject", SafeText, nullable=False),
    Column("sender", SafeText, nullable=False),
    Column("body", SafeText, nullable=False),
    Column("label", SafeString(30), nullable=False),
    Column("company", SafeString(300)),
    Column("role", SafeString(300)),
    Column("stage", SafeString(20)),
    Column("reason", SafeString(30)),
    Column("corrected", Boolean, nullable=False),  # True: the person changed the reading
    created_at(),
    UniqueConstraint("owner_id", "mail_message_id", name="uq_mail_examples_owner_message"),
)

#: What a first or large import's job mail is about (``onward.domain.mail.MailSummary``), kept
#: for the summary card on Today until the person dismisses it.
mail_summaries = owned_table(
    "mail_summaries",
    Column("source", SafeString(1000), nullable=False),
    Column("applications", Integer, nullable=False),
    Column("rejections", Integer, nullable=False),
    Column("interviews", Integer, nullable=False),
    Column("offers", Integer, nullable=False),
    Column("since", Date),  # the day of the earliest of those messages
    created_at(),
    Column("dismissed_at", UTCDateTime()),
)

#: Senders and mailing lists the person said send no job mail ("not job mail" on one of
#: their messages): later mail from them is not proposed. ``kind`` is "address" (the sender's
#: address, lower case) or "list" (the List-Id); ``dismissed`` keeps the proposals the
#: teaching dismissed, so taking it back restores them.
not_job_senders = owned_table(
    "not_job_senders",
    Column("kind", SafeString(10), nullable=False),
    Column("value", SafeString(600), nullable=False),
    _message(nullable=True),  # the message it was taught on
    Column("dismissed", SafeJSON, nullable=False),  # proposal ids
    created_at(),
    UniqueConstraint("owner_id", "kind", "value", name="uq_not_job_senders_owner_kind_value"),
)

MAIL_TABLES = (
    mail_messages,
    mail_quarantine,
    mail_proposals,
    mail_import_progress,
    company_aliases,
    mail_examples,
    mail_summaries,
    not_job_senders,
)
