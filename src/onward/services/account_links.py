"""One-time links that set an account's password: invitations and admin-issued resets.

An admin invites an email with a role (the account exists at once, without a password) or
issues a reset for an existing account; either way a random token is made, shown once (the
CLI prints the link; it is emailed too when the admin's mail account can send) and stored
only as its digest. Opening the link and choosing a password uses it up, ends the account's
other sessions and signs the person in. A newer link replaces older ones; every link expires
after ``link_hours``.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.accounts import (
    Account,
    LinkPurpose,
    Role,
    check_password,
    link_path,
    normalize_email,
)
from onward.domain.records import Owner
from onward.errors import Conflict
from onward.mail.passwords import Passwords
from onward.services.accounts import add_account, find_account
from onward.services.api_tokens import digest
from onward.services.sign_in import NewSession, open_session


@dataclass(frozen=True)
class NewLink:
    """A link just made: ``token`` is in the link and stored nowhere."""

    account: Account
    purpose: LinkPurpose
    token: str
    expires_at: datetime

    def url(self, base: str) -> str:
        """The whole link on the server at ``base`` (``https://onward.example.org``)."""
        return (base.rstrip("/") or "http://127.0.0.1:8765") + link_path(self.token)


def invite_account(store: Store, email: str, role: Role, clock: Clock, *, hours: int) -> NewLink:
    """An account for ``email`` with ``role`` and no password yet, and the link that sets one.
    Inviting again an email that never took up its invitation makes a new link."""
    email = normalize_email(email)
    with store.transaction() as tx:
        account = tx.accounts.by_email(email)
        if account is None:
            account = add_account(store, email, role, None, clock)
        elif account.has_password:
            raise Conflict(
                f"{email} already has an account that signs in",
                field="email",
                hint="give them a reset link instead if they forgot the password",
            )
        return _issue(store, account, LinkPurpose.INVITE, clock, hours)


def reset_link(store: Store, email: str, clock: Clock, *, hours: int) -> NewLink:
    """A link that lets the account choose a new password (older links stop working)."""
    account = find_account(store, email)
    purpose = LinkPurpose.RESET if account.has_password else LinkPurpose.INVITE
    return _issue(store, account, purpose, clock, hours)


def _issue(
    store: Store, account: Account, purpose: LinkPurpose, clock: Clock, hours: int
) -> NewLink:
    token = secrets.token_urlsafe(32)
    now = clock.now()
    expires = now + timedelta(hours=hours)
    with store.transaction() as tx:
        tx.account_links.retire_for(account.id, now)
        tx.account_links.insert(account.id, purpose, digest(token), now, expires)
    return NewLink(account, purpose, token, expires)


def open_link(store: Store, token: str, clock: Clock) -> tuple[LinkPurpose, Account] | None:
    """What a link is for and whose it is, while it can still be used; None otherwise."""
    if not token or len(token) > 100:
        return None
    with store.transaction() as tx:
        found = tx.account_links.usable(digest(token), clock.now())
    if found is None or found[2].disabled:
        return None
    return found[1], found[2]


def use_link(
    store: Store, token: str, password: str, clock: Clock, *, session_days: int
) -> NewSession | None:
    """Set the password through a link and sign in; None when the link cannot be used (the
    same for used, expired, replaced or unknown links). A short password raises InvalidInput
    and leaves the link as it was."""
    from onward.services.passwords import hash_password

    check_password(password)
    if open_link(store, token, clock) is None:
        return None
    hashed = hash_password(password)
    now = clock.now()
    with store.transaction() as tx:
        found = tx.account_links.usable(digest(token), now)
        if found is None or found[2].disabled or not tx.account_links.use(found[0], now):
            return None
        account = found[2]
        tx.accounts.set_password_hash(account.id, hashed)
        tx.account_sessions.delete_for(account.id)
        tx.accounts.update(account.id, last_signed_in_at=now)
        return open_session(tx, account, now, session_days)


def email_link(
    store: Store, sender: Owner, link: NewLink, base: str, clock: Clock, *, passwords: Passwords
) -> bool:
    """Email the link to its account from ``sender``'s first mail account that can send;
    False (nothing sent) when there is none."""
    from onward.mail.smtp import send_message
    from onward.services.mail_accounts import smtp_login

    with store.transaction() as tx:
        account = next((a for a in tx.mail_accounts.query(sender.id) if a.fields.smtp), None)
    if account is None:
        return False
    raw = _link_message(link, base, account.fields.address, clock.now())
    send_message(
        smtp_login(account, passwords.get(account.name)),
        raw,
        from_addr=account.fields.address,
        to_addrs=[link.account.email],
    )
    return True


def _link_message(link: NewLink, base: str, sender: str, now: datetime) -> bytes:
    invited = link.purpose is LinkPurpose.INVITE
    until = f"{link.expires_at.astimezone(UTC):%d %b %Y %H:%M}"
    lines = [
        "Hello,",
        "",
        "You are invited to Onward, to keep track of your job search."
        if invited
        else "Here is the link to choose a new password for Onward.",
        "",
        f"Open this link to choose your password (it works once, until {until} UTC):",
        link.url(base),
        "",
        "If you did not expect this email, you can ignore it: nothing changes until the "
        "link is used.",
    ]
    message = EmailMessage()
    message["From"] = formataddr(("Onward", sender))
    message["To"] = link.account.email
    message["Subject"] = "Your invitation to Onward" if invited else "Choose a new Onward password"
    message["Date"] = format_datetime(now)
    domain = sender.rpartition("@")[2] or "onward.invalid"
    message["Message-ID"] = f"<onward.link.{uuid.uuid4().hex}@{domain}>"
    message.set_content("\n".join(lines))
    return message.as_bytes()
