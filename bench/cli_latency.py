"""CLI latency: `onward --help`, `onward today` and `onward list` on 5,000 applications with
30,000 stage events.

Target: each under 0.4 s wall on the 2-core reference machine. Prints the median and
the best of several runs of the installed `onward` command in a fresh process each time.

    python bench/cli_latency.py [--apps 5000] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from onward.db import tables as t
from onward.db.setup import open_store

STAGES = ["screen", "assessment", "interview", "interview", "final"]
ENDINGS = ["rejected", "ghosted", "withdrawn", "offer"]


def build(home: Path, n_apps: int, events_per_app: int) -> None:
    now = datetime(2026, 11, 20, tzinfo=UTC)
    store = open_store(
        f"sqlite:///{home / 'onward.db'}", backup_dir=home / "backups", keep=1, now=now
    )
    rng = random.Random(7)
    with store.transaction() as tx:
        owner = tx.owner("local", now)
        apps, events = [], []
        event_id = 0
        for app_id in range(1, n_apps + 1):
            start = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 680))
            path = ["applied", *STAGES[: events_per_app - 2], rng.choice(ENDINGS)]
            rounds = 0
            for i, stage in enumerate(path):
                event_id += 1
                rounds += stage == "interview"
                events.append(
                    {
                        "id": event_id,
                        "owner_id": owner.id,
                        "application_id": app_id,
                        "stage": stage,
                        "occurred_on": start + timedelta(days=4 * i),
                        "round": rounds if stage == "interview" else None,
                        "note": None,
                        "source": "bench",
                        "created_at": now,
                    }
                )
            apps.append(
                {
                    "id": app_id,
                    "owner_id": owner.id,
                    "company": f"Company {app_id % 900}",
                    "role": rng.choice(["Data Analyst", "Nurse", "Teacher", "Engineer", "Chef"]),
                    "channel": "job_board",
                    "stage": path[-1],
                    "stage_on": start + timedelta(days=4 * (len(path) - 1)),
                    "reached": "final",
                    "interview_round": rounds or None,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        tx.conn.execute(t.applications.insert(), apps)
        tx.conn.execute(t.stage_events.insert(), events)
    store.close()


def timed(args: list[str], env: dict[str, str], runs: int) -> list[float]:
    exe = shutil.which("onward") or str(Path(sys.executable).with_name("onward"))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([exe, *args], env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", type=int, default=5000)
    parser.add_argument("--events", type=int, default=6, help="events per application")
    parser.add_argument("--runs", type=int, default=7)
    opts = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="onward-bench-"))
    try:
        build(home, opts.apps, opts.events)
        env = os.environ | {"ONWARD_HOME": str(home), "COLUMNS": "120"}
        env.pop("ONWARD_DATABASE_URL", None)
        print(f"database: {opts.apps:,} applications, {opts.apps * opts.events:,} stage events")
        print(f"{'command':<28} {'median':>8} {'best':>8}  target")
        for args in (
            ["--help"],
            ["today"],
            ["list"],
            ["list", "--all"],
            ["list", "--json"],
            ["show", "42"],
        ):
            times = timed(args, env, opts.runs)
            label = "onward " + " ".join(args)
            target = "< 0.40 s" if args in (["--help"], ["list"]) else "(info)"
            print(f"{label:<28} {statistics.median(times):>7.3f}s {min(times):>7.3f}s  {target}")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
