"""Seeker A's records for the isolation test: one of every kind a route can name by id,
each carrying a marker word that must never reach anyone else."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from tests.factories import make_application, make_contact, make_draft, make_rejection
from tests.web.review_data import FixedReader, job_email

from onward.db import tables as t
from onward.db.tables import metadata
from onward.domain.emails import EmailLabel, EmailReading
from onward.domain.playbook.debrief import StarStory
from onward.domain.playbook.if_then import IfThenFields
from onward.mail.passwords import Passwords
from onward.services.debriefs import add_story, debrief_interview
from onward.services.experiments import start_experiment, tag_applications
from onward.services.feedback import log_feedback
from onward.services.if_then import make_if_then_plan
from onward.services.journal import write_journal
from onward.services.learning_plan import add_plan_item
from onward.services.mail_accounts import AccountRequest, account_fields, add_mail_account
from onward.services.mail_import import import_messages
from onward.services.resumes import add_resume
from onward.services.runtime import Workspace
from onward.services.setback import prepare_for_setback

#: Words only seeker A's records hold: no answer to anyone else may contain them.
MARKERS = ("zebrafinch", "finchley", "marmoset", "ana@example.org")


def seed_owner(ws: Workspace, folder: Path) -> None:
    """One of everything for ``ws.owner``, through the services (as the pages would)."""
    store, owner, clock = ws.store, ws.owner, ws.clock
    app = make_application(ws, "Zebrafinch Analytics", "Marmoset Analyst", days_ago=20)
    other = make_application(ws, "Zebrafinch Labs", "Marmoset Engineer", days_ago=10)
    prepare_for_setback(store, owner, app.id, ["zebrafinch: call a friend"], "marmoset", clock)
    make_rejection(ws, app.id)
    contact = make_contact(ws, "Zed Finchley", application_ids=(app.id,), email="zed@zf.example")
    make_draft(ws, app.id, "thank_you_after_rejection", sender_name="Ana Zebrafinch")
    write_journal(store, owner, 2, "zebrafinch journal: a hard day", clock)
    log_feedback(
        store, owner, app.id, "zebrafinch feedback: more SQL", clock, contact_id=contact.id
    )
    add_plan_item(store, owner, "course", "zebrafinch SQL course", clock, application_id=app.id)
    starts = clock.now() + timedelta(days=1)
    make_if_then_plan(store, owner, IfThenFields(starts, "zebrafinch applications"), clock)
    experiment = start_experiment(store, owner, "zebrafinch cover letters", clock)
    tag_applications(store, owner, experiment.id, [other.id], clock)
    debrief_interview(store, owner, app.id, clock, landed="zebrafinch landed")
    add_story(store, owner, StarStory("zebrafinch story", action="marmoset"), clock)
    resume = folder / "zebrafinch-resume.md"
    resume.write_text("# Ana Zebrafinch\n\nSkills: SQL, Python, Tableau\n", encoding="utf-8")
    add_resume(store, owner, resume, clock)
    fields = account_fields(
        AccountRequest("personal", "ana@example.org", imap_host="imap.zf.example")
    )
    passwords = Passwords({"ONWARD_MAIL_PASSWORD": "not used"})
    add_mail_account(store, owner, fields, clock, passwords=passwords, password=None)
    reading = EmailReading(
        EmailLabel.INTERVIEW, 0.6, ("we would like to invite you",),
        company="Zebrafinch Health", role="Marmoset Lead",
    )  # fmt: skip
    raw = job_email("Zebrafinch: an interview", "Dear Ana, we would like to invite you.")
    import_messages(store, owner, "eml:zebrafinch", [("a.eml", raw)], FixedReader(reading), clock)
    _share_with_a_mentor(ws)


def _share_with_a_mentor(ws: Workspace) -> None:
    """A shares everything with a coach of her own (not the probing coach), who keeps a note
    and proposes a goal: the probing coach must still see nothing of hers."""
    from onward.domain.accounts import Role
    from onward.domain.records import Owner
    from onward.services.accounts import add_account
    from onward.services.caseload import add_coach_note, propose_goal
    from onward.services.sharing import share_with_coach

    mentor = add_account(ws.store, "mentor@example.org", Role.COACH, None, ws.clock)
    everything = ["pipeline", "insights", "goals", "drafts", "feedback", "reflections", "journal"]
    until = ws.clock.today() + timedelta(days=30)
    share_with_coach(ws.store, ws.owner, mentor.email, everything, until, ws.clock)
    coach = Owner(mentor.owner_id, mentor.email)
    add_coach_note(ws.store, coach, ws.owner.id, "zebrafinch note", ws.clock, shown=True)
    propose_goal(ws.store, coach, ws.owner.id, "networking", 2, ws.clock, why="marmoset")


#: Each path parameter, and the table whose row of A's it names (by its ``id``).
ID_TABLES = {
    "app_id": "applications",
    "contact_id": "contacts",
    "draft_id": "drafts",
    "exp_id": "experiments",
    "item_id": "plan_items",
    "plan_id": "if_then_plans",
    "proposal_id": "mail_proposals",
    "message_id": "mail_messages",
    "summary_id": "mail_summaries",
    "task_id": "tasks",
    "change_id": "changes",
    "share_id": "shares",
    "proposed_goal_id": "proposed_goals",
}


def ids_of(ws: Workspace, owner_id: int) -> dict[str, str]:
    """A real id of ``owner_id``'s for every path parameter (the first of each kind)."""
    found: dict[str, str] = {}
    with ws.store.engine.connect() as conn:
        for name, table_name in ID_TABLES.items():
            table = metadata.tables[table_name]
            row = conn.execute(
                select(table.c.id).where(table.c.owner_id == owner_id).order_by(table.c.id)
            ).first()
            if row is not None:
                found[name] = str(row.id)
        found["person_id"] = str(owner_id)  # a coach's caseload names people by owner
        app_id = int(found["app_id"])
        event = conn.execute(
            select(t.stage_events.c.id).where(t.stage_events.c.application_id == app_id)
        ).first()
        if event is not None:
            found["event_id"] = str(event.id)
        accounts = metadata.tables["mail_accounts"]
        name = conn.execute(select(accounts.c.name).where(accounts.c.owner_id == owner_id)).first()
        if name is not None:
            found["name"] = name.name
        resumes = metadata.tables["resumes"]
        version = conn.execute(
            select(resumes.c.version).where(resumes.c.owner_id == owner_id)
        ).first()
        if version is not None:
            found["version"] = str(version.version)
    return found


def snapshot(ws: Workspace, owner_id: int) -> dict[str, list[Any]]:
    """Every row of ``owner_id``'s, in every table: its own rows (``owner_id``) and the rows
    that hang off them (a foreign key to one of its rows), as sorted tuples."""
    rows: dict[str, list[Any]] = {}
    owned: dict[str, set[int]] = {}
    with ws.store.engine.connect() as conn:
        for table in metadata.sorted_tables:  # parents first
            where = None
            if "owner_id" in table.c:
                where = table.c.owner_id == owner_id
            else:
                for fk in table.foreign_keys:
                    parent = fk.column.table.name
                    if parent in owned and parent != "owners":
                        ids = owned[parent]
                        clause = fk.parent.in_(ids) if ids else None
                        where = clause if where is None else (where | clause)
            if where is None:
                continue
            found = [tuple(r) for r in conn.execute(select(table).where(where))]
            rows[table.name] = sorted(found, key=repr)
            if "id" in table.c:
                owned[table.name] = {int(r[0]) for r in found}
    return rows
