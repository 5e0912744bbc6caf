"""Mail accounts: where Onward reads the person's mail (IMAP) and delivers drafts (IMAP Drafts,
SMTP), and how far each folder has been read.

Pure rules only: names, ports, security modes and the environment variable that can hold an
account's password. The password itself never appears in these records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from onward.errors import InvalidInput

#: Read when an account has no password of its own in the environment or the keyring.
PASSWORD_ENV = "ONWARD_MAIL_PASSWORD"
DEFAULT_FOLDERS = ("INBOX",)
DEFAULT_DRAFTS_FOLDER = "Drafts"
GMAIL_ALL_MAIL = "[Gmail]/All Mail"
_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]{0,39}")
_HOST = re.compile(r"[A-Za-z0-9.\-\[\]:]{1,253}")


class Security(StrEnum):
    """How the connection is encrypted. There is no plain-text mode."""

    #: TLS from the first byte (IMAPS on 993, SMTPS on 465).
    TLS = "tls"
    #: A plain connection upgraded with STARTTLS before anything else (IMAP 143, SMTP 587).
    STARTTLS = "starttls"


IMAP_PORTS = {Security.TLS: 993, Security.STARTTLS: 143}
SMTP_PORTS = {Security.TLS: 465, Security.STARTTLS: 587}


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    security: Security

    def __str__(self) -> str:
        return f"{self.host}:{self.port} ({self.security.value})"


@dataclass(frozen=True)
class AccountFields:
    """What a person says about an account when adding it."""

    name: str
    address: str
    imap: Server
    username: str
    folders: tuple[str, ...] = DEFAULT_FOLDERS
    drafts_folder: str = DEFAULT_DRAFTS_FOLDER
    smtp: Server | None = None


@dataclass(frozen=True)
class SyncOutcome:
    """What the last sync of an account found (``problem``: why it did not finish)."""

    at: datetime
    new: int = 0
    proposals: int = 0
    problem: str | None = None
    #: True when the sync was stopped by the person before it finished.
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.problem is None and not self.cancelled


@dataclass(frozen=True)
class MailAccount:
    id: int
    fields: AccountFields
    created_at: datetime
    folder_states: tuple[FolderState, ...] = field(default=())
    #: How often the running web app syncs the account on its own; None: only when asked.
    sync_every_hours: int | None = None
    last_sync: SyncOutcome | None = None

    @property
    def name(self) -> str:
        return self.fields.name

    def sync_due(self, now: datetime) -> bool:
        """True when the account's schedule says it is time to sync again: it has one, and
        its last sync (finished or not) began at least that many hours ago."""
        if self.sync_every_hours is None:
            return False
        if self.last_sync is None:
            return True
        return now - self.last_sync.at >= timedelta(hours=self.sync_every_hours)


#: The schedules a page offers, in hours (None: off); any whole number of hours up to a
#: week is accepted.
SYNC_SCHEDULES: tuple[tuple[int | None, str], ...] = (
    (None, "off (only when I ask)"),
    (1, "every hour"),
    (3, "every 3 hours"),
    (6, "every 6 hours"),
    (12, "every 12 hours"),
    (24, "daily"),
)
MAX_SYNC_HOURS = 24 * 7


def sync_every(value: str | int | None) -> int | None:
    """A sync schedule in hours from what was typed: off, hourly, daily, or a number of
    hours from 1 to a week."""
    if value is None:
        return None
    text = str(value).strip().lower()
    named = {"": None, "off": None, "none": None, "never": None, "hourly": 1, "daily": 24}
    if text in named:
        return named[text]
    hours = int(text) if text.isdigit() else 0
    if not 1 <= hours <= MAX_SYNC_HOURS:
        raise InvalidInput(
            f"{value!r} is not a sync schedule",
            field="sync_every_hours",
            hint="off, hourly, daily, or a number of hours from 1 to 168",
        )
    return hours


def schedule_words(hours: int | None) -> str:
    """A schedule in words, as pages show it."""
    for value, words in SYNC_SCHEDULES:
        if value == hours:
            return words
    return f"every {hours} hours"


@dataclass(frozen=True)
class FolderState:
    """How far one folder has been read: every UID up to ``last_uid`` under ``uidvalidity``."""

    folder: str
    uidvalidity: int
    last_uid: int
    synced_at: datetime
    messages_seen: int = 0


def account_name(text: str) -> str:
    """A short name for an account, e.g. ``personal`` or ``work-gmail``."""
    name = text.strip().lower()
    if not _NAME.fullmatch(name):
        raise InvalidInput(
            f"{text!r} cannot name an account",
            hint="use up to 40 letters, digits, '-', '_' or '.', e.g. personal or work-gmail",
        )
    return name


def password_env_var(name: str) -> str:
    """The account's own environment variable, e.g. ``ONWARD_MAIL_PASSWORD_WORK_GMAIL``."""
    return f"{PASSWORD_ENV}_{re.sub(r'[^A-Z0-9]', '_', name.upper())}"


def server(host: str, port: int | None, security: str, *, smtp: bool = False) -> Server:
    """A checked server address; the port defaults to the usual one for the security mode."""
    host = host.strip()
    if not _HOST.fullmatch(host) or host.startswith(("-", ".")):
        raise InvalidInput(f"{host!r} is not a host name", hint="e.g. imap.example.com")
    try:
        mode = Security(security.strip().lower().replace("ssl", "tls"))
    except ValueError:
        raise InvalidInput(
            f"unknown security {security!r}", hint="use tls (port 993/465) or starttls (143/587)"
        ) from None
    chosen = port if port is not None else (SMTP_PORTS if smtp else IMAP_PORTS)[mode]
    if not 1 <= chosen <= 65535:
        raise InvalidInput(f"port {chosen} is out of range", hint="a port is 1-65535")
    return Server(host, chosen, mode)


def folder_names(raw: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Folders to read, in order, without repeats; ``gmail`` stands for Gmail's All Mail."""
    out: list[str] = []
    for item in raw:
        for part in item.split(","):
            name = part.strip()
            if name.lower() in ("gmail", "all mail", "allmail"):
                name = GMAIL_ALL_MAIL
            if name.upper() == "INBOX":
                name = "INBOX"
            if not name or any(ord(c) < 32 for c in name):
                raise InvalidInput(f"{part!r} is not a folder name", hint="e.g. INBOX,Jobs")
            if name not in out:
                out.append(name)
    return tuple(out) or DEFAULT_FOLDERS


def check_address(address: str) -> str:
    address = address.strip()
    local, at, domain = address.partition("@")
    if not (local and at and "." in domain) or "@" in domain or any(c.isspace() for c in address):
        raise InvalidInput(f"not an email address: {address!r}", hint="write name@example.com")
    return address


class DeliveryMethod(StrEnum):
    """How a draft reached the person's mail."""

    #: Appended to their Drafts folder (flagged \\Draft) to review and send from their client.
    IMAP_DRAFTS = "imap_drafts"
    #: Sent over SMTP after they confirmed.
    SMTP = "smtp"

    @property
    def label(self) -> str:
        return {"imap_drafts": "put in the Drafts folder of", "smtp": "sent by SMTP through"}[
            self.value
        ]


@dataclass(frozen=True)
class Delivery:
    draft_id: int
    account_name: str
    method: DeliveryMethod
    message_id: str
    to: str | None
    delivered_at: datetime


@dataclass(frozen=True)
class Provider:
    """Well-known settings of a mail provider, so adding an account takes one flag."""

    imap: Server
    smtp: Server
    folders: tuple[str, ...]
    drafts_folder: str
    note: str
    #: The provider's name as people know it.
    label: str = ""


PROVIDERS = {
    "gmail": Provider(
        Server("imap.gmail.com", 993, Security.TLS),
        Server("smtp.gmail.com", 465, Security.TLS),
        (GMAIL_ALL_MAIL,),
        "[Gmail]/Drafts",
        "Gmail needs an app password (Google Account → Security → App passwords).",
        "Gmail",
    ),
    "outlook": Provider(
        Server("outlook.office365.com", 993, Security.TLS),
        Server("smtp.office365.com", 587, Security.STARTTLS),
        DEFAULT_FOLDERS,
        DEFAULT_DRAFTS_FOLDER,
        "Microsoft has turned off password sign-in over IMAP for most Outlook.com and "
        "Microsoft 365 accounts: if the login is refused, export your mail from Outlook as a "
        "file and import that instead.",
        "Outlook / Office 365",
    ),
    "yahoo": Provider(
        Server("imap.mail.yahoo.com", 993, Security.TLS),
        Server("smtp.mail.yahoo.com", 465, Security.TLS),
        DEFAULT_FOLDERS,
        "Draft",
        "Yahoo Mail needs an app password (Account security → Generate app password).",
        "Yahoo",
    ),
    "fastmail": Provider(
        Server("imap.fastmail.com", 993, Security.TLS),
        Server("smtp.fastmail.com", 465, Security.TLS),
        DEFAULT_FOLDERS,
        DEFAULT_DRAFTS_FOLDER,
        "Fastmail needs an app password (Settings → Privacy & Security → App passwords).",
        "Fastmail",
    ),
    "icloud": Provider(
        Server("imap.mail.me.com", 993, Security.TLS),
        Server("smtp.mail.me.com", 587, Security.STARTTLS),
        DEFAULT_FOLDERS,
        DEFAULT_DRAFTS_FOLDER,
        "iCloud Mail needs an app-specific password (appleid.apple.com).",
        "iCloud",
    ),
}


def provider(name: str) -> Provider:
    try:
        return PROVIDERS[name.strip().lower()]
    except KeyError:
        raise InvalidInput(
            f"unknown provider {name!r}",
            field="provider",
            hint=f"use one of: {', '.join(PROVIDERS)}, or give the IMAP server",
        ) from None
