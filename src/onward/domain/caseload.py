"""A coach's caseload: plain health flags for each person, and the cohort's funnel and effort.

Health flags are rules anyone can check, each with its reason in words, never a score. Each
reads only what the person shared: a fact of an unshared scope is ``None`` and raises no flag.

=================  =====================  ==================================================
flag               needs scope            raised when
=================  =====================  ==================================================
``quiet``          any                    nothing recorded in the shared scopes for
                                          :data:`QUIET_DAYS` days or more
``rejections``     ``pipeline``           the last :data:`REJECTION_RUN` answers or more
                                          were all rejections
``follow_ups``     ``pipeline``           a follow-up step is past its due time
``interviews``     ``pipeline``           an interview step is due within
                                          :data:`INTERVIEW_DAYS` days
``plans_missed``   ``goals``              :data:`PLANS_MISSED` or more if-then plans in the
                                          last :data:`PLAN_DAYS` days were not kept
``wellbeing``      ``journal``            the mood of the last :data:`MOOD_ENTRIES` journal
                                          entries (within :data:`WELLBEING_DAYS` days)
                                          averaged :data:`LOW_MOOD` of 5 or less
=================  =====================  ==================================================

The cohort view adds the people's funnels and effort. Its rates keep the insights' guard
(:data:`onward.domain.insights.stats.MIN_OUTCOMES`): below it, they say how far they are from
saying anything; and the effort figures wait for :data:`MIN_PEOPLE` people.

The WHO-5 well-being check stays private even with the journal shared (its page promises
so): the well-being flag reads the journal's moods (decision 0016).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from onward.domain.insights.stats import Rate, not_enough
from onward.domain.sharing import Scope

QUIET_DAYS = 14
REJECTION_RUN = 3
INTERVIEW_DAYS = 7
PLAN_DAYS = 14
PLANS_MISSED = 2
WELLBEING_DAYS = 30
MOOD_ENTRIES = 3
LOW_MOOD = 2.0
#: People the cohort's effort figures wait for.
MIN_PEOPLE = 3
#: Weeks of effort the cohort view covers.
EFFORT_WEEKS = 4


class FlagKind(StrEnum):
    QUIET = "quiet"
    REJECTIONS = "rejections"
    FOLLOW_UPS = "follow_ups"
    INTERVIEWS = "interviews"
    PLANS_MISSED = "plans_missed"
    WELLBEING = "wellbeing"


@dataclass(frozen=True)
class Flag:
    kind: FlagKind
    reason: str
    #: True for a flag that asks for the coach's attention; False for good news (interviews).
    concern: bool = True


@dataclass(frozen=True)
class HealthFacts:
    """What the flags read about one person; ``None``: that scope is not shared."""

    scopes: frozenset[Scope]
    last_activity_on: date | None = None
    rejections_in_a_row: int | None = None
    overdue_follow_ups: int | None = None
    interviews_soon: int | None = None
    plans_missed: int | None = None
    #: The average mood (1-5) of the last :data:`MOOD_ENTRIES` journal entries within
    #: :data:`WELLBEING_DAYS` days; None: fewer entries than that.
    mood: float | None = None


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def health_flags(facts: HealthFacts, today: date) -> tuple[Flag, ...]:
    """The flags ``facts`` raise, each with its reason, concerns first."""
    flags: list[Flag] = []
    quiet = _quiet(facts, today)
    if quiet:
        flags.append(quiet)
    if (facts.rejections_in_a_row or 0) >= REJECTION_RUN:
        run = facts.rejections_in_a_row or 0
        flags.append(Flag(FlagKind.REJECTIONS, f"the last {run} answers in a row were rejections"))
    if facts.overdue_follow_ups:
        n = facts.overdue_follow_ups
        flags.append(Flag(FlagKind.FOLLOW_UPS, f"{_plural(n, 'follow-up')} past due"))
    if (facts.plans_missed or 0) >= PLANS_MISSED:
        n = facts.plans_missed or 0
        flags.append(
            Flag(
                FlagKind.PLANS_MISSED,
                f"{_plural(n, 'if-then plan')} not kept in the last {PLAN_DAYS} days",
            )
        )
    if facts.mood is not None and facts.mood <= LOW_MOOD and Scope.JOURNAL in facts.scopes:
        flags.append(
            Flag(
                FlagKind.WELLBEING,
                f"mood averaged {facts.mood:.1f} of 5 over the last {MOOD_ENTRIES} journal entries",
            )
        )
    if facts.interviews_soon:
        n = facts.interviews_soon
        flags.append(
            Flag(
                FlagKind.INTERVIEWS,
                f"{_plural(n, 'interview')} to prepare in the next {INTERVIEW_DAYS} days",
                concern=False,
            )
        )
    return tuple(flags)


def _quiet(facts: HealthFacts, today: date) -> Flag | None:
    if facts.last_activity_on is None:
        return Flag(FlagKind.QUIET, "nothing recorded yet in what is shared")
    days = (today - facts.last_activity_on).days
    if days < QUIET_DAYS:
        return None
    return Flag(FlagKind.QUIET, f"no activity for {days} days (since {facts.last_activity_on})")


def rejection_run(answers: Sequence[bool]) -> int:
    """How many of the newest answers (newest first; True: a rejection) are rejections."""
    run = 0
    for rejected in answers:
        if not rejected:
            break
        run += 1
    return run


# -- the cohort ------------------------------------------------------------------------------------
#: The funnel steps of the cohort view: a key, its words, and the stage rank it needs.
COHORT_STEPS: tuple[tuple[str, str], ...] = (
    ("applied", "Applied"),
    ("screen", "Screen or further"),
    ("interview", "Interview or further"),
    ("offer", "Offer"),
)


@dataclass(frozen=True)
class PersonCounts:
    """One person's applications at each cohort step (furthest reached), and how many they
    sent in each of the last :data:`EFFORT_WEEKS` weeks."""

    steps: dict[str, int]
    sent_per_week: tuple[int, ...]


@dataclass(frozen=True)
class CohortStep:
    key: str
    label: str
    count: int
    #: The conversion from the step before (None for the first step).
    rate: Rate | None


@dataclass(frozen=True)
class CohortEffort:
    people: int
    sent: int
    #: Median applications sent per person per week (None below :data:`MIN_PEOPLE`).
    median_per_week: float | None
    text: str


@dataclass(frozen=True)
class Cohort:
    people: int
    steps: tuple[CohortStep, ...]
    effort: CohortEffort


def cohort(people: Sequence[PersonCounts]) -> Cohort:
    """The caseload's funnel (sums over the people who shared their pipeline) and effort."""
    steps: list[CohortStep] = []
    before: int | None = None
    for key, label in COHORT_STEPS:
        count = sum(p.steps.get(key, 0) for p in people)
        rate = Rate(min(count, before), before) if before is not None else None
        steps.append(CohortStep(key, label, count, rate))
        before = count
    return Cohort(len(people), tuple(steps), _effort(people))


def _effort(people: Sequence[PersonCounts]) -> CohortEffort:
    sent = sum(sum(p.sent_per_week) for p in people)
    if len(people) < MIN_PEOPLE:
        return CohortEffort(len(people), sent, None, not_enough(len(people), MIN_PEOPLE, "people"))
    weekly = [sum(p.sent_per_week) / max(len(p.sent_per_week), 1) for p in people]
    median = statistics.median(weekly)
    text = (
        f"{_plural(sent, 'application')} sent in the last {EFFORT_WEEKS} weeks by "
        f"{_plural(len(people), 'person', 'people')}; usually {median:g} a week each"
    )
    return CohortEffort(len(people), sent, median, text)


@dataclass(frozen=True)
class CohortLine:
    """One person in the cohort view and report: what they shared, their flags and (when
    they shared their pipeline) their counts."""

    person_id: int
    name: str
    scopes: tuple[str, ...]
    expires_on: date
    flags: tuple[Flag, ...]
    counts: PersonCounts | None
