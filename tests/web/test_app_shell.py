"""Onward installs like an app: a web app manifest and a service worker, served from the app's
own origin under its CSP, linked from every page; in real Chromium the worker registers, the
browser finds nothing missing to install it, and when the server stops a page shows the offline
page. The worker keeps only the app shell, never a page."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, Serving, Web, screenshot, watched_tab

from onward.clock import FixedClock
from onward.config import Settings
from onward.web.nav import NAV

SHELL = re.compile(r"var SHELL = \[(.*?)\];", re.S)


def png_size(body: bytes) -> tuple[int, int]:
    assert body[:8] == b"\x89PNG\r\n\x1a\n" and body[12:16] == b"IHDR"
    width, height = struct.unpack(">II", body[16:24])
    return width, height


def test_the_manifest_names_the_app_and_its_icons(web: Web) -> None:
    response = web.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/manifest+json"
    manifest = json.loads(response.text)
    assert manifest["name"] == "Onward" and manifest["start_url"] == "/"
    assert manifest["display"] == "standalone" and manifest["scope"] == "/"
    sizes = {}
    for icon in manifest["icons"]:
        image = web.get(icon["src"])
        assert image.status_code == 200 and image.headers["content-type"] == icon["type"]
        if icon["type"] == "image/png":
            sizes[icon["sizes"]] = png_size(image.content)
    assert sizes == {"192x192": (192, 192), "512x512": (512, 512)}


def test_every_page_links_the_manifest_and_the_script_that_registers_the_worker(web: Web) -> None:
    for url in [item.path for item in NAV] + ["/no-such-page"]:
        html = web.get(url).text
        assert '<link rel="manifest" href="/manifest.webmanifest">' in html, url
        assert '<script src="/static/app.js" defer></script>' in html, url


def test_the_worker_is_served_at_the_root_under_the_csp(web: Web) -> None:
    response = web.get("/service-worker.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == "no-cache"
    csp = response.headers["content-security-policy"]
    assert "worker-src 'self'" in csp and "manifest-src 'self'" in csp


def test_the_worker_keeps_only_static_files_and_each_of_them_exists(web: Web) -> None:
    script = web.get("/service-worker.js").text
    found = SHELL.search(script)
    assert found is not None
    shell = [*re.findall(r'"([^"]+)"', found.group(1)), "/static/offline.html"]
    assert all(path.startswith("/static/") for path in shell), shell
    for path in shell:
        assert web.get(path).status_code == 200, path
    offline = web.get("/static/offline.html").text
    assert "Onward is not running" in offline and "csrf" not in offline


@pytest.mark.slow
def test_chromium_registers_the_worker_and_finds_the_app_installable(
    page: Any, live_server: Any
) -> None:
    base, _app = live_server
    page.goto("/")
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == base + "/"
    cdp = page.context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == base + "/manifest.webmanifest" and not manifest["errors"]


@pytest.mark.slow
def test_chromium_with_a_profile_finds_nothing_missing_to_install_it(
    _browser: Any, live_server: Any, tmp_path: Path
) -> None:
    """Chromium offers to install only outside a private window, so this one has a profile."""
    base, _app = live_server
    context = _browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
    )
    try:
        tab = context.new_page()
        tab.goto(base + "/")
        tab.evaluate("navigator.serviceWorker.ready")
        cdp = context.new_cdp_session(tab)
        problems = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    finally:
        context.close()
    assert [problem["errorId"] for problem in problems] == []


@pytest.mark.slow
def test_a_page_opened_after_the_server_stops_shows_the_offline_page(
    _browser: Any, web_settings: Settings, clock: FixedClock
) -> None:
    from onward.web.app import create_app

    app: FastAPI = create_app(web_settings, clock=clock)
    serving = Serving(app)
    try:
        with watched_tab(_browser, serving.base) as tab:
            tab.goto("/")
            tab.evaluate("navigator.serviceWorker.ready")
            tab.reload()  # now the worker controls the page
            assert tab.evaluate("navigator.serviceWorker.controller !== null")
            serving.stop()
            tab.goto("/board")
            assert tab.get_by_role("heading", level=1).inner_text() == "Onward is not running"
            assert tab.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
            screenshot(tab, "offline")
    finally:
        serving.stop()
