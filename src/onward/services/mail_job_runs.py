"""One run of a background mail job (``onward.services.mail_import_jobs``): import what was
staged, mailbox after mailbox, or sync one account, reporting progress as it goes and
stopping before the next message when asked.

Each run calls the same services as the command line (``import_path``, ``sync_mail``), so a
stopped run resumes exactly as an interrupted command does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from onward.domain.mail import ImportSummary
from onward.errors import OnwardError
from onward.mail import Mbox, open_source
from onward.mail.passwords import Passwords
from onward.services.mail import ImportStopped, import_path
from onward.services.mail_sync import sync_mail
from onward.services.mail_uploads import StagedMail
from onward.services.runtime import Workspace

if TYPE_CHECKING:
    from onward.services.mail_import import MailReader

#: The states of a job; ``stopping`` lasts until the batch being read is let go.
RUNNING, STOPPING, CANCELLED, DONE, FAILED = "running", "stopping", "cancelled", "done", "failed"


@dataclass(frozen=True)
class Run:
    """What a run needs: the workspace, whether to stop, how to report, the email reader."""

    ws: Workspace
    stop: Callable[[], bool]
    update: Callable[..., None]
    open_reader: Callable[[], MailReader]


@dataclass(frozen=True)
class Outcome:
    """How a run ended, as changes to its job."""

    state: str
    summary: ImportSummary | None = None
    error: str | None = None
    hint: dict[str, object] | None = None
    problems: tuple[str, ...] = ()

    def changes(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "summary": self.summary,
            "error": self.error,
            "hint": self.hint,
            "problems": self.problems,
        }


def failed(exc: OnwardError, summary: ImportSummary | None = None) -> Outcome:
    hint = exc.hint.as_json() if exc.hint else None
    return Outcome(FAILED, summary, exc.message, hint)


def run_import(run: Run, staged: StagedMail, finished: list[ImportSummary]) -> Outcome:
    """Import each mailbox of ``staged`` in turn, after those in ``finished`` (a resumed run
    skips them); each finished one is added to ``finished``."""
    ws, paths = run.ws, staged.paths
    for index in range(len(finished), len(paths)):
        path = paths[index]
        step = f"{index + 1} of {len(paths)}: {path.name}" if len(paths) > 1 else ""
        try:
            unit = "bytes" if isinstance(open_source(path), Mbox) else "messages"
            run.update(step=step, read=0, total=0, unit=unit)
            summary = import_path(
                ws.store,
                ws.owner,
                path,
                run.open_reader,
                ws.clock,
                lambda done, total: run.update(read=done, total=total),
                stop=run.stop,
                own_addresses=[ws.settings.sender_email or ""],
            )
        except ImportStopped:
            return Outcome(CANCELLED, combined(finished, staged.label) if finished else None)
        except OnwardError as exc:
            return failed(exc, combined(finished, staged.label) if finished else None)
        finished.append(summary)
        if run.stop() and index + 1 < len(paths):
            return Outcome(CANCELLED, combined(finished, staged.label))
    return Outcome(DONE, combined(finished, staged.label))


def run_sync(run: Run, account: str, passwords: Passwords) -> Outcome:
    """Sync one account (``sync_mail`` keeps how it went with the account)."""
    ws = run.ws

    def progress(label: str, done: int, total: int) -> None:
        run.update(step=label, read=done, total=total, unit="messages")

    try:
        report = sync_mail(
            ws.store,
            ws.owner,
            ws.clock,
            passwords=passwords,
            open_reader=run.open_reader,
            account=account,
            progress=progress,
            stop=run.stop,
        )
    except ImportStopped:
        return Outcome(CANCELLED)
    except OnwardError as exc:
        return failed(exc)
    summaries = [f.summary for a in report.accounts for f in a.folders if f.summary]
    return Outcome(DONE, combined(summaries, f"imap:{account}"), problems=tuple(report.problems))


def combined(summaries: list[ImportSummary], source: str) -> ImportSummary:
    """Several imports' summaries added up (the mbox files of one archive, a sync's folders)."""
    out = ImportSummary(source=source)
    job_mail: dict[str, int] = {}
    for s in summaries:
        for label, count in s.job_mail.items():
            job_mail[label] = job_mail.get(label, 0) + count
        out = replace(
            out,
            read=out.read + s.read,
            new=out.new + s.new,
            already_seen=out.already_seen + s.already_seen,
            proposals=out.proposals + s.proposals,
            quarantined=out.quarantined + s.quarantined,
            prefiltered=out.prefiltered + s.prefiltered,
            held_back=out.held_back + s.held_back,
            seconds=round(out.seconds + s.seconds, 3),
            found=out.found.merged(s.found),
        )
    skipped = bool(summaries) and all(s.skipped_unchanged for s in summaries)
    return replace(out, job_mail=dict(sorted(job_mail.items())), skipped_unchanged=skipped)
