"""Draft kinds carry their timing and their shape, and the docs describe all of it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from onward.domain.drafts import TIMINGS, Timing, Trigger
from onward.drafting import KNOWN_PLACEHOLDERS, DraftKind, expectations
from onward.drafting.checks import CHECK_CODES
from onward.drafting.kinds import SUBJECT_WORDS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "drafting.md"
DAY = timedelta(days=1)


def test_every_kind_has_timing_and_expectations() -> None:
    assert set(TIMINGS) == set(DraftKind)
    for kind in DraftKind:
        low, high = expectations(kind).words
        assert 0 < low < high
        assert kind.timing.max_count >= 1


@pytest.mark.parametrize(
    ("kind", "trigger", "earliest", "latest", "max_count"),
    [
        (DraftKind.FEEDBACK_FOLLOW_UP, Trigger.FEEDBACK_RECEIVED, 3 * DAY, 7 * DAY, 1),
        (DraftKind.THANKS_FOR_FEEDBACK, Trigger.FEEDBACK_RECEIVED, 0 * DAY, 2 * DAY, 1),
        (DraftKind.KEEP_IN_TOUCH, Trigger.REJECTION_RECEIVED, 90 * DAY, None, 3),
        (DraftKind.FOLLOW_UP_AFTER_APPLYING, Trigger.APPLICATION_SENT, 10 * DAY, 30 * DAY, 2),
        (DraftKind.GHOSTING_FOLLOW_UP, Trigger.LAST_CONTACT, 14 * DAY, 30 * DAY, 1),
        (DraftKind.GHOSTING_CLOSURE, Trigger.GHOSTING_FOLLOW_UP_SENT, 7 * DAY, 30 * DAY, 1),
    ],
)
def test_timing_rules(
    kind: DraftKind,
    trigger: Trigger,
    earliest: timedelta,
    latest: timedelta | None,
    max_count: int,
) -> None:
    timing = kind.timing
    assert (timing.trigger, timing.earliest, timing.latest) == (trigger, earliest, latest)
    assert timing.max_count == max_count
    assert (timing.repeat_every is not None) == (max_count > 1)


def test_keep_in_touch_repeats_every_three_months() -> None:
    assert DraftKind.KEEP_IN_TOUCH.timing.repeat_every == 90 * DAY


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"earliest": 2 * DAY, "latest": DAY, "max_count": 1}, "latest"),
        ({"earliest": DAY, "latest": None, "max_count": 0}, "max_count"),
        ({"earliest": DAY, "latest": None, "max_count": 2}, "repeat_every"),
    ],
)
def test_timing_refuses_nonsense(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Timing(trigger=Trigger.LAST_CONTACT, **kwargs)  # type: ignore[arg-type]


def test_networking_notes_may_be_shorter() -> None:
    assert expectations(DraftKind.NETWORKING_NOTE).words == (25, 80)
    assert expectations(DraftKind.FEEDBACK_REQUEST).words == (50, 130)
    assert expectations(DraftKind.FEEDBACK_REQUEST).asks == (1, 1)


def test_docs_describe_every_kind_placeholder_and_check() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for kind in DraftKind:
        assert f"`{kind.value}`" in text, kind
        low, high = expectations(kind).words
        assert f"{low}–{high}" in text, kind
    for name in KNOWN_PLACEHOLDERS:
        assert f"`{{{name}}}`" in text, name
    for code in CHECK_CODES:
        assert f"`{code}`" in text, code
    assert f"{SUBJECT_WORDS[0]}–{SUBJECT_WORDS[1]} words" in text
