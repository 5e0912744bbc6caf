"""What Onward understands from one job email: the shared vocabulary of the mail and
understanding layers, and of the rejection playbook."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class EmailLabel(StrEnum):
    REJECTION = "rejection"
    APPLICATION_RECEIVED = "application_received"
    INTERVIEW = "interview"
    ASSESSMENT = "assessment"
    OFFER = "offer"
    OTHER = "other"


class RejectionStage(StrEnum):
    """The furthest stage a rejection says the person reached."""

    APPLICATION = "application"
    SCREEN = "screen"
    ASSESSMENT = "assessment"
    INTERVIEW = "interview"
    FINAL = "final"
    UNKNOWN = "unknown"


class RejectionReason(StrEnum):
    UNSPECIFIED = "unspecified"
    STRONGER_CANDIDATES = "stronger_candidates"
    POSITION_FILLED = "position_filled"
    INTERNAL_CANDIDATE = "internal_candidate"
    ROLE_CLOSED = "role_closed"
    EXPERIENCE_MISMATCH = "experience_mismatch"
    SKILLS_MISMATCH = "skills_mismatch"
    INTERVIEW_PERFORMANCE = "interview_performance"
    FIT = "fit"
    LOGISTICS = "logistics"


#: The headers the reader looks at to tell mailing-list, marketing and automatic mail from
#: mail written to the person (lower case); a parsed message carries these ones only.
LIST_HEADERS = (
    "list-id",
    "list-unsubscribe",
    "list-post",
    "x-mailing-list",
    "mailing-list",
    "precedence",
    "auto-submitted",
)


@dataclass(frozen=True)
class Correspondence:
    """What the person's own mail and tracker say about one email (the mail import knows;
    a lone email read without its mailbox has none of it)."""

    #: The person sent it (its From is one of their own addresses).
    sent_by_person: bool = False
    #: It answers a thread the person started or replied to (``In-Reply-To``/``References``
    #: name a message they sent).
    answers_person: bool = False
    #: Its sender or its thread is already linked to one of the person's applications.
    linked: bool = False
    #: Its sender wrote to the person about a job before: earlier mail from that address
    #: was read as job mail (a hiring manager's "it's a no from us" after their invitation).
    wrote_before: bool = False


@dataclass(frozen=True)
class EmailText:
    """One email as the understanding layer sees it: already parsed, new text only."""

    subject: str
    sender: str
    body: str
    #: The headers that tell mailing-list and marketing mail (``List-Id``, ``Precedence``...),
    #: as ``(name, value)`` pairs; empty when unknown.
    headers: tuple[tuple[str, str], ...] = ()
    #: The person's own correspondence around it, when the mailbox is known.
    correspondence: Correspondence | None = None


@dataclass(frozen=True)
class EmailReading:
    """What the classifier and extractors say about one email, with their evidence."""

    label: EmailLabel
    confidence: float
    evidence: tuple[str, ...] = ()
    company: str | None = None
    role: str | None = None
    job_ref: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    interview_at: datetime | None = None
    rejection_stage: RejectionStage | None = None
    reason: RejectionReason | None = None
    reason_quote: str | None = None
    personal: bool | None = None
    scores: dict[str, float] = field(default_factory=dict)
    #: The company this email alone names, when the rest of the mailbox gave ``company``
    #: another form ("MBRDNA" read, "Mercedes-Benz Research & Development North America" given).
    company_read: str | None = None
