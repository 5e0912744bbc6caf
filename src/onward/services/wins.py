"""Small wins: progress noticed from your timeline and feedback, and wins you add yourself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.history import is_history
from onward.domain.playbook.wins import WinKind, detect_wins
from onward.domain.records import Owner
from onward.errors import Action, Hint, InvalidInput, NotFound

MAX_WIN = 1000


@dataclass(frozen=True)
class WinEntry:
    """One win: noticed by Onward (``kind`` set) or added by you (``kind`` None, ``id`` set)."""

    on: date
    message: str
    kind: WinKind | None
    application_id: int | None
    id: int | None = None
    company: str | None = None  # of the application, when there is one

    @property
    def manual(self) -> bool:
        return self.kind is None


def list_wins(
    store: Store, owner: Owner, clock: Clock, *, days: int | None = None
) -> list[WinEntry]:
    """Every win, newest first; ``days`` keeps the last so many days (today included)."""
    if days is not None and days < 1:
        raise InvalidInput(f"days must be 1 or more, not {days}")
    today = clock.today()
    since = today - timedelta(days=days - 1) if days is not None else None
    with store.transaction() as tx:
        if since is None:
            events = tx.wins.win_events(owner.id)
        else:  # only what can make a win in the window: quick on a long history
            events = tx.wins.win_events_since(owner.id, since)
        feedback = tx.wins.specific_feedback(owner.id)
        manual = tx.wins.manual(owner.id)
        ids = {e.application_id for e in events} | {f.application_id for f in feedback}
        ids |= {app_id for _, _, _, app_id in manual if app_id}
        companies = {
            i: company for i, company, _, _ in tx.applications.summaries(owner.id, ids=list(ids))
        }
    if since is not None:
        recent = {f.application_id for f in feedback if f.received_on >= since}
        feedback = [f for f in feedback if f.application_id in recent]
    found = [
        WinEntry(w.on, w.message, w.kind, w.application_id, None, companies.get(w.application_id))
        for w in detect_wins(events, feedback)
    ]
    found += [
        WinEntry(on, text, None, app_id, win_id, companies.get(app_id) if app_id else None)
        for win_id, on, text, app_id in manual
    ]
    if since is not None:
        found = [w for w in found if since <= w.on <= today]
    order = {kind: i for i, kind in enumerate(WinKind)}
    found.sort(
        key=lambda w: (-w.on.toordinal(), order[w.kind] if w.kind else len(order), w.id or 0)
    )
    return found


def add_win(
    store: Store,
    owner: Owner,
    text: str,
    clock: Clock,
    *,
    on: date | None = None,
    application_id: int | None = None,
) -> WinEntry:
    """Keep a win of your own: a good conversation, a finished course, a brave application."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput("a win needs a few words", field="text", hint=Hint(Action.ADD_WIN))
    if len(cleaned) > MAX_WIN:
        raise InvalidInput(f"a win is at most {MAX_WIN} characters", field="text")
    today = clock.today()
    day = on or today
    if day > today:
        raise InvalidInput(
            f"{day.isoformat()} is in the future", field="on", hint="wins are things that happened"
        )
    with store.transaction() as tx:
        if application_id is not None and (
            tx.applications.get(owner.id, application_id, with_events=False) is None
        ):
            raise NotFound(f"no application #{application_id}", hint=Hint(Action.LIST_APPLICATIONS))
        win_id = tx.wins.insert(owner.id, cleaned, day, application_id, clock.now())
    return WinEntry(day, cleaned, None, application_id, win_id)


def wins_from_step(
    store: Store, owner: Owner, clock: Clock, app_id: int, on: date
) -> list[WinEntry]:
    """The wins a step on ``app_id`` dated ``on`` just earned, to celebrate at once: none
    for a step that is history (its win is in the journal on its day, not a celebration)."""
    if is_history(on, clock.today()):
        return []
    return [
        w
        for w in list_wins(store, owner, clock)
        if w.application_id == app_id and w.kind is not None and w.on == on
    ]
