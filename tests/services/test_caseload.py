"""The coach's caseload: each health flag with its reason, read only from shared scopes; the
person's page limited to the shares; notes and proposed goals; the cohort and its report.

The frozen clock says Friday 2026-11-20 10:00 UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from tests.factories import make_application, make_move
from tests.support.coaching import person, share

from onward.clock import FixedClock
from onward.domain.accounts import Role
from onward.domain.caseload import FlagKind
from onward.domain.pipeline import Stage
from onward.domain.playbook.if_then import IfThenFields
from onward.domain.playbook.tasks import Task, TaskKind
from onward.domain.sharing import ProposalState, Scope
from onward.errors import NotFound
from onward.services.caseload import add_coach_note, caseload, person_view, propose_goal
from onward.services.goals import get_goals
from onward.services.if_then import make_if_then_plan
from onward.services.journal import write_journal
from onward.services.runtime import Workspace
from onward.services.sharing import access_log, answer_proposed_goal, sharing_view
from onward.services.wellbeing_check import check_wellbeing

EVERYTHING = ("pipeline", "insights", "goals", "drafts", "feedback", "reflections", "journal")


@pytest.fixture
def ana(ws: Workspace) -> Workspace:
    return person(ws, "ana@example.org")


@pytest.fixture
def coach(ws: Workspace) -> Workspace:
    return person(ws, "coach@example.org", Role.COACH)


def _flags(coach: Workspace) -> dict[FlagKind, str]:
    [entry] = caseload(coach.store, coach.owner, coach.clock)
    return {f.kind: f.reason for f in entry.flags}


def _task(ws: Workspace, app_id: int, kind: TaskKind, due_at: datetime) -> None:
    with ws.store.transaction() as tx:
        tx.tasks.insert(ws.owner.id, Task(app_id, kind, "a step", due_at), ws.clock.now())


def test_an_active_person_with_nothing_amiss_has_no_flags(ana: Workspace, coach: Workspace) -> None:
    make_application(ana, "Acme")
    share(ana, coach)
    assert _flags(coach) == {}


def test_quiet_for_two_weeks_is_flagged_with_the_days(
    ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    make_application(ana, "Acme")
    share(ana, coach, days=60)
    clock.advance(days=20)
    assert _flags(coach) == {FlagKind.QUIET: "no activity for 20 days (since 2026-11-20)"}


def test_a_run_of_rejections_is_flagged_and_a_response_breaks_it(
    ana: Workspace, coach: Workspace
) -> None:
    share(ana, coach)
    for name, days in (("A", 9), ("B", 6), ("C", 3)):
        app = make_application(ana, name, days_ago=days + 5)
        make_move(ana, app.id, Stage.REJECTED, ana.clock.today() - timedelta(days=days))
    assert _flags(coach)[FlagKind.REJECTIONS] == "the last 3 answers in a row were rejections"
    app = make_application(ana, "D", days_ago=4)
    make_move(ana, app.id, Stage.SCREEN)
    assert FlagKind.REJECTIONS not in _flags(coach)


def test_overdue_follow_ups_and_interviews_coming_are_flagged(
    ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    share(ana, coach)
    app = make_application(ana, "Acme")
    _task(ana, app.id, TaskKind.SEND_DRAFT, clock.now() - timedelta(days=2))
    _task(ana, app.id, TaskKind.PREPARE_INTERVIEW, clock.now() + timedelta(days=3))
    _task(ana, app.id, TaskKind.PREPARE_INTERVIEW, clock.now() + timedelta(days=30))  # later
    flags = _flags(coach)
    assert flags[FlagKind.FOLLOW_UPS] == "1 follow-up past due"
    assert flags[FlagKind.INTERVIEWS] == "1 interview to prepare in the next 7 days"
    [entry] = caseload(coach.store, coach.owner, clock)
    assert [f.concern for f in entry.flags] == [True, False]  # good news last


def test_missed_plans_and_low_moods_need_their_scopes(
    ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    for hour in (14, 16):
        at = datetime(2026, 11, 20, hour, tzinfo=UTC)
        make_if_then_plan(ana.store, ana.owner, IfThenFields(at, "apply twice"), clock)
    clock.advance(days=1)
    check_wellbeing(ana.store, ana.owner, [1, 1, 1, 1, 1], clock)  # private, always
    for mood in (2, 1, 2):
        write_journal(ana.store, ana.owner, mood, "", clock)
    share(ana, coach, ("pipeline",))
    assert set(_flags(coach)) == {FlagKind.QUIET}  # "nothing recorded yet in what is shared"
    share(ana, coach, ("goals", "journal"))
    flags = _flags(coach)
    assert flags[FlagKind.PLANS_MISSED] == "2 if-then plans not kept in the last 14 days"
    assert flags[FlagKind.WELLBEING] == "mood averaged 1.7 of 5 over the last 3 journal entries"
    write_journal(ana.store, ana.owner, 5, "", clock)
    assert FlagKind.WELLBEING not in _flags(coach)  # 2.7 now


def test_the_wellbeing_check_is_never_shown_even_with_the_journal_shared(
    ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    check_wellbeing(ana.store, ana.owner, [0, 0, 0, 0, 0], clock)
    share(ana, coach, ("journal",))
    assert _flags(coach) == {FlagKind.QUIET: "nothing recorded yet in what is shared"}
    view = person_view(coach.store, coach.owner, ana.owner.id, clock)
    assert view.journal is not None and not hasattr(view, "wellbeing")


def test_the_person_page_holds_only_the_shared_scopes_and_logs_each(
    ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    make_application(ana, "Acme Robotics", notes="my private thoughts about the boss")
    share(ana, coach, ("pipeline", "goals"))
    view = person_view(coach.store, coach.owner, ana.owner.id, clock)
    assert view.applications is not None
    assert [a.company for a in view.applications] == ["Acme Robotics"]
    assert not hasattr(view.applications[0], "notes")
    assert view.goals is not None
    assert view.insights is None and view.drafts is None and view.journal is None
    logged = {e.scope for e in access_log(ana.store, ana.owner)}
    assert logged == {Scope.PIPELINE, Scope.GOALS}
    with pytest.raises(NotFound):
        person_view(
            coach.store, coach.owner, ana.owner.id, clock, scopes=frozenset({Scope.JOURNAL})
        )


def test_everything_shared_reads_every_service(
    ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    make_application(ana, "Acme")
    share(ana, coach, EVERYTHING)
    view = person_view(coach.store, coach.owner, ana.owner.id, clock)
    assert view.insights is not None and view.journal is not None
    assert view.drafts == () and view.reflections == () and view.feedback is not None


def test_an_unshared_person_is_not_found_and_nothing_is_logged(
    ws: Workspace, ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    ben = person(ws, "ben@example.org")
    make_application(ben, "Secret Corp")
    share(ana, coach)
    assert [p.name for p in caseload(coach.store, coach.owner, clock)] == ["ana@example.org"]
    for doing in (
        lambda: person_view(coach.store, coach.owner, ben.owner.id, clock),
        lambda: add_coach_note(coach.store, coach.owner, ben.owner.id, "hi", clock),
        lambda: propose_goal(coach.store, coach.owner, ben.owner.id, "applications", 3, clock),
    ):
        with pytest.raises(NotFound):
            doing()
    assert access_log(ben.store, ben.owner) == []


def test_notes_reach_the_person_only_when_the_coach_chooses(
    ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    share(ana, coach)
    add_coach_note(coach.store, coach.owner, ana.owner.id, "Talked about networking", clock)
    add_coach_note(
        coach.store, coach.owner, ana.owner.id, "Great week, keep going!", clock, shown=True
    )
    view = person_view(coach.store, coach.owner, ana.owner.id, clock)
    assert len(view.notes) == 2
    seen = sharing_view(ana.store, ana.owner, clock).notes
    assert [n.text for n in seen] == ["Great week, keep going!"]


def test_a_proposed_goal_becomes_the_persons_when_accepted(
    ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    share(ana, coach)
    proposed = propose_goal(
        coach.store, coach.owner, ana.owner.id, "networking", 3, clock, why="one coffee a week"
    )
    [waiting] = sharing_view(ana.store, ana.owner, clock).proposals
    assert waiting.id == proposed.id and waiting.coach == "coach@example.org"
    accepted = answer_proposed_goal(ana.store, ana.owner, proposed.id, True, clock)
    assert accepted.state is ProposalState.ACCEPTED
    assert get_goals(ana.store, ana.owner).networking == 3
    declined = propose_goal(coach.store, coach.owner, ana.owner.id, "applications", 20, clock)
    answer_proposed_goal(ana.store, ana.owner, declined.id, False, clock)
    assert get_goals(ana.store, ana.owner).applications == 5  # unchanged
    assert sharing_view(ana.store, ana.owner, clock).proposals == ()


def test_a_goal_needs_the_goals_scope(ana: Workspace, coach: Workspace, clock: FixedClock) -> None:
    share(ana, coach, ("pipeline",))
    with pytest.raises(NotFound):
        propose_goal(coach.store, coach.owner, ana.owner.id, "applications", 3, clock)


def test_the_caseload_reads_a_fixed_number_of_queries_however_many_people(
    ws: Workspace, coach: Workspace, count_queries: Any
) -> None:
    def people(n: int) -> int:
        for i in range(n):
            seeker = person(ws, f"p{n}-{i}@example.org")
            make_application(seeker, "Acme")
            share(seeker, coach, EVERYTHING)
        with count_queries() as statements:
            found = caseload(coach.store, coach.owner, coach.clock)
        assert len(found) == people_so_far[0] + n
        people_so_far[0] += n
        return len(statements)

    people_so_far = [0]
    two = people(2)
    four_more = people(4)  # six people now
    assert four_more == two <= 25


def test_a_refused_goal_or_note_leaves_nothing_and_a_stranger_gets_the_404_first(
    ws: Workspace, ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    from onward.errors import InvalidInput

    ben = person(ws, "ben@example.org")
    share(ana, coach)
    with pytest.raises(InvalidInput):
        propose_goal(coach.store, coach.owner, ana.owner.id, "juggling", 3, clock)
    with pytest.raises(InvalidInput):
        add_coach_note(coach.store, coach.owner, ana.owner.id, "   ", clock)
    assert access_log(ana.store, ana.owner) == []
    assert sharing_view(ana.store, ana.owner, clock).proposals == ()
    with pytest.raises(NotFound):  # not "unknown metric": nothing about ben is revealed
        propose_goal(coach.store, coach.owner, ben.owner.id, "juggling", 3, clock)
    with pytest.raises(NotFound):
        add_coach_note(coach.store, coach.owner, ben.owner.id, "", clock)
