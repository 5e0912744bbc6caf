"""History: what happened long before Onward heard of it.

When a person imports two years of mail, or writes down a search after the fact, most of
what is recorded is history: it is kept with its real dates (the timeline, the rejections,
the insights all count it), but nothing reacts to it as if it had just happened. One rule
decides it, here, and every reaction asks it:

    an event is history when it happened more than ``HISTORY_AFTER_DAYS`` days before the
    day it is recorded.

Fourteen days is the longest a rejection's playbook looks ahead of its own date (the reply
to a rejection is due within days, its reflection within a week of the dwell window) and
the span of "recent" wins: older news has had its moment. What history does not get:

* a rejection: no dwell window and no tasks (a reply, a reflection, saved jobs to look at);
  only a check-in the person asked for that is still ahead;
* a step: no celebration (its win is kept in the wins journal on its real day, once);
* an application whose quiet began long before it was recorded: no ghosting suggestion
  (:func:`went_quiet_long_before`);
* the "take a break" nudge counts only applications recorded while they were current.

Recent mail in the same import is not history and behaves as if it was typed today.
"""

from __future__ import annotations

from datetime import date, timedelta

__all__ = ["HISTORY_AFTER", "HISTORY_AFTER_DAYS", "is_history", "went_quiet_long_before"]

HISTORY_AFTER_DAYS = 14
HISTORY_AFTER = timedelta(days=HISTORY_AFTER_DAYS)


def is_history(day: date, recorded_on: date) -> bool:
    """True when something that happened on ``day`` was recorded on ``recorded_on`` more than
    ``HISTORY_AFTER_DAYS`` days later (when recording now: ``recorded_on`` is today)."""
    return (recorded_on - day).days > HISTORY_AFTER_DAYS


def went_quiet_long_before(last_step_on: date, quiet_after_days: int, recorded_on: date) -> bool:
    """True when an application whose last step (on ``last_step_on``) was recorded on
    ``recorded_on`` (the day it last changed in Onward) had already gone quiet
    (``quiet_after_days`` without news) as history: it closed long ago, and suggesting it as
    ghosted now would only nag."""
    return is_history(last_step_on + timedelta(days=quiet_after_days), recorded_on)
