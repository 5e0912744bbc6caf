"""Goals: weekly goals, effort counted per day, and wins (manual and derived sources).

Effort is aggregated in SQL, one row per day and metric, whatever the number of records:
applications from ``applied`` stage events, reflections written, drafts sent, and effort
logged by hand.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from typing import Any

from sqlalchemy import String, func, select

from onward.db import tables as t
from onward.db.application_rows import event_from_row
from onward.db.meta import record, values
from onward.db.playbook_tables import (
    drafts,
    effort_entries,
    feedback,
    reflections,
    weekly_goals,
    wins,
)
from onward.db.repo import Repo
from onward.domain.pipeline import RESPONSES, Stage
from onward.domain.playbook.feedback import Feedback
from onward.domain.playbook.goals import Effort, Metric, WeeklyGoals
from onward.domain.records import StageEvent

#: Stages that can make a win (the first response, screens, interviews, finals, offers).
WIN_STAGES = RESPONSES


class GoalRepo(Repo):
    def get(self, owner_id: int) -> WeeklyGoals | None:
        row = self.conn.execute(
            select(weekly_goals).where(weekly_goals.c.owner_id == owner_id)
        ).first()
        if row is None:
            return None
        return WeeklyGoals(**{m.value: float(getattr(row, m.value)) for m in Metric})

    def save(self, owner_id: int, goals: WeeklyGoals, now: datetime) -> None:
        values: dict[str, Any] = {m.value: goals.target(m) for m in Metric} | {"updated_at": now}
        where = [weekly_goals.c.owner_id == owner_id]
        self.update_or_insert(weekly_goals, where, values, owner_id=owner_id)


class EffortRepo(Repo):
    def insert(self, owner_id: int, activity: Effort, note: str | None, now: datetime) -> int:
        return self.insert_owned(
            effort_entries,
            owner_id,
            occurred_on=activity.on,
            **values(activity, "metric", "amount"),
            note=note,
            created_at=now,
        )

    def count(self, owner_id: int) -> int:
        return int(
            self.conn.execute(
                select(func.count())
                .select_from(effort_entries)
                .where(effort_entries.c.owner_id == owner_id)
            ).scalar_one()
        )

    def by_day(self, owner_id: int, zone: tzinfo = UTC) -> list[Effort]:
        """All effort, summed per day and metric (four grouped queries, however much data).

        Drafts are dated by when they were sent, in ``zone`` (the person's local time).
        """
        found: list[Effort] = []
        applied = self.conn.execute(
            select(t.stage_events.c.occurred_on, func.count())
            .where(
                t.stage_events.c.owner_id == owner_id,
                t.stage_events.c.stage == Stage.APPLIED.value,
                t.stage_events.c.undone_at.is_(None),
            )
            .group_by(t.stage_events.c.occurred_on)
        )
        found += [Effort(day, Metric.APPLICATIONS, float(n)) for day, n in applied]
        written = self.conn.execute(
            select(reflections.c.written_on, func.count())
            .where(reflections.c.owner_id == owner_id)
            .group_by(reflections.c.written_on)
        )
        found += [Effort(day, Metric.REFLECTIONS, float(n)) for day, n in written]
        logged = self.conn.execute(
            select(
                effort_entries.c.occurred_on,
                effort_entries.c.metric,
                func.sum(effort_entries.c.amount),
            )
            .where(effort_entries.c.owner_id == owner_id)
            .group_by(effort_entries.c.occurred_on, effort_entries.c.metric)
        )
        found += [Effort(day, Metric(metric), float(total)) for day, metric, total in logged]
        found += self._sent_drafts(owner_id, zone)
        return found

    def _sent_drafts(self, owner_id: int, zone: tzinfo) -> list[Effort]:
        # Grouped by the UTC hour, so a day boundary in any time zone falls between groups.
        hour = func.substr(drafts.c.sent_at, 1, 13, type_=String)
        if self.conn.dialect.name == "postgresql":
            utc = func.timezone("UTC", drafts.c.sent_at)
            hour = func.to_char(utc, "YYYY-MM-DD HH24", type_=String)
        rows = self.conn.execute(
            select(hour, func.count())
            .where(
                drafts.c.owner_id == owner_id,
                drafts.c.status == "sent",
                drafts.c.sent_at.is_not(None),
            )
            .group_by(hour)
        )
        per_day: dict[date, float] = {}
        for stamp, n in rows:
            moment = datetime.strptime(str(stamp)[:13], "%Y-%m-%d %H").replace(tzinfo=UTC)
            day = moment.astimezone(zone).date()
            per_day[day] = per_day.get(day, 0.0) + float(n)
        return [Effort(day, Metric.FOLLOW_UPS, n) for day, n in per_day.items()]


class WinRepo(Repo):
    def insert(
        self, owner_id: int, text: str, on: date, application_id: int | None, now: datetime
    ) -> int:
        return self.insert_owned(
            wins,
            owner_id,
            application_id=application_id,
            occurred_on=on,
            text=text,
            created_at=now,
        )

    def manual(self, owner_id: int) -> list[tuple[int, date, str, int | None]]:
        """Wins added by hand: ``(id, date, text, application id)``, oldest first."""
        rows = self.conn.execute(
            select(wins.c.id, wins.c.occurred_on, wins.c.text, wins.c.application_id)
            .where(wins.c.owner_id == owner_id)
            .order_by(wins.c.occurred_on, wins.c.id)
        )
        return [(r.id, r.occurred_on, r.text, r.application_id) for r in rows]

    def win_events(self, owner_id: int) -> list[StageEvent]:
        """The owner's stage events that can make a win, in one query."""
        rows = self.conn.execute(
            select(t.stage_events)
            .where(
                t.stage_events.c.owner_id == owner_id,
                t.stage_events.c.stage.in_([s.value for s in WIN_STAGES]),
                t.stage_events.c.undone_at.is_(None),
            )
            .order_by(t.stage_events.c.occurred_on, t.stage_events.c.id)
        )
        return [event_from_row(r) for r in rows]

    def win_events_since(self, owner_id: int, since: date) -> list[StageEvent]:
        """What :meth:`win_events` would give for the wins dated ``since`` or later: every win
        event of the applications with one on or after ``since`` (earlier ones settle which
        is first), and the owner's very first response. Two queries, however long the history."""
        e = t.stage_events.c
        stages = [s.value for s in WIN_STAGES]
        live = e.undone_at.is_(None)
        recent = select(e.application_id).where(
            e.owner_id == owner_id, e.stage.in_(stages), e.occurred_on >= since, live
        )
        rows = list(
            self.conn.execute(
                select(t.stage_events)
                .where(
                    e.owner_id == owner_id,
                    e.stage.in_(stages),
                    e.application_id.in_(recent),
                    live,
                )
                .order_by(e.occurred_on, e.id)
            )
        )
        first = self.conn.execute(
            select(t.stage_events)
            .where(e.owner_id == owner_id, e.stage.in_(stages), live)
            .order_by(e.occurred_on, e.id)
            .limit(1)
        ).first()
        if first is not None and all(r.id != first.id for r in rows):
            rows.insert(0, first)
        return [event_from_row(r) for r in rows]

    def specific_feedback(self, owner_id: int) -> list[Feedback]:
        """Feedback judged specific (after the person's override), in one query."""
        rows = self.conn.execute(
            select(
                feedback.c.application_id,
                feedback.c.text,
                feedback.c.received_on,
                feedback.c.from_whom,
                feedback.c.specific,
            )
            .where(feedback.c.owner_id == owner_id, feedback.c.specific.is_(True))
            .order_by(feedback.c.received_on, feedback.c.id)
        )
        return [record(Feedback, r, specific_override=bool(r.specific)) for r in rows]
