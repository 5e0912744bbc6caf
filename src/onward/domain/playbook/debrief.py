"""Debrief every interview, not only the lost ones: what landed, what was missing, the
questions asked (kept in a question bank), STAR stories to reuse, and practice prompts drawn
from the posting's skills and the person's own gaps.

A debrief written while it is fresh feeds the reflection if a rejection follows; the question
bank and the stories carry over to the next interview, whatever the outcome of this one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from onward.errors import InvalidInput

MAX_NOTE = 5000
MAX_QUESTION = 500
MAX_QUESTIONS = 30
MAX_TITLE = 200
#: How many practice prompts a debrief offers.
PROMPTS = 6


@dataclass(frozen=True)
class Debrief:
    application_id: int
    held_on: date
    landed: str | None = None
    missing: str | None = None
    questions: tuple[str, ...] = ()
    id: int = 0


def check_debrief(debrief: Debrief, today: date) -> Debrief:
    """Tidy a debrief; it needs at least one of its parts, none over its length."""
    if debrief.held_on > today:
        raise InvalidInput("debrief an interview that has happened", field="held_on")
    landed = _note(debrief.landed, "landed")
    missing = _note(debrief.missing, "missing")
    questions = tuple(dict.fromkeys(q.strip() for q in debrief.questions if q and q.strip()))
    if len(questions) > MAX_QUESTIONS:
        raise InvalidInput(f"{MAX_QUESTIONS} questions at most", field="questions")
    if any(len(q) > MAX_QUESTION for q in questions):
        raise InvalidInput(f"keep each question under {MAX_QUESTION} characters", field="questions")
    if not (landed or missing or questions):
        raise InvalidInput(
            "write what landed, what was missing, or a question they asked", field="landed"
        )
    return Debrief(debrief.application_id, debrief.held_on, landed, missing, questions, debrief.id)


def _note(text: str | None, field: str) -> str | None:
    text = (text or "").strip() or None
    if text and len(text) > MAX_NOTE:
        raise InvalidInput(f"keep it under {MAX_NOTE} characters", field=field)
    return text


@dataclass(frozen=True)
class StarStory:
    """A story to reuse in interviews: Situation, Task, Action, Result."""

    title: str
    situation: str | None = None
    task: str | None = None
    action: str | None = None
    result: str | None = None
    id: int = 0


def check_story(story: StarStory) -> StarStory:
    title = " ".join(story.title.split())
    if not title:
        raise InvalidInput("give the story a short title", field="title")
    if len(title) > MAX_TITLE:
        raise InvalidInput(f"keep the title under {MAX_TITLE} characters", field="title")
    parts = {k: _note(getattr(story, k), k) for k in ("situation", "task", "action", "result")}
    if not (parts["action"] or parts["result"]):
        raise InvalidInput(
            "say at least what you did (action) or what came of it (result)", field="action"
        )
    return StarStory(title, **parts, id=story.id)


def practice_prompts(gaps: Iterable[str], strengths: Iterable[str]) -> tuple[str, ...]:
    """Questions to practise aloud: first on the posting's skills the resume lacks, then on
    the ones it has, at most :data:`PROMPTS`."""
    prompts = [
        f"They may ask about {gap}. What have you done that comes closest, and how would you "
        "learn the rest?"
        for gap in dict.fromkeys(gaps)
    ]
    prompts += [
        f"Tell me about a time you used {skill}: the situation, what you did, and the result."
        for skill in dict.fromkeys(strengths)
    ]
    return tuple(prompts[:PROMPTS])
