"""Strategy experiments: start one, mark applications, read the comparison, end it."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter

from onward.services.experiments import (
    ExperimentResult,
    end_experiment,
    experiment_results,
    start_experiment,
    tag_applications,
)
from onward.web.routing import Body, Ws, json_object

router = APIRouter(tags=["experiments"])


class NewExperiment(Body):
    name: str


class Marked(Body):
    ids: list[int]


class Decision(Body):
    decision: Literal["keep", "drop"]


def _record(result: ExperimentResult) -> dict[str, Any]:
    c = result.comparison
    return {
        **json_object(result.experiment),
        "state": result.experiment.state,
        "verdict": c.verdict.value,
        "with": c.with_it.as_dict(),
        "without": c.without_it.as_dict(),
        "words": c.words,
    }


@router.get("/experiments")
def list_(ws: Ws) -> list[dict[str, Any]]:
    """Every experiment with how applications with it fared against the rest."""
    return [_record(r) for r in experiment_results(ws.store, ws.owner)]


@router.post("/experiments", status_code=201)
def start(body: NewExperiment, ws: Ws) -> dict[str, Any]:
    """Start trying a change; answers with it and its tag."""
    return json_object(start_experiment(ws.store, ws.owner, body.name, ws.clock))


@router.post("/experiments/{exp_id}/applications")
def mark(exp_id: int, body: Marked, ws: Ws) -> dict[str, int]:
    """Mark applications as using the change; answers how many were newly marked."""
    return {"marked": tag_applications(ws.store, ws.owner, exp_id, body.ids, ws.clock)}


@router.post("/experiments/{exp_id}/end")
def end(exp_id: int, body: Decision, ws: Ws) -> dict[str, Any]:
    """End it with your decision: keep the change or drop it."""
    ended = end_experiment(ws.store, ws.owner, exp_id, body.decision, ws.clock)
    found = json_object(ended)
    return {**found, "state": ended.state}
