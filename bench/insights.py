"""Insights on a big search: 10,000 applications and 100,000 stage events, with rejections,
feedback, reflections, journal entries and logged effort.

Targets: all insights computed in under 300 ms; the HTML report written in under
2 s. Prints the very first run (which reads every rejected posting for skills and keeps what
it found), then for each measure a cold run and the median and best of several warm runs,
in-process.

    python bench/insights.py [--apps 10000] [--events 100000] [--runs 7] [--database-url URL]

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
from onward.db import tables as t
from onward.db.setup import open_store
from onward.db.store import Store
from onward.db.tables import TIMELINE_BITS
from onward.domain.records import Owner
from onward.services.insights import compute_insights, write_report
from onward.services.resumes import add_resume

NOW = datetime(2026, 11, 20, 10, tzinfo=UTC)
PROGRESS = ["screen", "assessment", "interview", "final", "offer"]
ROLES = [
    "Data Analyst", "Senior Data Engineer", "Staff Nurse", "Primary Teacher", "Store Manager",
    "Junior Developer", "Product Designer", "Account Executive", "Chef", "Lead Engineer",
]  # fmt: skip
CHANNELS = ["referral", "recruiter", "job_board", "company_site", "network", None]
REASONS = [
    "unspecified", "stronger_candidates", "position_filled", "skills_mismatch",
    "experience_mismatch", "interview_performance", "fit",
]  # fmt: skip
TOLD = {"application", "screen", "assessment", "interview", "final"}
# Job descriptions are composed per application from these lines (about 1.5-2.5 KB each, the
# size of a real posting), so every rejected posting is different text to read for skills.
DUTIES = {
    "data": [
        "Build and run data pipelines in Python and SQL on AWS.",
        "Model data with dbt and schedule work with Airflow; Kubernetes is a plus.",
        "Partner with analysts on dashboards in Tableau and Power BI.",
        "Write tested, reviewed code and document it for the next person.",
        "Improve data quality checks and monitoring across the warehouse.",
        "Experience with Spark, Kafka or another streaming tool helps.",
    ],
    "care": [
        "Provide safe, compassionate patient care on a busy surgical ward.",
        "Wound care, IV therapy and medication administration are daily tasks.",
        "Keep accurate electronic health records and handover notes.",
        "Basic life support certification and infection control training required.",
        "Work with doctors, therapists and families to plan discharge.",
    ],
    "teaching": [
        "Plan and teach engaging lessons across the primary curriculum.",
        "Strong classroom management and behaviour management skills.",
        "Safeguarding training and a commitment to special educational needs.",
        "Teach phonics and early reading; assess progress and report to parents.",
    ],
    "retail": [
        "Lead the store team: scheduling, coaching and performance reviews.",
        "Own retail operations, inventory management and stock control.",
        "Deliver excellent customer service and handle complaints calmly.",
        "Cash handling, visual merchandising and loss prevention experience.",
    ],
    "software": [
        "Build accessible front-end features in TypeScript and React.",
        "Write CSS that works on every screen size; automated testing with Jest.",
        "Review pull requests, pair with colleagues and improve our CI pipelines.",
        "Experience with Node.js, GraphQL and Docker is welcome.",
    ],
    "sales": [
        "Own a B2B sales territory and build pipeline from first call to close.",
        "Keep Salesforce up to date; forecast accurately every week.",
        "Negotiation, account management and presentation skills.",
    ],
}
COMMON = [
    "We are a growing organisation with offices across the country and flexible working.",
    "You communicate clearly, solve problems calmly and enjoy working in a team.",
    "We offer a pension, private healthcare, 28 days of holiday and a learning budget.",
    "We welcome applications from everyone and make reasonable adjustments at every stage.",
    "Please tell us in your cover letter why this role interests you.",
    "Time management, attention to detail and project management matter here.",
    "Our interview process has two stages: a conversation with the hiring manager, then a "
    "practical exercise with the team you would join.",
]


def posting(rng: random.Random) -> str:
    """One job description of realistic length: a field's duties, repeated in other words
    the way postings do, among common lines."""
    duties = DUTIES[rng.choice(list(DUTIES))]
    lines = [*rng.sample(duties, len(duties)), *rng.sample(COMMON, len(COMMON))]
    lines += rng.sample(duties, min(3, len(duties))) + rng.sample(COMMON, 4)
    return "\n\n".join(lines)


RESUME = "Data analyst. Python, SQL, Excel and Tableau; customer service; scheduling.\n"
THEMES = ["resume", "technical_depth", "interview_communication", "experience_level", "other"]


def build(store: Store, n_apps: int, n_events: int) -> Owner:
    rng = random.Random(6)
    with store.transaction() as tx:
        owner = tx.owner("local", NOW)
        apps: list[dict[str, Any]] = []
        paths: list[list[tuple[str, date]]] = []
        for app_id in range(1, n_apps + 1):
            start = date(2025, 1, 1) + timedelta(days=rng.randrange(0, 650))
            furthest = min(int(rng.expovariate(0.9)), len(PROGRESS))
            stages = ["applied", *PROGRESS[:furthest]]
            if furthest >= 3 and rng.random() < 0.5:
                stages.insert(3, "interview")  # a second round
            ending = rng.choice(["rejected", "rejected", "ghosted", "withdrawn", None])
            if stages[-1] == "offer":
                ending = rng.choice(["accepted", None])
            if ending:
                stages.append(ending)
            path = [(s, start + timedelta(days=5 * i + rng.randrange(0, 3))) for i, s in
                    enumerate(stages)]  # fmt: skip
            paths.append(path)
            reached = [s for s, _ in path if s in ("applied", *PROGRESS, "accepted")][-1]
            apps.append(
                {
                    "id": app_id,
                    "owner_id": owner.id,
                    "company": f"Company {app_id % 700}",
                    "role": rng.choice(ROLES),
                    "channel": rng.choice(CHANNELS),
                    "tailored": rng.choice([True, False, None]),
                    "description": posting(rng),
                    "stage": path[-1][0],
                    "stage_on": path[-1][1],
                    "reached": reached,
                    "created_at": NOW,
                    "updated_at": NOW,
                }
            )
        # Pad to the wanted number of events with more interview rounds where there were some.
        interviewed = [i for i, p in enumerate(paths) if any(s == "interview" for s, _ in p)]
        total = sum(len(p) for p in paths)
        while total < n_events and interviewed:
            i = interviewed[total % len(interviewed)]
            day = next(d for s, d in paths[i] if s == "interview")
            paths[i].insert(3, ("interview", day))
            total += 1
        for app, path in zip(apps, paths, strict=True):  # what add_event keeps in step
            app.update(timeline(path))
        events = [
            {
                "owner_id": owner.id,
                "application_id": app_id,
                "stage": stage,
                "occurred_on": day,
                "source": "bench",
                "created_at": NOW,
            }
            for app_id, path in enumerate(paths, start=1)
            for stage, day in path
        ]
        rejections, feedback, reflections = [], [], []
        for app_id, path in enumerate(paths, start=1):
            stage, day = path[-1]
            if stage not in ("rejected", "ghosted") or (stage == "ghosted" and rng.random() < 0.7):
                continue
            silent = stage == "ghosted"
            told = {"applied": "application"}.get(path[-2][0], path[-2][0])
            rejections.append(
                {
                    "owner_id": owner.id,
                    "application_id": app_id,
                    "received_on": day,
                    "stage": told if told in TOLD else "unknown",
                    "channel": "none" if silent else "email",
                    "reason": "unspecified" if silent else rng.choice(REASONS),
                    "quote": None if silent or rng.random() < 0.6 else f"Reason quoted {app_id}",
                    "created_at": NOW,
                }
            )
            if not silent and rng.random() < 0.25:
                feedback.append(
                    {
                        "owner_id": owner.id,
                        "application_id": app_id,
                        "text": f"Feedback for application {app_id}",
                        "received_on": day,
                        "themes": rng.sample(THEMES, rng.randint(1, 2)),
                        "specific": rng.random() < 0.5,
                        "created_at": NOW,
                    }
                )
            if rng.random() < 0.3:
                reflections.append(
                    {
                        "owner_id": owner.id,
                        "application_id": app_id,
                        "written_on": day + timedelta(days=2),
                        "ratings": {
                            "preparation": rng.randint(1, 5),
                            "resume": rng.randint(1, 5),
                            "interview_1": rng.randint(1, 5),
                        },
                        "answers": {},
                        "created_at": NOW,
                    }
                )
        journal = [
            {
                "owner_id": owner.id,
                "written_on": date(2025, 1, 1) + timedelta(days=d),
                "mood": rng.randint(1, 5),
                "text": "",
                "rest_day": d % 7 == 0,
                "created_at": NOW,
            }
            for d in range(0, 680, 2)
        ]
        activities = [
            {
                "owner_id": owner.id,
                "occurred_on": date(2025, 1, 1) + timedelta(days=d),
                "metric": rng.choice(["learning_hours", "networking", "follow_ups"]),
                "amount": 1.0,
                "created_at": NOW,
            }
            for d in range(0, 680)
        ]
        conn = tx.conn
        conn.execute(t.applications.insert(), apps)
        conn.execute(t.stage_events.insert(), events)
        for table, rows in (
            (pt.rejections, rejections),
            (pt.feedback, feedback),
            (pt.reflections, reflections),
            (pt.journal_entries, journal),
            (pt.effort_entries, activities),
        ):
            if rows:
                conn.execute(table.insert(), rows)
    print(
        f"database: {len(apps):,} applications, {len(events):,} stage events, "
        f"{len(rejections):,} rejections, {len(feedback):,} feedback, "
        f"{len(reflections):,} reflections, {len(journal):,} journal entries"
    )
    return owner


def timeline(path: list[tuple[str, date]]) -> dict[str, Any]:
    """An application's timeline in brief, as ApplicationRepo.add_event keeps it."""

    def first(wanted: Callable[[str], bool]) -> date | None:
        return min((day for stage, day in path if wanted(stage)), default=None)

    return {
        "timeline_applied_on": first(lambda s: s != "saved"),
        "timeline_progress_on": first(lambda s: s in TIMELINE_BITS),
        "timeline_rejected_on": first(lambda s: s == "rejected"),
        "timeline_path": sum(TIMELINE_BITS[s] for s in {s for s, _ in path} & TIMELINE_BITS.keys()),
    }


def measure(run: Callable[[], object], runs: int) -> tuple[float, list[float], list[float]]:
    """The cold run's wall time, then each warm run's wall and CPU time (the CPU time of
    this process, which other work on the machine disturbs less; on SQLite it includes the
    database's work, on PostgreSQL not the server's)."""
    start = time.perf_counter()
    run()
    cold = time.perf_counter() - start
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return cold, wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--apps", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--database-url", help="an empty database to fill (default: SQLite)")
    opts = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="onward-bench-insights-"))
    url = opts.database_url or f"sqlite:///{home / 'onward.db'}"
    store = open_store(url, backup_dir=home / "backups", keep=1, now=NOW)
    try:
        started = time.perf_counter()
        owner = build(store, opts.apps, opts.events)
        store.refresh_statistics()  # as autovacuum would on PostgreSQL (SQLite: nothing)
        print(f"built in {time.perf_counter() - started:.1f} s ({store.backend})")
        clock = FixedClock(NOW)
        resume = home / "resume.txt"
        resume.write_text(RESUME, encoding="utf-8")
        add_resume(store, owner, resume, clock)
        started = time.perf_counter()
        found = compute_insights(store, owner, clock)
        first = time.perf_counter() - started
        print(f"funnel: {', '.join(f'{s.label} {s.count:,}' for s in found.funnel.steps)}")
        gaps = found.skill_gaps
        assert gaps is not None
        print(f"skill gaps: {gaps.compared:,} rejected postings compared, {len(gaps.gaps)} shown")
        print(f"first run, every posting read for skills: {first * 1000:.0f} ms (then kept)")
        print(f"{'measure':<26} {'cold':>7} {'median':>7} {'best':>7} {'cpu med':>8}  target")
        for label, skills in (("all insights", True), ("  without the skill gaps", False)):
            cold, wall, cpu = measure(
                lambda s=skills: compute_insights(store, owner, clock, skills=s), opts.runs
            )
            print(
                f"{label:<26} {cold * 1000:>5.0f}ms {statistics.median(wall) * 1000:>5.0f}ms "
                f"{min(wall) * 1000:>5.0f}ms {statistics.median(cpu) * 1000:>6.0f}ms  "
                + ("< 300 ms" if skills else "(info)")
            )
        target = home / "report.html"
        cold, wall, cpu = measure(lambda: write_report(store, owner, clock, target), opts.runs)
        print(
            f"{'HTML report written':<26} {cold:>6.2f}s {statistics.median(wall):>6.2f}s "
            f"{min(wall):>6.2f}s {statistics.median(cpu):>7.2f}s  < 2 s "
            f"({target.stat().st_size / 1e6:.1f} MB)"
        )
    finally:
        store.close()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
