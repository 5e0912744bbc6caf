"""An application as a card (the board; any page that lists applications as cards): the
company's initials as an avatar (never a remote logo), how long it has been at its stage,
its next step, excitement and tags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from onward.domain.playbook.tasks import StoredTask
from onward.domain.records import Application

#: Avatar tints (``tint-1`` … ``tint-5`` in onward.css), picked from the company's name so a
#: company keeps its colour from page to page.
TINTS = 5
#: Words in a company's name that its initials skip ("The Data Company" → "DC").
_SKIP = frozenset({"the", "and", "of", "&", "a"})


def initials(company: str) -> str:
    """One or two letters for an avatar: the first letters of the first two words that count,
    or the first two letters of a one-word name."""
    words = [w for w in company.replace("-", " ").split() if w.lower() not in _SKIP]
    words = [w for w in words if w[:1].isalnum()] or [company.strip() or "?"]
    if len(words) == 1:
        return words[0][:2].capitalize()
    return (words[0][0] + words[1][0]).upper()


def tint(company: str) -> int:
    """1 to ``TINTS``, the same for the same name on every run (no ``hash()``: it is salted)."""
    return sum(ord(ch) for ch in company.casefold()) % TINTS + 1


def days_words(days: int) -> str:
    if days <= 0:
        return "since today"
    if days == 1:
        return "1 day"
    if days < 14:
        return f"{days} days"
    if days < 63:
        return f"{days // 7} weeks"
    return f"{days // 30} months"


@dataclass(frozen=True)
class NextTask:
    title: str
    due: date
    overdue: bool

    @property
    def when(self) -> str:
        return f"{self.due:%a} {self.due.day} {self.due:%b}"


@dataclass(frozen=True)
class Card:
    app: Application
    days: int
    next_task: NextTask | None

    @property
    def initials(self) -> str:
        return initials(self.app.company)

    @property
    def tint(self) -> int:
        return tint(self.app.company)

    @property
    def in_stage(self) -> str:
        """How long at this stage, in words: "3 days", "2 weeks", "since today"."""
        return days_words(self.days)

    @property
    def stars(self) -> str:
        """Excitement as five stars, filled up to it ("" when not given)."""
        level = self.app.fields.excitement
        return "" if not level else "★" * level + "☆" * (5 - level)


def card(app: Application, today: date, now: datetime, step: StoredTask | None) -> Card:
    next_task = None
    if step is not None:
        due = step.task.due_at
        next_task = NextTask(step.task.title, due.date(), due < now)
    return Card(app, (today - app.stage_on).days, next_task)
