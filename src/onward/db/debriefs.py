"""Interview debriefs, the question bank and STAR stories in storage."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, select

from onward.db import tables as t
from onward.db.meta import record, values
from onward.db.practice_tables import debriefs, interview_questions, star_stories
from onward.db.repo import Repo, owned_rows
from onward.domain.playbook.debrief import Debrief, StarStory

_STORY_PARTS = ("situation", "task", "action", "result")


class DebriefRepo(Repo):
    def insert(self, owner_id: int, debrief: Debrief, now: datetime) -> int:
        debrief_id = self.insert_owned(
            debriefs,
            owner_id,
            **values(debrief, "application_id", "held_on", "landed", "missing"),
            created_at=now,
        )
        for text in debrief.questions:
            self.insert_owned(interview_questions, owner_id, debrief_id=debrief_id, text=text)
        return debrief_id

    def for_application(self, owner_id: int, app_id: int) -> list[Debrief]:
        rows = self.conn.execute(
            select(debriefs)
            .where(debriefs.c.owner_id == owner_id, debriefs.c.application_id == app_id)
            .order_by(debriefs.c.held_on, debriefs.c.id)
        ).all()
        asked = self._questions(owner_id, [row.id for row in rows])
        return [
            Debrief(row.application_id, row.held_on, row.landed, row.missing,
                    tuple(asked.get(row.id, ())), row.id)
            for row in rows
        ]  # fmt: skip

    def question_bank(self, owner_id: int) -> list[tuple[str, str, date]]:
        """Every question asked: (question, company, when), newest first."""
        q, d, apps = interview_questions, debriefs, t.applications
        rows = self.conn.execute(
            select(q.c.text, apps.c.company, d.c.held_on)
            .join(d, d.c.id == q.c.debrief_id)
            .join(apps, apps.c.id == d.c.application_id)
            .where(q.c.owner_id == owner_id)
            .order_by(d.c.held_on.desc(), q.c.id)
        )
        return [(row.text, row.company, row.held_on) for row in rows]

    def debriefed_since(self, owner_id: int, since: date) -> set[int]:
        """Applications with a debrief of an interview held from ``since`` on."""
        rows = self.conn.execute(
            select(debriefs.c.application_id).where(
                debriefs.c.owner_id == owner_id, debriefs.c.held_on >= since
            )
        )
        return {row.application_id for row in rows}

    def _questions(self, owner_id: int, ids: list[int]) -> dict[int, list[str]]:
        if not ids:
            return {}
        rows = self.conn.execute(
            select(interview_questions.c.debrief_id, interview_questions.c.text)
            .where(
                interview_questions.c.owner_id == owner_id,
                interview_questions.c.debrief_id.in_(ids),
            )
            .order_by(interview_questions.c.id)
        )
        found: dict[int, list[str]] = {}
        for row in rows:
            found.setdefault(row.debrief_id, []).append(row.text)
        return found


class StoryRepo(Repo):
    def insert(self, owner_id: int, story: StarStory, now: datetime) -> int:
        parts = {k: getattr(story, k) for k in _STORY_PARTS}
        return self.insert_owned(
            star_stories,
            owner_id,
            title=story.title,
            created_at=now,
            updated_at=now,
            **parts,
        )

    def update(self, owner_id: int, story: StarStory, now: datetime) -> bool:
        parts = {k: getattr(story, k) for k in _STORY_PARTS}
        changed = self.update_owned(
            star_stories, owner_id, story.id, title=story.title, updated_at=now, **parts
        )
        return bool(changed)

    def all(self, owner_id: int) -> list[StarStory]:
        order = (star_stories.c.title, star_stories.c.id)
        return self.read_all(owned_rows(star_stories, owner_id, order_by=order), _story)


def _story(row: Row[Any]) -> StarStory:
    return record(StarStory, row)
