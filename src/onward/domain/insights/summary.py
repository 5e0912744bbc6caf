"""All insights of one person's search in one value, built from grouped counts.

:func:`summarise` is pure: storage hands it the grouped rows (:class:`InsightData`), and it
returns :class:`Insights`, which the terminal, the web pages, the charts and the report share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from onward.domain.insights.diagnosis import Diagnosis, diagnose
from onward.domain.insights.flow import Flow, search_flows
from onward.domain.insights.funnel import (
    Cut,
    Funnel,
    OutcomeCount,
    build_funnel,
    conversion,
    cut,
    ghosting_rate,
)
from onward.domain.insights.patterns import (
    REASON_LABELS,
    THEME_LABELS,
    Counted,
    StageRating,
    WeeklyMood,
    count_up,
    lowest_rated,
    mood_by_week,
    rate_stages,
)
from onward.domain.insights.roles import role_family, seniority
from onward.domain.insights.stats import DaySummary, Rate, summarise_days
from onward.domain.playbook.goals import Effort, WeeklyGoals, WeekProgress, progress_by_week
from onward.errors import Hint

CHANNEL_LABELS = {
    "referral": "Referral",
    "recruiter": "Recruiter",
    "job_board": "Job board",
    "company_site": "Company site",
    "network": "Network",
    "other": "Other",
    "": "Not recorded",
}
#: Companies shown in the company cut (the ones applied to most).
TOP_COMPANIES = 10


@dataclass(frozen=True)
class InsightData:
    """Grouped counts from storage: nothing here grows with the number of applications except
    the distinct companies and role titles."""

    outcomes: Sequence[OutcomeCount] = ()
    by_role: Sequence[OutcomeCount] = ()
    by_company: Sequence[OutcomeCount] = ()
    first_response_days: Sequence[tuple[int, int]] = ()
    rejection_days: Sequence[tuple[int, int]] = ()
    reasons: Sequence[tuple[str, int]] = ()
    reason_quotes: Sequence[tuple[str, str, date, str]] = ()
    themes: Sequence[tuple[str, int]] = ()
    theme_quotes: Sequence[tuple[str, str, date, str]] = ()
    feedback_count: int = 0
    ratings: Sequence[tuple[str, date, int, int]] = ()
    moods: Sequence[tuple[date, int, int]] = ()
    effort: Sequence[Effort] = ()
    goals: WeeklyGoals = field(default_factory=WeeklyGoals)
    #: Open applications with no news for longer than the ghosting thresholds.
    gone_quiet: int = 0


@dataclass(frozen=True)
class Change:
    """One rate over the whole search and over the recent weeks."""

    label: str
    overall: Rate
    recent: Rate


@dataclass(frozen=True)
class GapLine:
    """One skill the lost jobs asked for that the resume lacks."""

    skill: str
    weight: int  # more for more jobs, and for jobs where the person got further
    jobs: int
    furthest: str


@dataclass(frozen=True)
class SkillGapSummary:
    """The skills work's gaps, as insights show them; ``note`` says why there are none."""

    resume: str | None
    rejected: int
    compared: int
    gaps: tuple[GapLine, ...] = ()
    note: str | None = None
    #: The way forward when there are none (e.g. add a resume), for each shell to render.
    hint: Hint | None = None
    #: Too few postings compared to call the list a pattern: it is a hint.
    few: bool = False


@dataclass(frozen=True)
class Insights:
    as_of: date
    recent_weeks: int
    funnel: Funnel
    recent_funnel: Funnel
    diagnoses: tuple[Diagnosis, ...]
    changes: tuple[Change, ...]
    cuts: tuple[Cut, ...]
    first_response: DaySummary
    to_rejection: DaySummary
    ghosting: Rate
    rejections: int
    reasons: tuple[Counted, ...]
    feedback: int
    themes: tuple[Counted, ...]
    ratings: tuple[StageRating, ...]
    lowest_rated: StageRating | None
    goals: WeeklyGoals
    weeks: tuple[WeekProgress, ...]
    mood: tuple[WeeklyMood, ...]
    flows: tuple[Flow, ...]
    #: Skills the lost jobs asked for that the resume lacks (None: not computed).
    skill_gaps: SkillGapSummary | None = None

    @property
    def empty(self) -> bool:
        return self.funnel.applied == 0


def summarise(
    data: InsightData, today: date, *, recent_weeks: int = 8, effort_weeks: int = 12
) -> Insights:
    outcomes = list(data.outcomes)
    recent = [r for r in outcomes if r.recent]
    ghosting = ghosting_rate(outcomes)
    changes = (
        *(
            Change(label, conversion(outcomes, start, end), conversion(recent, start, end))
            for label, start, end in (
                ("Any response", "applied", "response"),
                ("Interview", "applied", "interview"),
                ("Offer", "applied", "offer"),
            )
        ),
        Change("No reply", ghosting, ghosting_rate(recent)),
    )
    cuts = (
        cut(outcomes, "channel", "Channel", lambda r: CHANNEL_LABELS.get(r.channel or "", "Other")),
        cut(outcomes, "tailored", "Tailored", _tailored),
        cut(data.by_role, "role_family", "Role family", lambda r: role_family(r.role or "")),
        cut(data.by_role, "seniority", "Seniority", lambda r: seniority(r.role or "")),
        cut(data.by_company, "company", "Company", lambda r: r.company or "", TOP_COMPANIES),
    )
    reason_total = sum(n for _, n in data.reasons)
    ratings = rate_stages(data.ratings)
    first_week = today - timedelta(weeks=effort_weeks - 1)
    return Insights(
        as_of=today,
        recent_weeks=recent_weeks,
        funnel=build_funnel(outcomes),
        recent_funnel=build_funnel(recent),
        diagnoses=diagnose(outcomes, ghosting, data.gone_quiet),
        changes=changes,
        cuts=cuts,
        first_response=summarise_days(data.first_response_days),
        to_rejection=summarise_days(data.rejection_days),
        ghosting=ghosting,
        rejections=reason_total,
        reasons=count_up(
            data.reasons, data.reason_quotes, REASON_LABELS, reason_total, last="unspecified"
        ),
        feedback=data.feedback_count,
        themes=count_up(data.themes, data.theme_quotes, THEME_LABELS, data.feedback_count),
        ratings=ratings,
        lowest_rated=lowest_rated(ratings),
        goals=data.goals,
        weeks=progress_by_week(data.goals, data.effort, first_week, today),
        mood=mood_by_week(data.moods),
        flows=search_flows(outcomes),
    )


def _tailored(r: OutcomeCount) -> str:
    if r.tailored is None:
        return "Not recorded"
    return "Tailored" if r.tailored else "Not tailored"
