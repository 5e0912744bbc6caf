"""Review page latency: the review queue with 5,000 pending proposals.

Target: p95 under 150 ms for the review page. Requests run in-process through FastAPI's
TestClient (no network), each page ``--requests`` times after a warm-up; prints p50 and p95.
The data: 5,000 job emails imported through the real import (a fixed reading standing in
for the classifier), one proposal each: a new application, or (every fifth) a rejection for
one of 300 tracked applications, from its recruiter. A third of the senders are contacts of
those applications (their proposals are sure), the rest strangers ("maybe"); every seventh
email is read below the maybe line; the emails spread over 60 days, 25 of them replies.

    python bench/review_page.py [--proposals 5000] [--requests 100] [--postgres URL]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from fastapi.testclient import TestClient

from onward.clock import FixedClock
from onward.config import Settings
from onward.domain.emails import EmailLabel, EmailReading, EmailText, RejectionReason
from onward.domain.records import ApplicationFields, ContactFields
from onward.services.applications import add_application
from onward.services.contacts import add_contact
from onward.services.mail_import import import_messages
from onward.web import collector
from onward.web.app import create_app

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def company(n: int) -> str:
    """The ``n``-th company name, unlike any other (none match each other)."""
    digest = hashlib.sha256(f"review-bench-{n}".encode()).digest()
    word = "".join("bdfgklmnprstvz"[b % 14] + "aeiou"[b // 14 % 5] for b in digest[:5])
    return f"{word.capitalize()} {('Labs', 'Works', 'Group', 'Health')[digest[6] % 4]}"


class Reader:
    """Reads the bench's emails as their subject says (the classifier is a true edge)."""

    def read(self, email: EmailText, person: str = "") -> EmailReading:
        kind, _, rest = email.subject.partition(": ")
        name, _, sure = rest.rpartition(" @")
        label = EmailLabel.REJECTION if kind == "No" else EmailLabel.APPLICATION_RECEIVED
        reason = RejectionReason.STRONGER_CANDIDATES if kind == "No" else None
        return EmailReading(label, float(sure), ("thank you for applying",), company=name,
                            role="Analyst", reason=reason)  # fmt: skip


def seed(app: object, count: int) -> None:
    ws = app.state.workspace  # type: ignore[attr-defined]
    rng = random.Random(5)
    for n in range(300):  # senders the person has dealt with
        tracked = add_application(
            ws.store, ws.owner, ApplicationFields(company=f"Tracked {n}", role="Analyst"),
            ws.clock,
        )  # fmt: skip
        add_contact(ws.store, ws.owner, ContactFields(f"Recruiter {n}",
                    email=f"jobs@known{n}.example"), ws.clock,
                    application_ids=(tracked.id,))  # fmt: skip
    messages = []
    for n in range(count):
        msg = EmailMessage()
        reply = n % 200 == 1  # a rejection answering the one before, about a tracked job
        rejection = n % 5 == 0 or reply
        tracked = (n - 1 if reply else n) % 300
        known = n % 3 == 0 or rejection
        msg["From"] = f"jobs@known{tracked}.example" if known else f"hr@firm{n}.example"
        sure = 0.6 if n % 7 == 0 else round(rng.uniform(0.72, 0.99), 2)
        name = f"Tracked {tracked}" if rejection else company(n)
        msg["Subject"] = f"{'No' if rejection else 'Thanks'}: {name} @{sure}"
        sent = NOW - timedelta(days=rng.randrange(1, 60), minutes=n)
        msg["Date"] = format_datetime(sent)
        msg["Message-ID"] = f"<review-bench-{n}@example.org>"
        if reply:
            msg["In-Reply-To"] = f"<review-bench-{n - 1}@example.org>"
        msg.set_content("Thank you for applying. We received your application.")
        messages.append((f"{n:05d}", bytes(msg)))
    import_messages(ws.store, ws.owner, "bench:review", messages, Reader(), ws.clock)
    ws.store.refresh_statistics()


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


PAGES = [
    ("Review", "/review"),
    ("Review, page 40", "/review?page=40"),
    ("Review, maybe only", "/review?group=maybe"),
    ("Review, by application", "/review?by=application"),
    ("Review, by thread", "/review?by=thread"),
    ("Review, filtered", "/review?kind=log_rejection&sure_min=80&company=la&since=2026-10-15"),
    ("Review, everything ticked", "/review?select=1"),
    ("Preview, at least 90% sure", "/review/preview?sure=90"),
    ("Preview, all that match", "/review/preview?all=1&kind=log_rejection"),
    ("API, proposals page 3", "/api/v1/proposals?per_page=100&page=3"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=5000, help="job emails to import")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--postgres", help="a PostgreSQL URL to use instead of SQLite (emptied!)")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="onward-bench-review-"))
    settings = Settings(home=home, database_url=args.postgres, sender_name="Bench Person",
                        sender_email="bench@example.org")  # fmt: skip
    app = create_app(settings, clock=FixedClock(NOW))
    started = time.perf_counter()
    seed(app, args.proposals)
    collector.settle()  # as `onward serve` does once the app is built
    client = TestClient(app, base_url="http://127.0.0.1")
    page = client.get("/review").text
    totals = page.split('class="review-totals"', 1)[1].split("</p>", 1)[0]
    print(f"seeded in {time.perf_counter() - started:.1f} s: {' '.join(totals.split())[15:]}")
    print(f"{'page':<34} {'p50 ms':>8} {'p95 ms':>8} {'cpu p50':>8} {'cpu p95':>8}"
          f"   ({args.requests} requests each)")  # fmt: skip
    worst = 0.0
    for name, url in PAGES:
        timings, cpu = [], []
        for i in range(args.requests + 5):
            begin, begin_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed = (time.perf_counter() - begin) * 1000
            used = (time.process_time() - begin_cpu) * 1000
            if response.status_code != 200:
                sys.exit(f"{url} answered {response.status_code}")
            if i >= 5:  # warm-up
                timings.append(elapsed)
                cpu.append(used)
        p95 = percentile(timings, 95)
        worst = max(worst, p95)
        print(f"{name:<34} {statistics.median(timings):>8.1f} {p95:>8.1f} "
              f"{statistics.median(cpu):>8.1f} {percentile(cpu, 95):>8.1f}")  # fmt: skip
    print(f"worst p95: {worst:.1f} ms (target < 150 ms)")
    print(
        "cpu: the process's CPU time per request, which other programs on a busy machine do "
        "not inflate as much as the wall clock"
    )


if __name__ == "__main__":
    main()
