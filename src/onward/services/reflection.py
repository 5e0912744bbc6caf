"""Guided reflection: once the dwell window has ended, a short, kind look back at one
application (ratings for the stages reached, and a few questions), time-boxed, never obsessive."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.playbook.dwell import is_active
from onward.domain.playbook.reflection import (
    QUESTION_IDS,
    Question,
    RatingTopic,
    build_reflection,
    questions_for,
    topics_for_application,
)
from onward.domain.playbook.stored import StoredReflection
from onward.domain.playbook.tasks import TaskKind
from onward.domain.records import Application, Owner
from onward.errors import Action, Hint, InvalidInput, NotFound
from onward.formats import formats


@dataclass(frozen=True)
class ReflectionPrompts:
    """What to ask about one application: the stages to rate and the questions."""

    application: Application
    topics: tuple[RatingTopic, ...]
    questions: tuple[Question, ...]


def reflection_prompts(store: Store, owner: Owner, app_id: int, clock: Clock) -> ReflectionPrompts:
    """The topics and questions for ``app_id``; refused gently while its dwell window is open."""
    with store.transaction() as tx:
        return _prompts(tx, owner, app_id, clock)


def reflect_on(
    store: Store,
    owner: Owner,
    app_id: int,
    ratings: Mapping[str, int],
    answers: Mapping[str, str],
    clock: Clock,
) -> StoredReflection:
    """Keep a reflection on one application. Ratings (1-5) are keyed by topic id and answers by
    question id; skipping any of them is fine. Completes the open "reflect" task, if any."""
    now = clock.now()
    with store.transaction() as tx:
        prompts = _prompts(tx, owner, app_id, clock)
        asked = {q.id for q in prompts.questions}
        skipped = [q for q in answers if q in QUESTION_IDS and q not in asked]
        if skipped and any(answers[q].strip() for q in skipped):
            raise InvalidInput(
                f"the question {skipped[0]!r} is about conversations, and this application "
                "did not get that far",
                hint="answer one of: " + ", ".join(q.id for q in prompts.questions),
            )
        reflection = build_reflection(app_id, clock.today(), prompts.topics, ratings, answers)
        if not reflection.ratings and not reflection.answers:
            raise InvalidInput(
                "there is nothing to keep yet",
                hint="rate at least one stage or answer one question",
            )
        reflection_id = tx.reflections.insert(owner.id, reflection, now)
        tx.tasks.complete_open(owner.id, now, kind=TaskKind.REFLECT, application_id=app_id)
        kept = tx.reflections.query(owner.id, application_id=app_id)
        return next(r for r in kept if r.id == reflection_id)


def list_reflections(
    store: Store, owner: Owner, *, application_id: int | None = None
) -> list[StoredReflection]:
    """Reflections, oldest first."""
    with store.transaction() as tx:
        return tx.reflections.query(owner.id, application_id=application_id)


def _prompts(tx: Tx, owner: Owner, app_id: int, clock: Clock) -> ReflectionPrompts:
    app = tx.applications.get(owner.id, app_id)
    if app is None:
        raise NotFound(f"no application #{app_id}", hint=Hint(Action.LIST_APPLICATIONS))
    window = tx.dwell.for_application(owner.id, app_id)
    now = clock.now()
    if window is not None and is_active(window, now):
        end = window.ends_at.astimezone(now.tzinfo)
        fmt = formats()
        when = fmt.time(end) if end.date() == now.date() else fmt.moment(end)
        raise InvalidInput(
            f"Give yourself until {when} before looking back; reflection can wait",
            hint=Hint(Action.MARK_READY, {"application_id": app_id}),
        )
    stages = {e.stage for e in app.events} | {app.reached}
    return ReflectionPrompts(app, topics_for_application(app), questions_for(stages))
