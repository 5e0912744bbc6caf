"""What a person learns from a rejection: feedback, reflections and learning plan items."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row

from onward.db.meta import record, values
from onward.db.playbook_tables import feedback, plan_items, reflections
from onward.db.repo import Repo, matching, owned_rows
from onward.domain.playbook.feedback import Feedback, FeedbackTheme
from onward.domain.playbook.learning_plan import ItemStatus, PlanItem
from onward.domain.playbook.reflection import Answer, Rating, Reflection
from onward.domain.playbook.stored import StoredFeedback, StoredItem, StoredReflection


class FeedbackRepo(Repo):
    def insert(self, owner_id: int, item: Feedback, specific: bool, now: datetime) -> int:
        return self.insert_owned(
            feedback,
            owner_id,
            **values(item, "application_id", "contact_id", "text", "received_on", "from_whom"),
            themes=[t.value for t in item.themes],
            specific=specific,
            specific_override=item.specific_override,
            created_at=now,
        )

    def get(self, owner_id: int, feedback_id: int) -> StoredFeedback | None:
        return self.owned(feedback, owner_id, feedback_id, _feedback)

    def query(self, owner_id: int, *, application_id: int | None = None) -> list[StoredFeedback]:
        """Feedback oldest first (by the date it was received)."""
        c = feedback.c
        where = matching(feedback, application_id=application_id)
        stmt = owned_rows(feedback, owner_id, *where, order_by=(c.received_on, c.id))
        return self.read_all(stmt, _feedback)


class ReflectionRepo(Repo):
    def insert(self, owner_id: int, reflection: Reflection, now: datetime) -> int:
        return self.insert_owned(
            reflections,
            owner_id,
            **values(reflection, "application_id", "written_on"),
            ratings={r.topic_id: r.score for r in reflection.ratings},
            answers={a.question_id: a.text for a in reflection.answers},
            created_at=now,
        )

    def query(self, owner_id: int, *, application_id: int | None = None) -> list[StoredReflection]:
        """Reflections oldest first."""
        c = reflections.c
        where = matching(reflections, application_id=application_id)
        stmt = owned_rows(reflections, owner_id, *where, order_by=(c.created_at, c.id))
        return self.read_all(stmt, _reflection)


class PlanItemRepo(Repo):
    def insert(
        self, owner_id: int, item: PlanItem, now: datetime, *, application_id: int | None
    ) -> int:
        return self.insert_owned(
            plan_items,
            owner_id,
            application_id=application_id,
            **values(item, "kind", "focus", "effort_hours", "status", "because"),
            created_at=now,
            updated_at=now,
        )

    def get(self, owner_id: int, item_id: int) -> StoredItem | None:
        return self.owned(plan_items, owner_id, item_id, _item)

    def query(
        self,
        owner_id: int,
        *,
        statuses: Sequence[ItemStatus] = (),
        application_id: int | None = None,
    ) -> list[StoredItem]:
        c = plan_items.c
        where = matching(plan_items, status=statuses, application_id=application_id)
        stmt = owned_rows(plan_items, owner_id, *where, order_by=(c.created_at, c.id))
        return self.read_all(stmt, _item)

    def set_status(self, owner_id: int, item_id: int, status: ItemStatus, now: datetime) -> None:
        self.update_owned(plan_items, owner_id, item_id, status=status.value, updated_at=now)


def _feedback(row: Row[Any]) -> StoredFeedback:
    return StoredFeedback(
        id=row.id,
        feedback=record(Feedback, row, themes=tuple(FeedbackTheme(t) for t in row.themes)),
        specific=row.specific,
        created_at=row.created_at,
    )


def _reflection(row: Row[Any]) -> StoredReflection:
    return StoredReflection(
        id=row.id,
        reflection=record(
            Reflection,
            row,
            ratings=tuple(Rating(k, int(v)) for k, v in row.ratings.items()),
            answers=tuple(Answer(k, str(v)) for k, v in row.answers.items()),
        ),
        created_at=row.created_at,
    )


def _item(row: Row[Any]) -> StoredItem:
    return StoredItem(
        id=row.id,
        item=record(PlanItem, row),
        application_id=row.application_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
