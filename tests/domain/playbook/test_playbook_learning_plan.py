from __future__ import annotations

from datetime import date

import pytest

from onward.domain.pipeline import Stage
from onward.domain.playbook.feedback import FeedbackTheme
from onward.domain.playbook.learning_plan import (
    ItemKind,
    ItemStatus,
    PlanItem,
    move_item,
    suggest_items,
    validate_item,
)
from onward.domain.playbook.reflection import Reflection, build_reflection, topics_for
from onward.errors import InvalidInput, InvalidMove

DAY = date(2026, 3, 10)
TOPICS = topics_for({Stage.SCREEN, Stage.INTERVIEW, Stage.FINAL}, 2)


def _reflection(**ratings: int) -> Reflection:
    return build_reflection(1, DAY, TOPICS, ratings, {})


def test_low_interview_rating_suggests_practice() -> None:
    items = suggest_items(_reflection(interview_2=2, screen=4))
    assert [(i.kind, i.focus) for i in items] == [
        (ItemKind.PRACTISE_INTERVIEW, "behavioural questions with STAR stories")
    ]
    assert items[0].because == "you rated interview 2 2/5"
    assert items[0].effort_hours == 3
    assert items[0].status == ItemStatus.TODO
    assert items[0].title == "Practise: behavioural questions with STAR stories"


def test_good_ratings_suggest_nothing() -> None:
    assert suggest_items(_reflection(resume=3, screen=5)) == ()
    assert suggest_items(None) == ()


def test_feedback_themes_add_items_and_duplicates_merge() -> None:
    items = suggest_items(
        _reflection(resume=1),
        [
            FeedbackTheme.APPLICATION_TAILORING,
            FeedbackTheme.LOGISTICS,
            FeedbackTheme.APPLICATION_TAILORING,
        ],
    )
    assert [i.kind for i in items] == [
        ItemKind.UPDATE_RESUME,
        ItemKind.TAILOR_APPLICATIONS,
        ItemKind.UPDATE_COVER_LETTER,
    ]
    # The tailoring item came from the low resume rating first; feedback did not duplicate it.
    assert items[1].because == "you rated resume 1/5"


def test_technical_feedback_suggests_a_course_with_hours() -> None:
    items = suggest_items(None, [FeedbackTheme.TECHNICAL_DEPTH])
    assert (items[0].kind, items[0].effort_hours) == (ItemKind.COURSE, 10)
    assert items[0].because == "feedback mentioned technical depth"


def test_many_low_ratings_suggest_talking_to_someone() -> None:
    items = suggest_items(_reflection(preparation=1, screen=2, interview_1=2))
    assert items[-1].kind == ItemKind.TALK_TO_SOMEONE
    assert items[-1].because == "3 stages felt hard"
    assert ItemKind.TALK_TO_SOMEONE not in [i.kind for i in suggest_items(_reflection(screen=2))]


def test_validate_item() -> None:
    item = validate_item(PlanItem(ItemKind.CERTIFICATION, "  AWS associate ", 40))
    assert item.focus == "AWS associate"
    with pytest.raises(InvalidInput, match="say what the item is about"):
        validate_item(PlanItem(ItemKind.COURSE, "  "))
    with pytest.raises(InvalidInput, match="effort must be more than 0"):
        validate_item(PlanItem(ItemKind.WORKSHOP, "SQL", 0))
    item = validate_item(PlanItem(ItemKind.COURSE, "SQL", because="  two asked  "))
    assert item.because == "two asked"
    assert validate_item(PlanItem(ItemKind.COURSE, "SQL", because=" ")).because is None
    with pytest.raises(InvalidInput, match="the reason is longer than 300"):
        validate_item(PlanItem(ItemKind.COURSE, "SQL", because="x" * 301))


def test_status_moves() -> None:
    item = PlanItem(ItemKind.UPDATE_LINKEDIN, "headline")
    doing = move_item(item, ItemStatus.DOING)
    done = move_item(doing, ItemStatus.DONE)
    assert done.status == ItemStatus.DONE
    assert move_item(done, ItemStatus.DOING).status == ItemStatus.DOING
    dropped = move_item(item, ItemStatus.DROPPED)
    assert move_item(dropped, ItemStatus.TODO).status == ItemStatus.TODO
    with pytest.raises(InvalidMove, match="an item that is dropped cannot move to done"):
        move_item(dropped, ItemStatus.DONE)
    with pytest.raises(InvalidMove, match="todo cannot move to todo"):
        move_item(item, ItemStatus.TODO)
