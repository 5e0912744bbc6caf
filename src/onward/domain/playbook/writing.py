"""Expressive writing: the tested protocol, private by design.

Laid-off professionals who wrote about their thoughts and feelings for 20 minutes a day on five
days were re-employed sooner than those who did not; they got no more interviews but turned
more of them into offers (Spera, Buhrfeind and Pennebaker 1994). Onward offers a short form of
that protocol, in its own words:

* Up to 20 minutes a session, on up to 4 consecutive days; each day has its own prompt.
* A session on the day after the last continues the run (day 2, 3, 4); a gap starts a new one.
* It is offered after a hard rejection (a sting of 4 or 5) or a run of them (3 in 30 days),
  also inside a dwell window: writing is the one thing offered then besides kindness.
* The writing is never analysed, scored, summarised, counted in insights or shared.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from onward.errors import InvalidInput

MINUTES = 20
DAYS = 4
MAX_TEXT = 100_000
HARD_STING = 4
RUN = 3
RUN_DAYS = 30
#: A writing session within this long means the offer waits.
QUIET_AFTER_WRITING = timedelta(days=7)

PROMPTS: tuple[str, ...] = (
    "Write about this rejection and what it stirred up in you: the thoughts and feelings you "
    "have kept to yourself. Nobody will read this, so do not mind spelling or order.",
    "Write about how this search is touching the rest of your life: your days, your sense of "
    "who you are, the people around you. Keep going even if you repeat yourself.",
    "Write about what this reminds you of: other times you were turned down, or had to start "
    "again. What did you feel then, and what do you feel now?",
    "Write about where you stand today and what you want to carry forward: what has changed "
    "as you wrote, and what you want to hold on to.",
)


@dataclass(frozen=True)
class WritingSession:
    id: int
    written_on: date
    day: int
    #: The text, when it is not locked (None while sealed and no passphrase was given).
    text: str | None
    locked: bool
    started_at: datetime
    saved_at: datetime

    @property
    def minutes(self) -> int:
        return max(0, int((self.saved_at - self.started_at).total_seconds() // 60))


def next_day(sessions: Iterable[WritingSession], today: date) -> int:
    """Which day of the protocol a session today is: the run continues from yesterday (or
    today), and starts again after a gap or after its fourth day."""
    dated = sorted(sessions, key=lambda s: (s.written_on, s.id))
    if not dated:
        return 1
    last = dated[-1]
    if last.written_on == today:
        return last.day
    if last.written_on == today - timedelta(days=1) and last.day < DAYS:
        return last.day + 1
    return 1


def prompt(day: int) -> str:
    return PROMPTS[(day - 1) % DAYS]


def check_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise InvalidInput("write something first; a few lines is enough", field="text")
    if len(text) > MAX_TEXT:
        raise InvalidInput(
            f"that is longer than one session can hold ({MAX_TEXT:,} characters)", field="text"
        )
    return text


def should_offer(
    rejections: Iterable[tuple[date, int | None]],
    last_written: date | None,
    today: date,
) -> bool:
    """Offer the writing after a hard rejection in the last week, or a run of rejections in
    the last month, unless the person wrote in the last week."""
    if last_written is not None and today - last_written < QUIET_AFTER_WRITING:
        return False
    recent = [(on, sting) for on, sting in rejections if today - on <= timedelta(days=RUN_DAYS)]
    hard = any(
        sting is not None and sting >= HARD_STING and today - on <= timedelta(days=7)
        for on, sting in recent
    )
    return hard or len(recent) >= RUN
