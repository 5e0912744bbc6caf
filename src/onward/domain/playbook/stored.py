"""What the playbook keeps after a rejection: drafts, feedback, reflections and plan items,
each with its id and timestamps, as storage hands them back.

The rules for each live in their own modules (``feedback``, ``reflection``, ``learning_plan``;
draft kinds and timing in ``onward.domain.drafts``); these wrappers only add what storage knows.
A draft moves ``draft → sent`` or ``draft → discarded``; both ends are final.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from onward.domain.drafts import DraftKind
from onward.domain.playbook.feedback import Feedback
from onward.domain.playbook.learning_plan import PlanItem
from onward.domain.playbook.reflection import Reflection
from onward.errors import Action, Hint, InvalidMove


class DraftStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    DISCARDED = "discarded"


@dataclass(frozen=True)
class SavedDraft:
    """A message kept for the person to edit and send from their own mail program."""

    id: int
    application_id: int | None
    contact_id: int | None
    kind: DraftKind
    to: str | None
    subject: str
    body: str
    status: DraftStatus
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None = None


def check_draft_move(draft: SavedDraft, to: DraftStatus) -> None:
    """Only a draft may be edited, sent or discarded; sent and discarded are final."""
    if draft.status != DraftStatus.DRAFT:
        verb = {DraftStatus.SENT: "marked sent", DraftStatus.DISCARDED: "discarded"}.get(
            to, "changed"
        )
        raise InvalidMove(
            f"draft #{draft.id} is already {draft.status.value}; it cannot be {verb}",
            hint=Hint(Action.NEW_DRAFT),
        )


@dataclass(frozen=True)
class StoredFeedback:
    id: int
    feedback: Feedback
    #: The verdict when it was logged (the person's override wins over the heuristic).
    specific: bool
    created_at: datetime


@dataclass(frozen=True)
class StoredReflection:
    id: int
    reflection: Reflection
    created_at: datetime


@dataclass(frozen=True)
class StoredItem:
    """A learning plan item; ``application_id`` is the application it came from, if any."""

    id: int
    item: PlanItem
    application_id: int | None
    created_at: datetime
    updated_at: datetime
