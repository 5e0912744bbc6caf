"""What was said and felt across rejections: reasons and feedback themes with counts and
quotes, reflection ratings per stage over time, and mood per week.

Rules:

* Reasons and themes are counted as logged; a piece of feedback with two themes counts once
  for each. "Not given" (the reason ``unspecified``) is counted but listed last.
* Reflection ratings (1 to 5) are grouped by stage: every interview round counts as
  "interview". The lowest-rated stage needs :data:`MIN_RATINGS` ratings; a trend compares the
  older half of a stage's ratings with the newer half and needs :data:`MIN_TREND` ratings and
  a difference of at least :data:`TREND_STEP` points to call it improving or slipping.
* Mood is the average of the journal entries of each ISO week.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

MIN_RATINGS = 3
MIN_TREND = 4
TREND_STEP = 0.5
QUOTE_LENGTH = 280

REASON_LABELS = {
    "stronger_candidates": "Other candidates were stronger",
    "position_filled": "Position filled",
    "internal_candidate": "Internal candidate",
    "role_closed": "Role closed or on hold",
    "experience_mismatch": "Experience level",
    "skills_mismatch": "Skills",
    "interview_performance": "Interview performance",
    "fit": "Fit",
    "logistics": "Logistics (location, salary, timing)",
    "unspecified": "Not given",
}
THEME_LABELS = {
    "resume": "Resume",
    "application_tailoring": "Tailoring",
    "interview_communication": "Interview communication",
    "technical_depth": "Technical depth",
    "experience_level": "Experience level",
    "domain_knowledge": "Domain knowledge",
    "culture_fit": "Culture fit",
    "motivation": "Motivation",
    "logistics": "Logistics",
    "other": "Other",
}
TOPIC_LABELS = {
    "preparation": "Preparation",
    "resume": "Resume and tailoring",
    "screen": "Screening call",
    "assessment": "Assessment",
    "interview": "Interviews",
    "final": "Final round",
    "follow_up": "Follow-up",
}


@dataclass(frozen=True)
class Quote:
    text: str
    on: date
    company: str


@dataclass(frozen=True)
class Counted:
    """A reason or theme: how often it came up, with a few recent quotes."""

    key: str
    label: str
    count: int
    share: float  # of all rejections (reasons) or all feedback (themes)
    quotes: tuple[Quote, ...] = ()


def shorten(text: str, limit: int = QUOTE_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def count_up(
    counts: Iterable[tuple[str, int]],
    quotes: Iterable[tuple[str, str, date, str]],
    labels: dict[str, str],
    total: int,
    last: str | None = None,
) -> tuple[Counted, ...]:
    """``(key, count)`` rows and ``(key, text, date, company)`` quotes → most frequent first."""
    by_key: dict[str, list[Quote]] = {}
    for key, text, on, company in quotes:
        if text and text.strip():
            by_key.setdefault(key, []).append(Quote(shorten(text), on, company))
    summed: dict[str, int] = {}
    for key, count in counts:
        summed[key] = summed.get(key, 0) + count
    items = [
        Counted(
            key,
            labels.get(key, key.replace("_", " ").capitalize()),
            count,
            count / total if total else 0.0,
            tuple(sorted(by_key.get(key, []), key=lambda q: q.on, reverse=True)),
        )
        for key, count in summed.items()
        if count > 0
    ]
    items.sort(key=lambda c: (c.key == last, -c.count, c.label))
    return tuple(items)


def topic_stage(topic: str) -> str:
    """``interview_2`` → ``interview``; other topic ids are their own stage."""
    return "interview" if topic.startswith("interview_") else topic


@dataclass(frozen=True)
class MonthlyRating:
    month: str  # YYYY-MM
    mean: float
    n: int


@dataclass(frozen=True)
class StageRating:
    stage: str
    label: str
    mean: float
    n: int
    trend: str  # improving | slipping | steady | too few
    earlier: float | None
    later: float | None
    months: tuple[MonthlyRating, ...]


def rate_stages(rows: Iterable[tuple[str, date, int, int]]) -> tuple[StageRating, ...]:
    """``(topic, written_on, sum, count)`` rows → one :class:`StageRating` per stage."""
    per_stage: dict[str, dict[date, list[int]]] = {}
    for topic, on, total, count in rows:
        days = per_stage.setdefault(topic_stage(topic), {})
        acc = days.setdefault(on, [0, 0])
        acc[0] += total
        acc[1] += count
    ratings = []
    order = list(TOPIC_LABELS)
    for stage, days in sorted(
        per_stage.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99
    ):
        ordered = sorted(days.items())
        total = sum(v[0] for _, v in ordered)
        n = sum(v[1] for _, v in ordered)
        if n == 0:
            continue
        earlier, later = _halves(ordered, n)
        ratings.append(
            StageRating(
                stage,
                TOPIC_LABELS.get(stage, stage.replace("_", " ").capitalize()),
                total / n,
                n,
                _trend(earlier, later, n),
                earlier,
                later,
                _months(ordered),
            )
        )
    return tuple(ratings)


def _halves(ordered: list[tuple[date, list[int]]], n: int) -> tuple[float | None, float | None]:
    """Mean of the older half of the ratings and of the newer half (by date)."""
    if n < 2:
        return None, None
    first = [0, 0]
    second = [0, 0]
    seen = 0
    for _, (total, count) in ordered:
        target = first if seen + count / 2 <= n / 2 else second
        target[0] += total
        target[1] += count
        seen += count
    if not first[1] or not second[1]:
        return None, None
    return first[0] / first[1], second[0] / second[1]


def _trend(earlier: float | None, later: float | None, n: int) -> str:
    if n < MIN_TREND or earlier is None or later is None:
        return "too few"
    if later - earlier >= TREND_STEP:
        return "improving"
    if earlier - later >= TREND_STEP:
        return "slipping"
    return "steady"


def _months(ordered: list[tuple[date, list[int]]]) -> tuple[MonthlyRating, ...]:
    months: dict[str, list[int]] = {}
    for on, (total, count) in ordered:
        acc = months.setdefault(f"{on:%Y-%m}", [0, 0])
        acc[0] += total
        acc[1] += count
    return tuple(MonthlyRating(m, t / c, c) for m, (t, c) in sorted(months.items()) if c)


def lowest_rated(ratings: Iterable[StageRating]) -> StageRating | None:
    """The stage rated lowest on average, among stages with enough ratings."""
    candidates = [r for r in ratings if r.n >= MIN_RATINGS]
    return min(candidates, key=lambda r: (r.mean, -r.n)) if candidates else None


@dataclass(frozen=True)
class WeeklyMood:
    week_start: date
    mean: float
    entries: int


def mood_by_week(rows: Iterable[tuple[date, int, int]]) -> tuple[WeeklyMood, ...]:
    """``(written_on, sum of moods, entries)`` per day → average mood per ISO week."""
    weeks: dict[date, list[int]] = {}
    for on, total, count in rows:
        acc = weeks.setdefault(on - timedelta(days=on.weekday()), [0, 0])
        acc[0] += total
        acc[1] += count
    return tuple(WeeklyMood(w, t / c, c) for w, (t, c) in sorted(weeks.items()) if c)
