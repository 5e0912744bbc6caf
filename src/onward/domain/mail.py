"""Mail in: what an import reports, and the proposals a job email leads to.

Pure rules. ``propose`` turns one reading (label, details) and the application it matched
into proposals for the review queue: nothing changes in the tracker until the person accepts
one. When a rejection and an offer both appear, the reader has already decided for the
rejection; a proposal never moves an application backwards or out of a closed ending.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from onward.domain.emails import EmailLabel, EmailReading
from onward.domain.pipeline import Stage
from onward.errors import InvalidMove

__all__ = [
    "LARGE_IMPORT",
    "AppCandidate",
    "ImportSummary",
    "MailSummary",
    "Match",
    "ProposalDraft",
    "ProposalKind",
    "ProposalStatus",
    "propose",
]


class ProposalKind(StrEnum):
    CREATE_APPLICATION = "create_application"
    MOVE_STAGE = "move_stage"
    LOG_REJECTION = "log_rejection"
    ADD_CONTACT = "add_contact"
    SCHEDULE_INTERVIEW = "schedule_interview"


class ProposalStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    EDITED = "edited"  # accepted after the person changed it
    DISMISSED = "dismissed"


#: An import that finds at least this much news (applications, rejections, interviews and
#: offers together) earns the summary card on Today, as the first import with any does.
LARGE_IMPORT = 20


@dataclass(frozen=True)
class MailSummary:
    """What the job mail of one import is about, from its proposals: new applications,
    rejections, interviews and offers, and the day of the earliest of those messages."""

    applications: int = 0
    rejections: int = 0
    interviews: int = 0
    offers: int = 0
    since: date | None = None

    @property
    def news(self) -> int:
        return self.applications + self.rejections + self.interviews + self.offers

    def adding(self, drafts: list[ProposalDraft], day: date) -> MailSummary:
        """This summary with one message's proposals (received on ``day``) added."""
        if not drafts:
            return self
        counts = {"applications": 0, "rejections": 0, "interviews": 0, "offers": 0}
        for draft in drafts:
            stage = draft.payload.get("stage")
            if draft.kind is ProposalKind.CREATE_APPLICATION:
                counts["applications"] += 1
                counts["interviews"] += stage == Stage.INTERVIEW.value
            elif draft.kind is ProposalKind.LOG_REJECTION:
                counts["rejections"] += 1
            elif draft.kind is ProposalKind.SCHEDULE_INTERVIEW:
                counts["interviews"] += 1
            elif draft.kind is ProposalKind.MOVE_STAGE:
                counts["interviews"] += stage == Stage.INTERVIEW.value
                counts["offers"] += stage == Stage.OFFER.value
        return self.merged(MailSummary(**counts, since=day))

    def merged(self, other: MailSummary) -> MailSummary:
        days = [d for d in (self.since, other.since) if d is not None]
        return MailSummary(
            self.applications + other.applications,
            self.rejections + other.rejections,
            self.interviews + other.interviews,
            self.offers + other.offers,
            min(days) if days else None,
        )

    def worth_a_card(self, first: bool) -> bool:
        """Whether the import earns the summary card: the first with any news, or a large one."""
        return self.news > 0 and (first or self.news >= LARGE_IMPORT)

    @property
    def headline(self) -> str:
        """In plain words: "212 applications since March 2024: 130 rejections, 14 interviews,
        2 offers" (what there is none of is left out)."""
        if not self.news:
            return "No job mail found"
        since = f" since {self.since:%B %Y}" if self.since else ""
        rest = ", ".join(
            _counted(n, word)
            for n, word in (
                (self.rejections, "rejection"),
                (self.interviews, "interview"),
                (self.offers, "offer"),
            )
            if n
        )
        if not self.applications:
            return f"Since{since[6:]}: {rest}" if since else rest[:1].upper() + rest[1:]
        head = _counted(self.applications, "application") + since
        return f"{head}: {rest}" if rest else head


def _counted(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class ImportSummary:
    """What one import did. ``job_mail`` counts new job mail by label; ``found`` is what
    that job mail is about (the summary card's words)."""

    source: str
    read: int = 0
    new: int = 0
    already_seen: int = 0
    job_mail: dict[str, int] = field(default_factory=dict)
    proposals: int = 0
    quarantined: int = 0
    prefiltered: int = 0
    held_back: int = 0  # job-like mail naming no company or role, stored but not proposed
    skipped_unchanged: bool = False
    resumed_at: str | None = None
    seconds: float = 0.0
    found: MailSummary = field(default_factory=MailSummary)


@dataclass(frozen=True)
class AppCandidate:
    """An application as matching sees it."""

    id: int
    company: str
    role: str
    job_ref: str | None
    stage: Stage
    reached: Stage
    contact_emails: frozenset[str] = frozenset()
    contact_names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Match:
    """Which application a message belongs to, and how that was decided.

    ``application`` is None when nothing matched; ``pending_create`` is then the id of a
    create-application proposal still waiting in the queue for the same job, if any.
    """

    application: AppCandidate | None
    how: str  # thread | job_ref | company_role | company | none
    certainty: float = 1.0
    pending_create: int | None = None
    note: str | None = None
    company: str | None = None  # of the pending application, when that matched
    role: str | None = None


@dataclass(frozen=True)
class ProposalDraft:
    """A proposal before it is stored. ``after_create`` marks one that needs the new
    application proposed alongside it."""

    kind: ProposalKind
    payload: dict[str, Any]
    confidence: float
    after_create: bool = False


_TARGET: dict[EmailLabel, Stage] = {
    EmailLabel.APPLICATION_RECEIVED: Stage.APPLIED,
    EmailLabel.ASSESSMENT: Stage.ASSESSMENT,
    EmailLabel.INTERVIEW: Stage.INTERVIEW,
    EmailLabel.OFFER: Stage.OFFER,
}


def _can_move(app: AppCandidate, target: Stage) -> bool:
    from onward.domain.pipeline import check_move

    if target == app.stage or (not target.is_ending and target.rank <= app.reached.rank):
        return False
    try:
        check_move(app.stage, app.reached, target)
    except InvalidMove:
        return False
    return True


def propose(
    reading: EmailReading, match: Match, received: date, *, fallback_company: str | None = None
) -> list[ProposalDraft]:
    """The proposals one job email leads to (none for other mail or news already known)."""
    if reading.label is EmailLabel.OTHER:
        return []
    confidence = round(reading.confidence * match.certainty, 4)
    app = match.application
    company, role = _names(reading, match, fallback_company)
    base: dict[str, Any] = {"company": company, "role": role}
    out: list[ProposalDraft] = []
    after = app is None
    if app is None and match.pending_create is None:
        out.append(_create(reading, base, received, confidence))
    news = _news(reading, match, base, received, confidence, after)
    if news is not None:
        out.append(news)
    contact = _contact(reading, app, base, confidence, after)
    if contact is not None:
        out.append(contact)
    return out


def _names(
    reading: EmailReading, match: Match, fallback_company: str | None
) -> tuple[str | None, str | None]:
    """Company and role: what the person's records say wins over what the email seems to say."""
    if match.application is not None:
        return match.application.company, match.application.role
    if match.pending_create is not None:
        return (
            match.company or reading.company or fallback_company,
            match.role or reading.role,
        )
    return reading.company or fallback_company, reading.role


def _create(
    reading: EmailReading, base: dict[str, Any], received: date, confidence: float
) -> ProposalDraft:
    start = _TARGET.get(reading.label, Stage.APPLIED)
    if start == Stage.OFFER:
        start = Stage.FINAL  # an offer is proposed as its own move
    return ProposalDraft(
        ProposalKind.CREATE_APPLICATION,
        base | {"job_ref": reading.job_ref, "stage": start.value, "on": received.isoformat()},
        confidence,
    )


def _news(
    reading: EmailReading,
    match: Match,
    base: dict[str, Any],
    received: date,
    confidence: float,
    after: bool,
) -> ProposalDraft | None:
    """The one change the email's label asks for: a rejection, an interview or a move."""
    app = match.application
    if reading.label is EmailLabel.REJECTION:
        if app is not None and (app.stage.is_closed or app.stage == Stage.REJECTED):
            return None
        return ProposalDraft(
            ProposalKind.LOG_REJECTION,
            base
            | {
                "stage": reading.rejection_stage.value if reading.rejection_stage else None,
                "reason": reading.reason.value if reading.reason else "unspecified",
                "quote": reading.reason_quote,
                "personal": reading.personal,
                "received_on": received.isoformat(),
            },
            confidence,
            after_create=after,
        )
    if reading.label is EmailLabel.INTERVIEW and reading.interview_at is not None:
        if app is not None and app.stage.is_ending:
            return None
        return _interview(base, reading.interview_at, received, confidence, after)
    target = _TARGET[reading.label]
    if app is not None:
        wanted = _can_move(app, target)
    else:  # a new application starts at the target; an offer, or news for one pending
        wanted = target != Stage.APPLIED and (
            target == Stage.OFFER or match.pending_create is not None
        )
    if not wanted:
        return None
    return ProposalDraft(
        ProposalKind.MOVE_STAGE,
        base | {"stage": target.value, "on": received.isoformat()},
        confidence,
        after_create=after,
    )


def _interview(
    base: dict[str, Any], at: datetime, received: date, confidence: float, after: bool
) -> ProposalDraft:
    return ProposalDraft(
        ProposalKind.SCHEDULE_INTERVIEW,
        base | {"at": at.isoformat(), "on": received.isoformat()},
        confidence,
        after_create=after,
    )


def _contact(
    reading: EmailReading,
    app: AppCandidate | None,
    base: dict[str, Any],
    confidence: float,
    after: bool,
) -> ProposalDraft | None:
    name = (reading.contact_name or "").strip()
    email = (reading.contact_email or "").strip().lower()
    if not name:
        return None
    if app is not None and (
        (email and email in app.contact_emails) or name.casefold() in app.contact_names
    ):
        return None
    return ProposalDraft(
        ProposalKind.ADD_CONTACT,
        base | {"name": name, "email": email or None},
        round(confidence * 0.9, 4),
        after_create=after,
    )


def describe(kind: ProposalKind, payload: dict[str, Any]) -> str:
    """One line saying what accepting would do."""
    who = " – ".join(x for x in (payload.get("company"), payload.get("role")) if x) or "?"
    if kind is ProposalKind.CREATE_APPLICATION:
        return f"Add application {who} at {payload.get('stage')}"
    if kind is ProposalKind.MOVE_STAGE:
        return f"Move {who} to {payload.get('stage')}"
    if kind is ProposalKind.LOG_REJECTION:
        reason = str(payload.get("reason") or "unspecified").replace("_", " ")
        return f"Log rejection from {who} (reason: {reason})"
    if kind is ProposalKind.ADD_CONTACT:
        email = f" <{payload['email']}>" if payload.get("email") else ""
        return f"Add contact {payload.get('name')}{email} for {who}"
    return f"Interview with {who} at {payload.get('at')}"
