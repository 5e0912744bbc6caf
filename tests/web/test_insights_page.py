"""Insights: the numbers and every chart's figure JSON in a data attribute (escaped), plotly.js
served from the installed package, kindness first while a dwell window is open, and the same
queries however many applications there are."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import timedelta

from tests.factories import make_application
from tests.web.conftest import Web

from onward.domain.pipeline import Stage
from onward.domain.playbook.dwell import DwellPreset, DwellWindow
from onward.domain.records import ApplicationQuery
from onward.services.applications import move_application
from onward.services.demo import seed_demo


def _figures(text: str) -> dict[str, dict[str, object]]:
    found = re.findall(r'id="chart-(\w+)" data-figure="([^"]*)"', text)
    return {name: json.loads(html.unescape(raw)) for name, raw in found}


def test_an_empty_search_says_so_kindly(web: Web) -> None:
    page = web.get("/insights")
    assert page.status_code == 200
    assert "No applications sent yet" in page.text


def test_insights_show_the_numbers_and_every_chart(web: Web) -> None:
    seed_demo(web.ws.store, web.ws.owner, web.ws.clock)
    page = web.get("/insights")
    assert page.status_code == 200
    assert "How far applications got" in page.text and "Timing and silence" in page.text
    figures = _figures(page.text)
    assert {"funnel", "flow", "effort"} <= set(figures)
    assert (
        "Charts that need more to go on" in page.text and "No rejection reasons logged" in page.text
    )
    assert all("data" in f and "layout" in f for f in figures.values())
    config = json.loads(html.unescape(re.search(r'data-config="([^"]*)"', page.text)[1]))  # type: ignore[index]
    assert config["displayModeBar"] is False and config["displaylogo"] is False
    assert re.search(r'<script src="/vendor/plotly-[\d.]+\.min\.js" defer></script>', page.text)
    assert '<script src="/static/insights.js" defer></script>' in page.text
    assert "<script>" not in page.text and " style=" not in page.text


def test_a_company_name_in_a_chart_stays_data(web: Web) -> None:
    ws = web.ws
    for i in range(6):
        app = make_application(
            ws, f'<img src=x onerror="alert({i})">', "R", on=ws.clock.today() - timedelta(days=30)
        )
        move_application(ws.store, ws.owner, app.id, Stage.REJECTED, ws.clock)
    page = web.get("/insights")
    assert "<img src=x" not in page.text
    _figures(page.text)  # every attribute still parses as JSON


def test_plotly_js_is_served_from_the_installed_package(web: Web) -> None:
    from onward.services.insights import plotly_bundle

    url = re.search(r'src="(/vendor/plotly-[\d.]+\.min\.js)"', _with_data(web).text)[1]  # type: ignore[index]
    script = web.get(url)
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert script.content == plotly_bundle().read_bytes()
    assert "immutable" in script.headers["cache-control"]
    assert web.get("/vendor/plotly-0.0.1.min.js").status_code == 404


def _with_data(web: Web) -> object:
    seed_demo(web.ws.store, web.ws.owner, web.ws.clock)
    return web.get("/insights")


def test_while_a_dwell_window_is_open_the_numbers_wait(web: Web) -> None:
    seed_demo(web.ws.store, web.ws.owner, web.ws.clock)
    now = web.ws.clock.now()
    with web.ws.store.transaction() as tx:
        app_id = tx.applications.query(web.ws.owner.id, ApplicationQuery(limit=1))[0].id
        window = DwellWindow(
            app_id, now - timedelta(hours=1), now + timedelta(hours=5), DwellPreset.HOURS
        )
        tx.dwell.insert(web.ws.owner.id, window)
    page = web.get("/insights")
    assert "The numbers can wait" in page.text and "data-figure" not in page.text
    assert "plotly" not in page.text
    anyway = web.get("/insights?anyway=1")
    assert "data-figure" in anyway.text


def test_the_insights_page_issues_the_same_queries_as_applications_grow(
    web: Web, web_queries: Callable[[], AbstractContextManager[list[str]]]
) -> None:
    ws = web.ws

    def fill(n: int, start: int) -> None:
        for i in range(start, start + n):
            app = make_application(ws, f"Co {i}", "Role", on=ws.clock.today() - timedelta(days=20))
            move_application(ws.store, ws.owner, app.id, Stage.SCREEN, ws.clock)

    fill(3, 0)
    with web_queries() as few:
        assert web.get("/insights").status_code == 200
    fill(30, 3)
    with web_queries() as many:
        assert web.get("/insights").status_code == 200
    assert len(many) == len(few)
