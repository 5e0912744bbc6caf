"""Server accounts: who may sign in to a multi-user Onward, and with which role.

One account per owner. The role says what the person may do beyond their own records: a
``seeker`` has only their own; a ``coach`` also what seekers share with them; an ``admin``
also manages accounts. Rules here are pure; passwords are hashed in ``services``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from onward.errors import InvalidInput

#: Fewer characters than this is refused (NIST SP 800-63B asks for at least 8).
MIN_PASSWORD = 10
#: More than this is refused, so hashing cannot be made slow on purpose.
MAX_PASSWORD = 1024

#: After this many failed sign-ins in a row an account (or an email typed, or an address)
#: waits ``LOCK_FOR`` before it may try again.
MAX_FAILED_SIGN_INS = 5
LOCK_FOR = timedelta(minutes=15)


#: Failed sign-ins from one client address, in ``THROTTLE_WINDOW``, before it waits too.
MAX_FAILED_FROM_ADDRESS = 30
THROTTLE_WINDOW = timedelta(minutes=15)

#: What a refused sign-in says, whatever the reason (unknown email, wrong password, turned
#: off account): the same words, so they reveal nothing about which accounts exist.
SIGN_IN_REFUSED = (
    "That email and password did not sign you in. Check both and try again; if you forgot "
    "your password or cannot sign in any more, ask whoever runs this Onward server"
)
SIGN_IN_WAIT = (
    "Too many tries to sign in: wait 15 minutes, then try again (or ask whoever runs this "
    "Onward server for a reset link)"
)
LINK_REFUSED = (
    "This link does not work any more: it was already used, it expired, or a newer one "
    "replaced it. Ask whoever runs this Onward server for a new one"
)


class Role(StrEnum):
    SEEKER = "seeker"
    COACH = "coach"
    ADMIN = "admin"


class LinkPurpose(StrEnum):
    """What a one-time link is for: taking up an invitation, or a reset by an admin."""

    INVITE = "invite"
    RESET = "reset"


class Refusal(StrEnum):
    """Why a sign-in was refused, as far as the person may know."""

    REFUSED = "refused"  # SIGN_IN_REFUSED
    WAIT = "wait"  # SIGN_IN_WAIT

    @property
    def message(self) -> str:
        return SIGN_IN_WAIT if self is Refusal.WAIT else SIGN_IN_REFUSED


def link_path(token: str) -> str:
    """Where a one-time link (invitation or reset) opens, on the server's address."""
    return f"/account/link/{token}"


@dataclass(frozen=True)
class Account:
    """Who may sign in: their owner row, email (lower-cased) and role. Never the hash."""

    id: int
    owner_id: int
    email: str
    role: Role
    created_at: datetime
    has_password: bool = False
    disabled_at: datetime | None = None
    failed_sign_ins: int = 0
    locked_until: datetime | None = None
    last_signed_in_at: datetime | None = None

    @property
    def disabled(self) -> bool:
        return self.disabled_at is not None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


def parse_role(value: str) -> Role:
    try:
        return Role(value.strip().lower())
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise InvalidInput(f"unknown role {value!r}: use one of {choices}", field="role") from None


def normalize_email(value: str) -> str:
    """The email as stored: trimmed, lower-cased; refused unless it looks like one."""
    email = value.strip().lower()
    local, at, domain = email.partition("@")
    if not at or not local or not domain or " " in email or "@" in domain or len(email) > 320:
        raise InvalidInput(f"not an email address: {value.strip()!r}", field="email")
    return email


def check_password(password: str) -> str:
    """The password, if long enough to keep (length is what makes one strong)."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"a password needs at least {MIN_PASSWORD} characters", field="password")
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(f"a password has at most {MAX_PASSWORD} characters", field="password")
    return password
