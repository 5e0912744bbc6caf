"""The insights charts as plotly figures, built directly as plain figure JSON (dicts).

The figures follow plotly.js's schema; tests check every one with plotly's own validator
(``plotly.graph_objects.Figure``). Building them without plotly's Python objects keeps a
page of charts under a millisecond instead of some 40 ms. Every figure works offline: nothing
in it refers to a remote resource, and plotly.js itself comes from the installed plotly
package (:func:`plotly_js_path`). No text from the person's records goes into a figure:
plotly.js reads a few HTML tags in labels, so labels are Onward's own words, counts, dates
and skill names from the vocabulary (quotes and company names stay in the escaped HTML).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from onward.domain.insights.flow import NODE_LABELS
from onward.domain.insights.stats import MIN_OUTCOMES
from onward.domain.insights.summary import Insights
from onward.domain.playbook.goals import Metric
from onward.formats import formats

#: A plotly figure as plain JSON: ``{"data": [traces], "layout": {...}}``.
Figure = dict[str, Any]

#: Names of the figures, in the order the report shows them.
FIGURES = ("flow", "funnel", "effort", "mood", "reasons", "themes", "ratings", "skills")

METRIC_LABELS = {
    Metric.APPLICATIONS: "Applications",
    Metric.FOLLOW_UPS: "Follow-ups",
    Metric.REFLECTIONS: "Reflections",
    Metric.LEARNING_HOURS: "Learning hours",
    Metric.NETWORKING: "Networking",
}
NODE_COLOURS = {
    "applied": "#4c78a8",
    "screen": "#5b8ff9",
    "assessment": "#7262fd",
    "interview": "#a05195",
    "final": "#d45087",
    "offer": "#2ca02c",
    "accepted": "#1a7f1a",
    "rejected": "#c0504d",
    "ghosted": "#9e9e9e",
    "withdrawn": "#e6a23c",
    "open": "#bdbdbd",
}
#: plotly.js options for every chart: no logo link, no "edit in the cloud", nothing remote.
CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "responsive": True,
    "showLink": False,
    "showEditInChartStudio": False,
    "showSendToCloud": False,
    "modeBarButtonsToRemove": ["sendDataToCloud"],
    "topojsonURL": "",
    "mathjax": None,
}


def plotly_js_path() -> Path:
    """plotly.min.js inside the installed plotly package (found without importing plotly)."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("plotly is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise RuntimeError(f"plotly.js is missing from the plotly package: {path}")
    return path


def figures(insights: Insights) -> dict[str, dict[str, Any]]:
    """Every chart, by name (see :data:`FIGURES`), as plotly figure JSON."""
    builders = {
        "flow": flow_figure,
        "funnel": funnel_figure,
        "effort": effort_figure,
        "mood": mood_figure,
        "reasons": reasons_figure,
        "themes": themes_figure,
        "ratings": ratings_figure,
        "skills": skills_figure,
    }
    return {name: builders[name](insights) for name in FIGURES}


def _figure(traces: list[dict[str, Any]], layout: dict[str, Any]) -> Figure:
    return {"data": traces, "layout": layout}


def _layout(title: str, **extra: Any) -> dict[str, Any]:
    layout = {
        "title": {"text": title},
        "margin": {"l": 60, "r": 30, "t": 60, "b": 50},
        "font": {"family": "system-ui, -apple-system, Segoe UI, sans-serif", "size": 13},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        **extra,
    }
    for axis in ("xaxis", "yaxis"):  # room for long labels, on a phone too
        layout[axis] = {"automargin": True, **layout.get(axis, {})}
    return layout


def _empty(title: str, message: str) -> Figure:
    return _figure(
        [],
        _layout(
            title,
            xaxis={"visible": False},
            yaxis={"visible": False},
            annotations=[
                {
                    "text": message,
                    "showarrow": False,
                    "x": 0.5,
                    "y": 0.5,
                    "xref": "paper",
                    "yref": "paper",
                    "font": {"size": 15, "color": "#666"},
                }
            ],
        ),
    )


def flow_figure(insights: Insights) -> Figure:
    """A Sankey of the whole search: each application along the stages it went through."""
    title = "Your search, application by application"
    if not insights.flows:
        return _empty(title, "No applications sent yet")
    names = [n for n in NODE_LABELS if any(n in (f.source, f.target) for f in insights.flows)]
    index = {n: i for i, n in enumerate(names)}
    totals = {n: 0 for n in names}
    for f in insights.flows:
        totals[f.target] += f.count
    totals["applied"] = insights.funnel.applied
    return _figure(
        [
            dict(
                type="sankey",
                arrangement="snap",
                node={
                    "label": [f"{NODE_LABELS[n]} ({totals[n]})" for n in names],
                    "color": [NODE_COLOURS[n] for n in names],
                    "pad": 18,
                    "thickness": 16,
                },
                link={
                    "source": [index[f.source] for f in insights.flows],
                    "target": [index[f.target] for f in insights.flows],
                    "value": [f.count for f in insights.flows],
                    "color": ["rgba(120,120,120,0.25)"] * len(insights.flows),
                },
            )
        ],
        _layout(title),
    )


def funnel_figure(insights: Insights) -> Figure:
    """Conversion into each step, with 95% Wilson intervals; too-small steps are marked."""
    title = "How many moved on at each step (with the likely range)"
    steps = [s for s in insights.funnel.steps if s.conversion is not None]
    if insights.funnel.applied == 0:
        return _empty(title, "No applications sent yet")
    labels = [s.label for s in steps]
    values, upper, lower, colours, texts, hovers = [], [], [], [], [], []
    for s in steps:
        rate = s.conversion
        assert rate is not None
        low, high = rate.interval
        value = rate.value or 0.0
        values.append(round(value * 100, 1))
        upper.append(round((high - value) * 100, 1) if rate.n else 0)
        lower.append(round((value - low) * 100, 1) if rate.n else 0)
        colours.append("#4c78a8" if rate.enough else "#d0d7e1")
        texts.append(f"{rate.hits} of {rate.n}")  # pale bars say they are not a claim yet
        hovers.append(
            f"{s.label}: {rate.describe()}"
            + (f"<br>{s.pending} still waiting" if s.pending else "")
        )
    pale = any(s.conversion is not None and not s.conversion.enough for s in steps)
    note = {
        "text": f"Pale bars: under {MIN_OUTCOMES} applications with an outcome, not a claim yet",
        "showarrow": False,
        "x": 0,
        "y": 1,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "left",
        "yanchor": "bottom",
        "yshift": 6,
        "font": {"size": 11, "color": "#666"},
    }
    return _figure(
        [
            dict(
                type="bar",
                x=labels,
                y=values,
                marker={"color": colours},
                error_y={"type": "data", "symmetric": False, "array": upper, "arrayminus": lower},
                text=texts,
                textposition="outside",
                hovertext=hovers,
                hoverinfo="text",
            )
        ],
        _layout(
            title,
            yaxis={"title": {"text": "% of those with an outcome"}, "range": [0, 112]},
            margin={"l": 60, "r": 30, "t": 80, "b": 50},
            **({"annotations": [note]} if pale else {}),
        ),
    )


def effort_figure(insights: Insights) -> Figure:
    """Each tracked weekly goal: what was done, as a share of the target."""
    title = "Weekly effort against your goals"
    tracked = [m for m in Metric if insights.goals.target(m) > 0]
    if not tracked or not insights.weeks:
        return _empty(title, "No weekly goals tracked")
    weeks = [formats().day_month(w.week_start) for w in insights.weeks]  # 14 Sep: short
    traces = []
    for metric in tracked:
        done = [
            next((p.done for p in w.metrics if p.metric == metric), 0.0) for w in insights.weeks
        ]
        target = insights.goals.target(metric)
        traces.append(
            dict(
                type="bar",
                name=METRIC_LABELS[metric],
                x=weeks,
                y=[round(min(d / target, 2.0) * 100) for d in done],
                customdata=[[d, target] for d in done],
                hovertemplate=f"{METRIC_LABELS[metric]}: %{{customdata[0]:g}} of "
                "%{customdata[1]:g}<extra>week of %{x}</extra>",
            )
        )
    return _figure(
        traces,
        _layout(
            title,
            barmode="group",
            yaxis={"title": {"text": "% of the weekly goal"}},
            xaxis={"title": {"text": "Week starting"}, "type": "category", "automargin": True},
            shapes=[
                {
                    "type": "line",
                    "xref": "paper",
                    "x0": 0,
                    "x1": 1,
                    "y0": 100,
                    "y1": 100,
                    "line": {"dash": "dash", "color": "#444", "width": 1},
                }
            ],
        ),
    )


def mood_figure(insights: Insights) -> Figure:
    title = "Mood over time (weekly average, 1 to 5)"
    if not insights.mood:
        return _empty(title, "No journal entries yet")
    return _figure(
        [
            dict(
                type="scatter",
                x=[m.week_start.isoformat() for m in insights.mood],
                y=[round(m.mean, 2) for m in insights.mood],
                mode="lines+markers",
                customdata=[m.entries for m in insights.mood],
                hovertemplate="week of %{x}: %{y} from %{customdata} entries<extra></extra>",
                line={"color": "#a05195"},
            )
        ],
        _layout(title, yaxis={"range": [0.8, 5.2], "dtick": 1}),
    )


def _counted(title: str, items: Any, empty: str, colour: str) -> Figure:
    if not items:
        return _empty(title, empty)
    ordered = list(reversed(items))
    most = max(c.count for c in ordered)
    return _figure(
        [
            dict(
                type="bar",
                x=[c.count for c in ordered],
                y=[c.label for c in ordered],
                orientation="h",
                marker={"color": colour},
                text=[f"{c.count} ({round(c.share * 100)}%)" for c in ordered],
                textposition="auto",
                hoverinfo="x+y",
            )
        ],
        _layout(
            title,
            height=max(300, 90 + 36 * len(ordered)),
            xaxis={"title": {"text": "times"}, **({"dtick": 1} if most <= 10 else {})},
            yaxis={"automargin": True},
        ),
    )


def reasons_figure(insights: Insights) -> Figure:
    return _counted(
        "Reasons given in rejections", insights.reasons, "No rejection reasons logged", "#c0504d"
    )


def themes_figure(insights: Insights) -> Figure:
    return _counted("Themes in feedback", insights.themes, "No feedback logged", "#4c78a8")


def ratings_figure(insights: Insights) -> Figure:
    """Your own reflection ratings per stage, month by month."""
    title = "How you rated each stage in reflections (1 to 5)"
    if not insights.ratings:
        return _empty(title, "No reflections written yet")
    traces = [
        dict(
            type="scatter",
            name=r.label,
            x=[m.month for m in r.months],
            y=[round(m.mean, 2) for m in r.months],
            customdata=[m.n for m in r.months],
            mode="lines+markers",
            hovertemplate=f"{r.label}: %{{y}} in %{{x}} (%{{customdata}} ratings)<extra></extra>",
        )
        for r in insights.ratings
    ]
    return _figure(
        traces,
        _layout(title, yaxis={"range": [0.8, 5.2], "dtick": 1}, xaxis={"type": "category"}),
    )


def skills_figure(insights: Insights) -> Figure:
    """The heaviest skill gaps: what the lost jobs asked for that the resume lacks."""
    title = "Skills the lost jobs asked for (not on your resume)"
    gaps = insights.skill_gaps
    if gaps is None or not gaps.gaps:
        why = gaps.note if gaps is not None and gaps.note else "No skill gaps to show"
        return _empty(title, why)
    ordered = list(reversed(gaps.gaps))
    return _figure(
        [
            dict(
                type="bar",
                x=[g.weight for g in ordered],
                y=[g.skill for g in ordered],
                orientation="h",
                marker={"color": "#7262fd"},
                customdata=[[g.jobs, g.furthest] for g in ordered],
                hovertemplate="%{y}: weight %{x}, %{customdata[0]} job(s), furthest "
                "%{customdata[1]}<extra></extra>",
            )
        ],
        _layout(
            title,
            height=max(300, 90 + 30 * len(ordered)),
            xaxis={"title": {"text": "weight (jobs, more for further stages)"}},
            yaxis={"automargin": True},
        ),
    )
