"""The mood journal, and which applications got an answer (for the journal's nudges)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, case, or_, select, true

from onward.db import tables as t
from onward.db.meta import record, values, within_days_of
from onward.db.playbook_tables import journal_entries
from onward.db.repo import Repo, owned_rows
from onward.domain.pipeline import Stage
from onward.domain.playbook.journal import JournalEntry


class JournalRepo(Repo):
    def insert(self, owner_id: int, entry: JournalEntry, now: datetime) -> int:
        return self.insert_owned(
            journal_entries,
            owner_id,
            **values(entry, "written_on", "mood", "text", "rest_day"),
            created_at=now,
        )

    def query(self, owner_id: int, *, limit: int | None = None) -> list[JournalEntry]:
        """Entries, newest first (the latest ``limit`` when given)."""
        c = journal_entries.c
        order = (c.written_on.desc(), c.id.desc())
        return self.read_all(
            owned_rows(journal_entries, owner_id, order_by=order, limit=limit), _entry
        )

    def for_nudges(self, owner_id: int, recent: int) -> list[JournalEntry]:
        """The latest ``recent`` entries, plus the latest rest day (or, with none, the first
        entry) when older: all the journal's nudges need, however long the journal is."""
        entries = self.query(owner_id, limit=recent)
        c = journal_entries.c
        latest_rest = owned_rows(
            journal_entries,
            owner_id,
            c.rest_day.is_(True),
            order_by=(c.written_on.desc(), c.id.desc()),
            limit=1,
        )
        first = owned_rows(journal_entries, owner_id, order_by=(c.written_on, c.id), limit=1)
        rest, oldest = self.conn.execute(latest_rest).first(), self.conn.execute(first).first()
        row = rest or oldest
        if row is not None and _entry(row) not in entries:
            entries.append(_entry(row))
        return entries

    def latest_answers(self, owner_id: int, recorded_within: int | None = None) -> list[bool]:
        """Per application sent, oldest applied first, from the latest one that got an answer
        on (all of them when none did): did it get any answer? Enough for the unanswered run
        of :func:`~onward.domain.playbook.journal.unanswered_run`, without reading every
        application on a long history.

        An answer is any step beyond applied, or a rejection. The applied date is the first
        step beyond saved on the timeline (``timeline_applied_on``, kept in step with it).
        ``recorded_within`` leaves out the applications added more than so many days after
        they were sent (history).
        """
        a = t.applications.c
        answered = or_(
            a.reached.not_in([Stage.SAVED.value, Stage.APPLIED.value]),
            a.stage == Stage.REJECTED.value,
        )
        rows = self.conn.execute(
            select(case((answered, True), else_=False))
            .where(
                a.owner_id == owner_id,
                a.reached != Stage.SAVED.value,
                a.timeline_applied_on.is_not(None),
                true()
                if recorded_within is None
                else within_days_of(
                    self.conn, a.timeline_applied_on, a.created_at, recorded_within
                ),
            )
            .order_by(a.timeline_applied_on.desc(), a.id.desc())
        )
        latest: list[bool] = []
        for (heard,) in rows:
            latest.append(bool(heard))
            if heard:
                break
        rows.close()
        latest.reverse()
        return latest


def _entry(row: Row[Any]) -> JournalEntry:
    return record(JournalEntry, row, rest_day=bool(row.rest_day))
