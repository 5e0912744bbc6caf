"""Debriefs after every interview, the question bank and the STAR story bank, and practice
prompts from the posting's skills and the person's gaps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.playbook.debrief import (
    Debrief,
    StarStory,
    check_debrief,
    check_story,
    practice_prompts,
)
from onward.domain.playbook.setback import PREPARE_BEFORE
from onward.domain.records import Owner
from onward.errors import NotFound
from onward.services.skills import match_if_ready

#: An interview this recent, not yet debriefed, is offered on Today.
FRESH = timedelta(days=3)


@dataclass(frozen=True)
class DebriefView:
    debriefs: tuple[Debrief, ...]
    #: Questions to practise aloud (none without a job description and a resume).
    prompts: tuple[str, ...]


@dataclass(frozen=True)
class ToDebrief:
    application_id: int
    company: str
    role: str
    since: date


def debrief_interview(
    store: Store,
    owner: Owner,
    app_id: int,
    clock: Clock,
    *,
    landed: str | None = None,
    missing: str | None = None,
    questions: Sequence[str] = (),
    held_on: date | None = None,
) -> Debrief:
    """Keep a debrief of an interview (today's, unless ``held_on`` says otherwise)."""
    debrief = check_debrief(
        Debrief(app_id, held_on or clock.today(), landed, missing, tuple(questions)),
        clock.today(),
    )
    with store.transaction() as tx:
        apps = tx.applications.by_ids(owner.id, [app_id])
        if not apps:
            raise NotFound(f"no application #{app_id}", field="application_id")
        debrief_id = tx.debriefs.insert(owner.id, debrief, clock.now())
    return Debrief(
        debrief.application_id,
        debrief.held_on,
        debrief.landed,
        debrief.missing,
        debrief.questions,
        debrief_id,
    )


def debrief_view(store: Store, owner: Owner, app_id: int) -> DebriefView:
    with store.transaction() as tx:
        if not tx.applications.by_ids(owner.id, [app_id]):
            raise NotFound(f"no application #{app_id}", field="application_id")
        found = tuple(tx.debriefs.for_application(owner.id, app_id))
    match = match_if_ready(store, owner, app_id)
    prompts: tuple[str, ...] = ()
    if match is not None:
        gaps = [m.skill.name for m in match.match.missing]
        have = [m.skill.name for m in match.match.matched]
        prompts = practice_prompts(gaps, have)
    return DebriefView(found, prompts)


def question_bank(store: Store, owner: Owner) -> list[tuple[str, str, date]]:
    """Every question asked in an interview: (question, company, when), newest first."""
    with store.transaction() as tx:
        return tx.debriefs.question_bank(owner.id)


def to_debrief(store: Store, owner: Owner, clock: Clock) -> tuple[ToDebrief, ...]:
    """Applications whose interview or final round was in the last few days, not debriefed."""
    since = clock.today() - FRESH
    stages = tuple(s.value for s in PREPARE_BEFORE)
    with store.transaction() as tx:
        recent = tx.preparations.at_stages_since(owner.id, stages, since)
        done = tx.debriefs.debriefed_since(owner.id, since)
    return tuple(
        ToDebrief(row.id, row.company, row.role, row.stage_on)
        for row in recent
        if row.id not in done and row.stage_on <= clock.today()
    )


def add_story(store: Store, owner: Owner, story: StarStory, clock: Clock) -> StarStory:
    story = check_story(story)
    with store.transaction() as tx:
        story_id = tx.stories.insert(owner.id, story, clock.now())
    return StarStory(story.title, story.situation, story.task, story.action, story.result, story_id)


def edit_story(store: Store, owner: Owner, story: StarStory, clock: Clock) -> StarStory:
    story = check_story(story)
    with store.transaction() as tx:
        if not tx.stories.update(owner.id, story, clock.now()):
            raise NotFound(f"no story #{story.id}", field="story")
    return story


def list_stories(store: Store, owner: Owner) -> list[StarStory]:
    with store.transaction() as tx:
        return tx.stories.all(owner.id)
