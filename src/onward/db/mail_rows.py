"""What ``MailRepo`` reads, as typed rows (never ``dict[str, Any]``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

__all__ = [
    "ApplicationKeys",
    "ExampleRow",
    "MessageRow",
    "ProposalRow",
    "QuarantineRow",
    "QueuedProposal",
]


@dataclass(frozen=True)
class MessageRow:
    """One stored message (``text`` and ``html`` are None when not loaded or not kept)."""

    id: int
    dedupe_key: str
    message_id: str | None
    content_hash: str
    source: str
    source_key: str
    subject: str
    sender_name: str
    sender_address: str
    sent_at: datetime | None
    thread_ids: list[str]
    label: str
    confidence: float
    evidence: list[str]
    details: dict[str, Any]
    prefiltered: bool
    application_id: int | None
    imported_at: datetime
    text: str | None = None
    html: str | None = None
    learnt_company: str | None = None

    @property
    def sender(self) -> str:
        name, address = self.sender_name, self.sender_address
        return f"{name} <{address}>" if name and address else address or name


@dataclass(frozen=True)
class QuarantineRow:
    id: int
    source: str
    source_key: str
    reason: str
    content_hash: str
    size: int
    quarantined_at: datetime


@dataclass(frozen=True)
class ProposalRow:
    id: int
    mail_message_id: int
    application_id: int | None
    kind: str
    payload: dict[str, Any]
    proposed: dict[str, Any]
    confidence: float
    status: str
    created_at: datetime
    decided_at: datetime | None


@dataclass(frozen=True)
class QueuedProposal:
    """A proposal with what the review queue shows of its message."""

    proposal: ProposalRow
    subject: str
    sender_name: str
    sender_address: str
    sent_at: datetime | None
    evidence: list[str]
    label: str


@dataclass(frozen=True)
class ExampleRow:
    id: int
    mail_message_id: int | None
    subject: str
    sender: str
    body: str
    label: str
    company: str | None
    role: str | None
    stage: str | None
    reason: str | None
    corrected: bool
    created_at: datetime


@dataclass(frozen=True)
class ApplicationKeys:
    """What matching mail to an application reads of it."""

    id: int
    company: str
    role: str
    job_ref: str | None
    stage: str
    reached: str
