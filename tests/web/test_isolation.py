"""Isolation on a multi-user server: nothing of one person can be read or changed by another.

Seeker A keeps one record of every kind a route can name (``isolation_data.py``). Then every
web route of the app and every operation of ``/api/v1/openapi.json`` is called by seeker B
and by a coach, each signed in (and on the API with their own token too), with A's ids in
the path and in the body. Every answer must be a 404 when it names one of A's records, none
may hold a word of A's, nothing may fail with a 500, and afterwards every row of A's is as
it was. A route added without being scoped by owner is caught: the last test adds one and
checks the probe finds it. PostgreSQL only, like server mode.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from sqlalchemy import text
from tests.web.conftest import Server, Web
from tests.web.isolation_data import MARKERS, ids_of, seed_owner, snapshot

from onward.domain.records import Owner
from onward.errors import NotFound
from onward.mail.passwords import Passwords
from onward.services.api_tokens import create_api_token
from onward.services.report_jobs import ReportKind, make_report
from onward.web.server_mode import owner_workspace

#: Routes not probed, and why (each is tested on its own in test_server_mode.py).
EXEMPT = {
    ("POST", "/signout"): "signs the prober out",
    ("POST", "/signin"): "names no record; counts failed sign-ins",
    ("GET", "/account/link/{token}"): "a one-time link's token, not a record id",
    ("POST", "/account/link/{token}"): "a one-time link's token, not a record id",
}
#: Path parameters that are not ids of anyone's records.
NOT_IDS = {"action": "done", "version": None}  # version: see _fill
PATH_PARAM = re.compile(r"\{(\w+)(?::\w+)?\}")
#: A form as many pages take it, with A's ids where a page takes an id in the body.
FORM = {
    "company": "Probe Co",
    "role": "Probe role",
    "stage": "interview",
    "text": "probe text",
    "mood": "3",
    "note": "probe note",
    "date": "2026-11-19",
    "on": "2026-11-19",
    "day": "2026-11-19",
    "kind": "thank_you_after_rejection",
    "name": "probe",
    "email": "probe@example.org",
    "body": "probe body",
    "subject": "probe subject",
    "focus": "probe focus",
    "minutes": "30",
    "starts_at": "2026-11-21T09:00",
    "until": "tomorrow",
    "when": "tomorrow 09:00",
    "decision": "keep",
    "landed": "probe",
    "next": "/",
    "back": "/",
}
ID_FIELDS = ("app_id", "application_id", "contact_id", "application_ids", "ids", "draft_id")


@dataclass(frozen=True)
class Probe:
    method: str
    template: str
    path: str
    names_a_record: bool


@dataclass(frozen=True)
class Problem:
    who: str
    method: str
    path: str
    status: int
    why: str


def every_route(app: FastAPI) -> list[tuple[str, str, APIRoute]]:
    """(method, path, route) of every route the app answers, included routers walked."""

    def walk(routes: list[Any], prefix: str) -> Iterator[tuple[str, APIRoute]]:
        for route in routes:
            inner = getattr(route, "original_router", None)
            if inner is not None:
                context = getattr(route, "include_context", None)
                yield from walk(inner.routes, prefix + (getattr(context, "prefix", "") or ""))
            elif isinstance(route, APIRoute):
                yield prefix + route.path, route

    return [
        (method, path, route)
        for path, route in walk(list(app.routes), "")
        for method in sorted(route.methods - {"HEAD"})
    ]


def probes(app: FastAPI, ids: dict[str, str]) -> list[Probe]:
    found = []
    for method, template, _ in every_route(app):
        if (method, template) in EXEMPT:
            continue
        names = PATH_PARAM.findall(template)
        path = _fill(template, ids)
        found.append(Probe(method, template, path, any(n not in NOT_IDS for n in names)))
    return found


def _fill(template: str, ids: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "version" and template.startswith("/vendor/"):
            return "0"  # a static file's version, not a record
        if name in NOT_IDS and NOT_IDS[name] is not None:
            return str(NOT_IDS[name])
        return ids[name]

    return PATH_PARAM.sub(value, template)


def _json_body(openapi: dict[str, Any], method: str, path: str, ids: dict[str, str]) -> Any:
    """A body the operation accepts, from its schema, with A's ids in its id fields."""
    template = next(
        (p for p in openapi["paths"] if re.fullmatch(PATH_PARAM.sub(r"[^/]+", p), path)), None
    )
    operation = openapi["paths"].get(template, {}).get(method.lower(), {}) if template else {}
    content = operation.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    return _example(openapi, schema, "", ids) if schema is not None else None


def _example(
    openapi: dict[str, Any], schema: dict[str, Any], name: str, ids: dict[str, str]
) -> Any:
    if "$ref" in schema:
        ref = schema["$ref"].rsplit("/", 1)[-1]
        return _example(openapi, openapi["components"]["schemas"][ref], name, ids)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"]
            return _example(openapi, options[0], name, ids) if options else None
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    app_id = int(ids["app_id"])
    if kind == "object":
        props = schema.get("properties", {})
        return {key: _example(openapi, sub, key, ids) for key, sub in props.items()}
    if kind == "array":
        return [_example(openapi, schema.get("items", {}), name, ids)]
    if kind == "integer":
        return int(ids.get(name, app_id)) if name.endswith(("id", "ids")) else 3
    if kind == "number":
        return 0.5
    if kind == "boolean":
        return True
    if schema.get("format") == "date":
        return "2026-11-19"
    if schema.get("format") == "date-time":
        return "2026-11-21T09:00:00+00:00"
    return "probe"


def run_probes(
    server: Server, people: dict[str, Web], tokens: dict[str, str], ids: dict[str, str]
) -> list[Problem]:
    """Every probe by every person (and by token on the API): what went wrong."""
    openapi = people["seeker B"].get("/api/v1/openapi.json").json()
    problems: list[Problem] = []
    for probe in probes(server.app, ids):
        for who, web in people.items():
            answers = [_send(web, probe, openapi, ids, None)]
            if probe.path.startswith("/api/"):
                answers.append(_send(web, probe, openapi, ids, tokens[who]))
            for answer in answers:
                problems += _check(who, probe, answer)
    return problems


def _send(
    web: Web, probe: Probe, openapi: dict[str, Any], ids: dict[str, str], token: str | None
) -> Any:
    headers = {"x-csrf-token": web.token}
    if token is not None:
        headers = {"authorization": f"Bearer {token}"}
    if probe.method == "GET":
        query = {"q": "ebrafin", "company": "ebrafin", "search": "ebrafin"}
        return web.client.get(probe.path, params=query, headers=headers)
    if probe.path.startswith("/api/"):
        body = _json_body(openapi, probe.method, probe.path, ids)
        if body is None:  # the pages' own scripts: plain JSON objects
            body = {**FORM, "stage": "interview", "to": "probe@example.org"}
        return web.client.request(probe.method, probe.path, json=body, headers=headers)
    form = {**FORM, **{k: ids["app_id"] for k in ID_FIELDS}, "contact_id": ids["contact_id"]}
    form["csrf_token"] = web.token
    return web.client.request(probe.method, probe.path, data=form, headers=headers)


def _check(who: str, probe: Probe, answer: Any) -> list[Problem]:
    found = []
    status = answer.status_code
    seen = (answer.text + " " + str(dict(answer.headers))).lower()
    leaked = [m for m in MARKERS if m in seen]
    if status >= 500:
        found.append(Problem(who, probe.method, probe.path, status, "failed"))
    if leaked:
        found.append(Problem(who, probe.method, probe.path, status, f"shows {leaked}"))
    if probe.names_a_record and status != 404:
        found.append(Problem(who, probe.method, probe.path, status, "not a 404"))
    return found


World = tuple[Server, dict[str, Web], dict[str, str], dict[str, str]]


# -- the test ----------------------------------------------------------------------------------
@pytest.fixture
def world(
    server: Server, tmp_path: Path
) -> tuple[Server, dict[str, Web], dict[str, str], dict[str, str]]:
    """Seeker A with one of everything; seeker B and a coach signed in, with API tokens."""
    ana = server.add("ana@example.org")
    ws_a = owner_workspace(server.ws, ana)
    seed_owner(ws_a, tmp_path)
    job = server.app.state.mail_imports.bound(ws_a).start_sync(ws_a, "zebrafinch", Passwords({}))
    report = server.app.state.reports.start(ws_a, ReportKind.INSIGHTS)
    make_report(ws_a, report.id)  # as the worker would
    ids = {**ids_of(server.ws, ana.owner_id), "job_id": job.id, "report_id": report.id}
    people, tokens = {}, {}
    for who, email, role in (
        ("seeker B", "bo@example.org", "seeker"),
        ("coach", "coach@example.org", "coach"),
    ):
        account, web = server.as_user(email, role)
        people[who] = web
        owner = Owner(account.owner_id, account.email)
        tokens[who] = create_api_token(server.ws.store, owner, server.ws.clock).secret
    people["seeker A"] = server.sign_in("ana@example.org")
    return server, people, tokens, ids


def test_nothing_of_one_seeker_reaches_another_or_a_coach(world: World) -> None:
    server, people, tokens, ids = world
    a = people.pop("seeker A")
    missing = {n for _, path, _ in every_route(server.app) for n in PATH_PARAM.findall(path)}
    assert missing - set(ids) - set(NOT_IDS) - {"token", "job_id", "report_id"} == set()
    own = [
        p
        for p in probes(server.app, ids)
        if p.method == "GET" and p.names_a_record and "{person_id}" not in p.template
    ]  # a caseload's person is read by their coach, never by themselves
    not_shown = [(p.path, s) for p in own if (s := a.get(p.path).status_code) != 200]
    assert not_shown == [], not_shown  # A's ids are real, or the 404s below prove nothing
    before = snapshot(server.ws, _owner_of(server, "ana@example.org"))

    problems = run_probes(server, people, tokens, ids)

    shown = "\n".join(f"{p.who}: {p.method} {p.path} {p.status} {p.why}" for p in problems)
    assert not problems, shown
    assert snapshot(server.ws, _owner_of(server, "ana@example.org")) == before
    operations = {
        (m.upper(), "/api/v1" + p.removeprefix("/api/v1"))
        for p, ops in people["seeker B"].get("/api/v1/openapi.json").json()["paths"].items()
        for m in ops
    }
    probed = {(p.method, p.template) for p in probes(server.app, ids)}
    assert operations - probed == set() and len(probed) > 150


def test_the_probe_catches_a_route_that_forgets_the_owner(world: World) -> None:
    server, people, tokens, ids = world
    people.pop("seeker A")
    leaky = APIRouter()

    @leaky.get("/leaky/applications/{app_id}")
    def show_any_application(app_id: int) -> dict[str, str]:
        store = server.app.state.workspace.store  # the server's store, any owner's rows
        with store.engine.connect() as conn:
            company = conn.execute(
                text("SELECT company FROM applications WHERE id = :id"), {"id": app_id}
            ).scalar()
        if company is None:
            raise NotFound("no such application")
        return {"company": company}

    server.app.include_router(leaky)
    problems = run_probes(server, people, tokens, ids)
    caught = {(p.who, p.path, p.why) for p in problems}
    path = f"/leaky/applications/{ids['app_id']}"
    assert ("seeker B", path, "not a 404") in caught
    assert ("coach", path, "shows ['zebrafinch']") in caught
    assert {p.path for p in problems} == {path}


def _owner_of(server: Server, email: str) -> int:
    with server.ws.store.transaction() as tx:
        account = tx.accounts.by_email(email)
    assert account is not None
    return account.owner_id
