"""Onward's one typed configuration, read from ``ONWARD_*`` environment variables.

``Settings()`` reads the environment for every field not passed explicitly, so tests and entry
points build it the same way. Build it only at entry points (the CLI's context, the web app
factory) and pass what is needed down; nothing else reads the environment. Every field is
documented in docs/configuration.md, and a test keeps the two in step.

This is a small standard-library loader rather than pydantic-settings: importing pydantic costs
about 0.1 s on every command, a quarter of the CLI's start-up budget (docs/decisions/0002).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from onward.errors import SetupError

PREFIX = "ONWARD_"


def default_home() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("onward", appauthor=False))


def _text(raw: str) -> str:
    return raw.strip()


def _path(raw: str) -> Path:
    return Path(raw).expanduser()


def _positive_int(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise ValueError("must be a whole number of 1 or more")
    return value


def _fraction(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value <= 1:
        raise ValueError("must be a number above 0 and at most 1")
    return value


def _flag(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError("must be true or false")


def _zone(raw: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = raw.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            "must be a time zone name such as Europe/Paris or America/Chicago"
        ) from None
    return name


def _locale(raw: str) -> str:
    from onward.formats import parse_locale

    return parse_locale(raw)


def _default_locale() -> str:
    from onward.formats import environment_locale

    return environment_locale()


_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _time_of_day(raw: str) -> str:
    match = _CLOCK.match(raw.strip())
    if match is None:
        raise ValueError("must be a time of day such as 08:00")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _hours(raw: str) -> str:
    value = raw.strip().lower()
    if value in ("off", "none"):
        return "off"
    start, dash, end = value.replace("–", "-").partition("-")
    if not dash:
        raise ValueError("must be two times such as 21:00-08:00, or off")
    try:
        return f"{_time_of_day(start)}-{_time_of_day(end)}"
    except ValueError:
        raise ValueError("must be two times such as 21:00-08:00, or off") from None


def _choice(*choices: str) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        value = raw.strip().lower()
        if value not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}")
        return value

    return parse


def parse_setting(name: str, raw: str) -> Any:
    """``raw`` read as setting ``name`` by the same validator as its environment variable;
    ValueError with the reason ("must be ...") when it cannot be."""
    return SETTING_FIELDS[name].metadata["parse"](raw)


def _setting(
    name: str,
    parse: Callable[[str], Any],
    default: Any,
    doc: str,
    *,
    editable: str | None = None,
    label: str | None = None,
    secret: bool = False,
) -> Any:
    """One setting: read from ``ONWARD_<NAME>``. ``editable`` is the group of the Settings page
    where each owner can change it (stored in the database); None keeps it environment-only."""

    def from_env() -> Any:
        raw = os.environ.get(PREFIX + name.upper())
        if raw is None or not raw.strip():
            return default() if callable(default) else default
        try:
            return parse(raw)
        except ValueError as exc:
            raise SetupError(f"{PREFIX}{name.upper()} {exc}, not {raw!r}") from None

    meta = {"doc": doc, "parse": parse, "default": default, "editable": editable, "label": label}
    return field(default_factory=from_env, metadata=meta, repr=not secret)


@dataclass(frozen=True)
class Settings:
    """Onward's settings. Explicit arguments win over the environment, which wins over defaults."""

    home: Path = _setting(
        "home",
        _path,
        default_home,
        "Folder for Onward's database, backups and models (default: the per-user data folder).",
    )
    database_url: str | None = _setting(
        "database_url",
        _text,
        None,
        "SQLAlchemy URL of the database (default: onward.db in the home folder).",
    )
    owner: str = _setting(
        "owner", _text, "local", "Whose data this is (one local owner by default)."
    )
    backup_keep: int = _setting(
        "backup_keep", _positive_int, 10, "How many automatic backups to keep."
    )
    mail_upload_max_mb: int = _setting(
        "mail_upload_max_mb",
        _positive_int,
        1024,
        "The largest mail file (or archive) the web app takes as an upload, in MB; larger "
        "ones are imported by their path on this computer.",
    )
    checkin_months: int = _setting(
        "checkin_months",
        _positive_int,
        3,
        "Months from one check-in with a contact to the next.",
        editable="reminders",
        label="Months between check-ins with a contact",
    )

    sender_name: str = _setting(
        "sender_name",
        _text,
        "",
        "Your name, used to sign the messages Onward drafts.",
        editable="you",
        label="Your name",
    )
    sender_email: str | None = _setting(
        "sender_email",
        _text,
        None,
        "Your email address: the From of exported .eml drafts.",
        editable="you",
        label="Your email address",
    )

    sender_signature: str = _setting(
        "sender_signature",
        _text,
        "",
        "Lines added under your name at the end of every draft (a phone number, a profile "
        "link); none by default.",
        editable="you",
        label="Your signature (optional)",
    )
    time_zone: str = _setting(
        "time_zone",
        _zone,
        "",
        "Your time zone, such as Europe/Paris, for today's date and times (default: this "
        "computer's).",
        editable="you",
        label="Your time zone",
    )

    locale: str = _setting(
        "locale",
        _locale,
        _default_locale,
        "How dates, times and numbers are written: a locale such as en_GB (the day before the "
        "month, a 24-hour clock), en_US (the month first, AM and PM) or fr_FR (default: this "
        "computer's language, else en_GB).",
        editable="you",
        label="How dates and numbers are written",
    )

    dwell_default: str = _setting(
        "dwell_default",
        _text,
        "morning",
        "How long the dwell window after a rejection lasts unless you say (morning, evening, "
        "weekend, 12h...).",
        editable="pace",
        label="Dwell window after a rejection",
    )
    wellbeing_check: bool = _setting(
        "wellbeing_check",
        _flag,
        False,
        "Offer the weekly WHO-5 well-being check on Today (five questions, scored on this "
        "device, never shared).",
        editable="pace",
        label="Offer a weekly well-being check (WHO-5)",
    )
    support_places: str = _setting(
        "support_places",
        _text,
        "a friend or family member you trust; a mentor or career coach; your doctor or a "
        "counsellor; a helpline in your country (Samaritans: 116 123 in the UK and Ireland; "
        "988 in the US)",
        "Places to talk to someone, shown when a well-being check is low or falling "
        "(separate them with ;).",
        editable="pace",
        label="Places to talk to someone (separate them with ;)",
    )
    ghost_after_days: int = _setting(
        "ghost_after_days",
        _positive_int,
        21,
        "Days of quiet after applying, a screen or an assessment before ghosting is suggested.",
        editable="mail",
        label="Days of quiet before ghosting is suggested",
    )
    ghost_after_interview_days: int = _setting(
        "ghost_after_interview_days",
        _positive_int,
        14,
        "Days of quiet after an interview or final round before ghosting is suggested.",
        editable="mail",
        label="Days of quiet after an interview before ghosting is suggested",
    )
    auto_ghost: bool = _setting(
        "auto_ghost",
        _flag,
        False,
        "Mark quiet applications ghosted when `onward ghosting` runs, instead of suggesting.",
        editable="mail",
        label="Mark quiet applications ghosted without asking",
    )

    review_auto_threshold: float = _setting(
        "review_auto_threshold",
        _fraction,
        0.9,
        "How sure Onward must be (0-1) for `onward review --auto` to accept a proposal.",
        editable="mail",
        label="How sure Onward must be to accept a proposal from your mail by itself (0-1)",
    )

    notifications: bool = _setting(
        "notifications",
        _flag,
        True,
        "Show browser notifications for due follow-ups, check-ins and interviews while Onward is "
        "open in your browser (after you allow them on the Settings page).",
        editable="reminders",
        label="Notifications in your browser",
    )
    quiet_hours: str = _setting(
        "quiet_hours",
        _hours,
        "21:00-08:00",
        "Hours with no notifications and no email, such as 21:00-08:00, or off.",
        editable="reminders",
        label="Quiet hours",
    )
    digest: str = _setting(
        "digest",
        _choice("daily", "weekly", "off"),
        "daily",
        "An email to your own address with what is due: daily, weekly (on Mondays) or off. "
        "Sent only when a mail account can send (SMTP) and your email address is set.",
        editable="reminders",
        label="Email digest",
    )
    digest_time: str = _setting(
        "digest_time",
        _time_of_day,
        "08:00",
        "When the email digest goes out, such as 08:00 (outside quiet hours).",
        editable="reminders",
        label="Time of the email digest",
    )

    multi_user: bool = _setting(
        "multi_user",
        _flag,
        False,
        "Run the web app as a server for many people with accounts (`onward serve "
        "--multi-user`): needs a PostgreSQL ONWARD_DATABASE_URL and ONWARD_SECRET_KEY.",
    )
    secret_key: str = _setting(
        "secret_key",
        _text,
        "",
        "In server mode, the secret that signs forms' CSRF tokens, the same in every worker "
        "process (at least 32 characters; `python -c 'import secrets; "
        "print(secrets.token_urlsafe(48))'`). Read from the keyring (service onward, name "
        "secret-key) when not set.",
        secret=True,
    )
    secure_cookies: str = _setting(
        "secure_cookies",
        _choice("auto", "on", "off"),
        "auto",
        "Mark cookies Secure (sent only over HTTPS): auto (in server mode), on, or off (only "
        "for testing a server over plain http on this computer).",
    )
    session_days: int = _setting(
        "session_days",
        _positive_int,
        14,
        "In server mode, days a sign-in lasts without being used before it must be renewed.",
    )
    link_hours: int = _setting(
        "link_hours",
        _positive_int,
        72,
        "Hours an invitation or password-reset link works (once) before it expires.",
    )
    public_url: str = _setting(
        "public_url",
        _text,
        "",
        "The server's address as people reach it (https://onward.example.org), for the "
        "invitation and reset links `onward users` prints (default: http://127.0.0.1:8765).",
    )

    @classmethod
    def names(cls) -> list[str]:
        """The environment variable of every setting."""
        return [PREFIX + f.name.upper() for f in fields(cls)]

    def pinned(self) -> frozenset[str]:
        """The editable settings fixed here, which no per-owner value can replace: those set by
        their environment variable, or given explicitly (differing from their default)."""
        return frozenset(
            name
            for name, f in SETTING_FIELDS.items()
            if f.metadata["editable"]
            and (
                os.environ.get(PREFIX + name.upper(), "").strip()
                or getattr(self, name) != _default_of(f.metadata["default"])
            )
        )

    def but(self, **changes: Any) -> Settings:
        """A copy with some settings changed."""
        return replace(self, **changes)

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home / 'onward.db'}"

    @property
    def backup_dir(self) -> Path:
        return self.home / "backups"

    @property
    def templates_dir(self) -> Path:
        """Your own draft templates; a file here replaces the built-in one of that name."""
        return self.home / "templates"


def _default_of(default: Any) -> Any:
    return default() if callable(default) else default


#: Every setting's field (its doc, validator, default, group), by name.
SETTING_FIELDS = {f.name: f for f in fields(Settings)}
#: The groups of the Settings page, in order.
GROUPS = ("you", "pace", "mail", "reminders")
#: The settings each owner can change on the Settings page, in the page's order.
EDITABLE = tuple(
    sorted(
        (name for name, f in SETTING_FIELDS.items() if f.metadata["editable"]),
        key=lambda name: GROUPS.index(SETTING_FIELDS[name].metadata["editable"]),
    )
)
