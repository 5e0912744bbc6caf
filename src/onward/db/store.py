"""The store: one engine, and transactions that hand out repositories.

Each user action is one ``with store.transaction() as tx:`` block: everything in it is
committed together or not at all. A service that builds one action from others (accepting a
mail proposal adds the application, moves it and marks the proposal) opens the block once
around them and calls the other services as they are (with the store): their own blocks,
opened on the same thread, join it. That is the one way to compose transactions: no service
hands a ``Tx`` to another (a ``Tx`` is passed only to a module's own private helpers).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.exc import OperationalError

from onward.db import tables as t
from onward.db.applications import ApplicationRepo
from onward.db.contacts import ContactRepo
from onward.domain.records import Owner
from onward.errors import SetupError

if TYPE_CHECKING:
    from onward.db.accounts import (
        AccountLinkRepo,
        AccountRepo,
        AccountSessionRepo,
        SignInThrottleRepo,
    )
    from onward.db.api_tokens import ApiTokenRepo
    from onward.db.buddies import BuddyRepo
    from onward.db.caseload import CaseloadRepo
    from onward.db.changes import ChangeRepo
    from onward.db.checkins import CheckinRepo
    from onward.db.debriefs import DebriefRepo, StoryRepo
    from onward.db.drafts import DraftRepo
    from onward.db.goals import EffortRepo, GoalRepo, WinRepo
    from onward.db.insights import InsightRepo
    from onward.db.journal import JournalRepo
    from onward.db.learning import FeedbackRepo, PlanItemRepo, ReflectionRepo
    from onward.db.mail import MailRepo
    from onward.db.mail_accounts import MailAccountRepo
    from onward.db.mail_jobs import MailJobRepo
    from onward.db.mail_summaries import MailSummaryRepo
    from onward.db.owner_settings import OwnerSettingRepo
    from onward.db.playbook import DwellRepo, RejectionRepo, TaskRepo
    from onward.db.postings import PostingRepo
    from onward.db.practices import (
        ExperimentRepo,
        IfThenRepo,
        PreparationRepo,
        WellbeingRepo,
        WritingRepo,
    )
    from onward.db.report_jobs import ReportJobRepo
    from onward.db.resumes import ResumeRepo
    from onward.db.review_queue import ReviewQueueRepo
    from onward.db.sharing import AccessLogRepo, CoachNoteRepo, ProposedGoalRepo, ShareRepo


class Rollback(Exception):
    """Raised by ``Tx.rollback``: ends the transaction without keeping anything."""


class Tx:
    """Repositories sharing one connection and transaction.

    The playbook's repositories are built (and their modules imported) on first use, so a
    command like ``onward list`` loads only what it needs.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.applications = ApplicationRepo(conn)
        self.contacts = ContactRepo(conn)
        #: State the services of one action share while it runs (the change being recorded,
        #: see ``onward.services.changes``); empty when the transaction begins.
        self.shared: dict[str, Any] = {}

    @cached_property
    def changes(self) -> ChangeRepo:
        from onward.db.changes import ChangeRepo

        return ChangeRepo(self.conn)

    @cached_property
    def postings(self) -> PostingRepo:
        from onward.db.postings import PostingRepo

        return PostingRepo(self.conn)

    @cached_property
    def rejections(self) -> RejectionRepo:
        from onward.db.playbook import RejectionRepo

        return RejectionRepo(self.conn)

    @cached_property
    def dwell(self) -> DwellRepo:
        from onward.db.playbook import DwellRepo

        return DwellRepo(self.conn)

    @cached_property
    def tasks(self) -> TaskRepo:
        from onward.db.playbook import TaskRepo

        return TaskRepo(self.conn)

    @cached_property
    def drafts(self) -> DraftRepo:
        from onward.db.drafts import DraftRepo

        return DraftRepo(self.conn)

    @cached_property
    def feedback(self) -> FeedbackRepo:
        from onward.db.learning import FeedbackRepo

        return FeedbackRepo(self.conn)

    @cached_property
    def reflections(self) -> ReflectionRepo:
        from onward.db.learning import ReflectionRepo

        return ReflectionRepo(self.conn)

    @cached_property
    def plan_items(self) -> PlanItemRepo:
        from onward.db.learning import PlanItemRepo

        return PlanItemRepo(self.conn)

    @cached_property
    def if_then(self) -> IfThenRepo:
        from onward.db.practices import IfThenRepo

        return IfThenRepo(self.conn)

    @cached_property
    def preparations(self) -> PreparationRepo:
        from onward.db.practices import PreparationRepo

        return PreparationRepo(self.conn)

    @cached_property
    def wellbeing(self) -> WellbeingRepo:
        from onward.db.practices import WellbeingRepo

        return WellbeingRepo(self.conn)

    @cached_property
    def writing(self) -> WritingRepo:
        from onward.db.practices import WritingRepo

        return WritingRepo(self.conn)

    @cached_property
    def experiments(self) -> ExperimentRepo:
        from onward.db.practices import ExperimentRepo

        return ExperimentRepo(self.conn)

    @cached_property
    def debriefs(self) -> DebriefRepo:
        from onward.db.debriefs import DebriefRepo

        return DebriefRepo(self.conn)

    @cached_property
    def stories(self) -> StoryRepo:
        from onward.db.debriefs import StoryRepo

        return StoryRepo(self.conn)

    @cached_property
    def buddies(self) -> BuddyRepo:
        from onward.db.buddies import BuddyRepo

        return BuddyRepo(self.conn)

    @cached_property
    def goals(self) -> GoalRepo:
        from onward.db.goals import GoalRepo

        return GoalRepo(self.conn)

    @cached_property
    def effort(self) -> EffortRepo:
        from onward.db.goals import EffortRepo

        return EffortRepo(self.conn)

    @cached_property
    def wins(self) -> WinRepo:
        from onward.db.goals import WinRepo

        return WinRepo(self.conn)

    @cached_property
    def journal(self) -> JournalRepo:
        from onward.db.journal import JournalRepo

        return JournalRepo(self.conn)

    @cached_property
    def checkins(self) -> CheckinRepo:
        from onward.db.checkins import CheckinRepo

        return CheckinRepo(self.conn)

    @cached_property
    def mail(self) -> MailRepo:
        from onward.db.mail import MailRepo

        return MailRepo(self.conn)

    @cached_property
    def mail_summaries(self) -> MailSummaryRepo:
        from onward.db.mail_summaries import MailSummaryRepo

        return MailSummaryRepo(self.conn)

    @cached_property
    def review_queue(self) -> ReviewQueueRepo:
        from onward.db.review_queue import ReviewQueueRepo

        return ReviewQueueRepo(self.conn)

    @cached_property
    def shares(self) -> ShareRepo:
        from onward.db.sharing import ShareRepo

        return ShareRepo(self.conn)

    @cached_property
    def access_log(self) -> AccessLogRepo:
        from onward.db.sharing import AccessLogRepo

        return AccessLogRepo(self.conn)

    @cached_property
    def coach_notes(self) -> CoachNoteRepo:
        from onward.db.sharing import CoachNoteRepo

        return CoachNoteRepo(self.conn)

    @cached_property
    def proposed_goals(self) -> ProposedGoalRepo:
        from onward.db.sharing import ProposedGoalRepo

        return ProposedGoalRepo(self.conn)

    @cached_property
    def caseload(self) -> CaseloadRepo:
        from onward.db.caseload import CaseloadRepo

        return CaseloadRepo(self.conn)

    @cached_property
    def insights(self) -> InsightRepo:
        from onward.db.insights import InsightRepo

        return InsightRepo(self.conn)

    @cached_property
    def resumes(self) -> ResumeRepo:
        from onward.db.resumes import ResumeRepo

        return ResumeRepo(self.conn)

    @cached_property
    def mail_accounts(self) -> MailAccountRepo:
        from onward.db.mail_accounts import MailAccountRepo

        return MailAccountRepo(self.conn)

    @cached_property
    def mail_jobs(self) -> MailJobRepo:
        from onward.db.mail_jobs import MailJobRepo

        return MailJobRepo(self.conn)

    @cached_property
    def report_jobs(self) -> ReportJobRepo:
        from onward.db.report_jobs import ReportJobRepo

        return ReportJobRepo(self.conn)

    @cached_property
    def api_tokens(self) -> ApiTokenRepo:
        from onward.db.api_tokens import ApiTokenRepo

        return ApiTokenRepo(self.conn)

    @cached_property
    def accounts(self) -> AccountRepo:
        from onward.db.accounts import AccountRepo

        return AccountRepo(self.conn)

    @cached_property
    def account_sessions(self) -> AccountSessionRepo:
        from onward.db.accounts import AccountSessionRepo

        return AccountSessionRepo(self.conn)

    @cached_property
    def account_links(self) -> AccountLinkRepo:
        from onward.db.accounts import AccountLinkRepo

        return AccountLinkRepo(self.conn)

    @cached_property
    def sign_in_throttle(self) -> SignInThrottleRepo:
        from onward.db.accounts import SignInThrottleRepo

        return SignInThrottleRepo(self.conn)

    @cached_property
    def owner_settings(self) -> OwnerSettingRepo:
        from onward.db.owner_settings import OwnerSettingRepo

        return OwnerSettingRepo(self.conn)

    def rollback(self) -> None:
        """Discard everything this transaction did (for dry runs); leaves the ``with`` block."""
        raise Rollback

    def clear_owner(self, owner_id: int) -> None:
        """Delete every record of one owner, and the change log that names them."""
        from onward.db.snapshot import clear_owned

        self.changes.clear(owner_id)
        clear_owned(self.conn, owner_id)

    def dump_playbook(
        self, owner_id: int, *, private: bool = False
    ) -> dict[str, list[dict[str, Any]]]:
        from onward.db.snapshot import dump_owned

        return dump_owned(self.conn, owner_id, private=private)

    def load_playbook(self, owner_id: int, data: dict[str, list[dict[str, Any]]]) -> None:
        from onward.db.snapshot import load_owned

        load_owned(self.conn, owner_id, data)

    def reset_sequences(self) -> None:
        """After inserting rows with explicit ids, move PostgreSQL's id counters past them."""
        if self.conn.dialect.name != "postgresql":
            return
        for table in t.INSERT_ORDER:
            if "id" in table.c:
                self.conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"
                    )
                )

    def owner(self, name: str, now: datetime) -> Owner:
        """The owner called ``name``, created on first use."""
        row = self.conn.execute(select(t.owners.c.id).where(t.owners.c.name == name)).first()
        if row is None:
            new_id = self.conn.execute(
                t.owners.insert().values(name=name, created_at=now)
            ).inserted_primary_key
            assert new_id is not None
            return Owner(id=int(new_id[0]), name=name)
        return Owner(id=int(row.id), name=name)


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._open = threading.local()  # the transaction this thread is in, if any

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """A transaction; inside another one on the same thread, that one (so an error
        anywhere undoes the whole action, and the outermost block commits it)."""
        joined: Tx | None = getattr(self._open, "tx", None)
        if joined is not None:
            yield joined
            return
        try:
            with self.engine.begin() as conn:
                self._open.tx = Tx(conn)
                try:
                    yield self._open.tx
                finally:
                    self._open.tx = None
        except Rollback:
            return
        except OperationalError as exc:
            raise SetupError(f"database error: {exc.orig}") from exc

    @contextmanager
    def side_transaction(self) -> Iterator[Tx]:
        """A transaction of its own connection, committed at its end even inside another
        one on this thread: a job's progress, which other processes read while the job's
        own transaction is still open."""
        try:
            with self.engine.begin() as conn:
                yield Tx(conn)
        except OperationalError as exc:
            raise SetupError(f"database error: {exc.orig}") from exc

    def refresh_statistics(self) -> None:
        """After a bulk load (a restore, a CSV or mail import), let PostgreSQL's planner see
        the new row counts now instead of at autovacuum's next pass: a plan made for nearly
        empty tables can take seconds over thousands of rows. SQLite plans without them."""
        if self.backend != "postgresql":
            return
        names = ", ".join(table.name for table in t.INSERT_ORDER)
        with self.engine.connect() as conn:
            conn.execute(text(f"ANALYZE {names}"))
            conn.commit()

    def close(self) -> None:
        self.engine.dispose()
