"""Kill `onward mail import` with SIGKILL at random points, resume it, compare with a clean run.

    python bench/kill_import.py [--messages 20000] [--kills 20] [--seed 1]
                                [--database-url postgresql+psycopg://user@host/db] [--mbox PATH]

Writes a made-up mailbox (the synthetic inbox generator; or takes ``--mbox``), trains the
reader once, then imports the mailbox twice with the real command in a child process, each
into a database of its own: once without interruption, and once killed ``--kills`` times
(SIGKILL after a random, seeded delay; each kill is followed by a rerun that resumes, the
last one runs to the end). It then compares the two databases: the messages (none lost,
none doubled, each read the same), the quarantine, the proposals (kind, payload, what they
wait for, by message) and the applications. With ``--database-url`` (PostgreSQL) the two
databases are created beside the one named and dropped at the end; otherwise SQLite files
in a temporary folder. Prints the figures and exits non-zero when the two runs differ.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from onward.db.engine import make_engine
from onward.db.migrate import upgrade

ONWARD = [sys.executable, "-m", "onward"]
ROOT = Path(__file__).resolve().parent.parent


def synthetic() -> Any:
    """The made-up mailbox generator, wherever it lives (tests/support or the package)."""
    sys.path.insert(0, str(ROOT / "tests" / "support"))
    sys.path.insert(0, str(ROOT))
    for name in ("tests.support.synthetic_mail", "synthetic_mail", "onward.mail.synthetic"):
        try:
            return __import__(name, fromlist=["synthetic_inbox", "write_mbox"])
        except ImportError:
            continue
    raise SystemExit("no synthetic inbox generator found: pass --mbox PATH")


def import_once(mbox: Path, env: dict[str, str], kill_after: float | None) -> str:
    """One `onward mail import`; killed after ``kill_after`` seconds unless it ends first.
    Returns "killed", "finished" or raises when the import failed."""
    child = subprocess.Popen(
        [*ONWARD, "mail", "import", str(mbox), "--json"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        child.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
        return "killed"
    finally:
        assert child.stderr is not None
        err = child.stderr.read().decode()
        child.stderr.close()
    if child.returncode != 0:
        raise SystemExit(f"the import failed ({child.returncode}):\n{err}")
    return "finished"


def stored(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        count = int(conn.execute(text("SELECT COUNT(*) FROM mail_messages")).scalar_one())
    engine.dispose()
    return count


def snapshot(url: str) -> dict[str, Any]:
    """What an import left, with database ids replaced by what they stand for."""
    engine = create_engine(url)
    with engine.connect() as conn:
        messages = conn.execute(
            text(
                "SELECT id, dedupe_key, label, confidence, details, prefiltered, application_id,"
                " learnt_company, html FROM mail_messages"
            )
        ).fetchall()
        proposals = conn.execute(
            text(
                "SELECT id, mail_message_id, application_id, kind, payload, status"
                " FROM mail_proposals"
            )
        ).fetchall()
        quarantine = conn.execute(text("SELECT source_key, reason FROM mail_quarantine")).fetchall()
        applications = conn.execute(
            text("SELECT company, role, stage FROM applications")
        ).fetchall()
    engine.dispose()
    key_of = {m.id: m.dedupe_key for m in messages}
    name_of = {p.id: (key_of[p.mail_message_id], p.kind) for p in proposals}

    def loads(value: Any) -> dict[str, Any]:
        return dict(value if isinstance(value, dict) else json.loads(value or "{}"))

    def plain(payload: dict[str, Any]) -> str:
        for ref in ("create_proposal", "pending_create"):
            if isinstance(payload.get(ref), int):
                payload[ref] = name_of.get(payload[ref], ("?", "?"))
        return json.dumps(payload, sort_keys=True, default=str)

    return {
        "keys": Counter(m.dedupe_key for m in messages),
        "messages": {
            m.dedupe_key: (
                m.label,
                round(m.confidence, 4),
                plain(loads(m.details)),
                bool(m.prefiltered),
                m.application_id,
                m.learnt_company,
                len(m.html or ""),
            )
            for m in messages
        },
        "proposals": Counter(
            (key_of[p.mail_message_id], p.kind, p.application_id, p.status, plain(loads(p.payload)))
            for p in proposals
        ),
        "quarantine": Counter((q.source_key, q.reason) for q in quarantine),
        "applications": Counter(tuple(a) for a in applications),
    }


def compare(clean: dict[str, Any], resumed: dict[str, Any]) -> dict[str, int]:
    lost = set(clean["keys"]) - set(resumed["keys"])
    doubled = sum(n - 1 for n in resumed["keys"].values() if n > 1)
    differ = [k for k, v in clean["messages"].items() if resumed["messages"].get(k, v) != v]
    extra = resumed["proposals"] - clean["proposals"]
    missing = clean["proposals"] - resumed["proposals"]
    for what, rows in (("extra", extra), ("missing", missing)):
        for row in list(rows)[:5]:
            print(f"  {what} proposal: {row}")
    for key in differ[:5]:
        print(f"  message {key} read differently:\n    {clean['messages'][key]}\n"
              f"    {resumed['messages'][key]}")  # fmt: skip
    return {
        "messages_lost": len(lost),
        "messages_doubled": doubled,
        "messages_read_differently": len(differ),
        "proposals_extra": sum(extra.values()),
        "proposals_missing": sum(missing.values()),
        "quarantine_differs": int(clean["quarantine"] != resumed["quarantine"]),
        "applications_differ": int(clean["applications"] != resumed["applications"]),
    }


def databases(base: str | None, work: Path) -> tuple[list[str], Any]:
    """Two empty databases (clean, resumed) and how to drop them."""
    if base is None:
        return [f"sqlite:///{work / 'clean.db'}", f"sqlite:///{work / 'resumed.db'}"], None
    url = make_url(base)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    names = [f"onward_kill_{which}_{uuid.uuid4().hex[:8]}" for which in ("clean", "resumed")]
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return [url.set(database=n).render_as_string(hide_password=False) for n in names], drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", default=None, help="PostgreSQL; default SQLite files")
    parser.add_argument("--mbox", type=Path, default=None, help="import this mbox instead")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="onward-bench-kill-"))
    home = work / "home"
    mbox = args.mbox or work / "inbox.mbox"
    if args.mbox is None:
        gen = synthetic()
        gen.write_mbox(mbox, gen.synthetic_inbox(args.messages, seed=args.seed))
    (clean_url, resumed_url), drop = databases(args.database_url, work)
    for url in (clean_url, resumed_url):  # migrated first: the kills are about the import
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
    env = dict(os.environ, ONWARD_HOME=str(home), NO_COLOR="1")
    subprocess.run([*ONWARD, "model", "train"], env=env | {"ONWARD_DATABASE_URL": clean_url},
                   check=True, capture_output=True)  # fmt: skip
    try:
        started = time.perf_counter()
        import_once(mbox, env | {"ONWARD_DATABASE_URL": clean_url}, None)
        clean_seconds = time.perf_counter() - started
        print(f"clean import of {mbox.stat().st_size / 1e6:.0f} MB: {clean_seconds:.1f} s")
        rng = random.Random(args.seed)
        outcomes: Counter[str] = Counter()
        started = time.perf_counter()
        resumed_env = env | {"ONWARD_DATABASE_URL": resumed_url}
        total = stored(clean_url)
        for done in range(args.kills):
            # from the child's start-up to past its share of what is left to import
            left = clean_seconds * (1 - stored(resumed_url) / total)
            delay = rng.uniform(0.2, 1.5 + 2 * left / (args.kills - done))
            outcomes[import_once(mbox, resumed_env, delay)] += 1
        import_once(mbox, resumed_env, None)
        took = time.perf_counter() - started
        print(
            f"killed {outcomes['killed']} times ({outcomes['finished']} runs ended before "
            f"their kill), then resumed to the end: {took:.1f} s"
        )
        clean, resumed = snapshot(clean_url), snapshot(resumed_url)
        figures = compare(clean, resumed)
        total = {
            k: (sum(clean[k].values()), sum(resumed[k].values())) for k in ("keys", "proposals")
        }
        print(
            f"messages {total['keys'][0]:,} (clean) / {total['keys'][1]:,} (resumed); "
            f"proposals {total['proposals'][0]:,} / {total['proposals'][1]:,}"
        )
        print(", ".join(f"{k.replace('_', ' ')} {v}" for k, v in figures.items()))
        same = not any(figures.values())
        print("resumed import equals the clean one: " + ("yes" if same else "NO"))
    finally:
        if drop is not None:
            drop()
    raise SystemExit(0 if same else 1)


if __name__ == "__main__":
    main()
