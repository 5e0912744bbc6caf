"""Reports asked for and downloaded: made at once in single-user mode, by the worker from
the job queue on a multi-user server (PostgreSQL), and nobody else's to see or fetch."""

from __future__ import annotations

import pytest
from tests.factories import make_application
from tests.support.worker_thread import run_worker_apart
from tests.web.api.conftest import Api
from tests.web.conftest import Server, Web

from onward.services.api_tokens import create_api_token
from onward.services.job_queue import WorkerRuntime, add_tasks
from onward.services.report_jobs import KEPT


@pytest.fixture
def api(web: Web) -> Api:
    return Api(web)


def test_a_report_asked_for_on_the_page_downloads_at_once_and_is_listed(web: Web) -> None:
    make_application(web.ws, "Acme", "Data Analyst", days_ago=10)
    asked = web.post("/reports", data={"kind": "insights"})
    assert asked.status_code == 303
    report_id = asked.headers["location"].split("/")[2]
    listed = web.get("/reports").text
    assert "Insights report" in listed and f'href="/reports/{report_id}/file"' in listed
    page = web.get(f"/reports/{report_id}").text
    assert "Ready since" in page and 'http-equiv="refresh"' not in page
    assert web.get(f"/reports/{report_id}/file").text.lstrip().lower().startswith("<!doctype")


def test_an_unknown_kind_is_refused_beside_its_field_and_nothing_is_kept(
    web: Web, api: Api
) -> None:
    refused = api.post("/api/v1/reports", json={"kind": "everything"})
    assert refused.status_code == 422
    assert refused.json()["field"] == "kind" and "insights" in refused.json()["error"]
    assert api.get("/api/v1/reports").json() == {"reports": []}
    assert web.post("/reports", data={"kind": "everything"}).status_code == 422
    assert api.get("/api/v1/reports/nope").status_code == 404


def test_the_api_answers_with_the_report_and_keeps_only_the_newest(api: Api) -> None:
    made = api.post("/api/v1/reports", json={"kind": "insights"})
    assert made.status_code == 202
    job = made.json()
    assert job["state"] == "done" and job["file"] == f"/api/v1/reports/{job['id']}/file"
    file = api.get(job["file"])
    assert file.status_code == 200 and "attachment" in file.headers["content-disposition"]
    for _ in range(KEPT):
        api.post("/api/v1/reports", json={"kind": "cohort-csv"})
    kept = api.get("/api/v1/reports").json()["reports"]
    assert len(kept) == KEPT and job["id"] not in {r["id"] for r in kept}
    assert api.get(job["file"]).status_code == 404


def _run_worker(server: Server) -> None:
    from onward.db.queue import open_queue

    ws = server.ws
    app = open_queue(ws.settings.resolved_database_url, worker=True)
    add_tasks(app, WorkerRuntime(ws.settings, ws.store, ws.clock))
    run_worker_apart(app, concurrency=1)


@pytest.mark.postgres_only
def test_on_a_server_the_worker_makes_the_report_and_only_its_owner_gets_it(
    server: Server,
) -> None:
    ana, web = server.as_user("ana@example.org")
    make_application(server.ws, "Acme", "Data Analyst", days_ago=10)
    asked = web.post("/reports", data={"kind": "insights"})
    assert asked.status_code == 303
    page_path = asked.headers["location"]
    report_id = page_path.rsplit("/", 1)[1]
    waiting = web.get(page_path)
    assert "Being made since" in waiting.text and 'http-equiv="refresh"' in waiting.text
    early = web.get(f"{page_path}/file")
    assert early.status_code == 409 and "still being made" in early.text

    _run_worker(server)

    ready = web.get(page_path).text
    assert "Ready since" in ready and 'http-equiv="refresh"' not in ready
    assert web.get(f"{page_path}/file").text.lstrip().lower().startswith("<!doctype")
    bo, other = server.as_user("bo@example.org")
    assert other.get(page_path).status_code == 404
    assert other.get(f"{page_path}/file").status_code == 404
    from onward.domain.records import Owner

    token = create_api_token(server.ws.store, Owner(bo.owner_id, bo.email), server.ws.clock)
    as_bo = {"Authorization": f"Bearer {token.secret}"}
    assert other.client.get(f"/api/v1/reports/{report_id}", headers=as_bo).status_code == 404
    assert other.client.get("/api/v1/reports", headers=as_bo).json() == {"reports": []}
    assert ana.owner_id != bo.owner_id


@pytest.mark.postgres_only
def test_on_a_server_the_api_answers_queued_at_once(server: Server) -> None:
    from onward.domain.records import Owner

    coach = server.add("coach@example.org", "coach")
    token = create_api_token(server.ws.store, Owner(coach.owner_id, coach.email), server.ws.clock)
    client = server.browser().client
    as_coach = {"Authorization": f"Bearer {token.secret}"}
    made = client.post("/api/v1/reports", json={"kind": "cohort-csv"}, headers=as_coach)
    assert made.status_code == 202 and made.json()["state"] == "queued"
    assert made.json()["file"] is None
    _run_worker(server)
    done = client.get(f"/api/v1/reports/{made.json()['id']}", headers=as_coach).json()
    assert done["state"] == "done"
    csv = client.get(done["file"], headers=as_coach)
    assert csv.status_code == 200 and csv.text.startswith("person,shared")
