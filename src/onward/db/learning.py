"""What a person learns from a rejection: feedback, reflections and learning plan items."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select, update

from onward.db.meta import insert_row, values
from onward.db.playbook_tables import feedback, plan_items, reflections
from onward.db.repo import Repo
from onward.domain.playbook.feedback import Feedback, FeedbackTheme
from onward.domain.playbook.learning_plan import ItemKind, ItemStatus, PlanItem
from onward.domain.playbook.reflection import Answer, Rating, Reflection
from onward.domain.playbook.stored import StoredFeedback, StoredItem, StoredReflection


class FeedbackRepo(Repo):
    def insert(self, owner_id: int, item: Feedback, specific: bool, now: datetime) -> int:
        return insert_row(
            self.conn,
            feedback,
            owner_id=owner_id,
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
        stmt = select(feedback).where(feedback.c.owner_id == owner_id)
        if application_id is not None:
            stmt = stmt.where(feedback.c.application_id == application_id)
        rows = self.conn.execute(stmt.order_by(feedback.c.received_on, feedback.c.id))
        return [_feedback(r) for r in rows]


class ReflectionRepo(Repo):
    def insert(self, owner_id: int, reflection: Reflection, now: datetime) -> int:
        return insert_row(
            self.conn,
            reflections,
            owner_id=owner_id,
            **values(reflection, "application_id", "written_on"),
            ratings={r.topic_id: r.score for r in reflection.ratings},
            answers={a.question_id: a.text for a in reflection.answers},
            created_at=now,
        )

    def query(self, owner_id: int, *, application_id: int | None = None) -> list[StoredReflection]:
        """Reflections oldest first."""
        stmt = select(reflections).where(reflections.c.owner_id == owner_id)
        if application_id is not None:
            stmt = stmt.where(reflections.c.application_id == application_id)
        rows = self.conn.execute(stmt.order_by(reflections.c.created_at, reflections.c.id))
        return [_reflection(r) for r in rows]


class PlanItemRepo(Repo):
    def insert(
        self, owner_id: int, item: PlanItem, now: datetime, *, application_id: int | None
    ) -> int:
        return insert_row(
            self.conn,
            plan_items,
            owner_id=owner_id,
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
        stmt = select(plan_items).where(c.owner_id == owner_id)
        if statuses:
            stmt = stmt.where(c.status.in_([s.value for s in statuses]))
        if application_id is not None:
            stmt = stmt.where(c.application_id == application_id)
        rows = self.conn.execute(stmt.order_by(c.created_at, c.id))
        return [_item(r) for r in rows]

    def set_status(self, owner_id: int, item_id: int, status: ItemStatus, now: datetime) -> None:
        self.conn.execute(
            update(plan_items)
            .where(plan_items.c.owner_id == owner_id, plan_items.c.id == item_id)
            .values(status=status.value, updated_at=now)
        )


def _feedback(row: Row[Any]) -> StoredFeedback:
    return StoredFeedback(
        id=row.id,
        feedback=Feedback(
            application_id=row.application_id,
            text=row.text,
            received_on=row.received_on,
            from_whom=row.from_whom,
            contact_id=row.contact_id,
            themes=tuple(FeedbackTheme(t) for t in row.themes),
            specific_override=row.specific_override,
        ),
        specific=row.specific,
        created_at=row.created_at,
    )


def _reflection(row: Row[Any]) -> StoredReflection:
    return StoredReflection(
        id=row.id,
        reflection=Reflection(
            application_id=row.application_id,
            written_on=row.written_on,
            ratings=tuple(Rating(k, int(v)) for k, v in row.ratings.items()),
            answers=tuple(Answer(k, str(v)) for k, v in row.answers.items()),
        ),
        created_at=row.created_at,
    )


def _item(row: Row[Any]) -> StoredItem:
    return StoredItem(
        id=row.id,
        item=PlanItem(
            kind=ItemKind(row.kind),
            focus=row.focus,
            effort_hours=row.effort_hours,
            status=ItemStatus(row.status),
            because=row.because,
        ),
        application_id=row.application_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
