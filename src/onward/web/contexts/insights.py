"""The insights page's context: the numbers, every chart as plotly figure JSON text, and
whether a dwell window is open (the page then offers kindness first, numbers on request;
the rule itself is :func:`onward.services.insights.read_insights`)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from onward.domain.insights.funnel import FunnelStep
from onward.domain.insights.summary import Insights
from onward.formats import formats
from onward.services.experiments import ExperimentResult
from onward.services.insights import InsightsReading, chart_config, insight_figures, plotly_bundle
from onward.services.skills import DEFAULT_TOP


@dataclass(frozen=True)
class ChartTable:
    """A chart's numbers as a table: its text equivalent, for screen readers and for anyone
    who prefers numbers to shapes (on a phone, say)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    #: The figure as JSON text, for a data attribute (the template escapes it).
    figure: str
    #: Why there is nothing to draw yet (the chart is then shown as this line).
    empty: str | None = None
    table: ChartTable | None = None


@dataclass(frozen=True)
class InsightsView:
    insights: Insights
    charts: tuple[Chart, ...]
    #: plotly.js options as JSON text (no mode bar: its styles would need inline CSS).
    config: str


@dataclass(frozen=True)
class InsightsPage:
    view: InsightsView | None
    dwelling: bool
    plotly_url: str
    #: Placeholders that keep plotly.js from adding inline styles (see plotly_style_ids).
    style_ids: tuple[str, ...] = ()
    #: Skills the learning plan already has (casefolded), to mark among the gaps.
    planned: frozenset[str] = frozenset()
    #: How many of the heaviest gaps the plan button adds.
    plan_top: int = DEFAULT_TOP
    anyway: bool = False
    #: Strategy experiments with and without each change (held back inside a dwell window).
    experiments: tuple[ExperimentResult, ...] = ()

    def in_plan(self, skill: str) -> bool:
        return skill.casefold() in self.planned

    @staticmethod
    def moved_on(step: FunnelStep) -> str:
        """``7 of 10 (70%)``, or what happened while a rate waits (``3 of 4 so far``)."""
        rate = step.conversion
        assert rate is not None
        return rate.brief()

    @staticmethod
    def all_responded(insights: Insights) -> bool:
        """Whether every application with an outcome got some response (the rate then says
        little: nothing was recorded as silence yet)."""
        rate = insights.funnel.step("response").conversion
        return rate is not None and rate.enough and rate.hits == rate.n


def insights_page(
    reading: InsightsReading, planned: frozenset[str], *, anyway: bool
) -> InsightsPage:
    """The page for what :func:`read_insights` found (``planned``: the learning plan's skills)."""
    view = insights_view(reading.insights) if reading.insights is not None else None
    style_ids = plotly_style_ids() if view else ()
    return InsightsPage(view, reading.dwelling, plotly_url(), style_ids, planned, anyway=anyway)


def insights_view(insights: Insights) -> InsightsView:
    charts = tuple(
        Chart(
            name,
            _title(figure, name),
            json.dumps(figure, separators=(",", ":")),
            None if figure.get("data") else _message(figure),
            chart_table(figure) if figure.get("data") else None,
        )
        for name, figure in insight_figures(insights).items()
    )
    config = json.dumps(chart_config(strict_csp=True), separators=(",", ":"))
    return InsightsView(insights, charts, config)


def plotly_url() -> str:
    return f"/vendor/plotly-{plotly_script()[1]}.min.js"


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def chart_table(figure: dict[str, Any]) -> ChartTable:
    """The numbers a plotly figure draws, as rows: a flow's links (from, to, how many), or
    each bar or point's label with one column per series."""
    traces = figure.get("data") or []
    if traces and traces[0].get("type") == "sankey":
        node, link = traces[0]["node"], traces[0]["link"]
        labels = [str(label) for label in node["label"]]
        links: tuple[tuple[str, ...], ...] = tuple(
            (labels[a], labels[b], _cell(v))
            for a, b, v in zip(link["source"], link["target"], link["value"], strict=True)
        )
        return ChartTable(("From", "To", "Applications"), links)
    keyed: dict[str, dict[int, str]] = {}
    names = []
    for index, trace in enumerate(traces):
        across = trace.get("orientation") == "h"
        labels, values = (trace["y"], trace["x"]) if across else (trace["x"], trace["y"])
        texts = trace.get("text") if isinstance(trace.get("text"), list) else None
        names.append(str(trace.get("name") or _axis_title(figure, "x" if across else "y")))
        for at, (label, value) in enumerate(zip(labels, values, strict=True)):
            shown = _cell(value) + (f" ({texts[at]})" if texts else "")
            keyed.setdefault(_cell(label), {})[index] = shown
    rows: tuple[tuple[str, ...], ...] = tuple(
        (label, *(cells.get(i, "–") for i in range(len(traces)))) for label, cells in keyed.items()
    )
    return ChartTable(("", *names), rows)


def _axis_title(figure: dict[str, Any], axis: str) -> str:
    title = figure.get("layout", {}).get(f"{axis}axis", {}).get("title", {})
    text = title.get("text") if isinstance(title, dict) else title
    return str(text or "Number").capitalize()


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return formats().number(round(value, 1))
    if isinstance(value, int):
        return formats().number(value)
    text = str(value)
    if _ISO_DAY.match(text):
        return formats().day(date.fromisoformat(text))
    return text


def _title(figure: dict[str, Any], name: str) -> str:
    title = figure.get("layout", {}).get("title", {})
    text = title.get("text") if isinstance(title, dict) else title
    return str(text or name.replace("_", " ").capitalize())


def _message(figure: dict[str, Any]) -> str:
    notes = figure.get("layout", {}).get("annotations") or [{}]
    return str(notes[0].get("text") or "nothing to show yet")


@cache
def plotly_script() -> tuple[Path, str]:
    """plotly.min.js from the installed plotly package, and its version (for the address)."""
    return plotly_bundle(), version("plotly")


@cache
def plotly_style_ids() -> tuple[str, ...]:
    """The ids of the ``<style>`` elements plotly.js adds unless one is already there.

    A strict CSP refuses those inline styles (and Chromium logs each refusal), so the page
    puts a placeholder with each id first: ``plotly.js-style-global`` (plotly's own rules,
    restated in our stylesheet) and the hashed id of the bundled map library's CSS (maps are
    not used)."""
    text = plotly_bundle().read_text(encoding="utf-8")
    hashed = re.findall(
        r'getElementById\("([0-9a-f]{32,64})"\)\)\{var \w+=document\.createElement', text
    )
    return ("plotly.js-style-global", *dict.fromkeys(hashed))
