"""Labelling conventions shared by the corpus generators: a label says what the message
shows, the way a careful person labels real mail.

- **Stage**: the furthest step the message shows. A rejection that shows no step beyond the
  person's own application ("we won't be continuing with your application") was rejected at
  the application; one that shows nothing at all ("the vacancy has been withdrawn") is
  ``unknown``.
- **Company**: the hiring company without its legal form ("Acme Ltd" is "Acme").
"""

from __future__ import annotations

import re

__all__ = ["APPLICATION", "stage_without_step"]

#: The person's own application, named: not "applications from all sections of the community"
#: nor "feel free to apply for other roles".
APPLICATION = re.compile(
    r"\byour (?:\w+ )?(?:application|candidacy|submission|CV|r[ée]sum[ée])\b|"
    r"\b(?:you )?appl(?:ied|ying)\b|\binterest in\b|\bput(?:ting)? yourself forward\b",
    re.I,
)


def stage_without_step(text: str) -> str:
    """The stage of a rejection whose text names no step beyond the application."""
    return "application" if APPLICATION.search(text) else "unknown"
