"""Sharing with a coach, from the job seeker's side, and the one gate every coach read passes.

The seeker shares some scopes with a coach (by the coach's email) until a day, sees every
share, revokes one at once, reads the access log, the notes a coach chose to show them, and
answers the goals a coach proposed.

:func:`read_shared_many` is the one rule of what a coach may read: the person, the scope,
an unexpired and unrevoked share; it also writes the access log (:func:`read_shared` is its
form for one person). Every coach read goes through
it (``onward.services.caseload``); anything it refuses is a :class:`NotFound` that says the
same whatever the reason, so a coach learns nothing about people who did not share with them.

Inviting a coach by an email that is not a coach's account (no account, a seeker's, a
disabled one) gets one answer, "no coach with that email on this server": the seeker learns
that the invitation cannot go there (which they must), and not whether that person has an
account at all (docs/coaching.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.accounts import Role, normalize_email
from onward.domain.playbook.goals import Metric
from onward.domain.records import Owner
from onward.domain.sharing import (
    AccessEntry,
    CoachNote,
    ProposalState,
    ProposedGoal,
    Scope,
    Share,
    check_expiry,
    grouped_reads,
    parse_scopes,
)
from onward.errors import Conflict, InvalidInput, NotFound

#: The one answer for any person a coach may not read (never "not shared" or "expired").
NOT_IN_CASELOAD = "no one with that id in your caseload"
NO_COACH = "no coach with that email on this server"
#: The raw log entries read to show the newest runs of reads (a caseload view logs one per
#: person and scope, so a busy coach writes hundreds in a morning).
RAW_READS = 5000


@dataclass(frozen=True)
class SharingView:
    """What the seeker's Sharing page shows."""

    shares: tuple[Share, ...]
    access: tuple[AccessEntry, ...]
    notes: tuple[CoachNote, ...]
    proposals: tuple[ProposedGoal, ...]
    today: date


def share_with_coach(
    store: Store,
    owner: Owner,
    coach_email: str,
    scopes: Iterable[str],
    expires_on: date,
    clock: Clock,
) -> Share:
    """Let the coach with ``coach_email`` read ``scopes`` through ``expires_on``. An active
    share with the same coach is replaced (revoked, and this one made): one share per coach."""
    chosen = parse_scopes(scopes)
    check_expiry(expires_on, clock.today())
    try:
        email = normalize_email(coach_email)
    except InvalidInput as exc:
        raise InvalidInput(exc.message, field="coach") from None
    now = clock.now()
    with store.transaction() as tx:
        account = tx.accounts.by_email(email)
        if account is not None and account.owner_id == owner.id:
            raise InvalidInput("that is your own email: share with your coach's", field="coach")
        if account is None or account.role is not Role.COACH or account.disabled:
            raise InvalidInput(NO_COACH, field="coach")
        for old in tx.shares.active_for_coach(account.owner_id, clock.today(), owner.id):
            tx.shares.revoke(owner.id, old.id, now)
        share_id = tx.shares.insert(owner.id, account.owner_id, chosen, expires_on, now)
        share = tx.shares.get(owner.id, share_id)
    assert share is not None
    return share


def revoke_share(store: Store, owner: Owner, share_id: int, clock: Clock) -> Share:
    """End a share now; the coach's next read is refused. Revoking twice is harmless."""
    with store.transaction() as tx:
        share = tx.shares.get(owner.id, share_id)
        if share is None:
            raise NotFound(f"no share #{share_id}", field="share_id")
        tx.shares.revoke(owner.id, share_id, clock.now())
        found = tx.shares.get(owner.id, share_id)
    assert found is not None
    return found


def list_shares(store: Store, owner: Owner) -> list[Share]:
    with store.transaction() as tx:
        return tx.shares.of_owner(owner.id)


def sharing_view(store: Store, owner: Owner, clock: Clock, *, log_limit: int = 100) -> SharingView:
    """The person's shares, who read what, notes shown to them and open proposals."""
    with store.transaction() as tx:
        return SharingView(
            tuple(tx.shares.of_owner(owner.id)),
            tuple(grouped_reads(tx.access_log.of_owner(owner.id, limit=RAW_READS), log_limit)),
            tuple(tx.coach_notes.query(owner.id, shown_only=True)),
            tuple(tx.proposed_goals.query(owner.id, states=(ProposalState.PROPOSED,))),
            clock.today(),
        )


def open_proposals(store: Store, owner: Owner) -> list[ProposedGoal]:
    """Goals coaches proposed that wait for the person's answer (one query; none without
    shares)."""
    with store.transaction() as tx:
        return tx.proposed_goals.query(owner.id, states=(ProposalState.PROPOSED,))


def access_log(store: Store, owner: Owner, *, limit: int = 100) -> list[AccessEntry]:
    """Who read what of the person's data, newest first, each run of the same reads as one
    entry (``times``, ``first_at``: :func:`onward.domain.sharing.grouped_reads`)."""
    with store.transaction() as tx:
        return grouped_reads(tx.access_log.of_owner(owner.id, limit=RAW_READS), limit)


def answer_proposed_goal(
    store: Store, owner: Owner, proposal_id: int, accept: bool, clock: Clock
) -> ProposedGoal:
    """Accept (the weekly goal becomes the person's) or decline a goal a coach proposed."""
    from onward.services.goals import set_goals

    with store.transaction() as tx:
        proposal = tx.proposed_goals.get(owner.id, proposal_id)
        if proposal is None:
            raise NotFound(f"no proposed goal #{proposal_id}", field="proposal_id")
        if proposal.state is not ProposalState.PROPOSED:
            raise Conflict(f"you already {proposal.state.value} that goal")
        state = ProposalState.ACCEPTED if accept else ProposalState.DECLINED
        tx.proposed_goals.answer(owner.id, proposal_id, state, clock.now())
        if accept:
            set_goals(store, owner, {Metric(proposal.metric): proposal.target}, clock)
        found = tx.proposed_goals.get(owner.id, proposal_id)
    assert found is not None
    return found


# -- the gate --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SharedRead:
    """What a coach may read now: the share, and the person (as services take an owner)."""

    share: Share
    person: Owner


def read_shared(
    store: Store,
    coach: Owner,
    person_id: int,
    clock: Clock,
    *,
    scopes: Iterable[Scope] | None = (),
    what: str = "",
) -> SharedRead:
    """:func:`read_shared_many` for one person: a :class:`NotFound` that says the same
    whatever the reason when the coach may not read these ``scopes`` of ``person_id``."""
    found = read_shared_many(store, coach, clock, {person_id: scopes}, what=what)
    if person_id not in found:
        raise NotFound(NOT_IN_CASELOAD, field="person")
    return found[person_id]


def read_shared_many(
    store: Store,
    coach: Owner,
    clock: Clock,
    wanted: Mapping[int, Iterable[Scope] | None],
    *,
    what: str = "",
) -> dict[int, SharedRead]:
    """The one rule of what ``coach`` may read: for each person id in ``wanted``, an active
    (unrevoked, unexpired) share from that person to this coach that holds every scope asked
    for (None: every scope it holds), while the coach's account (when there are accounts) is
    an enabled coach's. Each scope read is written to the person's access log as ``what``
    (default: the scope's name). People the coach may not read are left out, and nothing is
    logged for them. A fixed number of queries, however many people."""
    today, now = clock.today(), clock.now()
    with store.transaction() as tx:
        if not _is_coach(tx, coach):
            return {}
        newest: dict[int, Share] = {}
        for active in tx.shares.active_for_coach(coach.id, today, list(wanted)):
            newest.setdefault(active.owner_id, active)
        found: dict[int, SharedRead] = {}
        entries: list[tuple[Share, Scope, str]] = []
        for person_id, scopes in wanted.items():
            share = newest.get(person_id)
            if share is None:
                continue
            asked = tuple(scopes) if scopes is not None else tuple(share.scopes)
            if any(s not in share.scopes for s in asked):
                continue
            found[person_id] = SharedRead(share, Owner(person_id, share.person))
            entries.extend(
                (share, s, what or s.label.lower()) for s in Scope if s in frozenset(asked)
            )
        tx.access_log.insert(entries, now)
    return found


def _is_coach(tx: Tx, coach: Owner) -> bool:
    """Whether ``coach`` may read shares: an enabled coach's account (or, in single-user
    mode, no accounts at all: then nobody has shared anything)."""
    account = tx.accounts.by_owner(coach.id)
    return account is None or (account.role is Role.COACH and not account.disabled)


def active_shares_for_coach(store: Store, coach: Owner, clock: Clock) -> list[Share]:
    """The coach's active shares, one per person (the newest); reads nothing of anyone."""
    with store.transaction() as tx:
        if not _is_coach(tx, coach):
            return []
        newest: dict[int, Share] = {}
        for share in tx.shares.active_for_coach(coach.id, clock.today()):
            newest.setdefault(share.owner_id, share)
    return sorted(newest.values(), key=lambda s: (s.person.lower(), s.owner_id))
