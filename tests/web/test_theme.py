"""The theme switch: system (the default), light or dark, remembered by this browser and
sent with the page (``<html data-theme=...>``), so no page shows a flash of the other theme."""

from __future__ import annotations

from tests.web.conftest import Web


def _html_tag(web: Web, url: str = "/") -> str:
    text: str = web.get(url).text
    return text[text.index("<html") : text.index(">", text.index("<html")) + 1]


def test_a_page_follows_the_system_until_a_theme_is_chosen(web: Web) -> None:
    assert _html_tag(web) == '<html lang="en">'
    assert '<meta name="color-scheme" content="light dark">' in web.get("/").text
    assert 'value="system" aria-pressed="true"' in web.get("/").text


def test_choosing_dark_is_remembered_and_back_to_system_forgets_it(web: Web) -> None:
    response = web.post("/theme", {"theme": "dark", "next": "/board?x=1"})
    assert response.status_code == 303 and response.headers["location"] == "/board?x=1"
    assert "onward_theme=dark" in response.headers["set-cookie"]
    assert "Max-Age=31536000" in response.headers["set-cookie"]
    page = web.get("/goals").text
    assert _html_tag(web, "/goals") == '<html lang="en" data-theme="dark">'
    assert '<meta name="color-scheme" content="dark">' in page
    assert 'value="dark" aria-pressed="true"' in page
    assert 'name="next" value="/goals"' in page  # the switch comes back to this page
    web.post("/theme", {"theme": "system", "next": "/"})
    assert _html_tag(web) == '<html lang="en">'


def test_a_theme_that_is_not_one_is_refused(web: Web) -> None:
    response = web.post("/theme", {"theme": "neon", "next": "/"})
    assert response.status_code == 422
    assert "system, light, dark" in response.text
    assert "onward_theme" not in response.headers.get("set-cookie", "")


def test_the_switch_only_leads_back_to_our_own_pages(web: Web) -> None:
    response = web.post("/theme", {"theme": "light", "next": "https://example.com/"})
    assert response.headers["location"] == "/"


def test_a_forged_theme_cookie_falls_back_to_the_system(web: Web) -> None:
    web.client.cookies.set("onward_theme", '"><script>')
    assert _html_tag(web) == '<html lang="en">'


def test_the_switch_needs_the_csrf_token(web: Web) -> None:
    response = web.client.post("/theme", data={"theme": "dark"})
    assert response.status_code == 403
