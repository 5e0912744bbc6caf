"""Feedback from an employer: what was said, by whom, whether it is specific, and its themes.

Specific or generic is decided by a small heuristic that explains itself, and the person can
always override it. Signals of *specific* feedback: it names a topic (one of the themes below),
points at something the person did ("your answer", "in the interview"), or gives an example or
advice ("for example", "we would have liked"). Signals of *generic* feedback: stock phrases
("a strong pool of candidates", "not the right fit at this time"). Two specific signals, or one
with no stock phrase, make it specific.

Themes are suggested from keywords in what the feedback says was missing, never in its praise
(feedback_reading.py reads it clause by clause); the person confirms or changes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from onward.domain.playbook._common import clean_text, not_in_future
from onward.domain.playbook.feedback_reading import ClauseKind, read_feedback
from onward.errors import InvalidInput


class FeedbackTheme(StrEnum):
    RESUME = "resume"
    APPLICATION_TAILORING = "application_tailoring"
    INTERVIEW_COMMUNICATION = "interview_communication"
    TECHNICAL_DEPTH = "technical_depth"
    EXPERIENCE_LEVEL = "experience_level"
    DOMAIN_KNOWLEDGE = "domain_knowledge"
    CULTURE_FIT = "culture_fit"
    MOTIVATION = "motivation"
    LOGISTICS = "logistics"
    OTHER = "other"


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")", re.IGNORECASE)


THEME_KEYWORDS: dict[FeedbackTheme, re.Pattern[str]] = {
    FeedbackTheme.RESUME: _words(r"resume", r"résumé", r"cv\b", r"cover letter"),
    FeedbackTheme.APPLICATION_TAILORING: _words(
        r"tailor", r"generic application", r"specific to (?:the|this) role", r"customi[sz]"
    ),
    FeedbackTheme.INTERVIEW_COMMUNICATION: _words(
        r"communicat", r"concise", r"clear(?:ly|er)?\b", r"structur", r"rambl", r"articulat"
    ),
    FeedbackTheme.TECHNICAL_DEPTH: _words(
        r"technical", r"depth", r"system design", r"coding", r"algorithm", r"architecture"
    ),
    FeedbackTheme.EXPERIENCE_LEVEL: _words(
        r"years of experience", r"more experience", r"experience level", r"senior", r"junior"
    ),
    FeedbackTheme.DOMAIN_KNOWLEDGE: _words(r"domain", r"industry", r"sector", r"knowledge of"),
    FeedbackTheme.CULTURE_FIT: _words(r"culture", r"values", r"team dynamic", r"ways of working"),
    FeedbackTheme.MOTIVATION: _words(
        r"motivat", r"enthusias", r"why you wanted", r"interest in", r"passion"
    ),
    FeedbackTheme.LOGISTICS: _words(
        r"location", r"relocat", r"visa", r"sponsorship", r"salary", r"start date",
        r"notice period", r"commut",
    ),
}  # fmt: skip

_ABOUT_YOU = _words(
    r"your answer", r"your presentation", r"your portfolio", r"your example", r"you described",
    r"you mentioned", r"you explained", r"in (?:the|your) interview", r"in (?:the|your) task",
)  # fmt: skip
_ADVICE = _words(
    r"for example", r"e\.g\.", r"such as", r"you could", r"we would have liked",
    r"would have liked", r"next time", r"we were looking for", r"consider", r"recommend",
)  # fmt: skip
_STOCK = _words(
    r"strong pool", r"many (?:highly )?qualified", r"large number of", r"other candidates",
    r"right fit", r"better fit", r"more closely (?:match|align)", r"at this time",
    r"keep your (?:resume|cv|details) on file", r"wish you (?:every|the best|all)",
)  # fmt: skip


def suggest_themes(text: str) -> tuple[FeedbackTheme, ...]:
    """Themes whose keywords appear in ``text``, in enum order; ``other`` when none do."""
    found = tuple(t for t, pattern in THEME_KEYWORDS.items() if pattern.search(text))
    return found or (FeedbackTheme.OTHER,)


def gaps_to_learn(text: str) -> tuple[str, ...]:
    """The gaps feedback names that no theme covers ("we needed more hands-on dbt"): each is
    something to learn in its own right. Gaps a theme covers ("your CV did not show your
    impact") are suggested through the theme."""
    reading = read_feedback(text)
    return tuple(
        dict.fromkeys(
            item
            for clause in reading.clauses
            if clause.kind is ClauseKind.GAP
            and suggest_themes(clause.text) == (FeedbackTheme.OTHER,)
            for item in clause.items
        )
    )


def themes_from_gaps(text: str) -> tuple[FeedbackTheme, ...]:
    """Themes of what the feedback says was missing, never of what it praised
    (feedback_reading.py); ``other`` when it names no gap with a theme."""
    return suggest_themes(read_feedback(text).gap_text)


@dataclass(frozen=True)
class Specificity:
    """The verdict and the reasons for it, so the person can see why and override it."""

    specific: bool
    reasons: tuple[str, ...]
    overridden: bool = False


def judge_specificity(text: str, override: bool | None = None) -> Specificity:
    """Is this feedback specific enough to act on? ``override`` is the person's own call."""
    reasons: list[str] = []
    signals = 0
    themes = [t for t in suggest_themes(text) if t != FeedbackTheme.OTHER]
    if themes:
        signals += 1
        reasons.append("names a topic: " + ", ".join(t.value for t in themes))
    if _ABOUT_YOU.search(text):
        signals += 1
        reasons.append("points at something you did")
    if _ADVICE.search(text):
        signals += 1
        reasons.append("gives an example or advice")
    stock = [m.group(0).lower() for m in _STOCK.finditer(text)]
    if stock:
        reasons.append("uses stock phrases: " + ", ".join(dict.fromkeys(stock)))
    if not reasons:
        reasons.append("no specific details found")
    specific = signals >= 2 or (signals == 1 and not stock)
    if override is not None:
        return Specificity(override, (*reasons, "you marked it yourself"), overridden=True)
    return Specificity(specific, tuple(reasons))


@dataclass(frozen=True)
class Feedback:
    """Feedback received for one application."""

    application_id: int
    text: str
    received_on: date
    from_whom: str | None = None
    contact_id: int | None = None
    themes: tuple[FeedbackTheme, ...] = ()
    #: The person's own verdict on specific (True) or generic (False); None: use the heuristic.
    specific_override: bool | None = None

    @property
    def specificity(self) -> Specificity:
        return judge_specificity(self.text, self.specific_override)

    @property
    def specific(self) -> bool:
        return self.specificity.specific


def validate_feedback(feedback: Feedback, today: date) -> Feedback:
    """Check feedback; tidy the text; fill suggested themes when none were chosen."""
    text = clean_text(feedback.text, "feedback", field="text")
    if text is None:
        raise InvalidInput(
            "feedback text cannot be empty", field="text", hint="paste or type what they said"
        )
    not_in_future(feedback.received_on, today, "feedback date", "received_on")
    themes = tuple(dict.fromkeys(feedback.themes)) or themes_from_gaps(text)
    return replace(
        feedback,
        text=text,
        from_whom=clean_text(feedback.from_whom, "who it came from", limit=200, field="from_whom"),
        themes=themes,
    )
