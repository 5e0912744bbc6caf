"""Insights queries: every figure is a GROUP BY, so the number of queries and the rows they
return stay fixed however many applications and stage events there are (apart from one row
per distinct company and role title).

Everything runs on SQLite and PostgreSQL; the two places they differ (date arithmetic and
expanding JSON lists and objects) are chosen by dialect here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    case,
    cast,
    func,
    select,
    true,
)
from sqlalchemy.sql.expression import Subquery

from onward.db import tables as t
from onward.db.playbook_tables import feedback, journal_entries, reflections, rejections
from onward.db.repo import Repo
from onward.db.tables import TIMELINE_BITS
from onward.domain.emails import RejectionStage
from onward.domain.insights.flow import PATH
from onward.domain.insights.funnel import OutcomeCount
from onward.domain.insights.summary import TOP_COMPANIES, InsightData
from onward.domain.pipeline import Stage

#: How many quotes to keep per reason and per theme.
QUOTES = 3

a = t.applications.c
rj = rejections.c


class InsightRepo(Repo):
    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self.postgres = conn.dialect.name == "postgresql"

    def data(self, owner_id: int, since: date) -> InsightData:
        """The grouped counts behind the insights (``since``: the first day of "recent")."""
        first_response_days, rejection_days = self._timing(owner_id)
        return InsightData(
            outcomes=self._outcomes(owner_id, since),
            by_role=self._outcomes_by(owner_id, a.role, "role"),
            by_company=self._outcomes_by(owner_id, a.company, "company", top=TOP_COMPANIES),
            first_response_days=first_response_days,
            rejection_days=rejection_days,
            reasons=self._reasons(owner_id),
            reason_quotes=self._reason_quotes(owner_id),
            themes=self._themes(owner_id),
            theme_quotes=self._theme_quotes(owner_id),
            feedback_count=self._count(feedback, owner_id),
            ratings=self._ratings(owner_id),
            moods=self._moods(owner_id),
        )

    # -- applications and their timelines -------------------------------------------------------
    # Each application carries its timeline in brief (timeline_* columns, kept in step with
    # every new event), so these group applications and never read the events themselves.
    def _outcomes(self, owner_id: int, since: date) -> list[OutcomeCount]:
        entered = func.coalesce(a.timeline_applied_on, a.stage_on)
        rows = (
            select(
                a.reached,
                a.stage,
                _silent().label("silent"),
                rj.stage.label("told"),
                case((entered >= since, 1), else_=0).label("recent"),
                a.channel,
                a.tailored,
                a.timeline_path,
            )
            .select_from(t.applications.outerjoin(rejections, rj.application_id == a.id))
            .where(a.owner_id == owner_id, a.reached != Stage.SAVED.value)
            .subquery("outcome")
        )
        found = []
        for row in self._grouped(rows):
            reached, stage, silent, told, is_recent, channel, tailored, path, n = row
            found.append(
                _outcome(
                    n, reached, stage, silent, told,
                    recent=bool(is_recent),
                    channel=channel,
                    tailored=None if tailored is None else bool(tailored),
                    visited=frozenset(s for s in PATH if path & TIMELINE_BITS[s.value]),
                )
            )  # fmt: skip
        return found

    def _outcomes_by(
        self, owner_id: int, column: ColumnElement[Any], field: str, top: int | None = None
    ) -> list[OutcomeCount]:
        """Outcomes per value of ``column`` (only the ``top`` most applied-to values, if set)."""
        applied = (a.owner_id == owner_id, a.reached != Stage.SAVED.value)
        wanted = []
        if top is not None:
            most = (
                select(column)
                .where(*applied)
                .group_by(column)
                .order_by(func.count().desc(), column)
                .limit(top)
                .scalar_subquery()
            )
            wanted.append(column.in_(most))
        rows = (
            select(
                column.label("value"),
                a.reached,
                a.stage,
                _silent().label("silent"),
                rj.stage.label("told"),
            )
            .select_from(t.applications.outerjoin(rejections, rj.application_id == a.id))
            .where(*applied, *wanted)
            .subquery("outcome")
        )
        return [
            _outcome(n, reached, stage, silent, told, **{field: value})
            for value, reached, stage, silent, told, n in self._grouped(rows)
        ]

    def _grouped(self, rows: Subquery) -> list[tuple[Any, ...]]:
        """Each distinct row of ``rows`` with how many times it occurs (last)."""
        keys = list(rows.c)
        return [tuple(r) for r in self.conn.execute(select(*keys, func.count()).group_by(*keys))]

    def _spoken_rejection_on(self) -> ColumnElement[Any]:
        """When a rejection was actually said (silence is not a rejection date)."""
        return case(
            (rj.channel == "none", None),
            else_=func.coalesce(rj.received_on, a.timeline_rejected_on),
        )

    def _timing(self, owner_id: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Days from applying to the first response and to a rejection, counted per pair of
        values in one pass."""
        rejected_on = self._spoken_rejection_on()
        progress_on = a.timeline_progress_on
        first = case(
            (progress_on.is_(None), rejected_on),
            (rejected_on.is_(None), progress_on),
            (progress_on < rejected_on, progress_on),
            else_=rejected_on,
        )
        applied_on = a.timeline_applied_on
        rows = (
            select(
                self._days_between(first, applied_on).label("first"),
                self._days_between(rejected_on, applied_on).label("rejected"),
            )
            .select_from(t.applications.outerjoin(rejections, rj.application_id == a.id))
            .where(a.owner_id == owner_id, applied_on.is_not(None))
            .subquery("timing")
        )
        stmt = select(rows.c.first, rows.c.rejected, func.count()).group_by(
            rows.c.first, rows.c.rejected
        )
        first_days: dict[int, int] = {}
        rejection_days: dict[int, int] = {}
        for to_first, to_rejection, n in self.conn.execute(stmt).all():
            if to_first is not None:
                first_days[int(to_first)] = first_days.get(int(to_first), 0) + int(n)
            if to_rejection is not None:
                rejection_days[int(to_rejection)] = rejection_days.get(int(to_rejection), 0) + int(
                    n
                )
        return sorted(first_days.items()), sorted(rejection_days.items())

    def _days_between(
        self, later: ColumnElement[Any], earlier: ColumnElement[Any]
    ) -> ColumnElement[Any]:
        if self.postgres:
            return cast(later - earlier, Integer)
        return cast(func.julianday(later) - func.julianday(earlier), Integer)

    # -- what was said -------------------------------------------------------------------------
    def _reasons(self, owner_id: int) -> list[tuple[str, int]]:
        stmt = (
            select(rj.reason, func.count())
            .where(rj.owner_id == owner_id, rj.channel != "none")
            .group_by(rj.reason)
        )
        return [(str(reason), int(n)) for reason, n in self.conn.execute(stmt).all()]

    def _reason_quotes(self, owner_id: int) -> list[tuple[str, str, date, str]]:
        rank = (
            func.row_number()
            .over(partition_by=rj.reason, order_by=(rj.received_on.desc(), rj.id.desc()))
            .label("rank")
        )
        inner = (
            select(rj.reason, rj.quote, rj.received_on, a.company, rank)
            .select_from(rejections.join(t.applications, a.id == rj.application_id))
            .where(rj.owner_id == owner_id, rj.quote.is_not(None), rj.quote != "")
            .subquery()
        )
        return self._top(inner)

    def _themes(self, owner_id: int) -> list[tuple[str, int]]:
        theme = self._json_list(feedback.c.themes)
        stmt = (
            select(theme.c.value, func.count())
            .select_from(feedback.join(theme, true()))
            .where(feedback.c.owner_id == owner_id)
            .group_by(theme.c.value)
        )
        return [(str(value), int(n)) for value, n in self.conn.execute(stmt).all()]

    def _theme_quotes(self, owner_id: int) -> list[tuple[str, str, date, str]]:
        f = feedback.c
        theme = self._json_list(f.themes)
        rank = (
            func.row_number()
            .over(
                partition_by=theme.c.value,
                order_by=(f.specific.desc(), f.received_on.desc(), f.id.desc()),
            )
            .label("rank")
        )
        inner = (
            select(theme.c.value.label("key"), f.text, f.received_on, a.company, rank)
            .select_from(
                feedback.join(theme, true()).join(t.applications, a.id == f.application_id)
            )
            .where(f.owner_id == owner_id)
            .subquery()
        )
        return self._top(inner)

    def _top(self, inner: Subquery) -> list[tuple[str, str, date, str]]:
        key, text, on, company, rank = inner.c
        stmt = select(key, text, on, company).where(rank <= QUOTES)
        return [(str(k), str(q), d, str(c)) for k, q, d, c in self.conn.execute(stmt).all()]

    # -- what was felt -------------------------------------------------------------------------
    def _ratings(self, owner_id: int) -> list[tuple[str, date, int, int]]:
        r = reflections.c
        if self.postgres:
            pairs = func.json_each_text(r.ratings).table_valued("key", "value").alias("rating")
        else:
            pairs = func.json_each(r.ratings).table_valued("key", "value").alias("rating")
        score = cast(pairs.c.value, Integer)
        stmt = (
            select(pairs.c.key, r.written_on, func.sum(score), func.count())
            .select_from(reflections.join(pairs, true()))
            .where(r.owner_id == owner_id, pairs.c.value.is_not(None))
            .group_by(pairs.c.key, r.written_on)
        )
        return [(str(k), on, int(s), int(n)) for k, on, s, n in self.conn.execute(stmt).all()]

    def _moods(self, owner_id: int) -> list[tuple[date, int, int]]:
        j = journal_entries.c
        stmt = (
            select(j.written_on, func.sum(j.mood), func.count())
            .where(j.owner_id == owner_id)
            .group_by(j.written_on)
        )
        return [(on, int(total), int(n)) for on, total, n in self.conn.execute(stmt).all()]

    # -- helpers -------------------------------------------------------------------------------
    def _json_list(self, column: ColumnElement[Any]) -> Any:
        if self.postgres:
            return func.json_array_elements_text(column).table_valued("value").alias("theme")
        return func.json_each(column).table_valued("value").alias("theme")

    def _count(self, table: Any, owner_id: int) -> int:
        stmt = select(func.count()).select_from(table).where(table.c.owner_id == owner_id)
        return int(self.conn.execute(stmt).scalar_one())


def _outcome(
    n: int, reached: str, stage: str, silent: Any, told: str | None, **more: Any
) -> OutcomeCount:
    return OutcomeCount(
        count=int(n),
        reached=Stage(reached),
        stage=Stage(stage),
        silent=bool(silent),
        rejected_at=RejectionStage(told) if told else None,
        **more,
    )


def _silent() -> ColumnElement[int]:
    return case((rj.channel == "none", 1), else_=0)
