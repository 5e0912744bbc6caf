"""Repositories of sharing with a coach: shares, the access log, coach notes, proposed goals.

Every read names both sides (the person's ``owner_id`` and the ``coach_id``), so a row of one
pair is never found through another.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, select, update

from onward.db import tables as t
from onward.db.meta import record
from onward.db.repo import Repo
from onward.db.sharing_tables import coach_notes, proposed_goals, share_access, shares
from onward.domain.sharing import (
    AccessEntry,
    CoachNote,
    ProposalState,
    ProposedGoal,
    Scope,
    Share,
)

_coach = t.owners.alias("coach")
_person = t.owners.alias("person")


_newest_first = (shares.c.created_at.desc(), shares.c.id.desc())


def _share_select() -> Any:
    return (
        select(shares, _coach.c.name.label("coach_name"), _person.c.name.label("person_name"))
        .join(_coach, _coach.c.id == shares.c.coach_id)
        .join(_person, _person.c.id == shares.c.owner_id)
    )


class ShareRepo(Repo):
    def insert(
        self,
        owner_id: int,
        coach_id: int,
        scopes: frozenset[Scope],
        expires_on: date,
        now: datetime,
    ) -> int:
        names = " ".join(s.value for s in Scope if s in scopes)
        return self.insert_owned(
            shares,
            owner_id,
            coach_id=coach_id,
            scopes=names,
            expires_on=expires_on,
            created_at=now,
        )

    def get(self, owner_id: int, share_id: int) -> Share | None:
        stmt = _share_select().where(shares.c.owner_id == owner_id, shares.c.id == share_id)
        return self.read_first(stmt, _share)

    def of_owner(self, owner_id: int) -> list[Share]:
        """The person's shares, newest first (revoked and expired ones too)."""
        stmt = _share_select().where(shares.c.owner_id == owner_id).order_by(*_newest_first)
        return self.read_all(stmt, _share)

    def active_for_coach(
        self, coach_id: int, today: date, owner_ids: int | Sequence[int] | None = None
    ) -> list[Share]:
        """The coach's unrevoked, unexpired shares (of some people, with ``owner_ids``), the
        newest first."""
        where = [
            shares.c.coach_id == coach_id,
            shares.c.revoked_at.is_(None),
            shares.c.expires_on >= today,
        ]
        if isinstance(owner_ids, int):
            where.append(shares.c.owner_id == owner_ids)
        elif owner_ids is not None:
            where.append(shares.c.owner_id.in_(list(owner_ids)))
        return self.read_all(_share_select().where(*where).order_by(*_newest_first), _share)

    def revoke(self, owner_id: int, share_id: int, now: datetime) -> None:
        self.conn.execute(
            update(shares)
            .where(
                shares.c.owner_id == owner_id,
                shares.c.id == share_id,
                shares.c.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )


def _share(row: Row[Any]) -> Share:
    return record(
        Share,
        row,
        scopes=frozenset(Scope(n) for n in row.scopes.split()),
        coach=row.coach_name,
        person=row.person_name,
    )


class AccessLogRepo(Repo):
    def insert(self, entries: Sequence[tuple[Share, Scope, str]], at: datetime) -> None:
        """One entry per (share, scope read, what), in one statement."""
        if not entries:
            return
        rows = [
            {
                "owner_id": share.owner_id,
                "share_id": share.id,
                "scope": scope.value,
                "what": what[:200],
                "at": at,
            }
            for share, scope, what in entries
        ]
        self.conn.execute(share_access.insert(), rows)

    def of_owner(self, owner_id: int, *, limit: int = 100) -> list[AccessEntry]:
        """Who read what of the person's data, newest first."""
        rows = self.conn.execute(
            select(share_access, _coach.c.name.label("coach_name"))
            .join(shares, shares.c.id == share_access.c.share_id)
            .join(_coach, _coach.c.id == shares.c.coach_id)
            .where(share_access.c.owner_id == owner_id)
            .order_by(share_access.c.at.desc(), share_access.c.id.desc())
            .limit(limit)
        )
        return [
            AccessEntry(int(r.share_id), Scope(r.scope), r.what, r.at, r.coach_name) for r in rows
        ]


class CoachNoteRepo(Repo):
    def insert(self, owner_id: int, coach_id: int, text: str, shown: bool, now: datetime) -> int:
        return self.insert_owned(
            coach_notes,
            owner_id,
            coach_id=coach_id,
            text=text,
            shown=shown,
            created_at=now,
        )

    def query(
        self, owner_id: int, *, coach_id: int | None = None, shown_only: bool = False
    ) -> list[CoachNote]:
        """Notes about the person (by one coach, or only those shown to the person), newest
        first."""
        where = [coach_notes.c.owner_id == owner_id]
        if coach_id is not None:
            where.append(coach_notes.c.coach_id == coach_id)
        if shown_only:
            where.append(coach_notes.c.shown.is_(True))
        rows = self.conn.execute(
            select(coach_notes, _coach.c.name.label("coach_name"))
            .join(_coach, _coach.c.id == coach_notes.c.coach_id)
            .where(*where)
            .order_by(coach_notes.c.created_at.desc(), coach_notes.c.id.desc())
        )
        return [
            CoachNote(
                int(r.id),
                int(r.coach_id),
                int(r.owner_id),
                r.text,
                bool(r.shown),
                r.created_at,
                r.coach_name,
            )
            for r in rows
        ]


class ProposedGoalRepo(Repo):
    def insert(
        self, owner_id: int, coach_id: int, metric: str, target: float, why: str, now: datetime
    ) -> int:
        return self.insert_owned(
            proposed_goals,
            owner_id,
            coach_id=coach_id,
            metric=metric,
            target=target,
            why=why or None,
            state=ProposalState.PROPOSED.value,
            created_at=now,
        )

    def query(
        self,
        owner_id: int,
        *,
        coach_id: int | None = None,
        states: Sequence[ProposalState] = (),
    ) -> list[ProposedGoal]:
        where = [proposed_goals.c.owner_id == owner_id]
        if coach_id is not None:
            where.append(proposed_goals.c.coach_id == coach_id)
        if states:
            where.append(proposed_goals.c.state.in_([s.value for s in states]))
        stmt = (
            select(proposed_goals, _coach.c.name.label("coach_name"))
            .join(_coach, _coach.c.id == proposed_goals.c.coach_id)
            .where(*where)
            .order_by(proposed_goals.c.created_at.desc(), proposed_goals.c.id.desc())
        )
        return self.read_all(stmt, _proposal)

    def get(self, owner_id: int, proposal_id: int) -> ProposedGoal | None:
        found = [p for p in self.query(owner_id) if p.id == proposal_id]
        return found[0] if found else None

    def answer(self, owner_id: int, proposal_id: int, state: ProposalState, now: datetime) -> None:
        self.update_owned(proposed_goals, owner_id, proposal_id, state=state.value, answered_at=now)


def _proposal(r: Row[Any]) -> ProposedGoal:
    return record(ProposedGoal, r, target=float(r.target), why=r.why or "", coach=r.coach_name)
