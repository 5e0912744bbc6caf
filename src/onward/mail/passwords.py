"""Mail account passwords: from the environment or the OS keyring, never anywhere else.

An account's password (or app password) is looked up in this order:

1. ``ONWARD_MAIL_PASSWORD_<ACCOUNT>`` (the account name in capitals, other characters as
   ``_``: ``work-gmail`` reads ``ONWARD_MAIL_PASSWORD_WORK_GMAIL``);
2. ``ONWARD_MAIL_PASSWORD`` (any account);
3. the OS keyring (service ``onward-mail``, the account name as the user name).

Onward never writes a password to its database, settings, logs or messages. ``keyring`` is
imported only when a password is needed. The environment is passed in (the CLI hands over
``os.environ``), so nothing here reads it behind the caller's back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from onward.domain.mail_accounts import PASSWORD_ENV, password_env_var
from onward.errors import Action, Hint, SetupError

KEYRING_SERVICE = "onward-mail"
T = TypeVar("T")


@dataclass(frozen=True)
class Passwords:
    """Where account passwords come from; ``environ`` is usually ``os.environ``."""

    environ: Mapping[str, str] = field(repr=False)  # holds passwords: never in a repr
    #: On a multi-user server, each owner's passwords are kept apart: the keyring name is
    #: ``owner-ID:ACCOUNT`` and the environment is never read (it is the server's, not theirs).
    namespace: str = ""

    def from_environment(self, account: str) -> str | None:
        """The environment variable that holds the account's password, if one is set."""
        if self.namespace:
            return None
        for name in (password_env_var(account), PASSWORD_ENV):
            if self.environ.get(name):
                return name
        return None

    def get(self, account: str) -> str:
        """The account's password; SetupError (naming the variable to set) when there is none."""
        variable = self.from_environment(account)
        if variable is not None:
            return self.environ[variable]
        found = self._keyring(
            "read", lambda kr: kr.get_password(KEYRING_SERVICE, self.namespace + account), account
        )
        if not found:
            raise SetupError(
                f"no password for mail account {account!r} in the keyring or the environment",
                hint=Hint(
                    Action.SET_MAIL_PASSWORD,
                    {"account": account, "variable": password_env_var(account)},
                ),
            )
        return str(found)

    def where(self, account: str) -> str:
        """Where the password is found, in words (never the password)."""
        variable = self.from_environment(account)
        if variable is not None:
            return f"environment ({variable})"
        try:
            found = self._keyring(
                "read",
                lambda kr: kr.get_password(KEYRING_SERVICE, self.namespace + account),
                account,
            )
        except SetupError:
            return f"nowhere: no keyring here; set {password_env_var(account)}"
        return "OS keyring" if found else f"nowhere yet: set {password_env_var(account)}"

    def keyring_available(self) -> bool:
        """True when an OS keyring can keep passwords here (False on a headless machine
        without one: passwords must then come from the environment)."""
        import keyring

        try:
            backend = keyring.get_keyring()
            return float(backend.priority) > 0  # the "fail" and "null" backends are not
        except Exception:  # a broken keyring setup is no keyring
            return False

    def store(self, account: str, password: str) -> None:
        """Keep the password in the OS keyring."""
        self._keyring(
            "save",
            lambda kr: kr.set_password(KEYRING_SERVICE, self.namespace + account, password),
            account,
        )

    def forget(self, account: str) -> bool:
        """Remove the account's password from the keyring; False when none was kept there."""
        from keyring.errors import PasswordDeleteError

        def delete(kr: Any) -> bool:
            try:
                kr.delete_password(KEYRING_SERVICE, self.namespace + account)
            except PasswordDeleteError:
                return False
            return True

        try:
            return self._keyring("remove", delete, account)
        except SetupError:
            return False

    def _keyring(self, verb: str, action: Callable[[Any], T], account: str) -> T:
        import keyring
        from keyring.errors import KeyringError

        try:
            return action(keyring)
        except (KeyringError, RuntimeError, OSError) as exc:
            kind = type(exc).__name__
            raise SetupError(
                f"could not {verb} the password of {account!r}: no usable OS keyring here ({kind})",
                hint=f"set the environment variable {password_env_var(account)} "
                f"(or {PASSWORD_ENV}) to the password instead",
            ) from None
