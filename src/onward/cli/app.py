"""The ``onward`` command. The root group lists every command from ``COMMANDS`` and imports a
command's module only when that command runs (cli/lazy.py), so ``onward --help`` stays fast."""

from __future__ import annotations

import typer

from onward import __version__
from onward.cli import context
from onward.cli.lazy import Lazy, LazyGroup, command, group

#: Every command and group, in the order `onward --help` lists them, with that listing's line.
COMMANDS: dict[str, Lazy] = {
    "add": command("onward.cli.applications:commands", "Start tracking an application."),
    "list": command("onward.cli.applications:commands", "List applications, most recent first."),
    "show": command("onward.cli.applications:commands", "Show one application with its timeline."),
    "move": command(
        "onward.cli.applications:commands",
        "Move an application to a new stage (interview again = next round).",
    ),
    "edit": command(
        "onward.cli.applications:commands",
        "Change details of an application. Pass an empty value ('') to clear a field.",
    ),
    "archive": command(
        "onward.cli.applications:commands",
        "Archive applications (hidden from lists, kept in exports); --undo restores them.",
    ),
    "delete": command(
        "onward.cli.applications:commands",
        "Delete an application and its timeline (onward undo brings it back; archive hides it).",
    ),
    "undo": command(
        "onward.cli.undo:commands",
        (
            "Undo the last change to an application (a move, rejection, edit, archive, delete "
            "or corrected date); run it again to redo."
        ),
    ),
    "history": command(
        "onward.cli.undo:commands",
        (
            "Show an application's steps (undone ones too) and its changes; --correct STEP "
            "--date DAY corrects the day a step happened."
        ),
    ),
    "import": command(
        "onward.cli.data:commands",
        (
            "Import a JSON backup (restores ids) or a spreadsheet (CSV). A bad row stops the "
            "whole import, listed with its line number; nothing is half-written."
        ),
    ),
    "backup": command(
        "onward.cli.data:commands",
        "Back up the database now (SQLite: an online copy; PostgreSQL: a JSON backup).",
    ),
    "tour": command(
        "onward.cli.tour:commands",
        "Walk through Onward on a demo database in a temporary folder (your data is untouched).",
    ),
    "reflect": command(
        "onward.cli.reflection:commands",
        (
            "Look back at one application, gently: rate the stages you reached and answer a few "
            "questions. Enter skips anything. Ten minutes is plenty."
        ),
    ),
    "reflections": command(
        "onward.cli.reflection:commands",
        "List your reflections, oldest first.",
    ),
    "log": command(
        "onward.cli.goals:commands",
        'Log effort done by hand, e.g. `onward log learning 1.5 --note "SQL course"`.',
    ),
    "revisit": command(
        "onward.cli.goals:commands",
        "Saved jobs you hesitated over, worth a second look, and a question for an open mind.",
    ),
    "reapply": command(
        "onward.cli.checkins:commands",
        "Remember when to apply to a company again, or list those dates.",
    ),
    "reject": command(
        "onward.cli.rejections:commands",
        "Log a rejection. Onward gives you time to feel it, then a few dated next steps.",
    ),
    "rejection": command(
        "onward.cli.rejections:commands",
        "See a logged rejection again: kindness during your time to feel it, next steps after.",
    ),
    "ready": command(
        "onward.cli.rejections:commands",
        "End your time to feel it early, when you feel ready: your next steps open now.",
    ),
    "ghosting": command(
        "onward.cli.ghosting:commands",
        (
            "Applications that have gone quiet (21 days, or 14 after an interview). Only a "
            "suggestion unless you --apply (or set ONWARD_AUTO_GHOST=true); they reopen if the "
            "company gets back in touch."
        ),
    ),
    "today": command(
        "onward.cli.today:commands",
        "What is due today, what is waiting, and what went well.",
    ),
    "insights": command(
        "onward.cli.insights:commands",
        "Patterns across your applications: funnel, where it narrows, reasons, themes.",
    ),
    "report": command(
        "onward.cli.insights:commands",
        "Write an offline HTML report with every chart, to keep or share with a coach.",
    ),
    "match": command(
        "onward.cli.skills:commands",
        "Score an application's job description against your resume; list the missing skills.",
    ),
    "serve": command(
        "onward.cli.serve:commands",
        "Start the web app (http://127.0.0.1:8765/ by default); Ctrl+C stops it.",
    ),
    "worker": command(
        "onward.cli.worker:commands",
        "Run a multi-user server's jobs (PostgreSQL): mail syncs and imports, reports, digests.",
    ),
    "contacts": group("onward.cli.contacts:app", "Keep the people behind your applications."),
    "export": command("onward.cli.data:commands", "Export your data (JSON backup or CSV)."),
    "db": group("onward.cli.database:app", "Database schema: see and apply migrations."),
    "reminders": group(
        "onward.cli.reminders:app",
        "Reminders that reach you: what is due now, and the email digest.",
    ),
    "calendar": group(
        "onward.cli.calendar:app", "Put your tasks and check-ins in your own calendar app."
    ),
    "model": group("onward.cli.model:app", "Train and measure the model that reads job emails."),
    "mail": group(
        "onward.cli.mail:app",
        "Read your own mail (files) and queue what it says for review.",
    ),
    "review": group(
        "onward.cli.review:app",
        (
            "What your mail suggests changing in the tracker, waiting for you. Run `onward "
            "review` to see it; `--auto` accepts what Onward is confident about."
        ),
    ),
    "drafts": group(
        "onward.cli.drafts:app",
        "Write, check and export the messages worth sending. Nothing is sent for you.",
    ),
    "feedback": group("onward.cli.feedback:app", "Keep the feedback employers give you."),
    "plan": group(
        "onward.cli.plan:app",
        "Your learning plan: small, concrete things to work on.",
    ),
    "goals": command(
        "onward.cli.goals:commands",
        (
            "Modest weekly goals, counted from what you do. Run `onward goals` to see this week; "
            "options: --weeks N, --json."
        ),
    ),
    "wins": command(
        "onward.cli.goals:commands",
        (
            "Small wins worth noticing. Run `onward wins` for the last 14 days; options: --all "
            "(every win), --json."
        ),
    ),
    "intend": group(
        "onward.cli.if_then:app",
        (
            "If-then plans: decide when, where and what, and Onward reminds you at that time. "
            "Run `onward intend` to see them; `onward intend add` makes one."
        ),
    ),
    "prepare": command(
        "onward.cli.setback:commands",
        (
            "Before an interview: write your next steps for if it is a no, and what you will be "
            "proud of either way. They come back after the time to feel it. Without --step, "
            "shows them."
        ),
    ),
    "wellbeing": group(
        "onward.cli.wellbeing_check:app",
        (
            "A weekly well-being check (WHO-5), private to you. Run `onward wellbeing` for your "
            "checks; `onward wellbeing check` takes one."
        ),
    ),
    "write": group(
        "onward.cli.writing:app",
        (
            "Private expressive writing: up to 20 minutes a day on up to 4 days in a row, never "
            "analysed or shared. Run `onward write` for today's prompt."
        ),
    ),
    "experiment": group(
        "onward.cli.experiments:app",
        (
            "Strategy experiments: try one change, mark the applications that use it, and see "
            "how they fare. Run `onward experiment` for yours."
        ),
    ),
    "debrief": command(
        "onward.cli.debriefs:commands",
        (
            "After an interview: what landed, what was missing, the questions asked. Without "
            "options, shows the debriefs so far and questions to practise."
        ),
    ),
    "stories": command(
        "onward.cli.debriefs:commands",
        (
            "Your STAR story bank and the questions interviewers asked. Run `onward stories` to "
            "see them; `onward stories add` keeps a story."
        ),
    ),
    "buddy": group(
        "onward.cli.buddy:app",
        (
            "A buddy: swap a signed weekly summary (effort, plans kept, wins) and see each "
            "other's week. Run `onward buddy` to compare."
        ),
    ),
    "share": group(
        "onward.cli.sharing:share_app",
        (
            "Share some of your data with a coach until a day, see who looked, and stop "
            "sharing. Run `onward share` for your shares and the access log."
        ),
    ),
    "caseload": group(
        "onward.cli.sharing:caseload_app",
        (
            "For coaches: the people who share with you and their health flags. Run `onward "
            "caseload`; `onward caseload report FILE` writes the cohort report."
        ),
    ),
    "journal": command(
        "onward.cli.journal:commands",
        (
            "A short mood journal. Run `onward journal` for recent entries, your mood trend and "
            "gentle nudges; options: --limit N, --json."
        ),
    ),
    "checkins": command(
        "onward.cli.checkins:commands",
        (
            "Keep good contacts warm. Run `onward checkins` for the ones due within a week; "
            "option: --json."
        ),
    ),
    "tasks": group(
        "onward.cli.tasks:app",
        (
            "Your next steps, due now and coming up. Run `onward tasks` to see them; options: "
            "--all (snoozed, done and skipped too), --json."
        ),
    ),
    "settings": group(
        "onward.cli.settings:app",
        (
            "Your settings: where each comes from (`onward settings`); "
            "`onward settings set KEY VALUE` changes one."
        ),
    ),
    "resume": group(
        "onward.cli.resumes:app",
        "Your resume versions (PDF, DOCX, Markdown, text, JSON Resume).",
    ),
    "skills": command(
        "onward.cli.skills:commands",
        "Skills the jobs asked for, against your resume.",
    ),
    "api": group("onward.cli.api:app", "The JSON API: personal access tokens."),
    "users": group(
        "onward.cli.users:app",
        "Accounts of a multi-user server (`onward serve --multi-user`): add, invite, list, "
        "disable, reset.",
    ),
}


class OnwardCommands(LazyGroup):
    lazy = COMMANDS


app = typer.Typer(
    name="onward",
    cls=OnwardCommands,
    help="Onward: track applications and turn every job rejection into next steps.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"onward {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Onward keeps your job search moving. Data stays on this machine."""
    context.reset()


def main() -> None:
    app()
