from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.factories import application, at, event

from onward.domain.pipeline import Stage
from onward.domain.playbook.dwell import open_window
from onward.domain.playbook.journal import (
    JournalEntry,
    NudgeKind,
    NudgeSettings,
    answered_in_order,
    days_without_rest,
    mood_dropped,
    nudges,
    unanswered_run,
    validate_entry,
)
from onward.errors import InvalidInput

TODAY = date(2026, 3, 20)
NOW = at(TODAY, 10)


def _entries(
    *moods: int, start: date = date(2026, 3, 10), rest_on: date | None = None
) -> list[JournalEntry]:
    return [
        JournalEntry(start + timedelta(days=i), m, rest_day=start + timedelta(days=i) == rest_on)
        for i, m in enumerate(moods)
    ]


def test_validate_entry() -> None:
    assert validate_entry(JournalEntry(TODAY, 3, "  ok  "), TODAY).text == "ok"
    with pytest.raises(InvalidInput, match="mood must be a whole number from 1 to 5, not 6"):
        validate_entry(JournalEntry(TODAY, 6), TODAY)
    with pytest.raises(InvalidInput, match="journal date 2026-03-21 is in the future"):
        validate_entry(JournalEntry(TODAY + timedelta(days=1), 3), TODAY)


def test_settings_validation() -> None:
    with pytest.raises(InvalidInput, match="at least 1"):
        NudgeSettings(unanswered_in_a_row=0)
    with pytest.raises(InvalidInput, match="more than 0"):
        NudgeSettings(mood_drop=0)


def test_unanswered_run() -> None:
    assert unanswered_run([True, False, False]) == 2
    assert unanswered_run([False, False, True]) == 0
    assert unanswered_run([]) == 0


def test_answered_in_order_from_applications() -> None:
    apps = [
        application(3, Stage.APPLIED, events=(event(3, Stage.APPLIED, date(2026, 3, 3)),)),
        application(
            1,
            Stage.REJECTED,
            reached=Stage.APPLIED,
            events=(event(1, Stage.APPLIED, date(2026, 3, 1)),),
        ),
        application(
            2,
            Stage.GHOSTED,
            reached=Stage.SCREEN,
            events=(event(2, Stage.APPLIED, date(2026, 3, 2)),),
        ),
        application(4, Stage.SAVED),
        application(
            5,
            Stage.GHOSTED,
            reached=Stage.APPLIED,
            events=(event(5, Stage.APPLIED, date(2026, 3, 4)),),
        ),
    ]
    assert answered_in_order(apps) == (True, True, False, False)


def test_take_a_break_after_ten_unanswered() -> None:
    assert nudges([], [True] + [False] * 9, NOW) == ()
    (nudge,) = nudges([], [True] + [False] * 10, NOW)
    assert nudge.kind == NudgeKind.TAKE_A_BREAK
    assert "last 10 applications" in nudge.message
    assert any("walk" in s for s in nudge.suggestions)
    assert any("counsellor" in s for s in nudge.suggestions)
    assert len(nudges([], [False] * 3, NOW, settings=NudgeSettings(unanswered_in_a_row=3))) == 1


def test_mood_dip_needs_a_full_point_drop() -> None:
    settings = NudgeSettings()
    assert mood_dropped(_entries(4, 4, 4, 3, 3, 3), settings)  # 4.0 -> 3.0
    assert not mood_dropped(_entries(4, 4, 4, 3, 3, 4), settings)  # 4.0 -> 3.33
    assert not mood_dropped(_entries(5, 1, 1, 1, 1), settings)  # too few entries
    # Only the latest six count, in date order whatever the input order.
    assert mood_dropped(list(reversed(_entries(1, 1, 5, 5, 5, 4, 4, 4, 3, 3, 3))), settings)
    kinds = [n.kind for n in nudges(_entries(5, 4, 5, 3, 3, 2, rest_on=date(2026, 3, 15)), [], NOW)]
    assert kinds == [NudgeKind.MOOD_DIP]


def test_rest_day_after_fourteen_days() -> None:
    assert days_without_rest([], TODAY) is None
    assert days_without_rest(_entries(3, start=date(2026, 3, 6)), TODAY) == 14
    rested = _entries(3, 3, start=date(2026, 3, 5), rest_on=date(2026, 3, 6))
    assert days_without_rest(rested, TODAY) == 14
    assert [n.kind for n in nudges(rested, [], NOW)] == [NudgeKind.REST_DAY]
    assert nudges(_entries(3, start=date(2026, 3, 7)), [], NOW) == ()


def test_dwell_window_holds_back_analysis_nudges() -> None:
    entries = _entries(5, 5, 5, 2, 2, 2, start=date(2026, 3, 1))  # mood dip and 19 days no rest
    unanswered = [False] * 12
    window = open_window(9, at(TODAY, 8))  # until tomorrow 09:00
    assert [n.kind for n in nudges(entries, unanswered, NOW)] == [
        NudgeKind.TAKE_A_BREAK,
        NudgeKind.MOOD_DIP,
        NudgeKind.REST_DAY,
    ]
    during = nudges(entries, unanswered, NOW, [window])
    assert [n.kind for n in during] == [NudgeKind.REST_DAY]
    assert not during[0].analysis
    after = nudges(entries, unanswered, at(TODAY + timedelta(days=1), 9), [window])
    assert len(after) == 3
