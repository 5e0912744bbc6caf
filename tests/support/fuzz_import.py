"""Import a fuzz mailbox (``fuzz_mail.write_mbox``) through the real service and say what
happened: read, stored, quarantined, crashes (each with its mutation kind, exception and
where it was raised), and what a rerun of the whole mailbox stored anew. Used by
``tests/mail/test_fuzz_import.py`` and ``bench/fuzz_import.py``.

The import is ``onward.services.mail.import_path``, the one ``onward mail import`` runs. When
it raises, the messages are imported again in small groups, then one by one within a group
that raised, under a source of their own, to name every message that crashes.
"""

from __future__ import annotations

import os
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.records import Owner
from onward.mail.sources import Mbox
from onward.services.mail import import_path, source_name
from onward.services.mail_import import MailReader, import_messages

__all__ = ["Crash", "FuzzOutcome", "fuzz_import"]

DIAGNOSIS = "fuzz:diagnosis"


@dataclass(frozen=True)
class Crash:
    kind: str
    key: str
    error: str
    where: str


@dataclass
class FuzzOutcome:
    read: int = 0
    new: int = 0
    already_seen: int = 0
    quarantined: int = 0
    stored_rows: int = 0
    quarantine_rows: int = 0
    rerun_read: int = 0
    rerun_new: int = 0
    rerun_rows_added: int = 0
    seconds: float = 0.0
    rerun_seconds: float = 0.0
    crashes: list[Crash] = field(default_factory=list)
    stored_by_kind: Counter[str] = field(default_factory=Counter)
    quarantined_by_kind: Counter[str] = field(default_factory=Counter)

    def crash_report(self, limit: int = 20) -> str:
        grouped = Counter((c.kind, c.error[:120], c.where) for c in self.crashes)
        lines = [f"{n} x {kind}: {error} at {where}" for (kind, error, where), n in grouped.items()]
        return f"{len(self.crashes)} crashes:\n" + "\n".join(lines[:limit])


def _count(store: Store, sql: str) -> int:
    with store.transaction() as tx:
        return int(tx.conn.execute(text(sql)).scalar_one())


def _keys(store: Store, table: str, source: str) -> list[str]:
    sql = text(f"SELECT source_key FROM {table} WHERE source = :source")
    with store.transaction() as tx:
        return [str(r[0]) for r in tx.conn.execute(sql, {"source": source})]


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/onward/" in f.filename]
    frame = (ours or frames)[-1] if (ours or frames) else None
    if frame is None:
        return "?"
    return f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"


def _chunks(messages: Iterable[tuple[str, bytes]], size: int) -> Iterator[list[tuple[str, bytes]]]:
    chunk: list[tuple[str, bytes]] = []
    for item in messages:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _diagnose(
    store: Store, owner: Owner, path: Path, reader: MailReader, clock: Clock, kinds: dict[str, str]
) -> list[Crash]:
    crashes: list[Crash] = []
    for chunk in _chunks(Mbox(path), 50):
        try:
            import_messages(store, owner, DIAGNOSIS, chunk, reader, clock)
            continue
        except Exception:
            pass
        for key, raw in chunk:
            try:
                import_messages(store, owner, DIAGNOSIS, [(key, raw)], reader, clock)
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}".replace("\n", " ")
                crashes.append(Crash(kinds.get(key, "?"), key, error[:300], _where(exc)))
    return crashes


def _rows(store: Store) -> int:
    return _count(store, "SELECT COUNT(*) FROM mail_messages") + _count(
        store, "SELECT COUNT(*) FROM mail_quarantine"
    )


def fuzz_import(
    store: Store,
    owner: Owner,
    path: Path,
    reader: MailReader,
    clock: Clock,
    kinds: dict[str, str],
) -> FuzzOutcome:
    """Import the mbox at ``path`` (keys → mutation kinds in ``kinds``), then again after
    touching it (so it is read from the start, not skipped as unchanged)."""
    out = FuzzOutcome()
    started = time.perf_counter()
    try:
        summary = import_path(store, owner, path, lambda: reader, clock)
    except Exception as exc:
        out.seconds = time.perf_counter() - started
        out.crashes = _diagnose(store, owner, path, reader, clock, kinds) or [
            Crash("?", "?", f"{type(exc).__name__}: {exc}"[:300], _where(exc))
        ]
        return out
    out.seconds = time.perf_counter() - started
    out.read, out.new = summary.read, summary.new
    out.already_seen, out.quarantined = summary.already_seen, summary.quarantined
    out.stored_rows = _count(store, "SELECT COUNT(*) FROM mail_messages")
    out.quarantine_rows = _count(store, "SELECT COUNT(*) FROM mail_quarantine")
    name = source_name(Mbox(path))
    out.stored_by_kind = Counter(kinds.get(k, "?") for k in _keys(store, "mail_messages", name))
    out.quarantined_by_kind = Counter(
        kinds.get(k, "?") for k in _keys(store, "mail_quarantine", name)
    )
    before = _rows(store)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    started = time.perf_counter()
    again = import_path(store, owner, path, lambda: reader, clock)
    out.rerun_seconds = time.perf_counter() - started
    out.rerun_read, out.rerun_new = again.read, again.new
    out.rerun_rows_added = _rows(store) - before
    return out
