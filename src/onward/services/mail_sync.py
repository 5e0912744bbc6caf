"""Mail sync: read new mail from each account's IMAP folders into the import.

Every folder is read read-only and incrementally (``onward.mail.imap``), and its new messages
go through the same import as files (``onward.services.mail_import.MailImport``): the
same dedup, quarantine, reading and proposals for review. A folder's sync state (UIDVALIDITY
and the last UID read) is saved once its messages are committed; an interrupted sync resumes
after the import's last committed batch, and anything read twice is recognised and skipped.
How each account's sync went (new mail, proposals, or the problem) is kept with the account,
for the Mail page's "last synced".
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.mail import ImportSummary
from onward.domain.mail_accounts import FolderState, MailAccount, SyncOutcome
from onward.domain.records import Owner
from onward.errors import Action, Hint, NotFound, OnwardError
from onward.mail.imap import ImapSession, connect
from onward.mail.passwords import Passwords
from onward.services.mail import ImportStopped, until_stopped
from onward.services.mail_accounts import imap_login, list_mail_accounts, record_sync_outcome

if TYPE_CHECKING:
    from onward.services.mail_import import MailReader

#: What "last synced" says when something unforeseen stopped a sync (a crash report has it).
UNEXPECTED = "an unexpected problem stopped it"
#: Called as messages are committed: (account/folder, messages done, messages to read).
SyncProgress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class FolderSync:
    folder: str
    #: New messages found on the server (UIDs above the last one read).
    found: int = 0
    rescan: bool = False
    summary: ImportSummary | None = None
    problem: str | None = None


@dataclass(frozen=True)
class AccountSync:
    account: str
    folders: tuple[FolderSync, ...] = ()
    problem: str | None = None
    #: The way forward from ``problem`` (e.g. set the account's password), for the shell.
    hint: Hint | None = None


@dataclass(frozen=True)
class SyncReport:
    accounts: tuple[AccountSync, ...] = field(default=())
    seconds: float = 0.0

    @property
    def problems(self) -> list[str]:
        out = [f"{a.account}: {a.problem}" for a in self.accounts if a.problem]
        out += [
            f"{a.account}/{f.folder}: {f.problem}"
            for a in self.accounts
            for f in a.folders
            if f.problem
        ]
        return out

    def total(self, what: str) -> int:
        return sum(getattr(f.summary, what) for a in self.accounts for f in a.folders if f.summary)


def source_name(account: str, folder: str) -> str:
    """How an account's folder is named in import progress and quarantine."""
    return f"imap:{account}/{folder}"


def sync_mail(
    store: Store,
    owner: Owner,
    clock: Clock,
    *,
    passwords: Passwords,
    open_reader: Callable[[], MailReader],
    account: str | None = None,
    progress: SyncProgress | None = None,
    prefilter: bool = True,
    batch_size: int | None = None,
    stop: Callable[[], bool] | None = None,
) -> SyncReport:
    """Read new mail from every account (or the one named) into the import.

    ``open_reader`` is called only when a folder has new mail, so a sync with nothing new
    does not load the model. A problem with one account or folder is reported and the
    others go on; with a single account, its connection or login problem is raised.
    ``stop`` is asked before each message (``ImportStopped`` ends the sync; the next one
    resumes after the last committed batch).
    """
    started = time.perf_counter()
    accounts = list_mail_accounts(store, owner)
    if account is not None:
        accounts = [a for a in accounts if a.name == account.strip().lower()]
        if not accounts:
            raise NotFound(
                f"no mail account called {account!r}", hint=Hint(Action.LIST_MAIL_ACCOUNTS)
            )
    elif not accounts:
        raise NotFound("no mail account yet", hint=Hint(Action.ADD_MAIL_ACCOUNT))
    reader: list[MailReader] = []

    def lazy_reader() -> MailReader:
        if not reader:
            reader.append(open_reader())
        return reader[0]

    results: list[AccountSync] = []
    for item in accounts:
        options = (prefilter, batch_size, stop)
        began = clock.now()
        try:
            with _remembered(store, owner, item.name, began) as remember:
                done = _sync_account(
                    store, owner, clock, item, passwords, lazy_reader, progress, options
                )
                remember(done)
            results.append(done)
        except OnwardError as exc:
            if len(accounts) == 1:
                raise
            results.append(AccountSync(item.name, problem=exc.message, hint=exc.hint))
    return SyncReport(tuple(results), round(time.perf_counter() - started, 3))


@contextmanager
def _remembered(
    store: Store, owner: Owner, name: str, began: datetime
) -> Iterator[Callable[[AccountSync], None]]:
    """Keep how the account's sync went, whatever happens (its "last synced")."""

    def finished(done: AccountSync) -> None:
        summaries = [f.summary for f in done.folders if f.summary is not None]
        problems = [f"{f.folder}: {f.problem}" for f in done.folders if f.problem]
        outcome = SyncOutcome(
            began,
            new=sum(s.new for s in summaries),
            proposals=sum(s.proposals for s in summaries),
            problem="; ".join(problems) or None,
        )
        record_sync_outcome(store, owner, name, outcome)

    try:
        yield finished
    except ImportStopped:
        record_sync_outcome(store, owner, name, SyncOutcome(began, cancelled=True))
        raise
    except OnwardError as exc:
        record_sync_outcome(store, owner, name, SyncOutcome(began, problem=exc.message))
        raise
    except Exception:
        record_sync_outcome(store, owner, name, SyncOutcome(began, problem=UNEXPECTED))
        raise


def _sync_account(
    store: Store,
    owner: Owner,
    clock: Clock,
    account: MailAccount,
    passwords: Passwords,
    reader: Callable[[], MailReader],
    progress: SyncProgress | None,
    options: tuple[bool, int | None, Callable[[], bool] | None],
) -> AccountSync:
    password = passwords.get(account.name)
    states = {s.folder: s for s in account.folder_states}
    done: list[FolderSync] = []
    with connect(imap_login(account, password)) as session:
        for folder in account.fields.folders:
            try:
                done.append(
                    _sync_folder(
                        store, owner, clock, account, session, folder, states.get(folder),
                        reader, progress, options,
                    )
                )  # fmt: skip
            except NotFound as exc:
                done.append(FolderSync(folder, problem=exc.message))
    return AccountSync(account.name, tuple(done))


def _sync_folder(
    store: Store,
    owner: Owner,
    clock: Clock,
    account: MailAccount,
    session: ImapSession,
    folder: str,
    known: FolderState | None,
    reader: Callable[[], MailReader],
    progress: SyncProgress | None,
    options: tuple[bool, int | None, Callable[[], bool] | None],
) -> FolderSync:
    name = source_name(account.name, folder)
    read = session.read_folder(folder, _resume_point(store, owner, name, folder, known))
    rescan = known is not None and known.uidvalidity != read.status.uidvalidity
    uids = read.uids()
    summary: ImportSummary | None = None
    if uids:
        # The import (parsing, matching) is loaded only when there is mail to import.
        from onward.services.mail_import import BATCH_SIZE, ImportOptions, import_messages

        label = f"{account.name}/{folder}"
        total = len(uids)

        def tick(count: int, _key: str) -> None:
            if progress is not None:
                progress(label, count, total)

        settings = ImportOptions(
            batch_size=options[1] or BATCH_SIZE,
            prefilter=options[0],
            state={"uidvalidity": read.status.uidvalidity},
            progress=tick,
        )
        messages = until_stopped(read, options[2])
        summary = import_messages(store, owner, name, messages, reader(), clock, settings)
    with store.transaction() as tx:
        tx.mail_accounts.save_folder_state(owner.id, account.id, read.state(clock.now()))
    return FolderSync(folder, len(uids), rescan, summary)


def _resume_point(
    store: Store, owner: Owner, name: str, folder: str, known: FolderState | None
) -> FolderState | None:
    """The saved state, moved on to the import's last committed batch (after a crash)."""
    with store.transaction() as tx:
        row = tx.mail.progress(owner.id, name)
    validity, _, uid = (row.position or "").partition("/") if row is not None else ("", "", "")
    if row is None or not (validity.isdigit() and uid.isdigit()):
        return known
    if known is None:  # a first sync that was interrupted (or an account added again)
        return FolderState(folder, int(validity), int(uid), row.updated_at, 0)
    if int(validity) == known.uidvalidity and int(uid) > known.last_uid:
        return replace(known, last_uid=int(uid))
    return known
