"""`onward today`: the agenda."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.goals import LABELS
from onward.cli.options import JsonOpt
from onward.domain.playbook.if_then import when_words
from onward.formats import formats
from onward.services.today import today as build

if TYPE_CHECKING:
    from rich.console import Console

    from onward.services.today import Dwelling, Today


def today(as_json: JsonOpt = False) -> None:
    """What is due today, what is waiting, and what went well."""
    ws = workspace()
    rules = ws.ghosting
    places = ws.settings.support_places if ws.settings.wellbeing_check else None
    agenda = build(ws.store, ws.owner, ws.clock, ghosting=rules, wellbeing_places=places)
    render.answer(agenda, as_json, show)


def _dwelling(out: Console, dwelling: tuple[Dwelling, ...], together: bool) -> None:
    """One quiet time in full; several as one: the kind words once, then each of them."""
    first = dwelling[0]
    if len(dwelling) == 1:
        out.print(f"\n[bold magenta]{escape(first.company)}[/] ({escape(first.role)})")
    else:
        out.print(f"\n[bold magenta]Time to sit with {len(dwelling)} rejections[/]")
    out.print(f"  {escape(first.support.message)}")
    if first.support.journal_prompt:
        out.print(f"  [dim]A journal prompt:[/] {escape(first.support.journal_prompt)}")
    if first.support.self_care:
        out.print(f"  [dim]Something kind to do:[/] {escape(first.support.self_care)}")
    if len(dwelling) == 1:
        if first.support.remaining:
            out.print(f"  [dim]{escape(first.support.remaining)}[/]")
        return
    if together:
        out.print(f"  [dim]{escape(first.support.remaining or '')}[/]")
        names = ", ".join(f"{escape(d.company)} (#{d.window.application_id})" for d in dwelling)
        out.print(f"  {names}")
        return
    for d in dwelling:
        out.print(
            f"  {escape(d.company)} ({escape(d.role)})  [dim]{escape(d.left)} · "
            f"onward rejection {d.window.application_id}[/]"
        )
    out.print("  [dim]Nothing else is asked of you until then.[/]")


def show(agenda: Today) -> None:

    out = render.console()
    out.print(f"[bold]Today, {formats().day_long(agenda.now)}[/]")
    if agenda.dwelling:
        _dwelling(out, agenda.dwelling, agenda.dwelling_ends_together)
    if agenda.in_dwell and agenda.waiting:
        out.print(
            f"\n[dim]{agenda.waiting} thing(s) are waiting for when you are ready; "
            "`onward ready ID` ends the quiet time early.[/]"
        )
    if agenda.mail_summary is not None:
        card = agenda.mail_summary
        many = card.waiting != 1
        waiting = (
            f" {card.waiting} proposal{'s' if many else ''} wait{'' if many else 's'}"
            " in `onward review`."
            if card.waiting
            else ""
        )
        out.print(f"\n[bold]What your mail found:[/] {escape(card.headline)}.{waiting}")
    section = _Section(out)
    _to_do(section, agenda)
    _week_and_care(section, agenda)
    if agenda.calm:
        out.print("\nNothing is due today. A calm day counts too.")


def _to_do(section: _Section, agenda: Today) -> None:
    """Tasks due, drafts to send and check-ins, each list with how many more there are."""
    from rich.markup import escape

    for item in agenda.tasks:
        where = f" ({escape(item.company)})" if item.company else ""
        flag = "[red]overdue[/] " if item.state.value == "overdue" else ""
        section.add("Due now", f"#{item.id} {flag}{escape(item.stored.task.title)}{where}")
    if agenda.more_tasks:
        section.add(
            "Due now", f"[dim]and {agenda.more_tasks} more: `onward tasks` lists them all[/]"
        )
    for draft in agenda.drafts:
        to = f" to {escape(draft.to)}" if draft.to else ""
        section.add(
            "Drafts to send",
            f"#{draft.id} {escape(draft.subject)}{to}  [dim]onward drafts show {draft.id}[/]",
        )
    if agenda.more_drafts:
        section.add(
            "Drafts to send",
            f"[dim]and {agenda.more_drafts} more: `onward drafts list` shows them all[/]",
        )
    if agenda.plans:
        for plan in agenda.plans.today(agenda.now):
            words = plan.sentence(when_words(plan.fields.starts_at, agenda.now))
            section.add("Your plans today", f"#{plan.id} {escape(words)}")
        if agenda.plans.waiting:
            section.add("Your plans today", f"[dim]{agenda.plans.recovery} (onward intend)[/]")
    for fresh in agenda.to_debrief:
        section.add(
            "How did the interview go?",
            f"{escape(fresh.company)}: what landed, what was missing  "
            f"[dim]onward debrief {fresh.application_id}[/]",
        )
    for prep in agenda.to_prepare:
        section.add(
            "Before your interview",
            f"{escape(prep.company)}: a few minutes on your next steps if it is a no  "
            f"[dim]onward prepare {prep.application_id}[/]",
        )
    for check in agenda.check_ins:
        company = (
            f" ({escape(check.contact.fields.company)})" if check.contact.fields.company else ""
        )
        when = "overdue" if check.overdue else f"due {formats().day(check.due_on)}"
        section.add("Check-ins", f"{escape(check.contact.name)}{company}: {when}")


def _week_and_care(section: _Section, agenda: Today) -> None:
    """The week's goals, recent wins, gentle nudges, what has gone quiet, what to try again."""
    from rich.markup import escape

    if agenda.goals is not None:
        for metric in agenda.goals.this_week.metrics:
            if metric.target:
                name = LABELS[metric.metric.value]
                section.add("This week", f"{name}: {metric.done:g} of {metric.target:g}")
        streak = agenda.goals.streak
        if streak.current:
            section.add("This week", f"[green]{streak.current} week(s) in a row met[/]")
    for win in agenda.wins:
        at = f"{escape(win.company)}: " if win.company else ""
        section.add("Recent wins", f"{formats().day(win.on)}  {at}{escape(win.message)}")
    for nudge in agenda.nudges:
        section.add("Take care", escape(nudge.message))
    if agenda.writing:
        section.add(
            "Take care",
            "When a no hurts, writing about it for up to 20 minutes helps many people: "
            "[dim]onward write[/]",
        )
    care = agenda.wellbeing
    if care and care.needs_care:
        section.add("Take care", escape(care.words))
        if care.places:
            section.add("Take care", "Places to talk to someone: " + escape("; ".join(care.places)))
    elif care and care.due:
        section.add(
            "Take care", "How have the last two weeks been?  [dim]onward wellbeing check[/]"
        )
    for ghost in agenda.ghosting:
        section.add(
            "Gone quiet",
            f"#{ghost.application_id} {escape(ghost.message)}  [dim]onward ghosting[/]",
        )
    if agenda.more_quiet:
        section.add(
            "Gone quiet",
            f"[dim]and {agenda.more_quiet} more: `onward ghosting` lists them all[/]",
        )
    for date in agenda.reapply:
        section.add("Worth another try", f"{escape(date.company)}: you can apply again now")


class _Section:
    """Prints a heading the first time something is added under it."""

    def __init__(self, out: Console) -> None:
        self.out = out
        self.current: str | None = None

    def add(self, heading: str, line: str) -> None:
        if heading != self.current:
            self.out.print(f"\n[bold]{heading}[/]")
            self.current = heading
        self.out.print(f"  {line}")


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.command()(today)
