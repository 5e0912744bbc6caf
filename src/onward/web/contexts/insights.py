"""The insights page's context: the numbers, every chart as plotly figure JSON text, and
whether a dwell window is open (the page then offers kindness first, numbers on request;
the rule itself is :func:`onward.services.insights.read_insights`)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from onward.domain.insights.summary import Insights
from onward.services.experiments import ExperimentResult
from onward.services.insights import InsightsReading, chart_config, insight_figures, plotly_bundle
from onward.services.skills import DEFAULT_TOP


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    #: The figure as JSON text, for a data attribute (the template escapes it).
    figure: str
    #: Why there is nothing to draw yet (the chart is then shown as this line).
    empty: str | None = None


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
        )
        for name, figure in insight_figures(insights).items()
    )
    config = json.dumps(chart_config(strict_csp=True), separators=(",", ":"))
    return InsightsView(insights, charts, config)


def plotly_url() -> str:
    return f"/vendor/plotly-{plotly_script()[1]}.min.js"


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
