"""Who may call the API: a bearer token skips CSRF; cookie requests keep the CSRF check."""

from __future__ import annotations

from tests.web.api.conftest import Api
from tests.web.conftest import Web

from onward.domain.records import ApplicationQuery
from onward.services.api_tokens import list_api_tokens, revoke_api_tokens
from onward.services.applications import list_applications

NEW = {"company": "Acme", "role": "Data Analyst"}


def _count(web: Web) -> int:
    return list_applications(web.ws.store, web.ws.owner, ApplicationQuery(archived=None)).total


def test_a_valid_token_needs_no_csrf_token_and_is_noted_as_used(api: Api) -> None:
    assert api.post("/api/v1/applications", json=NEW).status_code == 201
    [token] = list_api_tokens(api.ws.store, api.ws.owner)
    assert token.last_used_at == api.ws.clock.now()
    assert api.secret not in repr(token)


def test_an_unknown_or_malformed_token_gets_401_and_changes_nothing(web: Web) -> None:
    for value in ("Bearer onw_not-a-token", "Bearer ", "Basic dXNlcjpwYXNz", "onw_x"):
        r = web.client.post("/api/v1/applications", json=NEW, headers={"Authorization": value})
        assert r.status_code == 401, value
        assert "onward api token" in r.json()["hint"]["text"]
        r = web.client.get("/api/v1/proposals", headers={"Authorization": value})
        assert r.status_code == 401, value
    assert _count(web) == 0


def test_a_revoked_token_gets_401(api: Api) -> None:
    assert api.get("/api/v1/proposals").status_code == 200
    assert revoke_api_tokens(api.ws.store, api.ws.owner, api.ws.clock) == 1
    r = api.post("/api/v1/applications", json=NEW)
    assert r.status_code == 401
    assert r.json()["error"] == "This API token is not known or was revoked"
    assert _count(api.web) == 0


def test_without_a_token_reading_works_as_in_the_browser_but_writing_needs_csrf(web: Web) -> None:
    assert web.client.get("/api/v1/proposals").status_code == 200
    r = web.client.post("/api/v1/applications", json=NEW)
    assert r.status_code == 403
    assert "Bearer" in r.json()["error"]
    assert _count(web) == 0


def test_a_cookie_request_with_the_pages_csrf_token_is_accepted(web: Web) -> None:
    headers = {"X-CSRF-Token": web.token}
    assert web.client.post("/api/v1/applications", json=NEW, headers=headers).status_code == 201
    other_site = {**headers, "Sec-Fetch-Site": "cross-site"}
    assert web.client.post("/api/v1/applications", json=NEW, headers=other_site).status_code == 403
    assert _count(web) == 1


def test_a_token_is_not_a_way_around_csrf_on_the_pages(api: Api) -> None:
    r = api.web.client.post(
        "/journal", data={"text": "hello"}, headers=api.headers, follow_redirects=False
    )
    assert r.status_code == 403


def test_the_openapi_document_lists_the_api_operations_only(web: Web) -> None:
    r = web.client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert doc["info"]["title"] == "Onward API"
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    paths = doc["paths"]
    assert {"/api/v1/applications", "/api/v1/applications/{app_id}/moves"} <= set(paths)
    assert {"/api/v1/proposals/accept", "/api/v1/mail/imports/{job_id}"} <= set(paths)
    assert all(p.startswith("/api/v1/") for p in paths)
    assert "/api/v1/openapi.json" not in paths
    assert web.client.get("/openapi.json").status_code == 404


def test_an_unknown_api_address_is_a_json_404(api: Api) -> None:
    r = api.get("/api/v1/nothing-here")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/json"


def test_another_router_joins_the_api_and_its_document_in_one_line() -> None:
    from fastapi import APIRouter, FastAPI
    from fastapi.testclient import TestClient

    from onward.web.api import ROUTERS, build_api_router

    extra = APIRouter(tags=["extra"])

    @extra.get("/extra")
    def read_settings() -> dict[str, str]:
        return {"here": "yes"}

    app = FastAPI(openapi_url=None)
    app.include_router(build_api_router([*ROUTERS, extra]))
    with TestClient(app) as client:
        assert client.get("/api/v1/extra").json() == {"here": "yes"}
        paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/extra", "/api/v1/applications", "/api/v1/proposals"} <= set(paths)
