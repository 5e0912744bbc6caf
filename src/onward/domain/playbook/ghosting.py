"""Quiet applications: which ones have probably ghosted the person.

An application is suggested as ghosted when nothing has happened for a while: 21 days after
applying, a screen or an assessment; 14 days after an interview or a final round (people who
have met you usually answer faster). Both are configurable in :class:`GhostingRules`.

An application that had gone quiet long before its last step was recorded (an old mailbox
imported: applied two years ago, never heard back) closed long ago; it is history
(``onward.domain.history.went_quiet_long_before``) and is not suggested.

This is only ever a suggestion. Marking an application ghosted is not final: any new contact
reopens it (see ``onward.domain.pipeline``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from onward.domain.drafts import DraftKind
from onward.domain.history import went_quiet_long_before
from onward.domain.pipeline import Stage
from onward.domain.records import Application
from onward.errors import InvalidInput

EARLY_STAGES = frozenset({Stage.APPLIED, Stage.SCREEN, Stage.ASSESSMENT})
LATE_STAGES = frozenset({Stage.INTERVIEW, Stage.FINAL})


@dataclass(frozen=True)
class GhostingRules:
    after_early_days: int = 21
    after_interview_days: int = 14

    def __post_init__(self) -> None:
        if self.after_early_days < 1 or self.after_interview_days < 1:
            raise InvalidInput("ghosting thresholds must be at least 1 day")

    def threshold(self, stage: Stage) -> int | None:
        """Days of quiet after which ``stage`` counts as ghosted; None: never suggested."""
        if stage in EARLY_STAGES:
            return self.after_early_days
        if stage in LATE_STAGES:
            return self.after_interview_days
        return None


@dataclass(frozen=True)
class QuietApplication:
    """What ghosting needs to know: the stage, and the last time anything happened."""

    application_id: int
    stage: Stage
    last_contact_on: date
    company: str = ""
    role: str = ""
    #: The day it last changed in Onward, its last step recorded or later (None: not asked,
    #: never history).
    recorded_on: date | None = None


@dataclass(frozen=True)
class GhostSuggestion:
    application_id: int
    stage: Stage
    days_quiet: int
    threshold: int
    message: str
    drafts: tuple[DraftKind, ...]


def quiet_application(
    application: Application, last_contact_on: date | None = None
) -> QuietApplication:
    """From an application: the last event, or a later contact date if one is known."""
    days = [e.occurred_on for e in application.events]
    days.append(application.stage_on)
    if last_contact_on is not None:
        days.append(last_contact_on)
    return QuietApplication(
        application.id, application.stage, max(days), application.company, application.role
    )


def suggest_ghosted(
    items: Iterable[QuietApplication], today: date, rules: GhostingRules | None = None
) -> tuple[GhostSuggestion, ...]:
    """Applications quiet for at least their stage's threshold, the quietest first."""
    rules = rules or GhostingRules()
    found = []
    for item in items:
        limit = rules.threshold(item.stage)
        if limit is None:
            continue
        quiet = (today - item.last_contact_on).days
        if quiet < limit or (
            item.recorded_on is not None
            and went_quiet_long_before(item.last_contact_on, limit, item.recorded_on)
        ):
            continue
        name = f"{item.role} at {item.company}" if item.company else "This application"
        since = "you applied" if item.stage == Stage.APPLIED else f"the {item.stage.value} stage"
        found.append(
            GhostSuggestion(
                item.application_id,
                item.stage,
                quiet,
                limit,
                f"{name} has been quiet for {quiet} days since {since}. "
                "A polite follow-up is fine; if nothing comes back, you can let it go. "
                "If they get in touch later, it reopens.",
                (DraftKind.GHOSTING_FOLLOW_UP, DraftKind.GHOSTING_CLOSURE),
            )
        )
    found.sort(key=lambda s: (-s.days_quiet, s.application_id))
    return tuple(found)
