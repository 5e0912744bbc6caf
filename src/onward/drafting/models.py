"""What the drafting engine takes in and gives back: facts, drafts and findings."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum

from onward.domain.drafts import DraftKind
from onward.errors import InvalidInput


@dataclass(frozen=True, kw_only=True)
class DraftFacts:
    """The facts a draft is written from. Empty text counts as missing.

    ``highlight`` is one specific thing the person enjoyed or learned, written to follow
    "I especially enjoyed …" (for example "hearing how the team runs design critiques").
    ``feedback_point`` is a noun phrase that follows "You mentioned …" (for example "the depth
    of my system design answers"). ``update`` is a real piece of news for a keep-in-touch note,
    written to follow "a quick update: …" (for example "I have just finished an AWS
    certification").
    """

    company: str
    role: str = ""
    sender_name: str = ""
    contact_name: str | None = None
    contact_email: str | None = None
    interview_date: date | None = None
    applied_date: date | None = None
    highlight: str | None = None
    update: str | None = None
    feedback_point: str | None = None

    def __post_init__(self) -> None:
        if not self.company.strip():
            raise InvalidInput("company cannot be empty")
        email = (self.contact_email or "").strip()
        if email and (
            email.count("@") != 1
            or any(c.isspace() or c in '<>,;"' for c in email)
            or email.startswith("@")
            or email.endswith("@")
        ):
            raise InvalidInput(
                f"contact email {self.contact_email!r} is not an email address",
                hint="write it as name@example.com",
            )
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str) and len(value) > 2_000:
                raise InvalidInput(f"{f.name} is longer than 2,000 characters")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    OK = "ok"


@dataclass(frozen=True)
class Finding:
    """One result of a quality check: ``code`` names the check, ``message`` is for people."""

    code: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.message} [{self.code}]"


@dataclass(frozen=True)
class Draft:
    """A message ready for the person to read, edit and send.

    ``to`` is the contact's address, or None when none is known. ``facts`` are the facts the
    draft was written from; the checks use them to see that company and role are named.
    ``findings`` are the quality-check results at the time of rendering; run
    ``check_draft`` again after editing the text.
    """

    kind: DraftKind
    subject: str
    body: str
    to: str | None = None
    facts: DraftFacts | None = None
    findings: tuple[Finding, ...] = field(default=())

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)
