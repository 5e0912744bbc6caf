"""Sharing with a coach: scopes, expiry, revoke, the one gate and the access log.

The frozen clock says Friday 2026-11-20 10:00 UTC.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.factories import make_application
from tests.support.coaching import person, share

from onward.clock import FixedClock
from onward.domain.accounts import Role
from onward.domain.sharing import Scope, ShareStatus
from onward.errors import InvalidInput, NotFound
from onward.services.accounts import disable_account
from onward.services.runtime import Workspace
from onward.services.sharing import (
    NO_COACH,
    NOT_IN_CASELOAD,
    access_log,
    list_shares,
    read_shared,
    revoke_share,
    share_with_coach,
)

NEXT_MONTH = date(2026, 12, 20)


@pytest.fixture
def ana(ws: Workspace) -> Workspace:
    return person(ws, "ana@example.org")


@pytest.fixture
def coach(ws: Workspace) -> Workspace:
    return person(ws, "coach@example.org", Role.COACH)


def _nothing_shared(ws: Workspace) -> None:
    with ws.store.transaction() as tx:
        assert tx.conn.exec_driver_sql("SELECT count(*) FROM shares").scalar() == 0


def test_a_share_names_its_coach_scopes_and_last_day(ana: Workspace, coach: Workspace) -> None:
    made = share_with_coach(
        ana.store, ana.owner, " Coach@Example.org ", ["insights", "pipeline"], NEXT_MONTH, ana.clock
    )
    assert made.coach == "coach@example.org" and made.person == "ana@example.org"
    assert made.scope_names == ("pipeline", "insights")
    assert made.expires_on == NEXT_MONTH and made.status(ana.clock.today()) is ShareStatus.ACTIVE
    assert [s.id for s in list_shares(ana.store, ana.owner)] == [made.id]


@pytest.mark.parametrize(
    ("email", "scopes", "expires_on", "field", "words"),
    [
        ("coach@example.org", ["pipeline", "private_writing"], NEXT_MONTH, "scopes", "unknown"),
        ("coach@example.org", [], NEXT_MONTH, "scopes", "at least one"),
        ("coach@example.org", ["pipeline"], date(2026, 11, 19), "expires_on", "has passed"),
        ("coach@example.org", ["pipeline"], date(2028, 1, 1), "expires_on", "at most a year"),
        ("ana@example.org", ["pipeline"], NEXT_MONTH, "coach", "your own email"),
        ("not an email", ["pipeline"], NEXT_MONTH, "coach", "not an email"),
    ],
)
def test_bad_shares_are_refused_with_a_clear_answer_and_nothing_written(
    ana: Workspace,
    coach: Workspace,
    email: str,
    scopes: list[str],
    expires_on: date,
    field: str,
    words: str,
) -> None:
    with pytest.raises(InvalidInput) as refused:
        share_with_coach(ana.store, ana.owner, email, scopes, expires_on, ana.clock)
    assert refused.value.field == field and words in refused.value.message
    _nothing_shared(ana)


def test_no_account_a_seeker_and_a_disabled_coach_get_the_same_answer(
    ws: Workspace, ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    person(ws, "ben@example.org")  # a seeker
    person(ws, "gone@example.org", Role.COACH)
    disable_account(ws.store, "gone@example.org", clock)
    answers = set()
    for email in ("nobody@example.org", "ben@example.org", "gone@example.org"):
        with pytest.raises(InvalidInput) as refused:
            share_with_coach(ana.store, ana.owner, email, ["pipeline"], NEXT_MONTH, ana.clock)
        answers.add((refused.value.message, refused.value.field))
    assert answers == {(NO_COACH, "coach")}
    _nothing_shared(ana)


def test_the_gate_lets_a_coach_read_a_shared_scope_and_logs_it(
    ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    made = share(ana, coach, ("pipeline", "insights"))
    read = read_shared(
        coach.store, coach.owner, ana.owner.id, clock, scopes=[Scope.INSIGHTS], what="insights"
    )
    assert read.person == ana.owner and read.share.id == made.id
    [entry] = access_log(ana.store, ana.owner)
    assert (entry.scope, entry.what, entry.at, entry.coach) == (
        Scope.INSIGHTS,
        "insights",
        clock.now(),
        "coach@example.org",
    )


def test_reads_of_the_same_thing_close_together_are_one_line_of_the_log(
    ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    share(ana, coach, ("pipeline", "insights"))

    def look(scope: Scope, what: str) -> None:
        read_shared(coach.store, coach.owner, ana.owner.id, clock, scopes=[scope], what=what)

    first = clock.now()
    for _ in range(3):  # a morning of caseload views, each reading two scopes
        look(Scope.PIPELINE, "health flags")
        look(Scope.INSIGHTS, "insights")
        clock.advance(minutes=20)
    clock.advance(hours=2)  # a new visit, well apart
    look(Scope.PIPELINE, "health flags")
    log = access_log(ana.store, ana.owner)
    assert [(e.scope, e.times) for e in log] == [
        (Scope.PIPELINE, 1),
        (Scope.INSIGHTS, 3),
        (Scope.PIPELINE, 3),
    ]
    assert log[2].first_at == first and log[2].at == first + timedelta(minutes=40)
    assert log[0].first_at is None  # one read: one moment


def test_the_gate_refuses_alike_an_unshared_scope_a_stranger_expiry_and_revoking(
    ws: Workspace, ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    ben = person(ws, "ben@example.org")
    made = share(ana, coach, ("pipeline",), days=3)

    def refused(person_id: int, scope: Scope = Scope.PIPELINE) -> str:
        with pytest.raises(NotFound) as no:
            read_shared(coach.store, coach.owner, person_id, clock, scopes=[scope])
        return no.value.message

    assert refused(ana.owner.id, Scope.JOURNAL) == NOT_IN_CASELOAD  # not shared
    assert refused(ben.owner.id) == NOT_IN_CASELOAD  # shared nothing
    assert refused(999_999) == NOT_IN_CASELOAD  # no such person
    # another coach, or the seeker themselves, cannot read through this share
    other = person(ws, "other@example.org", Role.COACH)
    with pytest.raises(NotFound):
        read_shared(other.store, other.owner, ana.owner.id, clock, scopes=[Scope.PIPELINE])
    clock.advance(days=3)  # the last day still counts
    read_shared(coach.store, coach.owner, ana.owner.id, clock, scopes=[Scope.PIPELINE])
    clock.advance(days=1)
    assert refused(ana.owner.id) == NOT_IN_CASELOAD  # expired
    assert list_shares(ana.store, ana.owner)[0].status(clock.today()) is ShareStatus.EXPIRED
    clock.advance(days=-1)
    revoke_share(ana.store, ana.owner, made.id, clock)
    assert refused(ana.owner.id) == NOT_IN_CASELOAD  # revoked, at once
    assert len(access_log(ana.store, ana.owner)) == 1  # refused reads leave no entry


def test_a_seeker_cannot_revoke_someone_elses_share(
    ws: Workspace, ana: Workspace, coach: Workspace
) -> None:
    ben = person(ws, "ben@example.org")
    made = share(ana, coach)
    with pytest.raises(NotFound):
        revoke_share(ben.store, ben.owner, made.id, ben.clock)
    assert list_shares(ana.store, ana.owner)[0].revoked_at is None


def test_sharing_again_with_the_same_coach_replaces_the_share(
    ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    first = share(ana, coach, ("pipeline",))
    second = share(ana, coach, ("pipeline", "journal"), days=60)
    statuses = {s.id: s.status(clock.today()) for s in list_shares(ana.store, ana.owner)}
    assert statuses == {first.id: ShareStatus.REVOKED, second.id: ShareStatus.ACTIVE}
    read = read_shared(coach.store, coach.owner, ana.owner.id, clock, scopes=[Scope.JOURNAL])
    assert read.share.id == second.id


def test_a_coach_demoted_to_seeker_reads_nothing_more(
    ana: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    from onward.services.accounts import change_role

    share(ana, coach)
    make_application(ana, "Acme")
    change_role(coach.store, "coach@example.org", Role.SEEKER)
    with pytest.raises(NotFound):
        read_shared(coach.store, coach.owner, ana.owner.id, clock, scopes=[Scope.PIPELINE])


def test_private_writing_has_no_scope() -> None:
    assert "writing" not in {s.value for s in Scope}
    assert not any("private" in s.label.lower() for s in Scope)
