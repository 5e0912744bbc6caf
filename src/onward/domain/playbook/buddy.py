"""A buddy: two people who agree to swap a weekly summary (effort, plans kept, wins; their
rejections only if they choose), as a signed file each imports, and see each other's week next
to their own. Azrin's Job Club paired job seekers as buddies, with self-recording and progress
charts (docs/playbook.md). Nothing else about either person travels.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from onward.errors import InvalidInput

CARD = "onward-buddy-card"
SUMMARY = "onward-buddy-week"
VERSION = 1
MAX_NAME = 100
MAX_WINS = 10


@dataclass(frozen=True)
class Week:
    """One person's week as a buddy sees it."""

    name: str
    week_start: date
    effort: dict[str, float]  # metric → amount done
    plans_kept: int
    plans_due: int
    wins: tuple[str, ...]
    #: None when the person chose not to share them.
    rejections: int | None = None

    def document(self) -> dict[str, Any]:
        return {
            "format": SUMMARY,
            "version": VERSION,
            "name": self.name,
            "week_start": self.week_start.isoformat(),
            "effort": self.effort,
            "plans_kept": self.plans_kept,
            "plans_due": self.plans_due,
            "wins": list(self.wins),
            "rejections": self.rejections,
        }


def week_from(document: dict[str, Any]) -> Week:
    """A week read back from a summary file, every field checked."""
    if document.get("format") != SUMMARY or document.get("version") != VERSION:
        raise InvalidInput("this is not an Onward buddy summary", field="file")
    try:
        effort = {str(k): float(v) for k, v in dict(document["effort"]).items()}
        rejections = document.get("rejections")
        return Week(
            name=_name(document["name"]),
            week_start=date.fromisoformat(document["week_start"]),
            effort=effort,
            plans_kept=int(document["plans_kept"]),
            plans_due=int(document["plans_due"]),
            wins=tuple(str(w)[:300] for w in document["wins"][:MAX_WINS]),
            rejections=None if rejections is None else int(rejections),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInput(f"the buddy summary is damaged ({exc})", field="file") from None


def card(name: str, key: str) -> dict[str, Any]:
    return {"format": CARD, "version": VERSION, "name": _name(name), "public_key": key}


def card_from(document: dict[str, Any]) -> tuple[str, str]:
    """(name, public key) of a buddy card."""
    if document.get("format") != CARD or not isinstance(document.get("public_key"), str):
        raise InvalidInput("this is not an Onward buddy card", field="file")
    return _name(document.get("name", "")), document["public_key"]


def _name(name: object) -> str:
    text = " ".join(str(name).split())
    if not text:
        raise InvalidInput("give the name your buddy knows you by", field="name")
    if len(text) > MAX_NAME:
        raise InvalidInput(f"keep the name under {MAX_NAME} characters", field="name")
    return text
