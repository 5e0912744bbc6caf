"""Insights as the web page shows them: the numbers, every chart as plotly figure JSON, and
whether a dwell window is open (the page then offers kindness first, numbers on request)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.insights.summary import Insights
from onward.domain.playbook.ghosting import GhostingRules
from onward.domain.records import Owner
from onward.services.insights import chart_config, compute_insights, insight_figures, plotly_bundle


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


def in_dwell(store: Store, owner: Owner, clock: Clock) -> bool:
    """Whether a dwell window after a rejection is open now."""
    with store.transaction() as tx:
        return bool(tx.dwell.active(owner.id, clock.now()))


def insights_view(
    store: Store, owner: Owner, clock: Clock, ghosting: GhostingRules | None = None
) -> InsightsView:
    insights = compute_insights(store, owner, clock, ghosting=ghosting)
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
