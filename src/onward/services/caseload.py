"""The coach's side: the caseload with its health flags, one person's shared page, coach notes
and proposed goals.

Every read of a person's data goes through :func:`onward.services.sharing.read_shared_many`
(the one scoping rule, which also writes the person's access log), then calls the same
services the person's own pages use, for the person's owner.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.caseload import Flag, health_flags
from onward.domain.insights.summary import Insights
from onward.domain.pipeline import Stage
from onward.domain.playbook.goals import WeeklyGoals
from onward.domain.playbook.stored import SavedDraft, StoredReflection
from onward.domain.records import ApplicationQuery, Owner
from onward.domain.sharing import CoachNote, ProposedGoal, Scope, Share, check_note
from onward.errors import InvalidInput
from onward.services.sharing import active_shares_for_coach, read_shared, read_shared_many

#: Applications the person's page shows (the newest steps first).
APPLICATIONS_SHOWN = 50
#: The scopes the health flags read.
FLAG_SCOPES = frozenset({Scope.PIPELINE, Scope.GOALS, Scope.DRAFTS, Scope.FEEDBACK,
                         Scope.REFLECTIONS, Scope.JOURNAL})  # fmt: skip
#: How each scope's read is named in the access log.
READ_WORDS = {
    Scope.PIPELINE: "pipeline and outcomes",
    Scope.INSIGHTS: "insights",
    Scope.GOALS: "goals and plans kept",
    Scope.DRAFTS: "drafts",
    Scope.FEEDBACK: "feedback",
    Scope.REFLECTIONS: "reflections",
    Scope.JOURNAL: "journal and mood",
}


@dataclass(frozen=True)
class CaseloadPerson:
    """One person in a coach's caseload: their share and the flags it allows."""

    person_id: int
    name: str
    share: Share
    flags: tuple[Flag, ...]

    @property
    def concerns(self) -> int:
        return sum(1 for f in self.flags if f.concern)


@dataclass(frozen=True)
class SharedApplication:
    """An application as a coach sees it: no notes, description, salary or contacts."""

    company: str
    role: str
    stage: Stage
    stage_on: Any


@dataclass(frozen=True)
class PersonView:
    """What a coach sees of one person: only the scopes shared (None: not shared)."""

    person: CaseloadPerson
    applications: tuple[SharedApplication, ...] | None = None
    insights: Insights | None = None
    goals: Any = None  # GoalProgress
    drafts: tuple[SavedDraft, ...] | None = None
    feedback: Any = None  # FeedbackLog
    reflections: tuple[StoredReflection, ...] | None = None
    journal: Any = None  # JournalOverview (never the well-being check: decision 0016)
    notes: tuple[CoachNote, ...] = ()
    proposals: tuple[ProposedGoal, ...] = ()


def caseload(store: Store, coach: Owner, clock: Clock) -> list[CaseloadPerson]:
    """The coach's people (active shares only), each with the flags their shares allow;
    those with concerns first. Reading the flags is logged for each person. One
    transaction and a fixed number of queries, however many people."""
    with store.transaction() as tx:
        wanted = {
            share.owner_id: [s for s in Scope if s in share.scopes & FLAG_SCOPES]
            for share in active_shares_for_coach(store, coach, clock)
        }
        reads = read_shared_many(store, coach, clock, wanted, what="health flags")
        scopes = {person: read.share.scopes & FLAG_SCOPES for person, read in reads.items()}
        facts = tx.caseload.facts_many(scopes, clock.now())
    people = [
        CaseloadPerson(
            person, read.person.name, read.share, health_flags(facts[person], clock.today())
        )
        for person, read in reads.items()
    ]
    return sorted(people, key=lambda p: (-p.concerns, p.name.lower(), p.person_id))


def person_view(
    store: Store,
    coach: Owner,
    person_id: int,
    clock: Clock,
    *,
    scopes: frozenset[Scope] | None = None,
) -> PersonView:
    """One person's shared page (or only ``scopes`` of it); a person who has not shared (or
    not these scopes) is the same NotFound as one who does not exist. One transaction: the
    read's log entry and every section's reads join it."""
    with store.transaction():
        return _person_view(store, coach, person_id, clock, scopes)


def _person_view(
    store: Store, coach: Owner, person_id: int, clock: Clock, scopes: frozenset[Scope] | None
) -> PersonView:
    ordered = None if scopes is None else [s for s in Scope if s in scopes]
    read = read_shared(store, coach, person_id, clock, scopes=ordered, what="their page")
    share, person = read.share, read.person  # a scope not shared was refused above
    wanted = share.scopes if scopes is None else scopes
    with store.transaction() as tx:
        facts = tx.caseload.facts(person_id, share.scopes & FLAG_SCOPES & wanted, clock.now())
        notes = tuple(tx.coach_notes.query(person_id, coach_id=coach.id))
        proposals = tuple(tx.proposed_goals.query(person_id, coach_id=coach.id))
    found: dict[str, Any] = {
        "person": CaseloadPerson(
            person_id, person.name, read.share, health_flags(facts, clock.today())
        ),
        "notes": notes,
        "proposals": proposals,
    }
    for scope in Scope:
        if scope in wanted:
            found.update(_section(store, person, scope, clock))
    return PersonView(**found)


def _section(store: Store, person: Owner, scope: Scope, clock: Clock) -> dict[str, Any]:
    """One scope of the person's data, read with the person's own services."""
    if scope is Scope.PIPELINE:
        from onward.services.applications import list_applications

        page = list_applications(store, person, ApplicationQuery(limit=APPLICATIONS_SHOWN))
        apps = tuple(SharedApplication(a.company, a.role, a.stage, a.stage_on) for a in page.items)
        return {"applications": apps}
    if scope is Scope.INSIGHTS:
        from onward.services.insights import compute_insights

        return {"insights": compute_insights(store, person, clock, skills=False)}
    if scope is Scope.GOALS:
        from onward.services.goals import goal_progress

        return {"goals": goal_progress(store, person, clock)}
    if scope is Scope.DRAFTS:
        from onward.services.drafts import list_drafts

        return {"drafts": tuple(list_drafts(store, person))}
    if scope is Scope.FEEDBACK:
        from onward.services.feedback import list_feedback

        return {"feedback": list_feedback(store, person)}
    if scope is Scope.REFLECTIONS:
        from onward.services.reflection import list_reflections

        return {"reflections": tuple(list_reflections(store, person))}
    from onward.services.journal import journal_overview

    return {"journal": journal_overview(store, person, clock)}


def add_coach_note(
    store: Store, coach: Owner, person_id: int, text: str, clock: Clock, *, shown: bool = False
) -> CoachNote:
    """A note about a person in the coach's caseload; ``shown``: the person sees it too.
    Whom it is about is checked first: for anyone else the answer is the gate's 404."""
    with store.transaction() as tx:
        read_shared(store, coach, person_id, clock)
        note_id = tx.coach_notes.insert(person_id, coach.id, check_note(text), shown, clock.now())
        return next(
            n for n in tx.coach_notes.query(person_id, coach_id=coach.id) if n.id == note_id
        )


def propose_goal(
    store: Store,
    coach: Owner,
    person_id: int,
    metric: str,
    target: float,
    clock: Clock,
    *,
    why: str = "",
) -> ProposedGoal:
    """Suggest a weekly goal (``metric``, ``target`` a week) to a person who shares their
    goals; they accept or decline it on their Goals or Sharing page. One transaction: a
    refused goal leaves no access log entry."""
    from onward.services.goals import parse_metric

    with store.transaction() as tx:
        read_shared(
            store, coach, person_id, clock, scopes=(Scope.GOALS,), what="goals, to propose one"
        )
        chosen = parse_metric(metric)
        if not 0 < target <= 100:
            raise InvalidInput("a weekly goal is more than 0 and at most 100", field="target")
        WeeklyGoals(**{chosen.value: target})  # the goal's own rules
        if len(why) > 1000:
            raise InvalidInput("keep the reason under 1000 characters", field="why")
        new_id = tx.proposed_goals.insert(
            person_id, coach.id, chosen.value, target, why.strip(), clock.now()
        )
        found = tx.proposed_goals.get(person_id, new_id)
    assert found is not None
    return found
