"""Changes and their undoing: what a change to an application was, and the correction that
undid it.

Every action that changes an application (a move, a rejection, an edit, an archive, a delete,
an accepted mail proposal, a corrected date) is kept as a *change*: which rows it created,
changed or removed, with their values before and after. Undoing a change is itself a change
(a *correction*, kind ``undo``) that puts those rows back; undoing the correction does the
change again. Nothing is erased from the timeline: a step that was undone stays on it, marked
undone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from onward.errors import InvalidInput


class ChangeKind(StrEnum):
    """What a change was."""

    MOVE = "move"
    REJECT = "reject"
    EDIT = "edit"
    ARCHIVE = "archive"
    RESTORE = "restore"  # brought back from the archive
    DELETE = "delete"
    ACCEPT = "accept"  # a mail proposal accepted
    CORRECT_DATE = "correct_date"
    UNDO = "undo"  # a correction: the change it names, undone


@dataclass(frozen=True)
class Change:
    """One change to an application, as the history shows it."""

    id: int
    application_id: int | None
    kind: ChangeKind
    summary: str
    created_at: datetime
    #: The change this one undid (for a correction).
    undoes: int | None = None
    #: The correction that undid this change, if any.
    undone_by: int | None = None
    #: The mail proposal this change accepted.
    proposal_id: int | None = None

    @property
    def is_correction(self) -> bool:
        return self.kind is ChangeKind.UNDO

    @property
    def in_effect(self) -> bool:
        return self.undone_by is None


@dataclass(frozen=True)
class UndoOutcome:
    """What an undo did: the correction it recorded and the change it undid."""

    correction: Change
    undone: Change
    #: The application afterwards (None when the undo took away an application that the
    #: undone change had added).
    application_id: int | None
    #: Whether this undo did a change again (it undid the correction that undid it).
    redo: bool = False
    #: What the first change of the chain was ("moved to screen"), for the words.
    what: str = ""


def describe_undo(original: Change, *, redo: bool) -> str:
    """A correction's summary, from the change at the start of its chain."""
    return f"{'did again' if redo else 'undid'}: {original.summary}"


def check_corrected_date(
    on: date,
    today: date,
    before: date | None,
    after: date | None,
    *,
    before_label: str = "",
    after_label: str = "",
) -> date:
    """A step's corrected date: not in the future, and still between the steps around it."""
    if on > today:
        raise InvalidInput(
            f"{on.isoformat()} is in the future",
            field="on",
            hint="give the day it happened, today or before",
        )
    if before is not None and on < before:
        raise InvalidInput(
            f"{on.isoformat()} is before the step before it ({before_label} on "
            f"{before.isoformat()})",
            field="on",
            hint="steps keep their order; correct that one first",
        )
    if after is not None and on > after:
        raise InvalidInput(
            f"{on.isoformat()} is after the step that follows it ({after_label} on "
            f"{after.isoformat()})",
            field="on",
            hint="steps keep their order; correct that one first",
        )
    return on
