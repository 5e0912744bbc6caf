from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from playbook_support import at

from onward.domain.emails import RejectionStage
from onward.domain.pipeline import Stage
from onward.domain.playbook.advice import advise_reply
from onward.domain.playbook.agenda import build_agenda
from onward.domain.playbook.dwell import open_window
from onward.domain.playbook.ghosting import GhostSuggestion
from onward.domain.playbook.goals import WeeklyGoals, week_progress
from onward.domain.playbook.plan import PlannedTask, TaskKind, TaskStatus, build_plan
from onward.domain.playbook.rejection import Rejection
from onward.domain.playbook.wellbeing import Nudge, NudgeKind
from onward.domain.playbook.wins import Win, WinKind
from onward.errors import InvalidInput

DAY = date(2026, 3, 10)
REJECTED_AT = at(DAY, 18)
WINDOW = open_window(4, REJECTED_AT)
REJECTION = Rejection(4, DAY, RejectionStage.INTERVIEW)
PLAN = build_plan(REJECTION, advise_reply(REJECTION, REJECTED_AT), WINDOW, good_impression=True)


def test_during_dwell_window() -> None:
    agenda = build_agenda(at(DAY, 20), PLAN, [WINDOW])
    assert agenda.in_dwell and agenda.dwelling == (WINDOW,)
    assert [t.kind for t in agenda.to_do] == [TaskKind.DWELL, TaskKind.JOURNAL]
    assert agenda.overdue == () and agenda.drafts_to_send == () and agenda.check_ins == ()
    assert agenda.today == DAY


def test_next_evening_drafts_are_open_and_reflection_waits() -> None:
    agenda = build_agenda(at(date(2026, 3, 11), 19), PLAN, [WINDOW])
    assert not agenda.in_dwell
    assert [t.kind for t in agenda.overdue] == [TaskKind.DWELL, TaskKind.JOURNAL]
    assert [t.kind for t in agenda.to_do] == [TaskKind.REFLECT]
    assert len(agenda.drafts_to_send) == 2


def test_done_and_snoozed_tasks_are_left_out() -> None:
    later = at(date(2026, 3, 11), 19)
    tasks = [
        replace(PLAN[0], status=TaskStatus.DONE),
        replace(PLAN[1], status=TaskStatus.SNOOZED, snoozed_until=at(date(2026, 3, 12), 9)),
        replace(PLAN[2], status=TaskStatus.SKIPPED),
    ]
    assert build_agenda(later, tasks).empty
    assert build_agenda(at(date(2026, 3, 12), 9), tasks).overdue == (tasks[1],)


def test_check_in_shows_in_the_week_before_it_is_due() -> None:
    (check,) = [t for t in PLAN if t.kind == TaskKind.CHECK_IN]
    assert build_agenda(at(date(2026, 6, 2), 12), [check]).check_ins == ()
    assert build_agenda(at(date(2026, 6, 3), 12), [check]).check_ins == (check,)


def test_task_without_not_before_shows_on_its_due_day() -> None:
    task = PlannedTask(1, TaskKind.IMPROVE, "Update resume", at(DAY, 17))
    assert build_agenda(at(date(2026, 3, 9), 12), [task]).empty
    assert build_agenda(at(DAY, 9), [task]).to_do == (task,)
    assert build_agenda(at(DAY, 18), [task]).overdue == (task,)


def test_overdue_sorted_oldest_first() -> None:
    a = PlannedTask(1, TaskKind.REFLECT, "b", at(date(2026, 3, 8), 9))
    b = PlannedTask(2, TaskKind.REFLECT, "a", at(date(2026, 3, 5), 9))
    assert build_agenda(at(DAY, 9), [a, b]).overdue == (b, a)


def test_wins_goals_nudges_and_ghosted_pass_through() -> None:
    wins = [
        Win(WinKind.SCREEN, date(2026, 2, 20), 1, "old"),
        Win(WinKind.SCREEN, date(2026, 3, 1), 2, "recent"),
        Win(WinKind.INTERVIEW, date(2026, 3, 9), 2, "newest"),
    ]
    goals = week_progress(WeeklyGoals(), [], DAY)
    nudge = Nudge(NudgeKind.REST_DAY, "rest", (), analysis=False)
    ghost = GhostSuggestion(3, Stage.APPLIED, 30, 21, "quiet", ())
    agenda = build_agenda(at(DAY, 9), wins=wins, goals=goals, nudges=[nudge], ghosted=[ghost])
    assert [w.message for w in agenda.wins] == ["newest", "recent"]
    assert agenda.goals == goals
    assert agenda.nudges == (nudge,) and agenda.ghosted == (ghost,)
    assert not agenda.empty


def test_naive_now_refused() -> None:
    with pytest.raises(InvalidInput, match="time zone"):
        build_agenda(datetime(2026, 3, 10, 9))
