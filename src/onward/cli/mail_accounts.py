"""Mail account commands (`onward mail account ...`, `onward mail sync`); drafts out through
an account (`onward drafts append`, `onward drafts send`) are in ``draft_delivery``.

Passwords are typed at a hidden prompt (or read from standard input) and handed to the OS
keyring, or read from ONWARD_MAIL_PASSWORD_<ACCOUNT>; they are never printed.
"""

from __future__ import annotations

import os
import sys
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.hints import command
from onward.cli.options import JsonOpt, YesOpt
from onward.domain.mail_accounts import provider as preset
from onward.domain.mail_accounts import schedule_words
from onward.export.jsonable import to_jsonable
from onward.formats import formats
from onward.mail.passwords import Passwords
from onward.services.mail_accounts import (
    AccountRequest,
    account_fields,
    add_mail_account,
    check_account_name_free,
    check_mail_account,
    get_mail_account,
    list_mail_accounts,
    remove_mail_account,
    set_mail_password,
)
from onward.services.mail_sync import sync_mail
from onward.services.review import open_mail_reader

if TYPE_CHECKING:
    from onward.domain.mail_accounts import MailAccount
    from onward.mail.passwords import Passwords
    from onward.services.mail_sync import SyncReport

accounts = typer.Typer(
    help="The mailboxes Onward reads (IMAP, read-only) and delivers drafts to.",
    no_args_is_help=True,
)
AccountName = Annotated[str, typer.Argument(help="The account's name.")]


def password_sources() -> Passwords:

    return Passwords(os.environ)


def _read_password(name: str, from_stdin: bool, passwords: Passwords | None = None) -> str | None:
    if passwords is not None:
        variable = passwords.from_environment(name)
        if variable is not None:
            print(f"Password: from the environment ({variable}); nothing kept in the keyring.")
            return None
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    value: str = typer.prompt(f"Password (or app password) for {name}", hide_input=True)
    return value


@accounts.command("add")
def add(
    name: str = typer.Argument(..., help="A short name for the account, e.g. personal."),
    address: str = typer.Option(..., "--address", help="Your email address in this account."),
    provider: str | None = typer.Option(
        None,
        "--provider",
        help="Fill in the servers and folders: gmail, outlook, yahoo, fastmail or icloud.",
    ),
    imap_host: str | None = typer.Option(None, "--imap-host", help="IMAP server host name."),
    imap_port: int | None = typer.Option(
        None, "--imap-port", help="IMAP port (default 993 for tls, 143 for starttls)."
    ),
    imap_security: str | None = typer.Option(
        None, "--imap-security", help="tls (default) or starttls; never unencrypted."
    ),
    username: str | None = typer.Option(
        None, "--username", help="Login name (default: the address)."
    ),
    folders: list[str] = typer.Option(
        [],
        "--folder",
        help="A folder to read (repeat, or comma-separated; default INBOX; 'gmail' = All Mail).",
    ),
    drafts_folder: str | None = typer.Option(
        None, "--drafts-folder", help="Where `onward drafts append` puts drafts (default Drafts)."
    ),
    smtp_host: str | None = typer.Option(
        None, "--smtp-host", help="SMTP server, to send drafts after you confirm."
    ),
    smtp_port: int | None = typer.Option(
        None, "--smtp-port", help="SMTP port (default 587 for starttls, 465 for tls)."
    ),
    smtp_security: str | None = typer.Option(
        None, "--smtp-security", help="starttls (default) or tls."
    ),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input (scripts)."
    ),
) -> None:
    """Add a mail account; its password goes to the OS keyring, never to Onward's files."""
    given = dict(locals(), folders=tuple(folders))
    typed = {f.name: given[f.name] for f in dataclass_fields(AccountRequest)}
    fields = account_fields(AccountRequest(**typed))
    ws = workspace()
    check_account_name_free(ws.store, ws.owner, fields.name)
    passwords = password_sources()
    password = _read_password(fields.name, password_stdin, passwords)
    account = add_mail_account(
        ws.store, ws.owner, fields, ws.clock, passwords=passwords, password=password
    )
    _say_added(account, password is not None, provider)


def _say_added(account: MailAccount, keyring: bool, provider: str | None) -> None:
    from onward.cli import render

    where = "kept in the OS keyring" if keyring else "read from the environment"
    render.ok(f"Added mail account {account.name} ({account.fields.address}); password {where}.")
    if provider:
        render.console().print(f"[dim]{preset(provider).note}[/]")
    render.console().print(
        f"[dim]Next: onward mail account test {account.name}, then onward mail sync[/]"
    )


@accounts.command("list")
def list_(as_json: JsonOpt = False) -> None:
    """List mail accounts with their servers, folders and how far each folder was read."""
    ws = workspace()
    found = list_mail_accounts(ws.store, ws.owner)
    passwords = password_sources()
    if as_json:
        render.print_json([account_record(a, passwords.where(a.name)) for a in found])
        return
    if not found:
        render.console().print(
            "No mail account yet. Add one with [bold]onward mail account add NAME --address "
            "you@example.org --provider gmail[/] (or --imap-host ...)."
        )
        return

    out = render.console()
    for account in found:
        f = account.fields
        out.print(f"[bold]{escape(account.name)}[/] {escape(f.address)}")
        out.print(f"  IMAP: {escape(str(f.imap))} as {escape(f.username)}")
        out.print(f"  SMTP: {escape(str(f.smtp)) if f.smtp else '[dim]none[/]'}")
        states = {s.folder: s for s in account.folder_states}
        for folder in f.folders:
            state = states.get(folder)
            seen = (
                f"{state.messages_seen:,} read, last sync {formats().moment(state.synced_at)}"
                if state
                else "not synced yet"
            )
            out.print(f"  Folder {escape(folder)}: [dim]{seen}[/]")
        out.print(f"  Drafts folder: {escape(f.drafts_folder)}")
        out.print(f"  Password: {escape(passwords.where(account.name))}")
        out.print(f"  {escape(_schedule_line(account))}")


def _schedule_line(account: MailAccount) -> str:
    """How often the web app syncs the account, and how its last sync went."""
    line = f"Syncs by itself (while onward serve runs): {schedule_words(account.sync_every_hours)}"
    last = account.last_sync
    if last is None:
        return line
    found = (
        "stopped before the end"
        if last.cancelled
        else last.problem or f"{last.new:,} new, {last.proposals:,} proposals"
    )
    return f"{line}; last sync {formats().moment(last.at)}: {found}"


@accounts.command("test")
def test(name: AccountName) -> None:
    """Log in and look at the folders (read-only) and SMTP; nothing is changed or sent."""
    ws = workspace()
    check = check_mail_account(ws.store, ws.owner, name, passwords=password_sources())
    out = render.console()
    f = check.account.fields
    out.print(f"[green]✓[/] IMAP {escape(str(f.imap))}: logged in as {escape(f.username)}")
    for folder in check.folders:
        if folder.messages is None:
            out.print(f"[red]✗[/] folder {escape(folder.folder)}: not on the server")
        else:
            out.print(f"[green]✓[/] folder {escape(folder.folder)}: {folder.messages:,} messages")
    if check.drafts_folder:
        out.print(f"[green]✓[/] drafts go to {escape(check.drafts_folder)}")
    if check.smtp == "ok":
        out.print(f"[green]✓[/] SMTP {escape(str(f.smtp))}: logged in (nothing sent)")
    elif check.smtp is None:
        out.print("[dim]- no SMTP server: drafts can go to your Drafts folder[/]")
    out.print(f"[dim]Password: {escape(check.password_from)}[/]")
    if not check.ok:
        for problem in check.problems:
            render.err_console().print(f"[red]✗ {escape(problem)}[/]")
        raise typer.Exit(1)


@accounts.command("password")
def password(
    name: AccountName,
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input (scripts)."
    ),
) -> None:
    """Replace the password kept in the OS keyring (e.g. a new app password)."""
    ws = workspace()
    account = get_mail_account(ws.store, ws.owner, name)
    value = _read_password(account.name, password_stdin) or ""
    set_mail_password(ws.store, ws.owner, account.name, value, passwords=password_sources())
    render.ok(f"Kept the new password of {account.name} in the OS keyring.")


@accounts.command("remove")
def remove(
    name: AccountName,
    yes: YesOpt = False,
) -> None:
    """Forget an account, its sync state and its keyring password (imported mail stays)."""
    ws = workspace()
    account = get_mail_account(ws.store, ws.owner, name)
    render.confirm(
        f"Forget mail account {account.name} ({account.fields.address})? Mail already "
        "imported stays; nothing on the server changes.",
        yes,
    )
    forgot = remove_mail_account(ws.store, ws.owner, account.name, passwords=password_sources())
    extra = " and its password in the keyring" if forgot else ""
    render.ok(f"Removed mail account {account.name}{extra}.")


def sync(
    account: str | None = typer.Option(None, "--account", "-a", help="Only this account."),
    read_all: bool = typer.Option(
        False, "--read-all", help="Read every message fully (no quick set-aside of non-job mail)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Read new mail from your accounts (read-only: nothing is marked, moved or deleted).

    Only mail newer than the last sync is fetched; a folder the server renumbered
    (UIDVALIDITY changed) is read again in full, and nothing is stored twice. New job mail
    becomes proposals for `onward review`.
    """
    ws = workspace()

    def reader() -> Any:

        return open_mail_reader(ws.store, ws.owner, ws.settings.home / "models")

    with _SyncBar(enabled=not as_json) as tick:
        report = sync_mail(
            ws.store,
            ws.owner,
            ws.clock,
            passwords=password_sources(),
            open_reader=reader,
            account=account,
            progress=tick,
            prefilter=not read_all,
        )
    if as_json:
        render.print_json(to_jsonable(report) | {"problems": report.problems})
    else:
        _print_sync(report)
    if report.problems:
        raise typer.Exit(1)


def _print_sync(report: SyncReport) -> None:

    out = render.console()
    for account in report.accounts:
        if account.problem:
            continue
        for folder in account.folders:
            where = escape(f"{account.account}/{folder.folder}")
            if folder.problem:
                continue
            if folder.summary is None:
                out.print(f"[green]✓[/] {where}: nothing new")
                continue
            s = folder.summary
            again = " (the server renumbered it: read again in full)" if folder.rescan else ""
            out.print(
                f"[green]✓[/] {where}: {s.read:,} read{again}, {s.new:,} new, "
                f"{s.already_seen:,} already seen, {s.quarantined:,} quarantined"
            )
    proposals, new = report.total("proposals"), report.total("new")
    out.print(
        f"{new:,} new messages, {proposals:,} new proposals in {report.seconds:.1f} s."
        + (" Review them with [bold]onward review[/]." if proposals else "")
    )
    for problem in report.problems:
        render.err_console().print(f"[red]✗ {escape(problem)}[/]", soft_wrap=True)
    for account in report.accounts:
        if account.hint:
            said = escape(f"Hint ({account.account}): {command(account.hint)}")
            render.err_console().print(f"[dim]{said}[/]", soft_wrap=True)


class _SyncBar:
    """A progress bar on stderr while folders are read (only on a terminal)."""

    def __init__(self, enabled: bool) -> None:

        self.console = render.err_console()
        self.enabled = enabled and self.console.is_terminal
        self.progress: Any = None
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> Any:
        if not self.enabled:
            return None

        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            console=self.console,
            transient=True,
        )
        self.progress.start()

        def tick(label: str, done: int, total: int) -> None:
            if label not in self.tasks:
                self.tasks[label] = self.progress.add_task(label, total=total)
            self.progress.update(self.tasks[label], completed=done, total=total)

        return tick

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()


def account_record(account: MailAccount, password_from: str) -> dict[str, Any]:
    f = account.fields
    return {
        "name": account.name,
        "address": f.address,
        "imap": {"host": f.imap.host, "port": f.imap.port, "security": f.imap.security.value},
        "username": f.username,
        "folders": [
            {
                "folder": folder,
                **next(
                    (
                        {
                            "uidvalidity": s.uidvalidity,
                            "last_uid": s.last_uid,
                            "messages_read": s.messages_seen,
                            "synced_at": s.synced_at.isoformat(),
                        }
                        for s in account.folder_states
                        if s.folder == folder
                    ),
                    {},
                ),
            }
            for folder in f.folders
        ],
        "drafts_folder": f.drafts_folder,
        "smtp": (
            {"host": f.smtp.host, "port": f.smtp.port, "security": f.smtp.security.value}
            if f.smtp
            else None
        ),
        "password": password_from,
        "sync_every_hours": account.sync_every_hours,
        "last_sync": (
            {
                "at": account.last_sync.at.isoformat(),
                "new": account.last_sync.new,
                "proposals": account.last_sync.proposals,
                "problem": account.last_sync.problem,
                "cancelled": account.last_sync.cancelled,
            }
            if account.last_sync
            else None
        ),
        "created_at": account.created_at.isoformat(),
    }
