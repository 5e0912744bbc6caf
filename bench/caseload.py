"""A coach at peak: 100 people sharing with them, 100 applications each (10,000 in all), with
journal entries, if-then plans and open tasks.

Measures the caseload list (every person's health flags, each read logged), the cohort view,
one person's page with every scope shared (insights included) and the cohort report as HTML:
a cold run, then the median and best of several warm runs, in-process.

    python bench/caseload.py [--people 100] [--apps 100] [--runs 5] [--database-url URL]

Without ``--database-url`` it builds a temporary SQLite file.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from onward.clock import FixedClock
from onward.db import playbook_tables as pt
from onward.db import practice_tables as prt
from onward.db import tables as t
from onward.db.setup import open_store
from onward.db.store import Store
from onward.domain.accounts import Role
from onward.domain.records import Owner
from onward.services.accounts import add_account
from onward.services.caseload import caseload, person_view
from onward.services.cohort import cohort_html, cohort_view
from onward.services.sharing import share_with_coach

NOW = datetime(2026, 11, 20, 10, tzinfo=UTC)
STAGES = ["applied", "applied", "rejected", "rejected", "ghosted", "screen", "interview", "offer"]
EVERYTHING = ["pipeline", "insights", "goals", "drafts", "feedback", "reflections", "journal"]


def build(store: Store, people: int, apps: int) -> tuple[Owner, list[int]]:
    clock = FixedClock(NOW)
    coach = add_account(store, "coach@example.org", Role.COACH, None, clock)
    rng = random.Random(18)
    ids = []
    for n in range(people):
        seeker = add_account(store, f"p{n}@example.org", Role.SEEKER, None, clock)
        ids.append(seeker.owner_id)
        _fill(store, seeker.owner_id, apps, rng)
        scopes = EVERYTHING if n % 3 else ["pipeline", "goals"]
        owner = Owner(seeker.owner_id, seeker.email)
        share_with_coach(store, owner, coach.email, scopes, date(2027, 1, 31), clock)
    print(f"database: {people} people, {people * apps:,} applications, all sharing with one coach")
    return Owner(coach.owner_id, coach.email), ids


def _fill(store: Store, owner_id: int, apps: int, rng: random.Random) -> None:
    rows = []
    for i in range(apps):
        stage = rng.choice(STAGES)
        on = NOW.date() - timedelta(days=rng.randint(1, 200))
        rows.append(
            {
                "owner_id": owner_id, "company": f"Company {i}", "role": "Analyst",
                "stage": stage, "stage_on": on,
                "reached": stage if stage in ("screen", "interview", "offer") else "applied",
                "created_at": NOW, "updated_at": datetime.combine(on, NOW.timetz()),
                "timeline_applied_on": on, "timeline_path": 0,
            }
        )  # fmt: skip
    journal = [
        {"owner_id": owner_id, "written_on": NOW.date() - timedelta(days=d),
         "mood": rng.randint(1, 5), "text": "", "rest_day": False, "created_at": NOW}
        for d in range(0, 60, 3)
    ]  # fmt: skip
    plans = [
        {"owner_id": owner_id, "starts_at": NOW - timedelta(days=d), "minutes": 30,
         "action": "apply", "state": rng.choice(["planned", "kept", "not_kept"]), "moves": 0,
         "created_at": NOW - timedelta(days=d + 1)}
        for d in range(1, 14, 2)
    ]  # fmt: skip
    with store.transaction() as tx:
        tx.conn.execute(t.applications.insert(), rows)
        tx.conn.execute(pt.journal_entries.insert(), journal)
        tx.conn.execute(prt.if_then_plans.insert(), plans)


def measure(run: Callable[[], Any], runs: int) -> tuple[float, list[float]]:
    start = time.perf_counter()
    run()
    cold = time.perf_counter() - start
    warm = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        warm.append(time.perf_counter() - start)
    return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--apps", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database-url", help="an empty database to fill (default: SQLite)")
    opts = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="onward-bench-caseload-"))
    url = opts.database_url or f"sqlite:///{home / 'onward.db'}"
    store = open_store(url, backup_dir=home / "backups", keep=1, now=NOW)
    try:
        coach, ids = build(store, opts.people, opts.apps)
        clock = FixedClock(NOW)
        for name, run in (
            ("caseload list", lambda: caseload(store, coach, clock)),
            ("cohort view", lambda: cohort_view(store, coach, clock)),
            ("one person, all scopes", lambda: person_view(store, coach, ids[1], clock)),
            ("cohort report (HTML)", lambda: cohort_html(cohort_view(store, coach, clock), coach)),
        ):
            cold, warm = measure(run, opts.runs)
            print(
                f"{name:<24} cold {cold * 1000:7.0f} ms · warm median "
                f"{statistics.median(warm) * 1000:7.0f} ms, best {min(warm) * 1000:7.0f} ms"
            )
        with store.transaction() as tx:
            logged = tx.conn.execute(t.metadata.tables["share_access"].select()).fetchall()
        print(f"access log entries written: {len(logged):,}")
    finally:
        store.close()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
