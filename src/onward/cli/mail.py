"""Mail commands: import your own mail from files, look at what was stored."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

from onward.cli import mail_accounts, render
from onward.cli.context import workspace
from onward.cli.options import JsonOpt
from onward.formats import formats
from onward.services.mail import get_message, import_path, list_messages, list_quarantine
from onward.services.review import open_mail_reader

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from onward.domain.mail import ImportSummary

app = typer.Typer(
    help="Read your own mail (files) and queue what it says for review.", no_args_is_help=True
)
Limit = Annotated[int, typer.Option("--limit", help="Show at most this many.")]


@app.command("import")
def import_(
    path: Path = typer.Argument(
        ...,
        help="A .eml file, a folder of .eml files, an mbox (e.g. Google Takeout) or a Maildir.",
    ),
    read_all: bool = typer.Option(
        False,
        "--read-all",
        help="Read every message fully (no quick set-aside of plainly non-job mail).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Import mail: each message stored once, job mail read, proposals queued for `onward review`.

    Safe to repeat or interrupt: a rerun resumes and never stores a message twice. Messages
    that cannot be read are quarantined (`onward mail quarantine`) and the import goes on.
    """
    ws = workspace()

    def reader():  # type: ignore[no-untyped-def]
        return open_mail_reader(ws.store, ws.owner, ws.settings.home / "models")

    with _progress_bar(enabled=not as_json) as tick:
        summary = import_path(
            ws.store,
            ws.owner,
            path,
            reader,
            ws.clock,
            tick,
            prefilter=not read_all,
            own_addresses=[ws.settings.sender_email or ""],
        )
    render.answer(summary, as_json, _print_summary)


class _Bar:
    def __init__(self, enabled: bool) -> None:

        self.console = render.err_console()
        self.enabled = enabled and self.console.is_terminal
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.enabled:
            return None

        progress = self.progress = Progress(
            TextColumn("Importing"),
            BarColumn(),
            TaskProgressColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        progress.start()
        self.task = progress.add_task("import", total=None)

        def tick(done: int, total: int) -> None:
            assert self.progress is not None and self.task is not None
            self.progress.update(self.task, completed=done, total=total)

        return tick

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()


def _progress_bar(enabled: bool) -> _Bar:
    return _Bar(enabled)


def _print_summary(summary: ImportSummary) -> None:

    out = render.console()
    if summary.skipped_unchanged:
        render.ok(f"Nothing new: {summary.source} is unchanged since it was imported.")
        return
    resumed = f" (resumed at {summary.resumed_at})" if summary.resumed_at else ""
    render.ok(f"Read {summary.read:,} messages from {summary.source}{resumed}.")
    out.print(
        f"  new: {summary.new:,}    already seen: {summary.already_seen:,}    "
        f"quarantined: {summary.quarantined:,}"
    )
    if summary.found.news:
        out.print(f"  found: {summary.found.headline}")
    jobs = sum(summary.job_mail.values())
    labels = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in summary.job_mail.items())
    out.print(f"  job mail: {jobs:,}" + (f" ({labels})" if labels else ""))
    out.print(
        f"  proposals made: {summary.proposals:,}"
        + ("  → review them with `onward review`" if summary.proposals else "")
    )
    if summary.held_back:
        out.print(
            f"  {summary.held_back:,} job-like messages named no company or role and were not"
            " proposed: `onward mail list --held`"
        )
    if summary.quarantined:
        out.print("  see the quarantined messages with `onward mail quarantine`")


@app.command()
def show(
    message_id: int = typer.Argument(..., help="Stored message id (shown by `onward review`)."),
    as_json: bool = typer.Option(False, "--json", help="Print the message as JSON."),
) -> None:
    """Print one stored message: headers, what Onward read in it, and its new text."""
    ws = workspace()
    msg = get_message(ws.store, ws.owner, message_id)
    if as_json:
        render.print_json(msg)
        return
    safe = render.safe_text
    out = render.console()
    zone = ws.clock.now().tzinfo
    when = formats().moment(msg.sent_at.astimezone(zone)) if msg.sent_at else "—"
    out.print(f"[bold]Message #{msg.id}[/]  {escape(safe(msg.subject) or '(no subject)')}")
    out.print(f"From:    {escape(safe(msg.sender) or '—')}")
    out.print(f"Date:    {when}")
    out.print(f"Source:  {escape(safe(f'{msg.source} [{msg.source_key}]'))}")
    reading = f"{msg.label.replace('_', ' ')} ({msg.confidence:.0%})"
    if msg.prefiltered:
        reading = "not job mail (set aside unread)"
    out.print(f"Read as: {reading}")
    if msg.application_id:
        out.print(f"Application: #{msg.application_id}  (onward show {msg.application_id})")
    if msg.evidence:
        out.print(f"Evidence: {render.evidence_markup(msg.evidence, limit=6)}")
    for key, value in msg.details.items():
        out.print(f"  {key.replace('_', ' ')}: {escape(safe(str(value)))}")
    out.print()
    if msg.text is None:
        out.print("[dim](Onward keeps the text of job mail only.)[/]")
    else:
        out.print(escape(safe(msg.text, keep_newlines=True)), highlight=False)


@app.command("list")
def list_(
    label: str | None = typer.Option(
        None,
        "--label",
        help="Only this label: rejection, application_received, interview, assessment, offer.",
    ),
    held: bool = typer.Option(
        False, "--held", help="Only job mail that named no company or role (not proposed)."
    ),
    limit: Limit = 50,
    as_json: JsonOpt = False,
) -> None:
    """List the job mail Onward has stored, newest first, with what it read in each."""
    ws = workspace()
    found = list_messages(ws.store, ws.owner, label=label, held_back=held, limit=limit)
    if as_json:
        render.print_json(found)
        return
    if not found:
        render.ok("No job mail stored yet." if not (label or held) else "Nothing matches.")
        return
    out = render.console()
    safe = render.safe_text
    zone = ws.clock.now().tzinfo
    for m in found:
        when = formats().day(m.sent_at.astimezone(zone)) if m.sent_at else "—"
        app = f"  → #{m.application_id}" if m.application_id else ""
        held_note = "  (not proposed: names no company or role)" if "held_back" in m.details else ""
        out.print(
            f"#{m.id}  {when}  {m.label.replace('_', ' ')}  "
            f"{escape(safe(m.subject) or '(no subject)')}  [dim]{escape(safe(m.sender))}"
            f"{app}{held_note}[/]",
            highlight=False,
        )


@app.command()
def quarantine(
    limit: Limit = 50,
    as_json: bool = typer.Option(False, "--json", help="Print the list as JSON."),
) -> None:
    """List the messages an import could not read, with the reason."""
    ws = workspace()
    entries = list_quarantine(ws.store, ws.owner, limit)
    if as_json:
        render.print_json(entries)
        return
    if not entries:
        render.ok("The quarantine is empty: every message could be read.")
        return
    out = render.console()
    safe = render.safe_text
    for e in entries:
        out.print(
            f"#{e.id}  {escape(safe(f'{e.source} [{e.source_key}]'))}"
            f"  {e.size:,} bytes: {escape(safe(e.reason))}",
            highlight=False,
        )


# Mail accounts: `mail sync` and `mail account ...` (their commands live in mail_accounts).
app.command("sync")(mail_accounts.sync)
app.add_typer(mail_accounts.accounts, name="account")
