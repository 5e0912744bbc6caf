"""Strategy experiments: started from a reflection or by hand, applications marked, compared
honestly with the minimum-data guard, ended with a decision (clock: Friday 2026-11-20)."""

from __future__ import annotations

import pytest
from tests.factories import make_application

from onward.domain.pipeline import Stage
from onward.domain.playbook.experiments import MIN_EACH, Verdict, compare, tag_for
from onward.errors import Conflict, InvalidInput, NotFound
from onward.services.experiments import (
    end_experiment,
    experiment_results,
    start_experiment,
    tag_applications,
)
from onward.services.runtime import Workspace


def test_a_change_gets_a_tag_and_applications_carry_it(ws: Workspace) -> None:
    experiment = start_experiment(ws.store, ws.owner, "  Ask for a referral   first ", ws.clock)
    assert experiment.name == "Ask for a referral first"
    assert experiment.tag == "try-ask-for-a-referral-first" and experiment.running
    apps = [make_application(ws, f"Co{i}", "Analyst").id for i in range(3)]
    assert tag_applications(ws.store, ws.owner, experiment.id, apps[:2], ws.clock) == 2
    assert tag_applications(ws.store, ws.owner, experiment.id, apps[:2], ws.clock) == 0
    with pytest.raises(NotFound):
        tag_applications(ws.store, ws.owner, experiment.id, [999], ws.clock)
    with pytest.raises(Conflict):
        start_experiment(ws.store, ws.owner, "ask for a referral first", ws.clock)
    with pytest.raises(InvalidInput):
        start_experiment(ws.store, ws.owner, " !? ", ws.clock)
    (result,) = experiment_results(ws.store, ws.owner)
    assert result.comparison.verdict is Verdict.MORE_TIME
    assert "Too early to tell: 2 applications with it and 1 without" in result.comparison.words


def test_enough_applications_give_an_honest_verdict(ws: Workspace) -> None:
    experiment = start_experiment(ws.store, ws.owner, "Tailor the first paragraph", ws.clock)
    tagged = []
    for i in range(12):  # 9 of 12 with it reach a screen
        stage = Stage.SCREEN if i < 9 else Stage.APPLIED
        tagged.append(make_application(ws, f"With{i}", "Analyst", stage=stage).id)
    for i in range(12):  # 1 of 12 without it
        make_application(
            ws, f"Without{i}", "Analyst", stage=Stage.SCREEN if i < 1 else Stage.APPLIED
        )
    make_application(ws, "Saved", "Analyst", stage=Stage.SAVED)  # never sent: not counted
    tag_applications(ws.store, ws.owner, experiment.id, tagged, ws.clock)
    (result,) = experiment_results(ws.store, ws.owner)
    assert (result.comparison.with_it.hits, result.comparison.with_it.n) == (9, 12)
    assert (result.comparison.without_it.hits, result.comparison.without_it.n) == (1, 12)
    assert result.comparison.verdict is Verdict.KEEP and "worth keeping" in result.comparison.words
    ended = end_experiment(ws.store, ws.owner, experiment.id, "keep", ws.clock)
    assert ended.state == "kept" and not ended.running
    with pytest.raises(Conflict):
        end_experiment(ws.store, ws.owner, experiment.id, "drop", ws.clock)
    with pytest.raises(InvalidInput):
        end_experiment(ws.store, ws.owner, experiment.id, "maybe", ws.clock)


def test_the_verdicts_follow_the_intervals() -> None:
    moved, sent = (True, Stage.INTERVIEW), (True, Stage.APPLIED)
    other_moved, other_sent = (False, Stage.SCREEN), (False, Stage.REJECTED)
    assert compare([moved] * 5 + [other_sent] * 20).verdict is Verdict.MORE_TIME
    assert compare([sent] * 10 + [other_moved] * 8 + [other_sent] * 2).verdict is Verdict.DROP
    unclear = [moved] * 5 + [sent] * 5 + [other_moved] * 4 + [other_sent] * 6
    assert compare(unclear).verdict is Verdict.UNCLEAR
    assert MIN_EACH == 10 and tag_for("Apply within 3 days!") == "try-apply-within-3-days"
