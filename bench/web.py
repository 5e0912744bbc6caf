"""Web latency: every page of the web app on 5,000 applications with their stage events.

Target: p95 under 100 ms per page. Requests run in-process through FastAPI's
TestClient (no network), each page 200 times after a warm-up; prints p50 and p95 per page.
The data: 5,000 applications spread over every stage (about 4 events each), 150 rejections
logged through the playbook (dwell windows, plans), 150 drafts, feedback and contacts. The
Resume rows come last: five resume versions (about 4,000 characters each) are added just
before them, and one application gets a job description to compare (so the rows above are
measured as before, without a resume). The Learning plan row gets 200 plan items (in every
state, a third from an application) added just before it.

    python bench/web.py [--apps 5000] [--requests 200] [--postgres URL]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from onward.clock import FixedClock
from onward.config import Settings
from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationFields, Channel
from onward.services.applications import move_application
from onward.services.drafts import create_draft
from onward.services.feedback import log_feedback
from onward.services.rejections import RejectionDetails, end_dwell, reject_application
from onward.web import collector
from onward.web.app import create_app

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
PATHS = [
    [Stage.APPLIED],
    [Stage.APPLIED, Stage.SCREEN],
    [Stage.APPLIED, Stage.SCREEN, Stage.ASSESSMENT],
    [Stage.APPLIED, Stage.SCREEN, Stage.INTERVIEW],
    [Stage.APPLIED, Stage.SCREEN, Stage.INTERVIEW, Stage.INTERVIEW, Stage.FINAL],
    [Stage.APPLIED, Stage.SCREEN, Stage.INTERVIEW, Stage.FINAL, Stage.OFFER],
    [Stage.APPLIED, Stage.GHOSTED],
    [Stage.APPLIED, Stage.SCREEN, Stage.WITHDRAWN],
    [Stage.SAVED],
]
WORDS = ["Acme", "Northwind", "Globex", "Initech", "Umbrella", "Fjord", "Kestrel", "Pine"]
ROLES = ["Data Analyst", "Engineer", "Product Manager", "Designer", "Operations Lead"]


def seed(app: object, n_apps: int) -> dict[str, int]:
    ws = app.state.workspace  # type: ignore[attr-defined]
    rng = random.Random(7)
    ids: list[int] = []
    talking: list[int] = []  # at a screen, interview or final now: can still be rejected
    with ws.store.transaction() as tx:
        for n in range(n_apps):
            path = rng.choice(PATHS)
            start = ws.clock.today() - timedelta(days=rng.randrange(60, 600))
            fields = ApplicationFields(
                company=f"{rng.choice(WORDS)} {n}",
                role=rng.choice(ROLES),
                channel=rng.choice(list(Channel)),
                excitement=rng.randint(1, 5),
                tags=(rng.choice(["remote", "dream", "local", "tech"]),),
            )
            app_id = tx.applications.insert(
                ws.owner.id,
                fields,
                stage=path[0],
                stage_on=start,
                reached=path[0],
                interview_round=None,
                now=ws.clock.now(),
            )
            tx.applications.add_event(
                ws.owner.id,
                app_id,
                stage=path[0],
                occurred_on=start,
                round=None,
                note=None,
                source="bench",
                now=ws.clock.now(),
            )
            for i, stage in enumerate(path[1:], start=1):
                on = start + timedelta(days=5 * i)
                move_application(ws.store, ws.owner, app_id, stage, ws.clock, on=on)
            ids.append(app_id)
            if path[-1] in (Stage.SCREEN, Stage.INTERVIEW, Stage.FINAL):
                talking.append(app_id)
    interviewed = talking[:150]
    for app_id in interviewed:
        reject_application(ws.store, ws.owner, app_id, RejectionDetails(), ws.clock)
        end_dwell(ws.store, ws.owner, app_id, ws.clock)
        create_draft(
            ws.store,
            ws.owner,
            app_id,
            "thank_you_after_rejection",
            ws.clock,
            sender_name="Bench Person",
        )
        log_feedback(ws.store, ws.owner, app_id, "Strong SQL; go deeper on modelling.", ws.clock)
    dwelling = talking[150]
    reject_application(ws.store, ws.owner, dwelling, RejectionDetails(), ws.clock)
    return {
        "app": ids[len(ids) // 2],
        "rejected": interviewed[0],
        "dwelling": dwelling,
        **seed_more(app, ids),
    }


def seed_more(app: object, ids: list[int]) -> dict[str, int]:
    """Journal, Goals, Contacts and Review data: 300 journal entries, 100 wins, 400 logged
    efforts, 300 contacts linked to applications, 200 mail proposals waiting for review."""
    from email.message import EmailMessage

    from onward.domain.emails import EmailLabel, EmailReading, EmailText
    from onward.domain.playbook.goals import Metric
    from onward.domain.records import ContactFields
    from onward.services.contacts import add_contact
    from onward.services.goals import log_effort
    from onward.services.journal import write_journal
    from onward.services.mail_import import import_messages
    from onward.services.review import list_proposals
    from onward.services.wins import add_win

    ws = app.state.workspace  # type: ignore[attr-defined]
    rng = random.Random(11)
    today = ws.clock.today()
    for day in range(300):
        write_journal(ws.store, ws.owner, rng.randint(1, 5), "A day in the search.", ws.clock,
                      on=today - timedelta(days=day), rest_day=day % 9 == 0)  # fmt: skip
    for n in range(100):
        add_win(ws.store, ws.owner, f"A small win {n}", ws.clock, on=today - timedelta(days=n))
    for n in range(400):
        metric = rng.choice([Metric.FOLLOW_UPS, Metric.LEARNING_HOURS, Metric.NETWORKING])
        log_effort(ws.store, ws.owner, metric, 1, ws.clock, on=today - timedelta(days=n % 200))
    contact = 0
    for n in range(300):
        contact = add_contact(ws.store, ws.owner, ContactFields(
            f"Person {n}", company=f"Company {n}", email=f"p{n}@example.org",
            next_checkin_on=today + timedelta(days=n % 30 - 10)), ws.clock,
            application_ids=(ids[n * 7 % len(ids)],)).id  # fmt: skip

    class Reader:
        def read(self, email: EmailText, person: str = "") -> EmailReading:
            company = email.subject.removeprefix("Your application to ")
            return EmailReading(EmailLabel.APPLICATION_RECEIVED, 0.9, ("thank you for applying",),
                                company=company, role="Analyst")  # fmt: skip

    syllables = ["ka", "lo", "mi", "ne", "ru", "so", "ta", "vi", "zu", "be"]
    messages = []
    for n in range(200):
        msg = EmailMessage()
        name = "".join(syllables[int(d)] for d in f"{n:03d}").capitalize() + " Labs"
        msg["From"] = f"Jobs <jobs@{name.split()[0].lower()}.example>"
        msg["Subject"] = f"Your application to {name}"
        msg["Date"] = "Tue, 17 Nov 2026 09:30:00 +0000"
        msg["Message-ID"] = f"<bench-{n}@example.org>"
        msg.set_content("Thank you for applying. We received your application.")
        messages.append((f"{n:05d}", bytes(msg)))
    import_messages(ws.store, ws.owner, "bench:mail", messages, Reader(), ws.clock)
    proposal = list_proposals(ws.store, ws.owner, limit=1)[0].id
    return {"contact": contact, "proposal": proposal}


RESUME_LINES = [
    "Data analyst with six years of SQL, Python and Tableau reporting for operations teams.",
    "Built Microsoft Excel and Power BI dashboards; data visualisation for senior leaders.",
    "Stakeholder management across finance, logistics and customer service departments.",
    "Led A/B testing and statistics reviews; mentored two junior analysts in pandas.",
    "Project management of a warehouse data migration; stock control reporting in SAP.",
]
POSTING = (
    "We are hiring a Data Analyst. You will write SQL and Python, build Tableau and Power BI "
    "dashboards, automate reports in Microsoft Excel, run A/B testing with sound statistics, "
    "work with dbt and Snowflake, and bring stakeholder management and clear communication. "
    "Experience with Airflow, Looker or machine learning is a plus."
)


def seed_plan(app: object) -> None:
    """200 learning-plan items: a quarter each planned, in progress, done and dropped; every
    third one from an application."""
    from onward.domain.playbook.learning_plan import ItemKind
    from onward.domain.records import ApplicationQuery
    from onward.services.applications import list_applications
    from onward.services.learning_plan import add_plan_item, move_plan_item

    ws = app.state.workspace  # type: ignore[attr-defined]
    kinds = list(ItemKind)
    ids = [a.id for a in list_applications(ws.store, ws.owner, ApplicationQuery(limit=500)).items]
    for n in range(200):
        linked = ids[n * 13 % len(ids)] if n % 3 == 0 else None
        item = add_plan_item(ws.store, ws.owner, kinds[n % len(kinds)], f"Skill {n}", ws.clock,
                               effort_hours=1 + n % 8, because=f"asked for by {n % 5 + 1} jobs",
                               application_id=linked)  # fmt: skip
        to = ("todo", "doing", "done", "dropped")[n % 4]
        if to != "todo":
            move_plan_item(ws.store, ws.owner, item.id, to, ws.clock)


def seed_resumes(app: object, app_id: int) -> None:
    """Five resume versions of about 4,000 characters, and a job description on ``app_id``."""
    from onward.services.applications import edit_application
    from onward.services.resumes import add_uploaded_resume

    ws = app.state.workspace  # type: ignore[attr-defined]
    for version in range(1, 6):
        body = "\n".join(f"- {RESUME_LINES[(version + n) % 5]} (role {n})" for n in range(42))
        text = f"# Bench Person, version {version}\n\n## Experience\n{body}\n"
        label = ("data", "short", "retail", "long", "analytics")[version - 1]
        add_uploaded_resume(ws.store, ws.owner, ws.settings.home, f"cv-{version}.md",
                            text.encode(), ws.clock, label=label)  # fmt: skip
    edit_application(ws.store, ws.owner, app_id, {"description": POSTING}, ws.clock)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apps", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--postgres", help="a PostgreSQL URL to use instead of SQLite (emptied!)")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="onward-bench-web-"))
    settings = Settings(
        home=home,
        database_url=args.postgres,
        sender_name="Bench Person",
        sender_email="bench@example.org",
    )
    app = create_app(settings, clock=FixedClock(NOW))
    started = time.perf_counter()
    ids = seed(app, args.apps)
    # as a database that has lived a while (PostgreSQL plans by statistics, which autovacuum
    # would otherwise refresh only at its next pass)
    app.state.workspace.store.refresh_statistics()  # type: ignore[attr-defined]
    collector.settle()  # as `onward serve` does once the app is built
    print(f"seeded {args.apps} applications in {time.perf_counter() - started:.1f} s ({home})")
    client = TestClient(app, base_url="http://127.0.0.1")
    token = re.search(r'csrf-token" content="(\w+)"', client.get("/").text)
    assert token is not None
    draft = re.search(r'href="/drafts/(\d+)"', client.get("/drafts").text)
    assert draft is not None
    a, r, d = ids["app"], ids["rejected"], ids["dwelling"]
    pages: list[tuple[str, str, dict[str, object] | None]] = [
        ("Today", "/", None),
        ("Board", "/board", None),
        ("Table", "/board/table", None),
        ("Table, sorted and filtered", "/board/table?sort=company&q=an&page=3", None),
        ("Application", f"/applications/{a}", None),
        ("Application (rejected)", f"/applications/{r}", None),
        ("Add application", "/applications/new", None),
        ("Edit application", f"/applications/{a}/edit", None),
        ("Log a rejection", f"/applications/{a}/reject", None),
        ("Rejection, dwell window", f"/applications/{d}/rejection", None),
        ("Rejection, the plan", f"/applications/{r}/rejection", None),
        ("Reflection form", f"/applications/{r}/reflect", None),
        ("Drafts", "/drafts", None),
        ("Draft", f"/drafts/{draft.group(1)}", None),
        (
            "Live draft check (JSON)",
            f"/api/drafts/{draft.group(1)}/check",
            {"subject": "Thank you", "body": "Dear Tom,\n\nThank you for your time.", "to": ""},
        ),
        ("Journal & wins", "/journal", None),
        ("Goals", "/goals", None),
        ("Learning plan", "/plan", None),  # 200 items are added first
        ("Contacts", "/contacts", None),
        ("Contact", f"/contacts/{ids['contact']}", None),
        ("Mail", "/mail", None),
        ("Review", "/review", None),
        ("Review, one proposal", f"/review/{ids['proposal']}", None),
        ("Insights", "/insights?anyway=1", None),
        ("Import & export", "/data", None),
        ("Settings", "/settings", None),
        ("Today, no dwell window open", "/", None),  # the dwell window is ended first
        ("Resume", "/resume", None),  # five versions are added first
        ("Resume, one version", "/resume/3", None),
        ("Application, resume match", f"/applications/{a}", None),
    ]
    print(f"{'page':<30} {'p50 ms':>8} {'p95 ms':>8}   ({args.requests} requests each)")
    worst = 0.0
    for name, url, payload in pages:
        if name.startswith("Today, no dwell"):
            ws = app.state.workspace
            end_dwell(ws.store, ws.owner, d, ws.clock)
        if name == "Resume":
            seed_resumes(app, a)
        if name == "Learning plan":
            seed_plan(app)
        timings = []
        for i in range(args.requests + 5):
            begin = time.perf_counter()
            if payload is None:
                response = client.get(url)
            else:
                response = client.post(url, json=payload, headers={"x-csrf-token": token.group(1)})
            elapsed = (time.perf_counter() - begin) * 1000
            if response.status_code != 200:
                sys.exit(f"{url} answered {response.status_code}")
            if i >= 5:  # warm-up
                timings.append(elapsed)
        p95 = percentile(timings, 95)
        worst = max(worst, p95)
        print(f"{name:<30} {statistics.median(timings):>8.1f} {p95:>8.1f}")
    print(f"worst p95: {worst:.1f} ms (target < 100 ms)")


if __name__ == "__main__":
    main()
