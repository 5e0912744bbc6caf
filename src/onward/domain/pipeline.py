"""The application pipeline: stages, the moves allowed between them, and why others are not.

::

    saved → applied → screen → assessment → interview (rounds 1..n) → final → offer → accepted
    and from applied onwards, at any point: → rejected | withdrawn | ghosted

Forward moves may skip stages (a recruiter can call before you apply; some firms have no
screen). Backward moves are refused: the timeline is history, not a plan. Ghosted is the one
ending that can reopen: any later contact revives the application at the stage it had reached
or beyond. Rejected, withdrawn and accepted are final.
"""

from __future__ import annotations

from enum import StrEnum

from onward.errors import InvalidInput, InvalidMove


class Stage(StrEnum):
    SAVED = "saved"
    APPLIED = "applied"
    SCREEN = "screen"
    ASSESSMENT = "assessment"
    INTERVIEW = "interview"
    FINAL = "final"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    GHOSTED = "ghosted"

    @property
    def is_ending(self) -> bool:
        return self in ENDINGS

    @property
    def is_closed(self) -> bool:
        """True for the endings that cannot reopen."""
        return self in CLOSED

    @property
    def label(self) -> str:
        """The stage as a heading or chart shows it ("Final round")."""
        return "Final round" if self is Stage.FINAL else self.value.capitalize()

    @property
    def rank(self) -> int:
        """Position on the forward path; endings have no rank of their own (-1)."""
        return PROGRESS.index(self) if self in PROGRESS else -1


PROGRESS: tuple[Stage, ...] = (
    Stage.SAVED,
    Stage.APPLIED,
    Stage.SCREEN,
    Stage.ASSESSMENT,
    Stage.INTERVIEW,
    Stage.FINAL,
    Stage.OFFER,
    Stage.ACCEPTED,
)
#: The endings, in the order lists show them.
ENDING_ORDER: tuple[Stage, ...] = (Stage.REJECTED, Stage.WITHDRAWN, Stage.GHOSTED)
#: Every stage in the order lists, the board and forms show them: the way forward, then the
#: endings. Every other list of stages is derived from this one and the two above.
ORDER: tuple[Stage, ...] = (*PROGRESS, *ENDING_ORDER)
ENDINGS = frozenset(ENDING_ORDER)
CLOSED = frozenset({Stage.REJECTED, Stage.WITHDRAWN, Stage.ACCEPTED})
#: The way forward up to an offer: where a new application can start.
OPEN_PATH: tuple[Stage, ...] = PROGRESS[: PROGRESS.index(Stage.ACCEPTED)]
#: Stages in which an application is still going somewhere.
ACTIVE = frozenset(OPEN_PATH)
#: The steps that mean the employer answered: a screen, and on up to an offer.
RESPONSES: tuple[Stage, ...] = OPEN_PATH[OPEN_PATH.index(Stage.SCREEN) :]
#: Conversations with the employer: the screen up to the final round.
CONVERSATIONS: tuple[Stage, ...] = RESPONSES[: RESPONSES.index(Stage.OFFER)]


def parse_stage(text: str) -> Stage:
    """Read a stage name as a person types it ("Phone screen" is not a stage; "screen" is)."""
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return Stage(key)
    except ValueError:
        names = ", ".join(s.value for s in Stage)
        raise InvalidInput(f"unknown stage {text!r}", hint=f"use one of: {names}") from None


def check_move(current: Stage, reached: Stage, target: Stage) -> None:
    """Raise ``InvalidMove`` with an explanation unless ``current → target`` is allowed.

    ``reached`` is the furthest stage on the forward path the application got to; it matters
    when a ghosted application revives.
    """
    if current.is_closed:
        raise InvalidMove(
            f"this application is closed ({current.value}); it cannot move to {target.value}",
            hint="if they got back in touch about a new opening, add it as a new application",
        )
    if target == current and target != Stage.INTERVIEW:
        raise InvalidMove(f"the application is already at {current.value}")
    if current == Stage.GHOSTED:
        _check_revival(reached, target)
        return
    if target == Stage.GHOSTED and current == Stage.SAVED:
        raise InvalidMove(
            "a saved job you have not applied to cannot ghost you", hint="use withdrawn"
        )
    if target == Stage.REJECTED and current == Stage.SAVED:
        raise InvalidMove(
            "a saved job you have not applied to cannot reject you",
            hint="move it to applied first, with the date you applied",
        )
    if target == Stage.ACCEPTED and current != Stage.OFFER:
        raise InvalidMove("only an offer can be accepted", hint="record the offer first")
    if target.is_ending:
        return
    if target.rank < current.rank:
        raise InvalidMove(
            f"{target.value} comes before {current.value}; applications only move forward",
            hint="the timeline keeps what happened; add a note instead",
        )


def _check_revival(reached: Stage, target: Stage) -> None:
    if target.is_ending:
        return
    if target.rank < reached.rank:
        raise InvalidMove(
            f"this application had reached {reached.value} before it went quiet; "
            f"it can reopen at {reached.value} or later, not at {target.value}"
        )


def next_round(current: Stage, current_round: int | None, target: Stage) -> int | None:
    """The interview round a move to ``target`` starts (1 for the first interview)."""
    if target != Stage.INTERVIEW:
        return None
    if current == Stage.INTERVIEW and current_round:
        return current_round + 1
    return 1


def furthest(stages: list[Stage]) -> Stage:
    """The furthest stage on the forward path among ``stages`` (saved when there is none)."""
    on_path = [s for s in stages if s in PROGRESS]
    return max(on_path, key=lambda s: s.rank) if on_path else Stage.SAVED
