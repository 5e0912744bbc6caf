"""Skills: one application's posting against a resume, the gaps across rejected
applications, and turning those gaps into learning-plan items.

The score and the weights are explained in :mod:`onward.skills.matching` and docs/skills.md.
Every function takes an optional ``vocabulary`` (default: the one Onward ships).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.pipeline import Stage
from onward.domain.playbook.learning_plan import ItemKind, PlanItem, validate_item
from onward.domain.playbook.stored import StoredItem
from onward.domain.records import Application, ApplicationQuery, Owner
from onward.domain.resumes import Resume, find_version, pick_version
from onward.errors import Action, Hint, InvalidInput, NotFound
from onward.skills.matching import Asked, Match, SkillGap, match, rank_gaps
from onward.skills.vocabulary import Vocabulary, load_vocabulary

DEFAULT_TOP = 5
#: Below this many compared rejections, gaps are a hint, not a pattern (the CLI says so).
FEW = 5
#: Rough hours for a learning-plan item about one skill.
COURSE_HOURS = 6.0
CERTIFICATION_HOURS = 10.0
_CERTIFICATE_WORDS = ("certification", "certificate", "licence", "license", "registration")


@dataclass(frozen=True)
class ApplicationMatch:
    """One application's posting against a resume. ``resume_named`` says whether the resume
    is the one the application records as sent (False: the newest, or the one asked for)."""

    application: Application
    resume: Resume
    resume_named: bool
    match: Match


@dataclass(frozen=True)
class SkillGaps:
    """Skills the rejected applications asked for that ``resume`` lacks, heaviest first.
    ``without_description`` lists rejected applications that have no job description (they
    cannot count)."""

    resume: Resume
    gaps: tuple[SkillGap, ...]
    rejected: int
    compared: tuple[int, ...]
    without_description: tuple[int, ...]

    @property
    def few(self) -> bool:
        """Too few compared rejections to call anything a pattern (fewer than ``FEW``)."""
        return len(self.compared) < FEW


@dataclass(frozen=True)
class PlannedGaps:
    """What ``plan_skill_gaps`` did: items added, and gaps the plan already had."""

    gaps: SkillGaps
    added: tuple[StoredItem, ...]
    already_planned: tuple[SkillGap, ...]


def match_application(
    store: Store,
    owner: Owner,
    app_id: int,
    *,
    resume: str | None = None,
    vocabulary: Vocabulary | None = None,
) -> ApplicationMatch:
    """Score one application's job description against a resume: ``resume`` (a version
    number, ``v2`` or a label) if given, else the version the application records as sent,
    else the newest."""
    with store.transaction() as tx:
        app = tx.applications.get(owner.id, app_id, with_events=False)
        if app is None:
            raise NotFound(f"no application #{app_id}", hint=Hint(Action.LIST_APPLICATIONS))
        versions = tx.resumes.query(owner.id)
    if not (app.fields.description or "").strip():
        raise InvalidInput(
            f"application #{app_id} has no job description to compare with",
            hint=Hint(Action.EDIT_DESCRIPTION, {"application_id": app_id}),
        )
    return _match(app, versions, resume, vocabulary or load_vocabulary())


def match_if_ready(
    store: Store, owner: Owner, app_id: int, *, vocabulary: Vocabulary | None = None
) -> ApplicationMatch | None:
    """:func:`match_application` against the version it records as sent (else the newest),
    or None while the application has no job description or no resume is saved (an
    application's page then says which, kindly). An unknown application is NotFound."""
    with store.transaction() as tx:
        app = tx.applications.get(owner.id, app_id, with_events=False)
        if app is None:
            raise NotFound(f"no application #{app_id}", hint=Hint(Action.LIST_APPLICATIONS))
        if not (app.fields.description or "").strip():
            return None
        versions = tx.resumes.query(owner.id)
    if not versions:
        return None
    return _match(app, versions, None, vocabulary or load_vocabulary())


def _match(
    app: Application, versions: list[Resume], wanted: str | None, vocab: Vocabulary
) -> ApplicationMatch:
    chosen, named = _resume_for(app, versions, wanted)
    result = match(vocab.find(app.fields.description or ""), vocab.find(chosen.text))
    return ApplicationMatch(app, chosen, named, result)


def skill_gaps(
    store: Store,
    owner: Owner,
    *,
    resume: str | None = None,
    vocabulary: Vocabulary | None = None,
) -> SkillGaps:
    """Across rejected applications: what their postings asked for that the resume (default:
    the newest, the one you will send next) lacks, weighted by how often and how far you got."""
    with store.transaction() as tx:
        return _gaps(tx, owner, resume, vocabulary or load_vocabulary())


def plan_skill_gaps(
    store: Store,
    owner: Owner,
    clock: Clock,
    *,
    top: int = DEFAULT_TOP,
    resume: str | None = None,
    vocabulary: Vocabulary | None = None,
) -> PlannedGaps:
    """Add the ``top`` heaviest gaps to the learning plan as learning items (a course, or a
    certification for certificates and licences), in one transaction. A skill the plan
    already has an item for, in any status, is not added again."""
    if not 1 <= top <= 50:
        raise InvalidInput("top must be between 1 and 50")
    with store.transaction() as tx:
        gaps = _gaps(tx, owner, resume, vocabulary or load_vocabulary())
        planned = {s.item.focus.casefold() for s in tx.plan_items.query(owner.id)}
        now = clock.now()
        added: list[StoredItem] = []
        already: list[SkillGap] = []
        for gap in gaps.gaps[:top]:
            if gap.skill.name.casefold() in planned:
                already.append(gap)
                continue
            item = validate_item(_learning_item(gap))
            only = gap.application_ids[0] if gap.count == 1 else None  # linked when one job
            item_id = tx.plan_items.insert(owner.id, item, now, application_id=only)
            stored = tx.plan_items.get(owner.id, item_id)
            assert stored is not None
            added.append(stored)
            planned.add(gap.skill.name.casefold())
        return PlannedGaps(gaps, tuple(added), tuple(already))


def planned_skills(store: Store, owner: Owner) -> frozenset[str]:
    """What the learning plan already has an item about, in any status, casefolded: the
    skills :func:`plan_skill_gaps` would not add again."""
    with store.transaction() as tx:
        return frozenset(s.item.focus.casefold() for s in tx.plan_items.query(owner.id))


def _learning_item(gap: SkillGap) -> PlanItem:
    certificate = any(w in gap.skill.name.casefold() for w in _CERTIFICATE_WORDS)
    jobs = "job" if gap.count == 1 else "jobs"
    return PlanItem(
        kind=ItemKind.CERTIFICATION if certificate else ItemKind.COURSE,
        focus=gap.skill.name,
        effort_hours=CERTIFICATION_HOURS if certificate else COURSE_HOURS,
        because=(
            f"asked for by {gap.count} rejected {jobs} (furthest: {gap.furthest.value}), "
            "not on your resume"
        ),
    )


def _gaps(tx: Tx, owner: Owner, wanted: str | None, vocab: Vocabulary) -> SkillGaps:
    resume = pick_version(tx.resumes.query(owner.id), wanted)
    have = {m.skill.key for m in vocab.find(resume.text)}
    postings = _rejected_postings(tx, owner, vocab)
    # Applications by skill number and furthest stage: one pass over every skill named.
    named: dict[Stage, dict[int, list[int]]] = {}
    for app_id, reached, found in postings:
        at_stage = named.setdefault(reached, {})
        for index in found or ():
            ids = at_stage.get(index)
            if ids is None:
                at_stage[index] = [app_id]
            else:
                ids.append(app_id)
    skills = vocab.skills
    asked = [
        Asked(skills[index], reached, tuple(ids))
        for reached, at_stage in named.items()
        for index, ids in at_stage.items()
        if skills[index].key not in have
    ]
    return SkillGaps(
        resume=resume,
        gaps=rank_gaps(asked),
        rejected=len(postings),
        compared=tuple(app_id for app_id, _, found in postings if found is not None),
        without_description=tuple(app_id for app_id, _, found in postings if found is None),
    )


def _rejected_postings(
    tx: Tx, owner: Owner, vocab: Vocabulary
) -> list[tuple[int, Stage, list[int] | None]]:
    """Every rejected application (archived too) by id, how far it got, and the skills its
    job description names, as indices into ``vocab.skills`` (None: it has no description).

    What ``vocab`` found is kept on the application (JSON: a list of indices, or null) and
    reused while the description and the vocabulary stay the same (editing an application
    clears it), so only new and edited postings are read again."""
    rows = tx.postings.cached(owner.id, ApplicationQuery(stages=(Stage.REJECTED,), archived=None))
    known = vocab.fingerprint
    stale = [row.id for row in rows if row.vocabulary != known]
    fresh: dict[int, list[int] | None] = {}
    if stale:
        texts = tx.postings.descriptions(owner.id, stale)
        for app_id in stale:
            text = (texts.get(app_id) or "").strip()
            fresh[app_id] = [i for i, _, _ in vocab.find_indexed(text)] if text else None
        encoded = [(app_id, json.dumps(found)) for app_id, found in fresh.items()]
        tx.postings.store(owner.id, encoded, known)
    return [
        (
            row.id,
            row.reached,
            fresh[row.id] if row.id in fresh else json.loads(row.skills or "null"),
        )
        for row in rows
    ]


def _resume_for(
    app: Application, versions: list[Resume], wanted: str | None
) -> tuple[Resume, bool]:
    if wanted is not None:
        return pick_version(versions, wanted), False
    sent = app.fields.resume_version
    if sent:
        found = find_version(versions, sent)
        if found is not None:
            return found, True
    return pick_version(versions, None), False
