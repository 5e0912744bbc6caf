"""Expressive writing: up to 20 minutes on up to 4 days in a row, private by design.

Never analysed, scored, summarised or shown in insights. It can be locked with a passphrase:
from then on every session is sealed (privacy/sealing.py) and can be read only with it; a
forgotten passphrase means the text is gone. The JSON backup carries it only when the person
asks for it, sealed sessions still sealed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from onward.clock import Clock
from onward.db.practices import StoredWriting
from onward.db.store import Store, Tx
from onward.domain.playbook.writing import (
    DAYS,
    MINUTES,
    RUN_DAYS,
    WritingSession,
    check_text,
    next_day,
    prompt,
    should_offer,
)
from onward.domain.records import Owner
from onward.errors import Conflict, InvalidInput
from onward.privacy import sealing


@dataclass(frozen=True)
class WritingView:
    sessions: tuple[WritingSession, ...]  # oldest first; text None while locked and unopened
    locked: bool
    opened: bool  # a passphrase opened them
    day: int  # the protocol day a session today would be
    prompt: str
    minutes: int = MINUTES
    days: int = DAYS


def writing_view(
    store: Store, owner: Owner, clock: Clock, *, passphrase: str | None = None
) -> WritingView:
    """The sessions so far (opened with ``passphrase`` when locked) and today's prompt."""
    with store.transaction() as tx:
        rows = tx.writing.all(owner.id)
        key = _key(tx, owner, passphrase) if passphrase else None
        locked = tx.writing.lock(owner.id) is not None
    sessions = tuple(_session(row, key) for row in rows)
    day = next_day(sessions, clock.today())
    return WritingView(sessions, locked, key is not None, day, prompt(day))


def write_session(
    store: Store,
    owner: Owner,
    text: str,
    started_at: datetime,
    clock: Clock,
    *,
    passphrase: str | None = None,
) -> WritingSession:
    """Keep one session's writing (sealed when the writing is locked)."""
    text = check_text(text)
    now = clock.now()
    if started_at > now or started_at < now - timedelta(days=1):
        started_at = now  # a clock that cannot be trusted: the session starts now
    with store.transaction() as tx:
        lock = tx.writing.lock(owner.id)
        sealed = None
        if lock is not None:
            if not passphrase:
                raise InvalidInput(
                    "your writing is locked: give your passphrase to keep this session",
                    field="passphrase",
                )
            sealed = sealing.seal(text, _key(tx, owner, passphrase))
        day = next_day((_session(r, None) for r in tx.writing.all(owner.id)), clock.today())
        row = StoredWriting(
            0, clock.today(), day, None if sealed else text, sealed, started_at, now
        )
        row_id = tx.writing.insert(owner.id, row)
    return WritingSession(row_id, row.written_on, day, text, sealed is not None, started_at, now)


def lock_writing(store: Store, owner: Owner, passphrase: str, clock: Clock) -> int:
    """Lock the writing with a passphrase: every session so far is sealed, and every one to
    come. Returns how many sessions were sealed."""
    salt = sealing.new_salt()
    key = sealing.derive_key(passphrase, salt)
    with store.transaction() as tx:
        if tx.writing.lock(owner.id) is not None:
            raise Conflict("your writing is locked already", field="passphrase")
        tx.writing.set_lock(owner.id, salt.hex(), sealing.seal(sealing.CHECK, key), clock.now())
        count = 0
        for row in tx.writing.all(owner.id):
            if row.body is not None:
                tx.writing.seal(owner.id, row.id, sealing.seal(row.body, key))
                count += 1
    return count


def writing_offered(store: Store, owner: Owner, clock: Clock) -> bool:
    """After a hard rejection or a run of them, and not right after writing."""
    today = clock.today()
    with store.transaction() as tx:
        rejections = tx.writing.rejections_since(owner.id, today - timedelta(days=RUN_DAYS))
        if not rejections:
            return False
        sessions = tx.writing.all(owner.id)
    last = sessions[-1].written_on if sessions else None
    return should_offer(rejections, last, today)


def _key(tx: Tx, owner: Owner, passphrase: str) -> bytes:
    lock = tx.writing.lock(owner.id)
    if lock is None:
        raise InvalidInput(
            "your writing is not locked; no passphrase is needed", field="passphrase"
        )
    salt, check = lock
    key = sealing.derive_key(passphrase, bytes.fromhex(salt))
    sealing.unseal(check, key)  # a wrong passphrase stops here
    return key


def _session(row: StoredWriting, key: bytes | None) -> WritingSession:
    if row.sealed is None:
        text: str | None = row.body
    else:
        text = sealing.unseal(row.sealed, key) if key else None
    return WritingSession(
        row.id, row.written_on, row.day, text, row.sealed is not None, row.started_at, row.saved_at
    )
