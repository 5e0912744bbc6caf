"""Small wins: progress worth noticing, even in a search full of rejections.

Wins come from the timeline and from feedback:

* the first response ever: the first time any company moved any application forward (a
  screen, assessment, interview, final round or offer). Counted once, overall. A rejection is
  not counted as a response: a win should feel like one;
* per application, the first time it reached a screen, an interview, the final round, and
  an offer (later interview rounds are not separate wins);
* feedback that is both specific and positive.

Each (kind, application) win is reported once, on the date it first happened.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from onward.domain.pipeline import RESPONSES, Stage
from onward.domain.playbook.feedback import Feedback
from onward.domain.playbook.feedback_reading import read_feedback
from onward.domain.records import StageEvent

RECENT_DAYS = 14


class WinKind(StrEnum):
    FIRST_RESPONSE = "first_response"
    SCREEN = "screen"
    INTERVIEW = "interview"
    FINAL = "final"
    OFFER = "offer"
    POSITIVE_FEEDBACK = "positive_feedback"


@dataclass(frozen=True)
class Win:
    kind: WinKind
    on: date
    application_id: int
    message: str


_RESPONSES = frozenset(RESPONSES)
_STAGE_WINS: dict[Stage, WinKind] = {
    Stage.SCREEN: WinKind.SCREEN,
    Stage.INTERVIEW: WinKind.INTERVIEW,
    Stage.FINAL: WinKind.FINAL,
    Stage.OFFER: WinKind.OFFER,
}
MESSAGES: dict[WinKind, str] = {
    WinKind.FIRST_RESPONSE: "Your first response from an employer. Someone read your application "
    "and wanted to know more.",
    WinKind.SCREEN: "You got a screening call. Your application stood out from the pile.",
    WinKind.INTERVIEW: "You reached an interview. They wanted to meet you.",
    WinKind.FINAL: "You reached a final round. Only a handful of people get this far.",
    WinKind.OFFER: "You got an offer. Whatever you decide, your work brought you here.",
    WinKind.POSITIVE_FEEDBACK: "Specific, positive feedback: someone noticed what you do well.",
}


def detect_wins(events: Iterable[StageEvent], feedback: Iterable[Feedback] = ()) -> tuple[Win, ...]:
    """All wins in the timeline and feedback, oldest first."""
    wins: dict[tuple[WinKind, int], Win] = {}
    first_response: Win | None = None
    for e in sorted(events, key=lambda e: (e.occurred_on, e.id)):
        if first_response is None and e.stage in _RESPONSES:
            first_response = Win(
                WinKind.FIRST_RESPONSE,
                e.occurred_on,
                e.application_id,
                MESSAGES[WinKind.FIRST_RESPONSE],
            )
        kind = _STAGE_WINS.get(e.stage)
        if kind is not None and (kind, e.application_id) not in wins:
            wins[(kind, e.application_id)] = Win(
                kind, e.occurred_on, e.application_id, MESSAGES[kind]
            )
    for f in sorted(feedback, key=lambda f: f.received_on):
        key = (WinKind.POSITIVE_FEEDBACK, f.application_id)
        strengths = read_feedback(f.text).strengths
        if key not in wins and strengths:
            named = ", ".join(strengths[:3])
            wins[key] = Win(
                WinKind.POSITIVE_FEEDBACK,
                f.received_on,
                f.application_id,
                f"{MESSAGES[WinKind.POSITIVE_FEEDBACK]} They named: {named}.",
            )
    found = list(wins.values())
    if first_response is not None:
        found.append(first_response)
    order = list(WinKind)
    return tuple(sorted(found, key=lambda w: (w.on, order.index(w.kind), w.application_id)))


def recent_wins(wins: Iterable[Win], today: date, days: int = RECENT_DAYS) -> tuple[Win, ...]:
    """Wins from the last ``days`` days (today included), newest first."""
    since = today - timedelta(days=days - 1)
    recent = [w for w in wins if since <= w.on <= today]
    return tuple(sorted(recent, key=lambda w: (w.on, w.application_id), reverse=True))
