"""The journal: a short mood journal, and gentle nudges that respect your dwell windows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.history import HISTORY_AFTER_DAYS
from onward.domain.playbook.journal import (
    SUGGESTIONS,
    JournalEntry,
    Nudge,
    NudgeSettings,
    nudges,
    validate_entry,
)
from onward.domain.playbook.tasks import TaskKind
from onward.domain.records import Owner
from onward.errors import InvalidInput

#: Entries used for the mood trend: the latest three against the three before.
TREND_WINDOW = NudgeSettings().mood_window
#: Entries the mood nudge reads (the latest window and the one before it).
NUDGE_ENTRIES = 2 * TREND_WINDOW


@dataclass(frozen=True)
class MoodTrend:
    """Average mood of the latest entries and of those before them (None: too few yet)."""

    recent: float | None
    before: float | None

    @property
    def direction(self) -> str:
        if self.recent is None or self.before is None:
            return "not enough entries yet"
        if self.recent - self.before >= 0.5:
            return "up"
        if self.before - self.recent >= 0.5:
            return "down"
        return "steady"


@dataclass(frozen=True)
class JournalOverview:
    entries: list[JournalEntry]
    trend: MoodTrend
    nudges: tuple[Nudge, ...]
    suggestions: tuple[str, ...]
    in_dwell: bool


def write_journal(
    store: Store,
    owner: Owner,
    mood: int,
    text: str,
    clock: Clock,
    *,
    rest_day: bool = False,
    on: date | None = None,
) -> JournalEntry:
    """Keep today's (or a past day's) mood, a few words and whether it was a rest day."""
    entry = validate_entry(
        JournalEntry(on or clock.today(), mood, text or "", rest_day), clock.today()
    )
    with store.transaction() as tx:
        tx.journal.insert(owner.id, entry, clock.now())
        if entry.written_on == clock.today():  # writing today answers the journal prompts due
            tx.tasks.complete_open(owner.id, clock.now(), kind=TaskKind.JOURNAL)
    return entry


def list_journal(store: Store, owner: Owner, *, limit: int | None = None) -> list[JournalEntry]:
    """Entries, newest first."""
    if limit is not None and limit < 1:
        raise InvalidInput(f"limit must be 1 or more, not {limit}")
    with store.transaction() as tx:
        return tx.journal.query(owner.id, limit=limit)


def current_nudges(store: Store, owner: Owner, clock: Clock) -> tuple[Nudge, ...]:
    """The nudges that apply now; analysis nudges wait while a dwell window is open."""
    with store.transaction() as tx:
        return _nudges(tx, owner, clock, tx.journal.for_nudges(owner.id, NUDGE_ENTRIES))


def journal_overview(
    store: Store, owner: Owner, clock: Clock, *, limit: int = 10
) -> JournalOverview:
    """Recent entries, the mood trend and the nudges of now, in one transaction."""
    if limit < 1:
        raise InvalidInput(f"limit must be 1 or more, not {limit}")
    with store.transaction() as tx:
        entries = tx.journal.query(owner.id, limit=max(limit, NUDGE_ENTRIES))
        found = _nudges(tx, owner, clock, tx.journal.for_nudges(owner.id, NUDGE_ENTRIES))
        in_dwell = bool(tx.dwell.active(owner.id, clock.now()))
    return JournalOverview(
        entries=entries[:limit],
        trend=mood_trend(entries),
        nudges=found,
        suggestions=SUGGESTIONS,
        in_dwell=in_dwell,
    )


def mood_trend(entries: list[JournalEntry], window: int = TREND_WINDOW) -> MoodTrend:
    """Latest ``window`` moods against the ``window`` before (``entries`` newest first)."""
    moods = [e.mood for e in entries]
    recent = moods[:window]
    before = moods[window : 2 * window]
    return MoodTrend(
        recent=sum(recent) / len(recent) if len(recent) == window else None,
        before=sum(before) / len(before) if len(before) == window else None,
    )


def _nudges(tx: Tx, owner: Owner, clock: Clock, entries: list[JournalEntry]) -> tuple[Nudge, ...]:
    now = clock.now()
    windows = tx.dwell.active(owner.id, now)
    # the unanswered run makes an analysis nudge, which an open dwell window holds back
    # anyway; applications recorded as history (an old mailbox) are not a run of silence now
    answers = [] if windows else tx.journal.latest_answers(owner.id, HISTORY_AFTER_DAYS)
    return nudges(entries, answers, now, windows=windows)
