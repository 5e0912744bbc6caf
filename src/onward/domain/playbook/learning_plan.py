"""Learning plan items: small, concrete things to work on, suggested from reflection and
feedback, and tracked through ``todo → doing → done`` (or dropped).

:func:`suggest_items` maps each low rating (2 or less) and each feedback theme to one or two
items with a rough effort in hours. Logistics and "other" suggest nothing: they are not skills.
When three or more stages were rated low, it also suggests talking it over with a mentor,
coach or counsellor, because that is a lot to carry alone. Suggestions are deduplicated by kind
and focus, so a weak interview and interview feedback give one practice item, not two.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from onward.domain.playbook._common import clean_text
from onward.domain.playbook.feedback import FeedbackTheme
from onward.domain.playbook.reflection import Reflection, low_ratings
from onward.errors import InvalidInput, InvalidMove

MAX_EFFORT_HOURS = 500.0


class ItemKind(StrEnum):
    UPDATE_RESUME = "update_resume"
    UPDATE_COVER_LETTER = "update_cover_letter"
    TAILOR_APPLICATIONS = "tailor_applications"
    PRACTISE_INTERVIEW = "practise_interview"
    COURSE = "course"
    CERTIFICATION = "certification"
    WORKSHOP = "workshop"
    UPDATE_LINKEDIN = "update_linkedin"
    TALK_TO_SOMEONE = "talk_to_someone"


class ItemStatus(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    DROPPED = "dropped"


@dataclass(frozen=True)
class PlanItem:
    """One thing to work on; ``focus`` says what exactly (the X in "update resume for X")."""

    kind: ItemKind
    focus: str
    effort_hours: float | None = None
    status: ItemStatus = ItemStatus.TODO
    #: Why it was suggested ("interview round 1 rated 2/5"); None when the person added it.
    because: str | None = None

    @property
    def title(self) -> str:
        return f"{_VERBS[self.kind]}: {self.focus}"


_VERBS: dict[ItemKind, str] = {
    ItemKind.UPDATE_RESUME: "Update your resume",
    ItemKind.UPDATE_COVER_LETTER: "Update your cover letter",
    ItemKind.TAILOR_APPLICATIONS: "Tailor your applications",
    ItemKind.PRACTISE_INTERVIEW: "Practise",
    ItemKind.COURSE: "Take a course",
    ItemKind.CERTIFICATION: "Work towards a certification",
    ItemKind.WORKSHOP: "Join a workshop",
    ItemKind.UPDATE_LINKEDIN: "Update your LinkedIn profile",
    ItemKind.TALK_TO_SOMEONE: "Talk it over with a mentor, coach or counsellor",
}


def validate_item(item: PlanItem) -> PlanItem:
    """Check an item a person typed; return it with its focus trimmed."""
    focus = clean_text(item.focus, "the focus", limit=300, field="focus")
    if focus is None:
        raise InvalidInput(
            "say what the item is about", field="focus", hint="e.g. 'system design questions'"
        )
    hours = item.effort_hours
    if hours is not None and not 0 < hours <= MAX_EFFORT_HOURS:
        raise InvalidInput(
            f"effort must be more than 0 and at most {MAX_EFFORT_HOURS:g} hours",
            field="effort_hours",
        )
    because = clean_text(item.because, "the reason", limit=300, field="because")
    return replace(item, focus=focus, because=because)


_MOVES: dict[ItemStatus, frozenset[ItemStatus]] = {
    ItemStatus.TODO: frozenset({ItemStatus.DOING, ItemStatus.DONE, ItemStatus.DROPPED}),
    ItemStatus.DOING: frozenset({ItemStatus.TODO, ItemStatus.DONE, ItemStatus.DROPPED}),
    ItemStatus.DONE: frozenset({ItemStatus.DOING}),
    ItemStatus.DROPPED: frozenset({ItemStatus.TODO}),
}


def move_item(item: PlanItem, to: ItemStatus) -> PlanItem:
    """Change status. Done can be reopened (back to doing); dropped can be picked up again."""
    if to not in _MOVES[item.status]:
        raise InvalidMove(
            f"an item that is {item.status.value} cannot move to {to.value}",
            hint="allowed: " + ", ".join(sorted(s.value for s in _MOVES[item.status])),
        )
    return replace(item, status=to)


_Suggestion = tuple[ItemKind, str, float]

_FOR_TOPIC: dict[str, tuple[_Suggestion, ...]] = {
    "preparation": ((ItemKind.PRACTISE_INTERVIEW, "company research and your story", 2),),
    "resume": (
        (ItemKind.UPDATE_RESUME, "show your results for the roles you want", 3),
        (ItemKind.TAILOR_APPLICATIONS, "mirror each posting's top three needs", 1),
    ),
    "screen": ((ItemKind.PRACTISE_INTERVIEW, "the recruiter screen: a two-minute intro", 1),),
    "assessment": ((ItemKind.COURSE, "the skills the assessment tested", 6),),
    "interview": ((ItemKind.PRACTISE_INTERVIEW, "behavioural questions with STAR stories", 3),),
    "final": ((ItemKind.PRACTISE_INTERVIEW, "final-round questions on impact and vision", 2),),
    "follow_up": ((ItemKind.TALK_TO_SOMEONE, "how and when to follow up", 1),),
}  # fmt: skip

_FOR_THEME: dict[FeedbackTheme, tuple[_Suggestion, ...]] = {
    FeedbackTheme.RESUME: ((ItemKind.UPDATE_RESUME, "what the feedback pointed at", 2),),
    FeedbackTheme.APPLICATION_TAILORING: (
        (ItemKind.TAILOR_APPLICATIONS, "mirror each posting's top three needs", 1),
        (ItemKind.UPDATE_COVER_LETTER, "one paragraph on why this company", 1),
    ),
    FeedbackTheme.INTERVIEW_COMMUNICATION: (
        (ItemKind.PRACTISE_INTERVIEW, "short, structured answers out loud", 2),
    ),
    FeedbackTheme.TECHNICAL_DEPTH: (
        (ItemKind.COURSE, "the technical areas they named", 10),
        (ItemKind.PRACTISE_INTERVIEW, "technical questions, thinking aloud", 3),
    ),
    FeedbackTheme.EXPERIENCE_LEVEL: (
        (ItemKind.UPDATE_RESUME, "make the scope of your experience visible", 2),
        (ItemKind.TALK_TO_SOMEONE, "which roles match your experience level", 1),
    ),
    FeedbackTheme.DOMAIN_KNOWLEDGE: ((ItemKind.WORKSHOP, "the industry or domain they named", 4),),
    FeedbackTheme.CULTURE_FIT: ((ItemKind.TALK_TO_SOMEONE, "what kind of team suits you", 1),),
    FeedbackTheme.MOTIVATION: (
        (ItemKind.PRACTISE_INTERVIEW, "'why this role, why this company'", 1),
        (ItemKind.UPDATE_LINKEDIN, "a headline that says what you are looking for", 1),
    ),
    FeedbackTheme.LOGISTICS: (),
    FeedbackTheme.OTHER: (),
}
#: With this many low ratings, suggest talking to someone as well.
MANY_LOW = 3


def suggest_items(
    reflection: Reflection | None,
    feedback_themes: Iterable[FeedbackTheme] = (),
    feedback_gaps: Iterable[str] = (),
) -> tuple[PlanItem, ...]:
    """Suggested items from low ratings (in topic order), then the gaps feedback named (each
    a course or practice on that very thing), then feedback themes. Praise in feedback
    suggests nothing (feedback_reading.py)."""
    items: dict[tuple[ItemKind, str], PlanItem] = {}

    def add(suggestions: tuple[_Suggestion, ...], because: str) -> None:
        for kind, focus, hours in suggestions:
            items.setdefault((kind, focus), PlanItem(kind, focus, hours, because=because))

    low = low_ratings(reflection) if reflection is not None else ()
    for rating in low:
        topic = "interview" if rating.topic_id.startswith("interview_") else rating.topic_id
        label = rating.topic_id.replace("_", " ")
        add(_FOR_TOPIC.get(topic, ()), f"you rated {label} {rating.score}/5")
    for gap in dict.fromkeys(feedback_gaps):
        add(((ItemKind.COURSE, gap, 4),), f"feedback said it needed more: {gap}")
    for theme in dict.fromkeys(feedback_themes):
        add(_FOR_THEME[theme], f"feedback mentioned {theme.value.replace('_', ' ')}")
    if len(low) >= MANY_LOW:
        add(
            ((ItemKind.TALK_TO_SOMEONE, "this search as a whole, so you don't carry it alone", 1),),
            f"{len(low)} stages felt hard",
        )
    return tuple(items.values())
