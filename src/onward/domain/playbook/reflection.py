"""Guided reflection after a rejection: ratings for the stages the person reached, and questions.

Ratings run 1 (went badly) to 5 (went well). Which stages are rated follows what happened:
preparation, the resume/cover letter (and tailoring) and the follow-up are always asked about;
the screen, assessment, each interview round and the final round only when reached. Questions
about conversations (answering clearly, showing how skills matched) are only asked once there
was a conversation.

Topics and questions carry stable ids, so CLI prompts, web forms and JSON/flags share them:
ratings are keyed by topic id (``interview_2``), answers by question id (``went_well``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from onward.domain.pipeline import CONVERSATIONS, Stage
from onward.domain.playbook._common import check_rating, clean_text
from onward.domain.records import Application
from onward.errors import InvalidInput

LOW_RATING = 2


@dataclass(frozen=True)
class RatingTopic:
    """One thing to rate 1-5; ``stage`` is the pipeline stage it belongs to, if any."""

    id: str
    label: str
    stage: Stage | None = None


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    #: Only asked when the person had at least one conversation (a screen or later).
    needs_conversation: bool = False


QUESTIONS: tuple[Question, ...] = (
    Question("resume_tailored", "Was my resume (and cover letter) tailored to this role?"),
    Question("answered_clearly", "Did I answer their questions clearly?", True),
    Question("showed_skill_match", "Did I show how my skills matched what they needed?", True),
    Question("red_flags_missed", "Were there red flags I noticed, or missed, along the way?"),
    Question("skills_aligned", "Honestly, did my skills truly align with the role?"),
    Question("went_well", "What went well?"),
    Question("do_differently", "What would I do differently next time?"),
    Question("learned_about_wants", "What did I learn about what I want, or don't want?"),
    Question("role_right_for_me", "Was this role right for me (my values, my excitement)?"),
    Question("outside_control", "What was outside my control?"),
)
QUESTION_IDS = frozenset(q.id for q in QUESTIONS)

_CONVERSATIONS = frozenset(CONVERSATIONS)


def topics_for(stages: Collection[Stage], interview_rounds: int = 0) -> tuple[RatingTopic, ...]:
    """The topics to rate, given the stages the application went through."""
    if interview_rounds < 0:
        raise InvalidInput(f"interview rounds cannot be negative, not {interview_rounds}")
    topics = [
        RatingTopic("preparation", "Preparation"),
        RatingTopic("resume", "Resume, cover letter and tailoring", Stage.APPLIED),
    ]
    if Stage.SCREEN in stages:
        topics.append(RatingTopic("screen", "Screening call", Stage.SCREEN))
    if Stage.ASSESSMENT in stages:
        topics.append(RatingTopic("assessment", "Assessment", Stage.ASSESSMENT))
    rounds = max(interview_rounds, 1) if Stage.INTERVIEW in stages else interview_rounds
    for n in range(1, rounds + 1):
        topics.append(RatingTopic(f"interview_{n}", f"Interview round {n}", Stage.INTERVIEW))
    if Stage.FINAL in stages:
        topics.append(RatingTopic("final", "Final round", Stage.FINAL))
    topics.append(RatingTopic("follow_up", "Follow-up"))
    return tuple(topics)


def topics_for_application(application: Application) -> tuple[RatingTopic, ...]:
    """Topics from an application's timeline and the furthest stage it reached."""
    stages = {e.stage for e in application.events} | {application.reached}
    rounds = [e.round or 1 for e in application.events if e.stage == Stage.INTERVIEW]
    rounds.append(application.interview_round or 0)
    return topics_for(stages, max(rounds))


def questions_for(stages: Iterable[Stage]) -> tuple[Question, ...]:
    """The questions to ask; conversation questions only after a conversation."""
    talked = not _CONVERSATIONS.isdisjoint(stages)
    return tuple(q for q in QUESTIONS if talked or not q.needs_conversation)


@dataclass(frozen=True)
class Rating:
    topic_id: str
    score: int


@dataclass(frozen=True)
class Answer:
    question_id: str
    text: str


@dataclass(frozen=True)
class Reflection:
    application_id: int
    written_on: date
    ratings: tuple[Rating, ...]
    answers: tuple[Answer, ...]

    def score(self, topic_id: str) -> int | None:
        return next((r.score for r in self.ratings if r.topic_id == topic_id), None)

    def answer(self, question_id: str) -> str | None:
        return next((a.text for a in self.answers if a.question_id == question_id), None)


def build_reflection(
    application_id: int,
    written_on: date,
    topics: Iterable[RatingTopic],
    ratings: Mapping[str, int],
    answers: Mapping[str, str],
) -> Reflection:
    """Validate ratings and answers against ``topics`` and the question bank.

    Ratings may be partial (skipping a topic is fine); empty answers are dropped. Ratings and
    answers keep the order of ``topics`` and :data:`QUESTIONS`.
    """
    offered = {t.id: t for t in topics}
    for topic_id in ratings:
        if topic_id not in offered:
            raise InvalidInput(
                f"there is no stage {topic_id!r} to rate for this application",
                hint=f"rate one of: {', '.join(offered)}",
            )
    kept_ratings = tuple(
        Rating(t.id, check_rating(ratings[t.id], f"the rating for {t.label.lower()}"))
        for t in offered.values()
        if t.id in ratings
    )
    for question_id in answers:
        if question_id not in QUESTION_IDS:
            raise InvalidInput(
                f"unknown reflection question {question_id!r}",
                hint=f"use one of: {', '.join(q.id for q in QUESTIONS)}",
            )
    kept_answers = []
    for q in QUESTIONS:
        text = clean_text(answers.get(q.id), f"the answer to {q.id!r}")
        if text is not None:
            kept_answers.append(Answer(q.id, text))
    return Reflection(application_id, written_on, kept_ratings, tuple(kept_answers))


def low_ratings(reflection: Reflection, threshold: int = LOW_RATING) -> tuple[Rating, ...]:
    """Ratings at or below ``threshold``: where improvement suggestions start."""
    return tuple(r for r in reflection.ratings if r.score <= threshold)
