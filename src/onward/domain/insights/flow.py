"""The whole search as flows between stages, for a Sankey diagram.

Each application follows the stages it actually went through (from its timeline) and then its
ending, so a rejection after an interview flows out of "Interview", not out of "Applied":
the picture keeps interview → rejected on the interview path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from onward.domain.insights.funnel import OutcomeCount
from onward.domain.pipeline import PROGRESS, RESPONSES, Stage

PATH = RESPONSES
#: The flow's nodes in the order the chart draws them.
NODE_LABELS = {
    **{stage.value: stage.label for stage in PROGRESS[1:]},
    "rejected": Stage.REJECTED.label,
    "ghosted": "No reply",
    "withdrawn": Stage.WITHDRAWN.label,
    "open": "Still open",
}


@dataclass(frozen=True)
class Flow:
    source: str
    target: str
    count: int


def search_flows(rows: Iterable[OutcomeCount]) -> tuple[Flow, ...]:
    """Summed flows ``source → target`` over the applications in ``rows``."""
    totals: dict[tuple[str, str], int] = {}
    for r in rows:
        if not r.applied or r.count <= 0:
            continue
        furthest = r.furthest
        visited = {s for s in r.visited if s in PATH} | ({furthest} if furthest in PATH else set())
        nodes = ["applied", *(s.value for s in PATH if s in visited)]
        nodes.append(_ending(r))
        for source, target in pairwise(nodes):
            totals[(source, target)] = totals.get((source, target), 0) + r.count
    order = list(NODE_LABELS)
    flows = [Flow(s, t, n) for (s, t), n in totals.items()]
    flows.sort(key=lambda f: (order.index(f.source), order.index(f.target)))
    return tuple(flows)


def _ending(r: OutcomeCount) -> str:
    if r.ghosted:
        return "ghosted"
    if r.stage in (Stage.REJECTED, Stage.WITHDRAWN, Stage.ACCEPTED):
        return r.stage.value
    return "open"
