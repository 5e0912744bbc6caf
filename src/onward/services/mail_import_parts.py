"""The parts of a mail import (``onward.services.mail_import``): how it runs
(``ImportOptions``), what reads a message (``MailReader``), one message parsed as far as
needed (``Prepared``), what happened to the messages (``ImportCounts``), and how a failure
and a message's HTML and sender are written down."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, Protocol

from onward.domain.emails import EmailReading, EmailText
from onward.domain.mail import MailSummary
from onward.domain.text import storable
from onward.errors import MalformedMessage
from onward.mail.html_part import html_part
from onward.mail.parse import ParsedMessage
from onward.mail.safe_html import kept_html
from onward.services.mail_rows import escaped, sender_of

BATCH_SIZE = 500
#: Mailing-list and marketing mail must be read this confidently to count as job mail
#: (shop "offers" are not job offers).
BULK_MIN_CONFIDENCE = 0.8
#: Called after each committed batch with the messages read so far and the last key.
ProgressCallback = Callable[[int, str], None]


class MailReader(Protocol):
    """What reads one email (``onward.understand.Reader`` is one)."""

    def read(self, email: EmailText, person: str = "") -> EmailReading: ...


@dataclass(frozen=True)
class ImportOptions:
    """How one import runs. ``fingerprint`` (how an unchanged source is recognised next
    time) and ``state`` (source-specific extras, e.g. an IMAP folder's UIDVALIDITY) are
    saved when the messages run out; ``prefilter=False`` reads every message fully."""

    batch_size: int = BATCH_SIZE
    prefilter: bool = True
    fingerprint: str | None = None
    state: dict[str, Any] | None = None
    progress: ProgressCallback | None = None
    #: The person's own addresses (besides their mail accounts' addresses): mail from them
    #: is theirs, and replies to it are in their own threads.
    own_addresses: frozenset[str] = frozenset()
    #: The person's own name, never read as a company; empty: the owner's saved "Your
    #: name" setting (``sender_name``).
    person_name: str = ""


@dataclass
class Prepared:
    """One message, parsed as far as needed (``reason``: why it cannot be stored)."""

    key: str
    digest: str
    size: int
    parsed: ParsedMessage | None = None
    full: bool = False
    bulk: bool = False
    #: the raw bytes of a fully parsed message, until it is stored (for its HTML)
    raw: bytes | None = None
    #: the company name the reader read, as the mailbox's company book learnt it
    learnt: str | None = None
    reason: str | None = None

    @property
    def dedupe_key(self) -> str:
        """As stored (what the database cannot store replaced), so it is recognised."""
        assert self.parsed is not None
        return storable(self.parsed.message_id or "")[:600] or f"sha256:{self.digest}"


@dataclass
class ImportCounts:
    """What happened to the messages of one import (or one batch, added in once stored)."""

    read: int = 0
    new: int = 0
    already_seen: int = 0
    proposals: int = 0
    quarantined: int = 0
    prefiltered: int = 0
    held_back: int = 0
    job_mail: Counter[str] = field(default_factory=Counter)
    found: MailSummary = field(default_factory=MailSummary)

    def add(self, other: ImportCounts) -> None:
        for f in fields(self):
            if f.name == "found":
                self.found = self.found.merged(other.found)
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def describe(exc: BaseException) -> str:
    """An error, in one escaped line, as a quarantine reason."""
    if isinstance(exc, MalformedMessage):
        return escaped(exc.reason, 500)
    first = (str(exc).strip().splitlines() or [""])[0]
    return escaped(f"{type(exc).__name__}: {first}" if first else type(exc).__name__, 500)


def kept_html_of(raw: bytes | None) -> str:
    """The message's HTML as it is kept: cleaned and capped ("" when it has none, or when it
    cannot be read: the text was read, and that is what counts)."""
    try:
        return kept_html(html_part(raw)) if raw is not None else ""
    except Exception:
        return ""


def sender_name_of(parsed: ParsedMessage) -> str:
    return sender_of(parsed.sender_name[:300], parsed.sender_address[:320])
