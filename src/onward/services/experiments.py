"""Strategy experiments: start one (often from a reflection), tag the applications that use
it, see how they fare against the rest, and end it with a decision."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.playbook.experiments import (
    BASELINE,
    Comparison,
    Experiment,
    Verdict,
    check_name,
    compare,
    tag_for,
)
from onward.domain.records import Owner
from onward.errors import Conflict, InvalidInput, NotFound


@dataclass(frozen=True)
class ExperimentResult:
    experiment: Experiment
    comparison: Comparison


def start_experiment(store: Store, owner: Owner, name: str, clock: Clock) -> Experiment:
    """Start trying one change; its tag goes on the applications that use it."""
    name = check_name(name)
    tag = tag_for(name)
    with store.transaction() as tx:
        if tx.experiments.by_tag(owner.id, tag) is not None:
            raise Conflict(f"you are already trying {name!r}", field="name")
        tx.experiments.insert(owner.id, name, tag, clock.today(), clock.now())
        found = tx.experiments.by_tag(owner.id, tag)
        assert found is not None
        return found


def tag_applications(
    store: Store, owner: Owner, exp_id: int, app_ids: Sequence[int], clock: Clock
) -> int:
    """Mark applications as using the experiment's change; how many were newly marked."""
    if not app_ids:
        raise InvalidInput("choose at least one application", field="application_ids")
    with store.transaction() as tx:
        experiment = _get(tx, owner, exp_id)
        apps = {a.id: a for a in tx.applications.by_ids(owner.id, list(app_ids))}
        missing = sorted(set(app_ids) - set(apps))
        if missing:
            raise NotFound(f"no application #{missing[0]}", field="application_ids")
        marked = 0
        for app in apps.values():
            if experiment.tag not in app.fields.tags:
                tx.applications.set_tags(owner.id, app.id, (*app.fields.tags, experiment.tag))
                marked += 1
        return marked


def end_experiment(
    store: Store, owner: Owner, exp_id: int, decision: Verdict | str, clock: Clock
) -> Experiment:
    """End an experiment with the person's decision: keep the change, or drop it."""
    chosen = (
        Verdict.__members__.get(str(decision).upper()) if isinstance(decision, str) else decision
    )
    if chosen not in (Verdict.KEEP, Verdict.DROP):
        raise InvalidInput("decide to keep it or to drop it", field="decision")
    assert chosen is not None
    with store.transaction() as tx:
        experiment = _get(tx, owner, exp_id)
        if not experiment.running:
            raise Conflict(f"{experiment.name!r} has ended already", field="decision")
        tx.experiments.end(owner.id, exp_id, clock.today(), chosen)
        return _get(tx, owner, exp_id)


def experiment_results(store: Store, owner: Owner) -> list[ExperimentResult]:
    """Every experiment, running first (newest first), with how its applications fared."""
    with store.transaction() as tx:
        found = tx.experiments.all(owner.id)
        results = [
            ExperimentResult(
                e, compare(tx.experiments.outcomes(owner.id, e.tag, e.started_on - BASELINE))
            )
            for e in found
        ]
    return sorted(results, key=lambda r: not r.experiment.running)


def _get(tx: Tx, owner: Owner, exp_id: int) -> Experiment:
    found = next((e for e in tx.experiments.all(owner.id) if e.id == exp_id), None)
    if found is None:
        raise NotFound(f"no experiment #{exp_id}", field="experiment")
    return found
