"""Mail accounts: add, list, test and remove the mailboxes Onward reads and delivers drafts to.

Settings live in the database; the password lives in the OS keyring or the environment
(``onward.mail.passwords``) and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.mail_accounts import (
    DEFAULT_DRAFTS_FOLDER,
    AccountFields,
    MailAccount,
    SyncOutcome,
    account_name,
    check_address,
    folder_names,
    password_env_var,
    provider,
    server,
    sync_every,
)
from onward.domain.records import Owner
from onward.errors import Action, Conflict, Hint, InvalidInput, NotFound, OnwardError, SetupError
from onward.mail.imap import Login, connect
from onward.mail.passwords import Passwords


@dataclass(frozen=True)
class AccountRequest:
    """An account as typed: missing values come from the provider or the usual defaults."""

    name: str
    address: str
    provider: str | None = None
    imap_host: str | None = None
    imap_port: int | None = None
    imap_security: str | None = None
    username: str | None = None
    folders: tuple[str, ...] = ()
    drafts_folder: str | None = None
    smtp_host: str | None = None
    smtp_port: int | None = None
    smtp_security: str | None = None


def account_fields(request: AccountRequest) -> AccountFields:
    """Checked account settings from what was typed."""
    preset = provider(request.provider) if request.provider else None
    imap_host = request.imap_host or (preset.imap.host if preset else None)
    if not imap_host:
        raise InvalidInput(
            "an account needs its IMAP server",
            field="imap_host",
            hint=Hint(
                Action.FILL_IN,
                {"field": "imap_host", "or": "provider"},
                text="a provider such as gmail brings its servers",
            ),
        )
    imap_security = request.imap_security or (preset.imap.security.value if preset else "tls")
    imap_port = request.imap_port or (
        preset.imap.port if preset and imap_host == preset.imap.host else None
    )
    smtp = None
    smtp_host = request.smtp_host or (preset.smtp.host if preset else None)
    if smtp_host:
        smtp_security = request.smtp_security or (
            preset.smtp.security.value if preset else "starttls"
        )
        smtp_port = request.smtp_port or (
            preset.smtp.port if preset and smtp_host == preset.smtp.host else None
        )
        smtp = server(smtp_host, smtp_port, smtp_security, smtp=True)
    elif request.smtp_port or request.smtp_security:
        raise InvalidInput(
            "an SMTP port or security needs the SMTP server",
            field="smtp_host",
            hint=Hint(Action.FILL_IN, {"field": "smtp_host"}),
        )
    address = check_address(request.address)
    return AccountFields(
        name=account_name(request.name),
        address=address,
        imap=server(imap_host, imap_port, imap_security),
        username=(request.username or address).strip(),
        folders=folder_names(request.folders or (preset.folders if preset else ())),
        drafts_folder=(
            request.drafts_folder or (preset.drafts_folder if preset else DEFAULT_DRAFTS_FOLDER)
        ).strip(),
        smtp=smtp,
    )


def add_mail_account(
    store: Store,
    owner: Owner,
    fields: AccountFields,
    clock: Clock,
    *,
    passwords: Passwords,
    password: str | None,
    sync_every_hours: int | None = None,
) -> MailAccount:
    """Keep the account's settings, and its password in the OS keyring when one is given.

    Without a password the environment must hold one. When the keyring cannot keep the
    password nothing is kept at all (the error names the environment variable instead).
    ``sync_every_hours`` is its schedule while the web app runs (None: only when asked).
    """
    if password is None and passwords.from_environment(fields.name) is None:
        raise _needs_password(fields.name)
    with store.transaction() as tx:
        if tx.mail_accounts.get(owner.id, fields.name) is not None:
            raise _taken(fields.name)
        account_id = tx.mail_accounts.insert(owner.id, fields, clock.now())
        tx.mail_accounts.set_schedule(owner.id, account_id, sync_every(sync_every_hours))
        if password is not None:  # last: if the keyring refuses, the account is not kept
            passwords.store(fields.name, password)
        return _get(tx.mail_accounts.get(owner.id, fields.name), fields.name)


def check_account_name_free(store: Store, owner: Owner, name: str) -> None:
    """Refuse a name already in use (before asking for a password)."""
    with store.transaction() as tx:
        if tx.mail_accounts.get(owner.id, name) is not None:
            raise _taken(name)


def set_mail_password(
    store: Store, owner: Owner, name: str, password: str, *, passwords: Passwords
) -> MailAccount:
    """Replace the password kept in the OS keyring (e.g. a new app password)."""
    account = get_mail_account(store, owner, name)
    if not password:
        raise InvalidInput("the password is empty; nothing changed")
    passwords.store(account.name, password)
    return account


def set_sync_schedule(
    store: Store, owner: Owner, name: str, every_hours: int | str | None
) -> MailAccount:
    """How often the account syncs while the web app runs (None or "off": only when asked)."""
    hours = sync_every(every_hours)
    with store.transaction() as tx:
        account = _get(tx.mail_accounts.get(owner.id, name.strip().lower()), name)
        tx.mail_accounts.set_schedule(owner.id, account.id, hours)
        return _get(tx.mail_accounts.get(owner.id, account.name), name)


def record_sync_outcome(store: Store, owner: Owner, name: str, outcome: SyncOutcome) -> None:
    """Remember how the account's last sync went (an account removed meanwhile is skipped)."""
    with store.transaction() as tx:
        account = tx.mail_accounts.get(owner.id, name)
        if account is not None:
            tx.mail_accounts.save_last_sync(owner.id, account.id, outcome)


def list_mail_accounts(store: Store, owner: Owner) -> list[MailAccount]:
    with store.transaction() as tx:
        return tx.mail_accounts.query(owner.id)


def get_mail_account(store: Store, owner: Owner, name: str) -> MailAccount:
    with store.transaction() as tx:
        return _get(tx.mail_accounts.get(owner.id, name.strip().lower()), name)


def remove_mail_account(store: Store, owner: Owner, name: str, *, passwords: Passwords) -> bool:
    """Forget the account, its folders' sync state and its keyring password.

    Mail already imported from it stays. Returns True when a keyring password was removed.
    """
    with store.transaction() as tx:
        account = _get(tx.mail_accounts.get(owner.id, name.strip().lower()), name)
        tx.mail_accounts.delete(owner.id, account.id)
    return passwords.forget(account.name)


@dataclass(frozen=True)
class FolderCheck:
    folder: str
    messages: int | None  # None: not on the server


@dataclass(frozen=True)
class AccountCheck:
    """What testing a mail account found; nothing on the server was changed."""

    account: MailAccount
    password_from: str
    folders: tuple[FolderCheck, ...]
    drafts_folder: str | None
    smtp: str | None  # None: no SMTP server configured; else "ok" or the problem
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems


def check_mail_account(
    store: Store, owner: Owner, name: str, *, passwords: Passwords
) -> AccountCheck:
    """Log in over IMAP (and SMTP), look at the folders read-only, send nothing."""
    account = get_mail_account(store, owner, name)
    password = passwords.get(account.name)
    return _check(account, password, passwords.where(account.name))


def check_new_mail_account(
    fields: AccountFields,
    clock: Clock,
    *,
    passwords: Passwords,
    password: str | None,
) -> AccountCheck:
    """Test an account before it is kept: the same checks, with the password just typed (or
    the environment's). Nothing is stored; a refused login raises ``InvalidInput``."""
    variable = passwords.from_environment(fields.name)
    if password is None and variable is None:
        raise _needs_password(fields.name)
    typed = password if password is not None else passwords.environ[str(variable)]
    where = "typed in" if password is not None else f"environment ({variable})"
    try:
        return _check(MailAccount(0, fields, clock.now()), typed, where)
    except SetupError as exc:  # the server as typed cannot be reached: the input to fix
        raise InvalidInput(exc.message, field=exc.field or "imap_host", hint=exc.hint) from None


def _check(account: MailAccount, password: str, where: str) -> AccountCheck:
    from onward.mail.smtp import check_login

    problems: list[str] = []
    folders: list[FolderCheck] = []
    drafts: str | None = None
    with connect(imap_login(account, password)) as session:
        for folder in account.fields.folders:
            try:
                folders.append(FolderCheck(folder, session.read_folder(folder, None).status.exists))
            except NotFound:
                folders.append(FolderCheck(folder, None))
                problems.append(f"folder {folder!r} is not on the server")
        try:
            drafts = session.drafts_folder(account.fields.drafts_folder)
        except NotFound as exc:
            problems.append(exc.message)
    smtp: str | None = None
    if account.fields.smtp is not None:
        try:
            check_login(smtp_login(account, password))
            smtp = "ok"
        except OnwardError as exc:
            smtp = exc.message
            problems.append(f"SMTP: {exc.message}")
    return AccountCheck(account, where, tuple(folders), drafts, smtp, tuple(problems))


def imap_login(account: MailAccount, password: str) -> Login:
    return Login(account.fields.imap, account.fields.username, password)


def smtp_login(account: MailAccount, password: str) -> Login:
    if account.fields.smtp is None:
        raise InvalidInput(
            f"mail account {account.name!r} has no SMTP server",
            hint="add the account again with its SMTP server, or put the draft in your Drafts "
            "folder instead",
        )
    return Login(account.fields.smtp, account.fields.username, password)


def _needs_password(name: str) -> InvalidInput:
    return InvalidInput(
        f"mail account {name!r} needs a password",
        field="password",
        hint=Hint(
            Action.FILL_IN,
            {"field": "password"},
            text=f"or type it when asked, or set {password_env_var(name)}",
        ),
    )


def _taken(name: str) -> Conflict:
    return Conflict(
        f"there is already a mail account called {name!r}",
        hint=Hint(Action.REMOVE_MAIL_ACCOUNT, {"name": name}),
    )


def _get(account: MailAccount | None, name: str) -> MailAccount:
    if account is None:
        raise NotFound(f"no mail account called {name!r}", hint=Hint(Action.LIST_MAIL_ACCOUNTS))
    return account
