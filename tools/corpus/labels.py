"""Labelling conventions shared by the corpus generators: a label says what the message
shows, the way a careful person labels real mail.

- **Stage**: the furthest step the message shows. A rejection that shows no step beyond the
  person's own application ("we won't be continuing with your application") was rejected at
  the application; one that shows nothing at all ("the vacancy has been withdrawn") is
  ``unknown``.
- **Company**: the hiring company without its legal form ("Acme Ltd" is "Acme"), as the
  message names it, or as the employer's own address spells it.

The voices' writers (``voices``) label with :func:`stage_shown` and :func:`company_shown`, and
draw only subjects and decisions that fit the stage reached (:func:`subject_fits`,
:func:`core_fits`).
"""

from __future__ import annotations

import re

from onward.understand.legal_forms import strip_legal_form
from tools.corpus.writer import Example, Writer

__all__ = [
    "APPLICATION",
    "company_shown",
    "core_fits",
    "stage_shown",
    "stage_without_step",
    "subject_fits",
]

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


#: Subjects that name a step the person reached, the stages that reached it, and the stage
#: the subject shows by itself.
_SUBJECT_STEPS = (
    (re.compile(r"interview|meeting with us", re.I), {"interview", "final"}, "interview"),
    (re.compile(r"our conversation", re.I), {"screen", "interview", "final"}, "screen"),
)
#: Decisions that speak of a step the person reached, and the stages that reached it.
_CORE_STEPS = (
    (re.compile(r"at interview|the panel", re.I), {"interview", "final"}),
    (
        re.compile(r"assessment score|your online assessment|the exercise", re.I),
        {"assessment", "interview", "final"},
    ),
)
#: Decisions that say the person did not get as far as a step, and the stages before it.
_CORE_NOT_YET = re.compile(
    r"not (?:be )?invit\w* you to interview|not been shortlisted for interview|interview "
    r"others|next (?:round|stage)",
    re.I,
)


def subject_fits(subject: str, stage: str) -> bool:
    """A rejection's subject never names a step the person did not reach."""
    return not stage or all(stage in ok for p, ok, _ in _SUBJECT_STEPS if p.search(subject))


def core_fits(reason_core: tuple[str, str], stage: str) -> bool:
    """A decision that speaks of a test or an interview needs it to have happened."""
    core = reason_core[1]
    if _CORE_NOT_YET.search(core) and stage in ("interview", "final"):
        return False
    return all(stage in ok for p, ok in _CORE_STEPS if p.search(core))


def stage_shown(extra: Example, opener: str, text: str) -> str:
    """The stage the message shows: the opener's, when the message kept it (a one-line
    writer drops it); otherwise "application" when the message speaks of the person's
    application, else "unknown"."""
    stage = str(extra["stage"])
    if stage != "unknown" and opener and opener in text:
        return stage
    if stage != "unknown" and any(p.search(text) for p, _ in _CORE_STEPS):
        return stage  # the decision itself speaks of the interview or the test
    subject = text.split("\n")[1]
    for p, _, shown in _SUBJECT_STEPS:
        if stage != "unknown" and p.search(subject):
            return shown
    return stage_without_step(text)


def _squeeze(words: str) -> str:
    return re.sub(r"[^a-z0-9]", "", words.lower().replace("&", "and"))


def company_shown(w: Writer, text: str) -> str | None:
    """The employer as the message names it, without its legal form (the labels' convention);
    when the text does not name it, the employer's own address may: "sparrowhawkgames.com"
    spells Sparrowhawk Games, "pricewise.com" Pricewise; an abbreviation spells nothing."""
    assert w.employer is not None
    name, stem = strip_legal_form(w.employer[0]), w.employer[3]
    if name.lower() in text.lower():
        return name
    if w.kind == "agency" or f"@{stem}." not in w.sender:
        return None
    words = name.split()
    for n in range(len(words), 0, -1):
        if _squeeze(" ".join(words[:n])) == stem:
            return " ".join(words[:n])
    return None
