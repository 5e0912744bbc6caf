"""``onward users``: the accounts of a multi-user server (``onward serve --multi-user``).

Run on the server, with its ``ONWARD_DATABASE_URL``. A password is read from standard input
(``--password-stdin``), never from the command line, where other users and the shell history
could see it. Links (invitations, resets) are printed once, and emailed too when this owner
has a mail account that can send.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from onward.cli.options import JsonOpt, choices
from onward.domain.accounts import Role

if TYPE_CHECKING:
    from onward.services.account_links import NewLink

app = typer.Typer(
    help="Accounts of a multi-user server (`onward serve --multi-user`): add, invite, list, "
    "disable, reset.",
    no_args_is_help=True,
)

Email = Annotated[str, typer.Argument(help="The account's email address.")]
RoleOpt = Annotated[str, typer.Option("--role", help=f"One of {choices(Role)}.")]
SendOpt = Annotated[
    bool,
    typer.Option(
        "--email/--no-email",
        help="Also email the link, when your mail account can send (SMTP).",
    ),
]


@app.command()
def add(
    email: Email,
    role: RoleOpt = "seeker",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Add an account with a password (read from standard input); without --password-stdin
    it cannot sign in until `onward users reset` gives it a link."""
    from onward.cli import render
    from onward.cli.context import workspace
    from onward.domain.accounts import parse_role
    from onward.services.accounts import add_account

    password = _read_password() if password_stdin else None
    ws = workspace()
    account = add_account(ws.store, email, parse_role(role), password, ws.clock)
    render.ok(f"Added {account.email} ({account.role.value}).")


def _read_password() -> str:
    from onward.errors import InvalidInput

    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise InvalidInput("no password on standard input", field="password")
    return line


@app.command("list")
def list_(as_json: JsonOpt = False) -> None:
    """Every account: email, role, state and last sign-in."""
    from onward.cli import render
    from onward.cli.context import workspace
    from onward.services.accounts import list_accounts

    ws = workspace()
    accounts = list_accounts(ws.store)
    if as_json:
        render.print_json(
            [
                {
                    "email": a.email,
                    "role": a.role.value,
                    "disabled": a.disabled,
                    "invited": not a.has_password,
                    "created_at": a.created_at,
                    "last_signed_in_at": a.last_signed_in_at,
                }
                for a in accounts
            ]
        )
        return
    out = render.console()
    if not accounts:
        out.print("No accounts yet: add one with `onward users add EMAIL --password-stdin`.")
    for a in accounts:
        state = "disabled" if a.disabled else ("invited" if not a.has_password else "active")
        last = f"{a.last_signed_in_at:%Y-%m-%d %H:%M}" if a.last_signed_in_at else "never"
        out.print(f"{a.email}  {a.role.value}  {state}  last sign-in {last}")


@app.command()
def disable(
    email: Email,
    undo: Annotated[bool, typer.Option("--undo", help="Let the account sign in again.")] = False,
) -> None:
    """Stop an account signing in and end its sessions (its records stay); --undo lets it
    sign in again."""
    from onward.cli import render
    from onward.cli.context import workspace
    from onward.services.accounts import disable_account, enable_account

    ws = workspace()
    if undo:
        render.ok(f"{enable_account(ws.store, email).email} can sign in again.")
        return
    account = disable_account(ws.store, email, ws.clock)
    render.ok(f"{account.email} cannot sign in any more; their records are kept.")


@app.command()
def invite(email: Email, role: RoleOpt = "seeker", send: SendOpt = True) -> None:
    """Invite an email with a role: prints the one-time link that sets their password."""
    from onward.cli.context import settings, workspace
    from onward.domain.accounts import parse_role
    from onward.services.account_links import invite_account

    ws = workspace()
    link = invite_account(ws.store, email, parse_role(role), ws.clock, hours=settings().link_hours)
    _hand_over(link, send)


@app.command()
def reset(email: Email, send: SendOpt = True) -> None:
    """Print a one-time link that lets the account choose a new password (older links stop
    working; the old password works until the new one is chosen)."""
    from onward.cli.context import settings, workspace
    from onward.services.account_links import reset_link

    ws = workspace()
    _hand_over(reset_link(ws.store, email, ws.clock, hours=settings().link_hours), send)


def _hand_over(link: NewLink, send: bool) -> None:
    import os

    from onward.cli import render
    from onward.cli.context import settings, workspace
    from onward.mail.passwords import Passwords
    from onward.services.account_links import email_link

    base = settings().public_url
    print(link.url(base))
    out = render.err_console()
    until = f"{link.expires_at:%Y-%m-%d %H:%M}"
    out.print(f"For {link.account.email}: works once, until {until}. Give it to them privately.")
    if send:
        ws = workspace()
        if email_link(ws.store, ws.owner, link, base, ws.clock, passwords=Passwords(os.environ)):
            out.print(f"Emailed to {link.account.email}.")
