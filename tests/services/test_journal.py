"""The mood journal and nudges: validation, mood dips, rest days, unanswered runs, and the
quiet of a dwell window."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.factories import make_application

from onward.domain.pipeline import Stage
from onward.domain.playbook.dwell import DwellPreset, DwellWindow
from onward.domain.playbook.journal import NudgeKind
from onward.errors import InvalidInput
from onward.services.applications import move_application
from onward.services.journal import (
    current_nudges,
    journal_overview,
    list_journal,
    write_journal,
)
from onward.services.runtime import Workspace

TODAY = date(2026, 11, 20)


def write(ws: Workspace, on: date, mood: int, *, rest_day: bool = False, text: str = "") -> None:
    write_journal(ws.store, ws.owner, mood, text, ws.clock, rest_day=rest_day, on=on)


def nudge_kinds(ws: Workspace) -> list[NudgeKind]:
    return [n.kind for n in current_nudges(ws.store, ws.owner, ws.clock)]


def dwell(ws: Workspace, app_id: int, hours: float) -> None:
    now = ws.clock.now()
    window = DwellWindow(app_id, now - timedelta(hours=1), now + timedelta(hours=hours),
                         DwellPreset.HOURS)  # fmt: skip
    with ws.store.transaction() as tx:
        tx.dwell.insert(ws.owner.id, window)


def applied(ws: Workspace, n: int, start: date, *, answer_last: Stage | None = None) -> list[int]:
    ids = [make_application(ws, f"C{i}", on=start + timedelta(days=i)).id for i in range(n)]
    if answer_last is not None:
        move_application(ws.store, ws.owner, ids[-1], answer_last, ws.clock)
    return ids


def test_entries_are_validated_and_bad_ones_change_nothing(ws: Workspace) -> None:
    for mood in (0, 6):
        with pytest.raises(InvalidInput, match="mood must be a whole number from 1 to 5"):
            write(ws, TODAY, mood)
    with pytest.raises(InvalidInput, match="in the future"):
        write(ws, TODAY + timedelta(days=1), 3)
    assert list_journal(ws.store, ws.owner) == []
    entry = write_journal(ws.store, ws.owner, 4, "  a good walk  ", ws.clock, rest_day=True)
    assert (entry.written_on, entry.mood, entry.text, entry.rest_day) == (
        TODAY, 4, "a good walk", True,
    )  # fmt: skip
    assert list_journal(ws.store, ws.owner) == [entry]


def test_a_mood_dip_brings_a_gentle_nudge(ws: Workspace) -> None:
    for i, mood in enumerate([4, 4, 4, 4, 3, 4]):
        write(ws, TODAY - timedelta(days=6 - i), mood, rest_day=True)
    assert nudge_kinds(ws) == []  # 4, 4, 4 then 4, 3, 4: a third of a point lower
    write(ws, TODAY, 2, rest_day=True)  # 4, 4, 4 then 3, 4, 2: a full point lower
    overview = journal_overview(ws.store, ws.owner, ws.clock)
    assert overview.trend.recent == pytest.approx(3.0)
    assert overview.trend.before == pytest.approx(4.0)
    assert overview.trend.direction == "down"
    assert [n.kind for n in overview.nudges] == [NudgeKind.MOOD_DIP]
    assert overview.nudges[0].suggestions and not overview.in_dwell


def test_fourteen_days_without_rest_brings_a_nudge(ws: Workspace) -> None:
    write(ws, TODAY - timedelta(days=13), 4)
    assert nudge_kinds(ws) == []  # 13 days
    write(ws, TODAY - timedelta(days=14), 4)
    assert nudge_kinds(ws) == [NudgeKind.REST_DAY]
    write(ws, TODAY - timedelta(days=3), 4, rest_day=True)
    assert nudge_kinds(ws) == []


def test_ten_unanswered_applications_in_a_row_suggest_a_break(ws: Workspace) -> None:
    applied(ws, 10, date(2026, 11, 7))
    assert nudge_kinds(ws) == [NudgeKind.TAKE_A_BREAK]


def test_unanswered_applications_recorded_as_history_suggest_no_break(ws: Workspace) -> None:
    # sent in October, written down (or imported) on 20 November: history, not a run of
    # silence the person is living through now
    applied(ws, 10, date(2026, 10, 1))
    assert nudge_kinds(ws) == []
    applied(ws, 10, date(2026, 11, 7))
    assert nudge_kinds(ws) == [NudgeKind.TAKE_A_BREAK]


def test_a_rejection_counts_as_an_answer(ws: Workspace) -> None:
    applied(ws, 10, date(2026, 11, 7), answer_last=Stage.REJECTED)
    assert nudge_kinds(ws) == []


def test_answers_are_read_in_applied_order_not_id_order(ws: Workspace) -> None:
    ids = applied(ws, 10, date(2026, 11, 8))
    early = make_application(ws, "Early", "Analyst", on=date(2026, 11, 7))
    move_application(ws.store, ws.owner, early.id, Stage.SCREEN, ws.clock)
    assert early.id > ids[-1]
    assert nudge_kinds(ws) == [NudgeKind.TAKE_A_BREAK]  # the answered one came first


def test_a_dwell_window_holds_back_analysis_but_not_kindness(ws: Workspace) -> None:
    ids = applied(ws, 10, date(2026, 11, 7))
    for i, mood in enumerate([5, 5, 5, 2, 2, 2]):
        write(ws, TODAY - timedelta(days=20 - i), mood)
    assert nudge_kinds(ws) == [NudgeKind.TAKE_A_BREAK, NudgeKind.MOOD_DIP, NudgeKind.REST_DAY]
    dwell(ws, ids[0], hours=5)
    assert nudge_kinds(ws) == [NudgeKind.REST_DAY]
    assert journal_overview(ws.store, ws.owner, ws.clock).in_dwell
    ws.clock.advance(hours=6)  # type: ignore[attr-defined]
    assert len(nudge_kinds(ws)) == 3


@pytest.mark.parametrize(
    ("rest_on", "first_on", "nudged"),
    [
        (date(2026, 11, 1), None, True),  # the last rest day is long before the recent entries
        (date(2026, 11, 10), None, False),
        (None, date(2026, 11, 1), True),  # never a rest day: counted from the first entry
        (None, date(2026, 11, 10), False),
    ],
)
def test_rest_days_are_found_however_long_the_journal(
    ws: Workspace, rest_on: date | None, first_on: date | None, nudged: bool
) -> None:
    if rest_on is not None:
        write(ws, date(2026, 10, 1), 3)
        write(ws, rest_on, 3, rest_day=True)
    if first_on is not None:
        write(ws, first_on, 3)
    for i in range(8):
        write(ws, TODAY - timedelta(days=i), 3)
    assert (NudgeKind.REST_DAY in nudge_kinds(ws)) is nudged


def test_writing_in_the_journal_completes_the_journal_prompt_task(ws: Workspace) -> None:
    from onward.domain.playbook.tasks import TaskKind, TaskStatus
    from onward.services.rejections import RejectionDetails, reject_application

    app = make_application(ws, "Acme", "Chef", on=date(2026, 11, 1))
    move_application(ws.store, ws.owner, app.id, Stage.SCREEN, ws.clock, on=date(2026, 11, 5))
    reject_application(ws.store, ws.owner, app.id, RejectionDetails(), ws.clock)
    write_journal(ws.store, ws.owner, 2, "Rough day.", ws.clock)
    with ws.store.transaction() as tx:
        journal = [t for t in tx.tasks.query(ws.owner.id) if t.task.kind == TaskKind.JOURNAL]
    assert [t.task.status for t in journal] == [TaskStatus.DONE]
