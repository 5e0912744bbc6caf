"""No message can stop the mail: import a mailbox of hostile email and count what happened.

    python -m bench.fuzz_import [--messages 20000] [--seed 2026] [--database-url URL]

(from the repository root; ``python bench/fuzz_import.py`` works too). Writes an mbox of
``--messages`` emails from the seeded fuzz generator (``tests/support/fuzz_mail.py``: made-up
job and everyday mail, each damaged in one of its mutation kinds, every kind in turn),
imports it in-process through ``onward.services.mail.import_path`` (what ``onward mail
import`` runs) with the real reader, then imports it again after touching the file, so
every message is read a second time. Prints messages read, stored, quarantined, already
seen, crashes (each with its kind, exception and where it was raised), what the rerun
stored anew, wall and CPU seconds (this process; not the PostgreSQL server's), and stored
and quarantined counts per mutation kind. Targets: 0 crashes, stored + quarantined +
already seen = read, a rerun adds nothing. With ``--database-url`` (PostgreSQL) a scratch
database is made beside the one named and dropped afterwards; SQLite uses a temp folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from tests.support.fuzz_import import FuzzOutcome, fuzz_import
from tests.support.fuzz_mail import KINDS, fuzz_messages, write_mbox

from onward.config import Settings
from onward.db.engine import normalise_url
from onward.services.review import open_mail_reader
from onward.services.runtime import open_workspace


@contextmanager
def scratch_database(url: str | None, home: Path) -> Iterator[str]:
    """An empty database for this run: SQLite in ``home``, or a new PostgreSQL database."""
    if url is None or url.startswith("sqlite"):
        for old in home.glob("onward.db*"):
            old.unlink()
        yield f"sqlite:///{home / 'onward.db'}"
        return
    base = make_url(normalise_url(url))
    name = f"onward_fuzz_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def report(out: FuzzOutcome, kinds: dict[str, str], cpu: float) -> None:
    print(f"messages read:       {out.read:,}")
    print(f"stored:              {out.new:,}  (rows in mail_messages: {out.stored_rows:,})")
    print(f"quarantined:         {out.quarantined:,}  (rows: {out.quarantine_rows:,})")
    print(f"already seen:        {out.already_seen:,}  (a Message-ID repeated in the mailbox)")
    adds_up = out.new + out.quarantined + out.already_seen == out.read
    print(f"counts add up:       {'yes' if adds_up else 'NO'}")
    print(f"crashes:             {len(out.crashes):,}")
    if out.crashes:
        print("  " + out.crash_report(40).replace("\n", "\n  "))
    print(f"rerun: read {out.rerun_read:,}, new {out.rerun_new:,}, rows added "
          f"{out.rerun_rows_added:,}")  # fmt: skip
    rate = out.read / out.seconds if out.seconds else 0
    print(f"seconds:             import {out.seconds:.1f} ({rate:,.0f} messages/s), rerun "
          f"{out.rerun_seconds:.1f}, CPU {cpu:.1f} for both")  # fmt: skip
    total = {kind: 0 for kind in KINDS}
    for kind in kinds.values():
        total[kind] += 1
    crashed = {c.kind for c in out.crashes}
    print(f"\n{'kind':32} {'messages':>8} {'stored':>7} {'quarantined':>11} {'crashed':>8}")
    for kind in KINDS:
        n_crash = sum(c.kind == kind for c in out.crashes) if kind in crashed else 0
        print(
            f"{kind:32} {total[kind]:8,} {out.stored_by_kind[kind]:7,} "
            f"{out.quarantined_by_kind[kind]:11,} {n_crash:8,}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temp folder")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder, keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="onward-bench-fuzz-"))
    home = work / "home"
    home.mkdir(parents=True, exist_ok=True)
    mbox = work / "fuzz.mbox"
    started = time.perf_counter()
    kinds = write_mbox(mbox, fuzz_messages(args.messages, seed=args.seed))
    print(
        f"generated {len(kinds):,} hostile messages ({mbox.stat().st_size / 1e6:,.0f} MB, "
        f"{len(KINDS)} mutation kinds, seed {args.seed}) in {time.perf_counter() - started:.1f} s"
    )
    with scratch_database(args.database_url, home) as url:
        ws = open_workspace(Settings(home=home, database_url=url))
        try:
            reader = open_mail_reader(ws.store, ws.owner, home / "models")  # trains once
            print(f"database: {ws.store.engine.dialect.name}; reader ready")
            cpu = time.process_time()
            outcome = fuzz_import(ws.store, ws.owner, mbox, reader, ws.clock, kinds)
            report(outcome, kinds, time.process_time() - cpu)
        finally:
            ws.close()
    if outcome.crashes:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
