"""Consent-limited sharing with a coach: scopes, shares, the access log, coach notes and the
goals a coach proposes. Pure: no database, no web.

A *share* is a job seeker's consent for one coach to read some *scopes* of their data until an
expiry date (inclusive), or until the seeker revokes it. A scope names what can be read:

===============  ===================================================================
``pipeline``     applications, their stages and outcomes, follow-ups and interviews due
``insights``     the insights page (funnel, patterns, effort against goals)
``goals``        weekly goals, effort logged and if-then plans kept
``drafts``       message drafts
``feedback``     feedback received from employers
``reflections``  reflections written after a rejection (off unless chosen)
``journal``      the mood journal and the well-being check (off unless chosen)
===============  ===================================================================

Private writing (the sealed expressive-writing sessions) has no scope: it can never be shared.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from onward.errors import InvalidInput


class Scope(StrEnum):
    PIPELINE = "pipeline"
    INSIGHTS = "insights"
    GOALS = "goals"
    DRAFTS = "drafts"
    FEEDBACK = "feedback"
    REFLECTIONS = "reflections"
    JOURNAL = "journal"

    @property
    def label(self) -> str:
        return SCOPE_LABELS[self]


SCOPE_LABELS = {
    Scope.PIPELINE: "Pipeline and outcomes",
    Scope.INSIGHTS: "Insights",
    Scope.GOALS: "Goals and plans kept",
    Scope.DRAFTS: "Drafts",
    Scope.FEEDBACK: "Feedback",
    Scope.REFLECTIONS: "Reflections",
    Scope.JOURNAL: "Journal and mood",
}
#: Ticked in a new share's form; reflections and the journal only when the person chooses.
DEFAULT_SCOPES = frozenset(s for s in Scope if s not in (Scope.REFLECTIONS, Scope.JOURNAL))
#: The longest a share may last in one go (it can be renewed).
MAX_SHARE = timedelta(days=366)
#: The longest coach note.
MAX_NOTE = 4000
#: What the page says about what is never shared.
NEVER_SHARED = (
    "Private writing is never shared: there is no scope for it. Nor are your mail, contacts, "
    "resumes, settings or password."
)


def parse_scopes(names: Iterable[str]) -> frozenset[Scope]:
    """The scopes named (``"pipeline"``, ...); an unknown name or none at all is refused."""
    found: set[Scope] = set()
    for raw in names:
        name = raw.strip().lower()
        try:
            found.add(Scope(name))
        except ValueError:
            known = ", ".join(s.value for s in Scope)
            raise InvalidInput(
                f"unknown scope {raw!r}: choose from {known}", field="scopes"
            ) from None
    if not found:
        raise InvalidInput("choose at least one thing to share", field="scopes")
    return frozenset(found)


def check_expiry(expires_on: date, today: date) -> date:
    """A share ends on a day from today to a year ahead (it lasts through that day)."""
    if expires_on < today:
        raise InvalidInput(
            f"that day ({expires_on.isoformat()}) has passed; pick today or a later day",
            field="expires_on",
        )
    if expires_on - today > MAX_SHARE:
        raise InvalidInput("a share lasts at most a year; you can renew it", field="expires_on")
    return expires_on


class ShareStatus(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass(frozen=True)
class Share:
    """``owner_id`` (the job seeker) lets ``coach_id`` read ``scopes`` through ``expires_on``."""

    id: int
    owner_id: int
    coach_id: int
    scopes: frozenset[Scope]
    expires_on: date
    created_at: datetime
    revoked_at: datetime | None = None
    #: How each side is shown to the other (the coach's email, the person's name).
    coach: str = ""
    person: str = ""

    def status(self, today: date) -> ShareStatus:
        if self.revoked_at is not None:
            return ShareStatus.REVOKED
        if today > self.expires_on:
            return ShareStatus.EXPIRED
        return ShareStatus.ACTIVE

    def active(self, today: date) -> bool:
        return self.status(today) is ShareStatus.ACTIVE

    def allows(self, scope: Scope, today: date) -> bool:
        return self.active(today) and scope in self.scopes

    @property
    def scope_names(self) -> tuple[str, ...]:
        return tuple(s.value for s in Scope if s in self.scopes)

    def as_json(self) -> dict[str, object]:
        """The share for JSON (scopes in their usual order; no owner ids)."""
        return {
            "id": self.id,
            "coach": self.coach,
            "person": self.person,
            "scopes": list(self.scope_names),
            "expires_on": self.expires_on.isoformat(),
            "created_at": self.created_at.isoformat(),
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
        }


@dataclass(frozen=True)
class AccessEntry:
    """A coach read ``what`` (within ``scope``) of the person's data at ``at``; grouped
    (:func:`grouped_reads`), ``times`` reads of it from ``first_at`` to ``at``."""

    share_id: int
    scope: Scope
    what: str
    at: datetime
    coach: str = ""
    times: int = 1
    first_at: datetime | None = None


#: Reads of the same thing by the same coach this close together are one line of the log.
READS_TOGETHER = timedelta(hours=1)


def grouped_reads(entries: Iterable[AccessEntry], limit: int) -> list[AccessEntry]:
    """The access log as a person reads it: each run of reads of the same thing by the same
    coach, no more than :data:`READS_TOGETHER` apart, as one entry with how many times and
    from when (a coach who opens the caseload twenty times in a morning is one line, not
    twenty). ``entries`` newest first; the newest ``limit`` runs, newest first."""
    runs: list[AccessEntry] = []
    open_run: dict[tuple[int, Scope, str], int] = {}  # key -> index in runs
    for entry in entries:
        key = (entry.share_id, entry.scope, entry.what)
        at = open_run.get(key)
        if at is not None:
            run = runs[at]
            oldest = run.first_at or run.at
            if oldest - entry.at <= READS_TOGETHER:
                runs[at] = replace(run, times=run.times + 1, first_at=entry.at)
                continue
        open_run[key] = len(runs)
        runs.append(entry)
    return runs[:limit]  # in order of their newest read, as ``entries`` came


def check_note(text: str) -> str:
    text = text.strip()
    if not text:
        raise InvalidInput("write the note first", field="text")
    if len(text) > MAX_NOTE:
        raise InvalidInput(f"keep a note under {MAX_NOTE} characters", field="text")
    return text


@dataclass(frozen=True)
class CoachNote:
    """A coach's note about a person; ``shown`` also to the person."""

    id: int
    coach_id: int
    owner_id: int
    text: str
    shown: bool
    created_at: datetime
    coach: str = ""


class ProposalState(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DECLINED = "declined"


@dataclass(frozen=True)
class ProposedGoal:
    """A weekly goal a coach suggests (``metric`` to ``target`` a week), with why; the person
    accepts it (it becomes their goal) or declines it."""

    id: int
    coach_id: int
    owner_id: int
    metric: str
    target: float
    why: str
    state: ProposalState
    created_at: datetime
    answered_at: datetime | None = None
    coach: str = ""
