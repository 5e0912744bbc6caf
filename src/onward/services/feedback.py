"""The feedback log: what employers said, whether it is specific enough to act on, and the
thank-you (and, for generic feedback, one follow-up) that it calls for."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.drafts import DraftKind
from onward.domain.playbook.advice import (
    Advice,
    advise_after_feedback,
    advise_feedback_follow_up,
)
from onward.domain.playbook.feedback import (
    Feedback,
    FeedbackTheme,
    Specificity,
    judge_specificity,
    validate_feedback,
)
from onward.domain.playbook.stored import StoredFeedback
from onward.domain.playbook.tasks import StoredTask, Task, TaskKind
from onward.domain.records import Owner, parse_choice
from onward.errors import Action, Hint, NotFound

THANKS_TITLE = "Thank them for their feedback (even if you disagree)"
FOLLOW_UP_TITLE = "If it helps, ask once for one specific example (optional)"


@dataclass(frozen=True)
class LoggedFeedback:
    """The feedback as kept, why it counts as specific or generic, and the tasks it created."""

    stored: StoredFeedback
    specificity: Specificity
    suggested_themes: bool
    tasks: tuple[StoredTask, ...]


@dataclass(frozen=True)
class FeedbackLog:
    items: list[StoredFeedback]
    #: Each theme with how often it came up, most frequent first.
    themes: list[tuple[FeedbackTheme, int]]


def log_feedback(
    store: Store,
    owner: Owner,
    app_id: int,
    text: str,
    clock: Clock,
    *,
    received_on: date | None = None,
    from_whom: str | None = None,
    contact_id: int | None = None,
    themes: Sequence[FeedbackTheme | str] = (),
    specific_override: bool | None = None,
) -> LoggedFeedback:
    """Keep feedback for an application and plan the thank-you (always) and, when it was
    generic, one optional follow-up asking for a specific example. The task of asking for
    feedback on that application is done: the feedback came."""
    chosen = tuple(parse_choice(FeedbackTheme, str(t), "feedback theme") for t in themes)
    today = clock.today()
    item = validate_feedback(
        Feedback(
            application_id=app_id,
            text=text,
            received_on=received_on or today,
            from_whom=from_whom,
            contact_id=contact_id,
            themes=chosen,
            specific_override=specific_override,
        ),
        today,
    )
    verdict = judge_specificity(item.text, specific_override)
    now = clock.now()
    received_at = now if item.received_on == today else _at(item.received_on, now)
    with store.transaction() as tx:
        if tx.applications.get(owner.id, app_id, with_events=False) is None:
            raise NotFound(f"no application #{app_id}", hint=Hint(Action.LIST_APPLICATIONS))
        if contact_id is not None and tx.contacts.get(owner.id, contact_id) is None:
            raise NotFound(f"no contact #{contact_id}", hint=Hint(Action.LIST_CONTACTS))
        feedback_id = tx.feedback.insert(owner.id, item, verdict.specific, now)
        tx.tasks.complete_open(
            owner.id, now, draft_kind=DraftKind.FEEDBACK_REQUEST, application_id=app_id
        )
        tasks = [_task(tx, owner, item, advise_after_feedback(received_at), THANKS_TITLE, now)]
        follow_up = advise_feedback_follow_up(received_at, verdict.specific)
        if follow_up is not None:
            tasks.append(_task(tx, owner, item, follow_up, FOLLOW_UP_TITLE, now))
        stored = tx.feedback.get(owner.id, feedback_id)
        assert stored is not None
        return LoggedFeedback(stored, verdict, not chosen, tuple(tasks))


def list_feedback(
    store: Store,
    owner: Owner,
    *,
    application_id: int | None = None,
    theme: FeedbackTheme | str | None = None,
) -> FeedbackLog:
    """Feedback, oldest first, optionally for one application or theme, with theme counts.
    An application that is not the owner's is NotFound (never an empty list that says it
    exists)."""
    wanted = parse_choice(FeedbackTheme, str(theme), "feedback theme") if theme else None
    with store.transaction() as tx:
        if application_id is not None and not tx.applications.by_ids(owner.id, [application_id]):
            raise NotFound(f"no application #{application_id}", field="application_id")
        items = tx.feedback.query(owner.id, application_id=application_id)
    if wanted is not None:
        items = [i for i in items if wanted in i.feedback.themes]
    counts = Counter(t for i in items for t in i.feedback.themes)
    order = list(FeedbackTheme)
    themes = sorted(counts.items(), key=lambda tc: (-tc[1], order.index(tc[0])))
    return FeedbackLog(items, themes)


def _task(
    tx: Tx, owner: Owner, item: Feedback, advice: Advice, title: str, now: datetime
) -> StoredTask:
    assert advice.due is not None  # both feedback kinds have a closing time
    task = Task(
        application_id=item.application_id,
        kind=TaskKind.SEND_DRAFT,
        title=title,
        due_at=advice.due.closes_at,
        not_before=advice.due.opens_at,
        draft_kind=advice.drafts[0],
    )
    task_id = tx.tasks.insert(owner.id, task, now, contact_id=item.contact_id)
    stored = tx.tasks.get(owner.id, task_id)
    assert stored is not None
    return stored


def _at(day: date, now: datetime) -> datetime:
    """Feedback logged for an earlier day counts from that day, at the time of day it is now."""
    return datetime.combine(day, now.timetz())
