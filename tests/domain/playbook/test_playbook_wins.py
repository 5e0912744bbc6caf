from __future__ import annotations

from datetime import date

from tests.factories import event

from onward.domain.pipeline import Stage
from onward.domain.playbook.feedback import Feedback
from onward.domain.playbook.wins import MESSAGES, Win, WinKind, detect_wins, recent_wins

PRAISE = "The panel was impressed by your answer on the migration project; it stood out."


def _kinds(wins: tuple[Win, ...]) -> list[tuple[WinKind, int, date]]:
    return [(w.kind, w.application_id, w.on) for w in wins]


def test_first_response_counted_once_overall() -> None:
    events = [
        event(1, Stage.APPLIED, date(2026, 3, 1), id=1),
        event(2, Stage.SCREEN, date(2026, 3, 6), id=4),
        event(1, Stage.SCREEN, date(2026, 3, 5), id=2),
        event(1, Stage.INTERVIEW, date(2026, 3, 9), round=1, id=3),
        event(1, Stage.INTERVIEW, date(2026, 3, 12), round=2, id=5),
    ]
    assert _kinds(detect_wins(events)) == [
        (WinKind.FIRST_RESPONSE, 1, date(2026, 3, 5)),
        (WinKind.SCREEN, 1, date(2026, 3, 5)),
        (WinKind.SCREEN, 2, date(2026, 3, 6)),
        (WinKind.INTERVIEW, 1, date(2026, 3, 9)),
    ]


def test_rejection_is_not_a_response_and_applying_is_not_a_win() -> None:
    events = [
        event(1, Stage.APPLIED, date(2026, 3, 1)),
        event(1, Stage.REJECTED, date(2026, 3, 4)),
        event(2, Stage.ASSESSMENT, date(2026, 3, 8)),
    ]
    assert _kinds(detect_wins(events)) == [(WinKind.FIRST_RESPONSE, 2, date(2026, 3, 8))]


def test_final_and_offer() -> None:
    events = [event(3, Stage.FINAL, date(2026, 3, 2)), event(3, Stage.OFFER, date(2026, 3, 9))]
    wins = detect_wins(events)
    assert [w.kind for w in wins] == [WinKind.FIRST_RESPONSE, WinKind.FINAL, WinKind.OFFER]
    assert wins[-1].message == MESSAGES[WinKind.OFFER]


def test_specific_positive_feedback_is_a_win() -> None:
    feedback = [
        Feedback(1, PRAISE, date(2026, 3, 10)),
        Feedback(1, PRAISE, date(2026, 3, 11)),  # same application: once
        Feedback(2, "We had a strong pool of candidates at this time.", date(2026, 3, 10)),
        Feedback(3, "Your answer in the interview lacked technical depth.", date(2026, 3, 10)),
    ]
    assert _kinds(detect_wins([], feedback)) == [(WinKind.POSITIVE_FEEDBACK, 1, date(2026, 3, 10))]


def test_recent_wins_last_14_days_newest_first() -> None:
    wins = [
        Win(WinKind.SCREEN, date(2026, 3, 1), 1, ""),
        Win(WinKind.SCREEN, date(2026, 3, 2), 2, ""),
        Win(WinKind.INTERVIEW, date(2026, 3, 10), 2, ""),
        Win(WinKind.OFFER, date(2026, 3, 16), 2, ""),  # after today
    ]
    today = date(2026, 3, 15)
    assert [w.on for w in recent_wins(wins, today)] == [date(2026, 3, 10), date(2026, 3, 2)]
    assert [w.on for w in recent_wins(wins, today, days=1)] == []
