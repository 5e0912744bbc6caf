"""Benchmark `onward mail sync` against a real Dovecot: a first sync of a 10,000-message
folder, then an incremental sync of the same, unchanged folder.

Target: the incremental sync of the unchanged folder under 1 s. It is timed as the
real command in a fresh process (`onward mail sync --json`: start-up, TLS, login, EXAMINE,
the database), and also in-process (the service alone). The reader is trained before the
clock starts. The folder is made up on the spot: mostly everyday mail, some HTML, a few per
cent job mail, all in our own words.

    python -m bench.imap_sync [--messages 10000] [--runs 5]   (from the repository root,
    so that ``tests.support`` is importable)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.support.dovecot_server import DovecotServer, available

EVERYDAY = [
    ("Garden Club", "news@gardenclub.example", "This month: {a} and the seed swap"),
    ("City Library", "notices@library.example", "Your hold on {a} is ready"),
    ("Corner Bakery", "hello@bakery.example", "Fresh {a} this weekend"),
    ("Sam", "sam@friends.example", "Photos from {a}"),
    ("Transit Card", "billing@transit.example", "Receipt for your {a} top-up"),
]
TOPICS = ["late tomatoes", "the lake trip", "sourdough", "the quiz night", "winter bulbs"]
JOBS = [
    ("Brightpath Talent", "talent@brightpath.example", "Your application for Data Analyst",
     "Thank you for applying. After careful review we will not be moving forward with your "
     "application at this time. We wish you the best in your search."),
    ("Lumen Recruiting", "jobs@lumen.example", "Interview invitation: Product Analyst",
     "We would like to invite you to a video interview for the Product Analyst role. Please "
     "pick a time that suits you next week."),
    ("Harbor Health", "careers@harbor.example", "We received your application",
     "Thanks for applying to the Clinical Data Analyst position. Our team will review your "
     "application and get back to you."),
]  # fmt: skip


def make_message(n: int, rng: random.Random) -> bytes:
    if rng.random() < 0.03:
        name, address, subject, body = rng.choice(JOBS)
    else:
        name, address, template = rng.choice(EVERYDAY)
        subject = template.format(a=rng.choice(TOPICS))
        body = " ".join(rng.choice(TOPICS) for _ in range(rng.randint(20, 120)))
    head = (
        f"From: {name} <{address}>\r\nTo: ana@example.org\r\nSubject: {subject}\r\n"
        f"Date: Mon, 16 Nov 2026 09:{n % 60:02d}:00 +0000\r\n"
        f"Message-ID: <bench-{n}@{address.split('@')[1]}>\r\n"
    )
    if rng.random() < 0.3:
        return (
            head + "Content-Type: text/html; charset=utf-8\r\n\r\n"
            f"<html><body><p>Hello Ana,</p><p>{body}</p></body></html>\r\n"
        ).encode()
    return (
        head + f"Content-Type: text/plain; charset=utf-8\r\n\r\nHello Ana,\r\n\r\n{body}\r\n"
    ).encode()


def command(env: dict[str, str], *args: str) -> tuple[float, dict[str, object]]:
    onward = Path(sys.executable).with_name("onward")
    started = time.perf_counter()
    done = subprocess.run(
        [str(onward), *(args or ("mail", "sync", "--json"))],
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"onward {' '.join(args)} failed: {done.stderr.strip()}")
    return seconds, json.loads(done.stdout) if not args else {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not available():
        raise SystemExit("Dovecot is not installed (apt-get install dovecot-imapd)")
    server = DovecotServer().start()
    try:
        run(server, args.messages, args.runs)
    finally:
        server.stop()


def run(server: DovecotServer, count: int, runs: int) -> None:
    from onward.clock import SystemClock
    from onward.config import Settings
    from onward.mail.passwords import Passwords
    from onward.services.mail_accounts import AccountRequest, account_fields, add_mail_account
    from onward.services.mail_sync import sync_mail
    from onward.services.review import open_mail_reader
    from onward.services.runtime import open_workspace

    user, password = server.add_user()
    rng = random.Random(4)
    server.write_messages(user, [make_message(n, rng) for n in range(count)])
    home = Path(tempfile.mkdtemp(prefix="onward-bench-imap-"))
    env = {
        **os.environ,
        "ONWARD_HOME": str(home),
        "ONWARD_MAIL_PASSWORD": password,
        "SSL_CERT_FILE": str(server.cert),
    }
    env.pop("ONWARD_DATABASE_URL", None)
    settings = Settings(home=home)
    ws = open_workspace(settings, SystemClock())
    request = AccountRequest(
        "bench", "ana@example.org", imap_host=server.host, imap_port=server.imaps_port,
        username=user,
    )  # fmt: skip
    passwords = Passwords(env)
    add_mail_account(
        ws.store, ws.owner, account_fields(request), ws.clock, passwords=passwords, password=None
    )
    started = time.perf_counter()
    open_mail_reader(ws.store, ws.owner, home / "models")
    print(f"reader trained in {time.perf_counter() - started:.1f} s (not timed below)")

    first, report = command(env)
    folder = report["accounts"][0]["folders"][0]  # type: ignore[index]
    summary = folder["summary"]
    print(
        f"first sync of {count:,} messages: {first:.2f} s "
        f"({count / first:,.0f} messages/s; new {summary['new']:,}, "
        f"job mail {sum(summary['job_mail'].values())})"
    )
    walls, lists = [], []
    for _ in range(runs):  # `onward list` alongside, to show how loaded the machine is
        walls.append(command(env)[0])
        lists.append(command(env, "list")[0])
    os.environ["SSL_CERT_FILE"] = str(server.cert)
    inside = []
    for _ in range(runs):
        started = time.perf_counter()
        again = sync_mail(
            ws.store,
            ws.owner,
            ws.clock,
            passwords=passwords,
            open_reader=lambda: None,  # type: ignore[arg-type, return-value]
        )
        inside.append(time.perf_counter() - started)
        assert again.accounts[0].folders[0].found == 0
    print(
        f"incremental sync, unchanged folder (`onward mail sync`, fresh process): "
        f"median {statistics.median(walls):.3f} s, best {min(walls):.3f} s (target < 1 s); "
        f"`onward list` at the same time: median {statistics.median(lists):.3f} s"
    )
    print(
        f"incremental sync, unchanged folder (service in-process): "
        f"median {statistics.median(inside) * 1000:.0f} ms"
    )
    ws.close()


if __name__ == "__main__":
    main()
