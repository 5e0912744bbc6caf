"""The skeleton every page relies on: security headers, CSRF, hosts, error pages, navigation."""

from __future__ import annotations

from tests.web.conftest import Web

from onward.web.nav import NAV


def test_every_response_carries_the_security_headers(web: Web) -> None:
    for url in ("/", "/static/onward.css", "/no-such-page"):
        response = web.get(url)
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_pages_have_no_inline_script_or_style(web: Web) -> None:
    html = web.get("/").text
    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert "http://" not in html.replace('href="http://127.0.0.1', "") and "https://" not in html


def test_a_form_without_a_csrf_token_is_refused_and_changes_nothing(web: Web) -> None:
    response = web.client.post("/tasks/1/done", data={})
    assert response.status_code == 403
    assert "reload the page" in response.text


def test_a_forged_token_is_refused(web: Web) -> None:
    web.get("/")
    response = web.client.post("/tasks/1/done", data={"csrf_token": "0" * 64})
    assert response.status_code == 403


def test_a_request_from_another_site_is_refused_even_with_a_token(web: Web) -> None:
    response = web.post("/tasks/1/done", headers={"sec-fetch-site": "cross-site"})
    assert response.status_code == 403


def test_a_valid_token_gets_through_to_the_route(web: Web) -> None:
    response = web.post("/tasks/999/done")
    assert response.status_code == 404  # past CSRF: the task simply does not exist
    assert "no task #999" in response.text.lower() or "could not find" in response.text.lower()


def test_only_loopback_host_names_are_answered(web: Web) -> None:
    for url in ("/", "/static/onward.css", "/nowhere", "/applications/1"):
        response = web.client.get(url, headers={"host": "evil.example:8000"})
        assert response.status_code == 400, url
        assert "this computer" in response.text
        assert "csrf" not in response.text
        assert response.headers["x-frame-options"] == "DENY"
    posted = web.client.post("/tasks/1/done", headers={"host": "evil.example"})
    assert posted.status_code == 400
    assert web.client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_unknown_addresses_get_a_friendly_404_page(web: Web) -> None:
    response = web.get("/nowhere")
    assert response.status_code == 404
    assert "We could not find that" in response.text
    assert '<nav aria-label="Pages">' in response.text


def test_the_navigation_lists_every_page_and_each_answers(web: Web) -> None:
    html = web.get("/").text
    for item in NAV:
        assert f'href="{item.path}"' in html, item.label
        assert web.get(item.path).status_code == 200, item.path


def test_a_notice_after_a_form_is_shown_once(web: Web) -> None:
    from onward.web.rendering import redirect

    response = redirect("/", "Saved, thank you")
    web.client.cookies.set(
        "onward_notice", response.headers["set-cookie"].split(";")[0].split("=", 1)[1]
    )
    first = web.get("/")
    assert "Saved, thank you" in first.text
    assert 'onward_notice=""' in first.headers.get("set-cookie", "")


def test_redirects_only_go_to_our_own_pages() -> None:
    from onward.web.rendering import redirect

    assert redirect("//evil.example/x").headers["location"] == "/"
    assert redirect("https://evil.example/").headers["location"] == "/"


def test_no_template_or_script_needs_what_the_csp_forbids() -> None:
    """Inline scripts, styles and handlers would be blocked by the CSP; remote URLs too."""
    import re
    from pathlib import Path

    from onward.web.rendering import TEMPLATES, environment

    static = Path(TEMPLATES).parent / "static"
    for path in sorted(Path(TEMPLATES).rglob("*.html")):
        text = path.read_text()
        environment().get_template(str(path.relative_to(TEMPLATES)))  # compiles
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), path
        assert "<style" not in text and " style=" not in text, path
        assert not re.search(r"\son[a-z]+=", text), path
        assert "javascript:" not in text and "//cdn" not in text, path
    for path in sorted(static.iterdir()):
        if path.suffix == ".png":  # the app's icons (tools/icons.py)
            continue
        text = path.read_text()
        assert not re.search(r"https?://", text.replace("http://www.w3.org/2000/svg", "")), path
        assert "innerHTML" not in text and "eval(" not in text, path
