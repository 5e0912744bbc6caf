"""Time the evidence page of a huge, hostile HTML email: import cost, page time, peak memory.

    python bench/evidence_page.py [--megabytes 40] [--views 5] [--database-url URL]

Writes one job email whose HTML part is ``--megabytes`` of nested, unclosed, scripted HTML,
imports it through the real import (a fixed reading stands in for the classifier), then
asks the app (in-process, TestClient) for its evidence page ``/review/{id}`` ``--views``
times. Prints the import's time, each view's time and the process's peak RSS. Targets: every
view under 1 s, peak RSS under 200 MB beyond the email itself (the page shows the HTML that
was cleaned and cut to 1 MB at import; before, it cleaned the original on every view).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

from fastapi.testclient import TestClient

from onward.clock import FixedClock
from onward.config import Settings
from onward.domain.emails import EmailLabel, EmailReading, EmailText
from onward.services.mail_import import import_messages
from onward.services.review import list_proposals
from onward.web.app import create_app

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
UNIT = (
    '<div onclick="steal()"><script>alert(1)</script><img src="https://t.example/p.gif">'
    '<p style="color:red">Thank you <a href="javascript:alert(2)">for applying</a><b><i>'
)


class Reader:
    def read(self, email: EmailText, person: str = "") -> EmailReading:
        return EmailReading(
            EmailLabel.APPLICATION_RECEIVED, 0.9, ("thank you for applying",),
            company="Quillstack", role="Data Analyst",
        )  # fmt: skip


def hostile_email(megabytes: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Jobs <jobs@quillstack.example>"
    msg["Subject"] = "Your application to Quillstack"
    msg["Date"] = "Tue, 17 Nov 2026 09:30:00 +0000"
    msg["Message-ID"] = "<hostile-html@quillstack.example>"
    msg.set_content("Thank you for applying. We received your application.")
    msg.add_alternative(UNIT * (megabytes * 1_000_000 // len(UNIT)), subtype="html")
    return bytes(msg)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=40)
    parser.add_argument("--views", type=int, default=5)
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temp folder")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="onward-bench-evidence-"))
    settings = Settings(home=home, database_url=args.database_url)
    app = create_app(settings, clock=FixedClock(NOW))
    ws = app.state.workspace
    raw = hostile_email(args.megabytes)
    path = home / "hostile.eml"
    path.write_bytes(raw)
    before = peak_mb()
    started = time.perf_counter()
    source = f"eml:{path.resolve()}"
    import_messages(ws.store, ws.owner, source, [(path.name, raw)], Reader(), ws.clock)
    print(f"import of one {len(raw) / 1e6:.0f} MB email: {time.perf_counter() - started:.2f} s")
    del raw
    proposal = list_proposals(ws.store, ws.owner, limit=1)[0].id
    client = TestClient(app, base_url="http://127.0.0.1")
    times = []
    for _ in range(args.views):
        started = time.perf_counter()
        page = client.get(f"/review/{proposal}")
        times.append(time.perf_counter() - started)
        assert page.status_code == 200 and "Onward kept only the first part" in page.text
    print("evidence page: " + ", ".join(f"{t * 1000:.0f} ms" for t in times))
    print(f"peak RSS {peak_mb():.0f} MB ({before:.0f} MB before importing)")
    print(
        "targets (every view < 1 s, < 200 MB beyond the email): "
        + ("met" if max(times) < 1 and peak_mb() - before < 200 + args.megabytes * 2 else "MISSED")
    )


if __name__ == "__main__":
    main()
