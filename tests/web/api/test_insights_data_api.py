"""Insights and data through the API: the insights JSON (held back during a dwell window
unless asked for anyway), the JSON backup and the applications CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

from tests.web.api.conftest import Api

from onward.domain.playbook.dwell import DwellPreset, DwellWindow
from onward.domain.records import ApplicationQuery
from onward.services.demo import seed_demo
from onward.services.insights import insights_record, read_insights


def test_insights_are_the_commands_json_and_wait_during_a_dwell_window(api: Api) -> None:
    ws = api.ws
    seed_demo(ws.store, ws.owner, ws.clock)
    r = api.get("/api/v1/insights")
    assert r.status_code == 200
    reading = read_insights(ws.store, ws.owner, ws.clock, ghosting=ws.ghosting)
    assert reading.insights is not None
    assert r.json() == json.loads(json.dumps(insights_record(reading.insights)))
    now = ws.clock.now()
    with ws.store.transaction() as tx:
        app_id = tx.applications.query(ws.owner.id, ApplicationQuery(limit=1))[0].id
        window = DwellWindow(
            app_id, now - timedelta(hours=1), now + timedelta(hours=5), DwellPreset.HOURS
        )
        tx.dwell.insert(ws.owner.id, window)
    assert api.get("/api/v1/insights").json() == {"held_back": True, "dwelling": True}
    anyway = api.get("/api/v1/insights", params={"anyway": "true"}).json()
    assert "held_back" not in anyway and anyway.keys() == r.json().keys()
    assert api.get("/api/v1/insights", params={"anyway": "perhaps"}).status_code == 422


def test_the_backup_and_the_csv_are_downloaded(api: Api) -> None:
    api.post("/api/v1/applications", json={"company": "Acme", "role": "Analyst"})
    backup = api.get("/api/v1/export.json")
    assert backup.status_code == 200 and backup.headers["content-type"] == "application/json"
    assert [a["company"] for a in backup.json()["applications"]] == ["Acme"]
    table = api.get("/api/v1/applications.csv")
    assert table.status_code == 200 and table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert [r["company"] for r in rows] == ["Acme"]
    history = api.get("/api/v1/applications.csv", params={"history": "true"})
    assert history.status_code == 200 and history.text != table.text
    assert api.get("/api/v1/applications.csv", params={"history": "perhaps"}).status_code == 422
    assert api.get("/api/v1/export.json", params={"include_writing": "x"}).status_code == 422
