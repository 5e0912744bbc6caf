"""The Mail page put together: the accounts with their schedule and last sync, the presets,
where passwords can be kept here, and the background imports and syncs in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from onward.domain.mail import ImportSummary
from onward.domain.mail_accounts import (
    PROVIDERS,
    SYNC_SCHEDULES,
    MailAccount,
    password_env_var,
    schedule_words,
)
from onward.services.mail_import_jobs import ImportJob
from onward.services.mail_uploads import UnfinishedImport
from onward.web.forms import Form

#: The presets the add form offers, in order: key, name, what to know.
PRESETS: tuple[tuple[str, str, str], ...] = (
    *((key, p.label, p.note) for key, p in PROVIDERS.items()),
    ("custom", "Another provider", "Give your provider's IMAP server (its help pages name it)."),
)


@dataclass(frozen=True)
class AccountView:
    account: MailAccount
    #: The environment variable that holds its password, when one does.
    env_password: str | None

    @property
    def schedule(self) -> str:
        return schedule_words(self.account.sync_every_hours)

    @property
    def folders(self) -> str:
        return ", ".join(self.account.fields.folders)


@dataclass(frozen=True)
class Tested:
    """The answer of "Test connection" for one account."""

    name: str
    ok: bool
    lines: tuple[str, ...]
    hint: str | None = None


@dataclass(frozen=True)
class JobView:
    job: ImportJob

    @property
    def title(self) -> str:
        if self.job.kind == "sync":
            return f"Syncing {self.job.label}" if self.job.active else f"Sync of {self.job.label}"
        return f"Importing {self.job.label}" if self.job.active else f"Import of {self.job.label}"

    @property
    def status(self) -> str:
        return status_words(self.job)

    @property
    def lines(self) -> tuple[str, ...]:
        return summary_lines(self.job.summary) if self.job.summary else ()


@dataclass(frozen=True)
class MailPage:
    accounts: tuple[AccountView, ...]
    #: Imports of files that stopped before the end (the server stopped) and can go on.
    unfinished: tuple[UnfinishedImport, ...]
    jobs: tuple[JobView, ...]
    account_form: Form
    import_form: Form
    keyring: bool
    upload_limit_mb: int
    tested: Tested | None = None
    presets: ClassVar[tuple[tuple[str, str, str], ...]] = PRESETS
    schedules: ClassVar[tuple[tuple[str, str], ...]] = tuple(
        ("" if hours is None else str(hours), words) for hours, words in SYNC_SCHEDULES
    )

    @property
    def env_example(self) -> str:
        return password_env_var(self.account_form["name"].strip() or "personal")

    def schedule_value(self, account: MailAccount) -> str:
        hours = account.sync_every_hours
        return "" if hours is None else str(hours)


def status_words(job: ImportJob) -> str:
    """Where a job stands, in a few words."""
    if job.state == "done":
        return "finished"
    if job.state == "cancelled":
        return "stopped: resume it to go on from where it stopped"
    if job.state == "failed":
        return f"stopped by a problem: {job.error}"
    if job.state == "stopping":
        return "stopping after the message being read"
    if not job.total:
        return "starting"
    if job.unit == "bytes":
        done = f"{job.read / 1048576:,.1f} of {job.total / 1048576:,.1f} MB read"
    else:
        done = f"{job.read:,} of {job.total:,} messages read"
    return f"{job.percent}% · {done}" + (f" · {job.step}" if job.step else "")


def summary_lines(s: ImportSummary) -> tuple[str, ...]:
    """What an import found, as a few plain lines."""
    if s.skipped_unchanged:
        return ("Nothing new: this mail was imported before and has not changed.",)
    lines = [f"{s.read:,} messages read: {s.new:,} new, {s.already_seen:,} already in Onward."]
    if s.job_mail:
        kinds = ", ".join(f"{label.replace('_', ' ')}: {n:,}" for label, n in s.job_mail.items())
        lines.append(f"Job mail found: {kinds}.")
    else:
        lines.append("No job mail among the new messages.")
    if s.proposals == 1:
        lines.append("1 change to your tracker is waiting for you in Review.")
    elif s.proposals:
        lines.append(f"{s.proposals:,} changes to your tracker are waiting for you in Review.")
    if s.quarantined:
        lines.append(f"{s.quarantined:,} could not be read and were set aside.")
    return tuple(lines)
