"""Each application's timeline in brief (``applications.timeline_*``) stays in step with its
events, through every way events are written: adding, moving, rejecting, reopening and a
JSON restore, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text
from tests.factories import make_application

from onward.db.tables import TIMELINE_BITS
from onward.domain.pipeline import Stage
from onward.services.applications import move_application
from onward.services.runtime import Workspace


def stored(ws: Workspace) -> dict[int, tuple[Any, ...]]:
    with ws.store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, timeline_applied_on, timeline_progress_on, timeline_rejected_on,"
                " timeline_path FROM applications"
            )
        )
        return {row[0]: (*(_day(v) for v in row[1:4]), row[4]) for row in rows}


def from_events(ws: Workspace) -> dict[int, tuple[Any, ...]]:
    with ws.store.transaction() as tx:
        ids = [a.id for a in tx.applications.query(ws.owner.id, _everything())]
        events = tx.applications.events_for(ids)

    def first(app_id: int, wanted: Any) -> date | None:
        return min((e.occurred_on for e in events.get(app_id, ()) if wanted(e.stage)), default=None)

    return {
        app_id: (
            first(app_id, lambda s: s is not Stage.SAVED),
            first(app_id, lambda s: s.value in TIMELINE_BITS),
            first(app_id, lambda s: s is Stage.REJECTED),
            sum(
                TIMELINE_BITS[s]
                for s in {e.stage.value for e in events.get(app_id, ())}
                if s in TIMELINE_BITS
            ),
        )
        for app_id in ids
    }


def _everything() -> Any:
    from onward.domain.records import ApplicationQuery

    return ApplicationQuery(archived=None)


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def test_the_summary_follows_every_event(ws: Workspace, tmp_path: Path) -> None:
    def app(company: str, stage: Stage = Stage.APPLIED, on: date = date(2026, 9, 1)) -> int:
        return make_application(ws, company, "Chef", stage=stage, on=on).id  # fmt: skip

    saved = app("Saved only", Stage.SAVED)
    later = app("Saved then sent", Stage.SAVED, date(2026, 8, 1))
    move_application(ws.store, ws.owner, later, Stage.APPLIED, ws.clock, on=date(2026, 8, 10))
    far = app("Far")
    for stage, day in ((Stage.SCREEN, 5), (Stage.INTERVIEW, 12), (Stage.INTERVIEW, 19),
                       (Stage.FINAL, 26), (Stage.REJECTED, 30)):  # fmt: skip
        move_application(ws.store, ws.owner, far, stage, ws.clock, on=date(2026, 9, day))
    ghosted = app("Ghosted")
    move_application(ws.store, ws.owner, ghosted, Stage.GHOSTED, ws.clock, on=date(2026, 10, 1))
    move_application(ws.store, ws.owner, ghosted, Stage.SCREEN, ws.clock, on=date(2026, 10, 9))

    summary = stored(ws)
    assert summary == from_events(ws)
    assert summary[saved] == (None, None, None, 0)
    assert summary[later][0] == date(2026, 8, 10)
    assert summary[far] == (date(2026, 9, 1), date(2026, 9, 5), date(2026, 9, 30), 1 + 4 + 8)
    assert summary[ghosted] == (date(2026, 9, 1), date(2026, 10, 9), None, 1)

    # A JSON backup restored with --replace writes the events again: the summary follows.
    from onward.services.transfer import export_json, import_backup

    backup = tmp_path / "backup.json"
    export_json(ws.store, ws.owner, backup, ws.clock)
    import_backup(ws.store, ws.owner, backup.read_text(), backup.name, replace=True)
    assert stored(ws) == summary


def test_the_bits_are_the_progress_path_insights_draw() -> None:
    from onward.domain.insights.flow import PATH

    assert list(TIMELINE_BITS) == [s.value for s in PATH]
    assert sorted(TIMELINE_BITS.values()) == [1 << i for i in range(len(PATH))]
