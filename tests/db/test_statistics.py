"""After a bulk load PostgreSQL's planner gets fresh statistics at once; SQLite is left as is."""

from __future__ import annotations

from sqlalchemy import text

from onward.services.runtime import Workspace


def test_statistics_are_refreshed_for_the_planner(ws: Workspace) -> None:
    ws.store.refresh_statistics()
    with ws.store.engine.connect() as conn:
        if ws.store.backend == "postgresql":
            analysed = conn.execute(
                text(
                    "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL "
                    "AND relname IN ('applications', 'stage_events')"
                )
            ).scalars()
            assert sorted(analysed) == ["applications", "stage_events"]
        else:  # SQLite plans without statistics: ANALYZE would only change its plans
            found = conn.execute(
                text("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            ).all()
            assert found == []
