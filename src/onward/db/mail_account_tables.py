"""Tables of mail accounts (IMAP in, drafts out): the accounts' settings, how far
each folder has been read, and the drafts delivered through them.

No password is ever stored here: it lives in the OS keyring or the environment.
Accounts are settings of this machine, so the JSON backup leaves them out; deliveries go
with their draft.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    UniqueConstraint,
)

from onward.db.meta import owned_table, reference, timestamps
from onward.db.types import SafeJSON, SafeString, SafeText, UTCDateTime

mail_accounts = owned_table(
    "mail_accounts",
    Column("name", SafeString(40), nullable=False),
    Column("address", SafeString(320), nullable=False),
    Column("imap_host", SafeString(253), nullable=False),
    Column("imap_port", Integer, nullable=False),
    Column("imap_security", SafeString(10), nullable=False),  # Security
    Column("username", SafeString(320), nullable=False),
    Column("folders", SafeJSON, nullable=False),  # list of folder names, in reading order
    Column("drafts_folder", SafeString(200), nullable=False),
    Column("smtp_host", SafeString(253)),
    Column("smtp_port", Integer),
    Column("smtp_security", SafeString(10)),
    *timestamps(),
    Column("sync_every_hours", Integer),  # None: no scheduled sync
    Column("last_sync_at", UTCDateTime()),
    Column("last_sync", SafeJSON),  # SyncOutcome, without its time
    UniqueConstraint("owner_id", "name", name="uq_mail_accounts_owner_name"),
)

#: Incremental sync: every UID up to last_uid has been read while UIDVALIDITY stayed the same.
mail_folders = owned_table(
    "mail_folders",
    reference("account_id", "mail_accounts"),
    Column("folder", SafeString(500), nullable=False),
    Column("uidvalidity", BigInteger, nullable=False),
    Column("last_uid", BigInteger, nullable=False),
    Column("messages_seen", Integer, nullable=False),
    Column("synced_at", UTCDateTime(), nullable=False),
    UniqueConstraint("account_id", "folder", name="uq_mail_folders_account_id"),
)

#: A draft handed to the person's mail: appended to their Drafts folder, or sent by SMTP.
mail_deliveries = owned_table(
    "mail_deliveries",
    reference("draft_id", "drafts"),
    Column("account_name", SafeString(40), nullable=False),
    Column("method", SafeString(20), nullable=False),  # DeliveryMethod
    Column("message_id", SafeString(998), nullable=False),
    Column("to_addr", SafeText),
    Column("delivered_at", UTCDateTime(), nullable=False),
    Index("ix_mail_deliveries_draft_id", "draft_id"),
)

MAIL_ACCOUNT_TABLES = (mail_accounts, mail_folders, mail_deliveries)
