"""Where each task is done: the page, form or draft that does it, so a task on Today, on a
rejection's page or in a notification leads straight to its action."""

from __future__ import annotations

from dataclasses import dataclass

from onward.domain.playbook.reminders import Reminder
from onward.domain.playbook.tasks import Task, TaskKind


@dataclass(frozen=True)
class TaskLink:
    url: str
    words: str
    #: Post a small form (with ``fields``) rather than follow a link: writing a draft.
    post: bool = False
    fields: tuple[tuple[str, str], ...] = ()


def task_link(task: Task) -> TaskLink | None:
    """The action that does ``task`` (None for the dwell window's own step)."""
    app = task.application_id
    if task.kind == TaskKind.SEND_DRAFT and app and task.draft_kind is not None:
        fields = (("kind", task.draft_kind.value),)
        return TaskLink(f"/applications/{app}/drafts", "Write the draft", True, fields)
    return _page_link(task.kind.value, app or None)


def _page_link(kind: str, app: int | None) -> TaskLink | None:
    at = f"/applications/{app}" if app else None
    pages = {
        TaskKind.REFLECT.value: (f"{at}/reflect" if at else None, "Reflect now"),
        TaskKind.SEND_DRAFT.value: (f"{at}#drafts" if at else "/drafts", "Write it"),
        TaskKind.PREPARE_INTERVIEW.value: (at, "See the application"),
        TaskKind.CHECK_IN.value: ("/contacts", "See your contacts"),
        TaskKind.REVISIT_SAVED.value: ("/board", "See your saved jobs"),
        TaskKind.IMPROVE.value: ("/plan", "Open your learning plan"),
        TaskKind.JOURNAL.value: ("/journal", "Write in your journal"),
        TaskKind.REST.value: ("/journal", "Note a rest day"),
    }
    url, words = pages.get(kind, (None, ""))
    return TaskLink(url, words) if url else None


def reminder_url(reminder: Reminder) -> str:
    """Where a notification leads when clicked."""
    if reminder.contact_id is not None:
        return f"/contacts/{reminder.contact_id}"
    if reminder.if_then_id is not None:
        return f"/if-then#plan-{reminder.if_then_id}"
    if reminder.task_kind is not None:
        link = _page_link(reminder.task_kind, reminder.application_id)
        if link is not None:
            return link.url
    return "/"
