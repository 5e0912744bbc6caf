"""Insights: patterns across the person's own search, its charts, and a report to share.

``compute_insights`` reads grouped counts in one transaction (a fixed number of queries) and
hands them to the pure :func:`onward.domain.insights.summary.summarise`. The charts and the
HTML report are built from the resulting :class:`Insights`; plotly is imported only there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.insights.summary import GapLine, Insights, SkillGapSummary, summarise
from onward.domain.playbook.ghosting import GhostingRules
from onward.domain.playbook.goals import WeeklyGoals
from onward.domain.records import Owner
from onward.errors import InvalidInput, NotFound
from onward.export.jsonable import to_jsonable
from onward.files import write_atomically
from onward.services.ghosting import quietest

#: "Recent" means applications sent in the last this many weeks.
RECENT_WEEKS = 8
#: Weeks of effort against goals shown.
EFFORT_WEEKS = 12
#: Skill gaps shown (the full skill-gaps list has them all).
SKILL_GAPS = 10


@dataclass(frozen=True)
class InsightsReading:
    """Insights as of now, or held back: while a dwell window after a rejection is open,
    rates and patterns tend to turn into judging oneself, so they wait unless asked for."""

    #: ``None`` while they wait.
    insights: Insights | None
    #: A dwell window is open now (whether or not the numbers were asked for anyway).
    dwelling: bool


def read_insights(
    store: Store,
    owner: Owner,
    clock: Clock,
    *,
    anyway: bool = False,
    recent_weeks: int = RECENT_WEEKS,
    ghosting: GhostingRules | None = None,
) -> InsightsReading:
    """:func:`compute_insights`, unless a dwell window is open and ``anyway`` is false: the
    one rule the insights page and the command line both follow."""
    with store.transaction() as tx:
        dwelling = bool(tx.dwell.active(owner.id, clock.now()))
        if dwelling and not anyway:
            return InsightsReading(None, dwelling=True)
        found = compute_insights(store, owner, clock, recent_weeks=recent_weeks, ghosting=ghosting)
    return InsightsReading(found, dwelling)


def compute_insights(
    store: Store,
    owner: Owner,
    clock: Clock,
    *,
    recent_weeks: int = RECENT_WEEKS,
    skills: bool = True,
    ghosting: GhostingRules | None = None,
) -> Insights:
    """Every insight of ``owner``'s search as of today; ``skills=False`` leaves out the skill
    gaps (they read every rejected job description); ``ghosting``: when an open application
    counts as gone quiet (default: the usual thresholds)."""
    if recent_weeks < 1:
        raise InvalidInput(f"recent weeks must be 1 or more, not {recent_weeks}")
    today = clock.today()
    zone = clock.now().tzinfo
    assert zone is not None
    since = today - timedelta(weeks=recent_weeks)
    with store.transaction() as tx:
        data = tx.insights.data(owner.id, since)
        goals = tx.goals.get(owner.id) or WeeklyGoals()
        effort = tx.effort.by_day(owner.id, zone)
        _, gone_quiet = quietest(store, owner, clock, rules=ghosting, limit=1, with_history=True)
    data = replace(data, goals=goals, effort=tuple(effort), gone_quiet=gone_quiet)
    insights = summarise(data, today, recent_weeks=recent_weeks, effort_weeks=EFFORT_WEEKS)
    if not skills:
        return insights
    return replace(insights, skill_gaps=_skill_gaps(store, owner))


def _skill_gaps(store: Store, owner: Owner) -> SkillGapSummary:
    """The skills the rejected applications asked for that the newest resume lacks."""
    from onward.services.skills import skill_gaps

    try:
        found = skill_gaps(store, owner)
    except NotFound as exc:  # no resume saved yet
        return SkillGapSummary(resume=None, rejected=0, compared=0, note=exc.message, hint=exc.hint)
    gaps = tuple(
        GapLine(g.skill.name, g.weight, g.count, g.furthest.value) for g in found.gaps[:SKILL_GAPS]
    )
    note: str | None = None
    if not found.compared:
        note = "no rejected application has a job description to compare with yet"
    return SkillGapSummary(
        found.resume.name, found.rejected, len(found.compared), gaps, note, few=found.few
    )


def insight_figures(insights: Insights) -> dict[str, dict[str, Any]]:
    """Every chart as plotly figure JSON (``{"data": [...], "layout": {...}}``), by name.

    For the web app: render each with ``Plotly.newPlot(el, fig.data, fig.layout, config)``
    from a script file of its own, with plotly.js served from :func:`plotly_bundle` and
    ``config`` from :func:`chart_config`. Embed the JSON in ``<script type="application/json">``
    with ``<``, ``>`` and ``&`` escaped (as ``\\u003c`` ...); it carries the person's text.
    """
    from onward.export.insights_charts import figures

    return figures(insights)


def chart_config(*, strict_csp: bool = False) -> dict[str, Any]:
    """plotly.js options for every chart (no logo link, nothing remote). Under a strict CSP
    (``style-src 'self'``) plotly.js cannot add the mode bar's style rules, so the mode bar is
    left out there."""
    from onward.export.insights_charts import CONFIG

    return {**CONFIG, "displayModeBar": False} if strict_csp else dict(CONFIG)


def plotly_bundle() -> Path:
    """The plotly.js file shipped inside the installed plotly package (no CDN needed)."""
    from onward.export.insights_charts import plotly_js_path

    return plotly_js_path()


def write_report(
    store: Store,
    owner: Owner,
    clock: Clock,
    path: Path,
    *,
    recent_weeks: int = RECENT_WEEKS,
    skills: bool = True,
    ghosting: GhostingRules | None = None,
) -> Path:
    """Write the self-contained offline HTML report to ``path`` (atomically); return it."""
    html = insights_report(
        store, owner, clock, recent_weeks=recent_weeks, skills=skills, ghosting=ghosting
    )
    return write_atomically(path, html, make_folder=False)


def insights_report(
    store: Store,
    owner: Owner,
    clock: Clock,
    *,
    recent_weeks: int = RECENT_WEEKS,
    skills: bool = True,
    ghosting: GhostingRules | None = None,
) -> str:
    """The self-contained offline HTML report: every chart, nothing loaded from elsewhere."""
    insights = compute_insights(
        store, owner, clock, recent_weeks=recent_weeks, skills=skills, ghosting=ghosting
    )
    from onward.export.insights_report import render_report

    return render_report(insights, owner.name, clock.now())


def insights_record(insights: Insights) -> dict[str, Any]:
    """Insights as plain JSON-ready data (for JSON output and scripts): every rate with its
    counts, interval and the guard's verdict."""
    record: dict[str, Any] = to_jsonable(insights)
    return record
