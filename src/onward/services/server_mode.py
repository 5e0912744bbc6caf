"""What a multi-user server needs before it starts: PostgreSQL, and a secret key
that every worker process shares (so a form signed by one is accepted by another).

The key comes from ``ONWARD_SECRET_KEY``, else from the OS keyring (service ``onward``, name
``secret-key``). Each use gets its own key derived from it (HMAC), so the CSRF key is not the
key itself.
"""

from __future__ import annotations

import hashlib
import hmac

from onward.config import Settings
from onward.errors import Action, Hint, SetupError
from onward.mail.passwords import Passwords

KEYRING_SERVICE = "onward"
KEYRING_NAME = "secret-key"
MIN_SECRET = 32


def check_server_database(settings: Settings) -> None:
    """Refuse anything but PostgreSQL, in one line that says what to set."""
    url = settings.resolved_database_url
    if not url.startswith(("postgresql", "postgres:")):
        raise SetupError(
            "a multi-user server needs PostgreSQL: set ONWARD_DATABASE_URL to a "
            "postgresql+psycopg:// URL (SQLite is for one person on one computer)",
            hint=Hint(
                Action.SET_SETTING,
                {
                    "name": "ONWARD_DATABASE_URL",
                    "example": "postgresql+psycopg://onward@localhost/onward",
                },
            ),
        )


def server_secret(settings: Settings) -> bytes:
    """The secret key of this server (environment, then keyring); SetupError without one."""
    key = settings.secret_key or _from_keyring()
    if len(key) < MIN_SECRET:
        raise SetupError(
            "a multi-user server needs a secret key shared by its web processes: set "
            f"ONWARD_SECRET_KEY to at least {MIN_SECRET} random characters (or keep it in the "
            f"keyring: service {KEYRING_SERVICE}, name {KEYRING_NAME})",
            hint=Hint(
                Action.SET_SETTING,
                {"name": "ONWARD_SECRET_KEY", "example": "$(openssl rand -base64 48)"},
            ),
        )
    return key.encode("utf-8")


def derived_key(secret: bytes, purpose: str) -> bytes:
    """A key for one purpose (``"csrf"``), derived from the server's secret."""
    return hmac.new(secret, f"onward {purpose}".encode(), hashlib.sha256).digest()


def _from_keyring() -> str:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, KEYRING_NAME) or ""
    except Exception:  # no usable keyring here: the environment must give it
        return ""


def owner_mail_passwords(owner_id: int) -> Passwords:
    """Mail account passwords of one owner on a multi-user server: their own keyring names,
    never the server's environment (the web and the worker both ask here)."""
    return Passwords({}, namespace=f"owner-{owner_id}:")
