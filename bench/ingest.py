"""Benchmark `onward mail import` end to end on a made-up inbox: messages per second, peak RSS.

    python -m bench.ingest [--messages 100000] [--job-share 0.03] [--database-url URL]

(as a module, from the repository root, so that ``tests.support`` is importable). Generates an
mbox that looks like a real inbox (tests/support/synthetic_mail.py: mostly non-job mail, HTML
and plain, attachments, base64 text, encoded subjects, a few per cent job mail), trains
the reader once, then runs the real command, `onward mail import MBOX --json`, in a child
process twice: the first import (everything new) and a second one of the same, unchanged
mailbox. For each it prints wall time, messages per second and the child's peak RSS (from
wait4, so the parent's work does not count). It then checks the job mail against the
generator's truth: how many job messages the cheap prefilter set aside unread (should be 0)
and how many the reader labelled as job mail. Targets: >= 2,000 messages/s, peak RSS
< 300 MB whatever the mailbox size, second import < 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text
from tests.support.synthetic_mail import synthetic_inbox, write_mbox

from onward.db.engine import make_engine

ONWARD = [sys.executable, "-m", "onward"]


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, str, float]:
    """Run a command; wall seconds, peak RSS in MB (the child's own), stdout, CPU seconds."""
    started = time.perf_counter()
    child = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)  # the child's own rusage (output is small)
    seconds = time.perf_counter() - started
    assert child.stdout is not None and child.stderr is not None
    out, err = child.stdout.read(), child.stderr.read()
    child.stdout.close()
    child.stderr.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{err.decode()}")
    return seconds, usage.ru_maxrss / 1024, out.decode(), usage.ru_utime + usage.ru_stime


def job_check(url: str, truth: dict[str, str]) -> dict[str, Any]:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT message_id, label, prefiltered FROM mail_messages")
        ).fetchall()
    engine.dispose()
    stored = {r[0]: (r[1], bool(r[2])) for r in rows}
    missing = [m for m in truth if m not in stored]
    set_aside = [m for m in truth if m in stored and stored[m][1]]
    as_job = [m for m in truth if m in stored and stored[m][0] != "other"]
    right = [m for m in as_job if stored[m][0] == truth[m]]
    false_job = sum(1 for m, (label, _) in stored.items() if label != "other" and m not in truth)
    return {
        "job_messages": len(truth),
        "missing": len(missing),
        "set_aside_by_prefilter": len(set_aside),
        "read_as_job_mail": len(as_job),
        "right_label": len(right),
        "non_job_read_as_job": false_job,
        "stored": len(stored),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--job-share", type=float, default=0.03)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temp folder")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder, keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="onward-bench-ingest-"))
    work.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    for old in home.glob("onward.db*"):
        old.unlink()  # every run starts from an empty database
    mbox = work / "inbox.mbox"
    url = args.database_url or f"sqlite:///{home / 'onward.db'}"
    env = dict(os.environ, ONWARD_HOME=str(home), ONWARD_DATABASE_URL=url, NO_COLOR="1")

    started = time.perf_counter()
    truth: dict[str, str] = {}

    def messages() -> Any:
        for msg in synthetic_inbox(args.messages, seed=args.seed, job_share=args.job_share):
            if msg.job_label:
                truth[msg.message_id] = msg.job_label
            yield msg

    counts = write_mbox(mbox, messages())
    size_mb = mbox.stat().st_size / 1e6
    print(
        f"generated {args.messages:,} messages ({size_mb:,.0f} MB, {len(truth):,} job mail) "
        f"in {time.perf_counter() - started:.1f} s"
    )
    print("  kinds: " + ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items())))
    run([*ONWARD, "model", "train"], env)  # the first import should not pay for training
    print(f"load average before importing: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    seconds, rss, out, cpu = run([*ONWARD, "mail", "import", str(mbox), "--json"], env)
    summary = json.loads(out)
    rate = summary["read"] / seconds
    print(
        f"first import:  {summary['read']:,} messages in {seconds:.1f} s = {rate:,.0f} messages/s,"
        f" peak RSS {rss:.0f} MB"
    )
    print(
        f"  CPU time {cpu:.1f} s = {summary['read'] / cpu:,.0f} messages per CPU second "
        f"(what one free core would do; wall time includes waiting on a busy machine)"
    )
    print(
        f"  new {summary['new']:,}, already seen {summary['already_seen']:,}, prefiltered "
        f"{summary['prefiltered']:,}, job mail {summary['job_mail']}, held back "
        f"{summary['held_back']:,}, proposals "
        f"{summary['proposals']:,}, quarantined {summary['quarantined']:,}"
    )
    seconds2, rss2, out2, cpu2 = run([*ONWARD, "mail", "import", str(mbox), "--json"], env)
    again = json.loads(out2)
    print(
        f"second import: {seconds2:.2f} s, {cpu2:.2f} s CPU (unchanged: "
        f"{again['skipped_unchanged']}), peak RSS {rss2:.0f} MB"
    )
    check = job_check(url, truth)
    print(
        f"job mail: {check['job_messages']:,} written, {check['missing']} missing, "
        f"{check['set_aside_by_prefilter']} set aside unread by the prefilter, "
        f"{check['read_as_job_mail']:,} read as job mail ({check['right_label']:,} with the "
        f"right label); {check['non_job_read_as_job']} non-job messages read as job mail"
    )
    targets = (rate >= 2000, rss < 300, seconds2 < 2, check["set_aside_by_prefilter"] == 0)
    print(
        "targets (>= 2,000/s, < 300 MB, second < 2 s, no job mail set aside): "
        + ", ".join("met" if t else "MISSED" for t in targets)
    )


if __name__ == "__main__":
    main()
