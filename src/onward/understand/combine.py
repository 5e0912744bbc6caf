"""How the model's logits and the phrase rules are combined, shared by reading and training
(so the final calibration is fitted on exactly what the reader computes)."""

from __future__ import annotations

from collections.abc import Sequence

from onward.domain.emails import EmailLabel
from onward.understand.rules import RuleHit

__all__ = ["NO_DECISION_PENALTY", "combine"]

# Log-probability taken from "rejection" when no decision phrase fired at all.
NO_DECISION_PENALTY = 1.5


def combine(
    logits: Sequence[float], hits: Sequence[RuleHit], labels: Sequence[EmailLabel]
) -> tuple[list[float], set[EmailLabel]]:
    """Add each label's strongest rule boost; doubt a rejection that states no decision."""
    out = list(logits)
    boosted: set[EmailLabel] = set()
    for hit in hits:
        if hit.label not in boosted:
            out[labels.index(hit.label)] += hit.boost
            boosted.add(hit.label)
    if EmailLabel.REJECTION not in boosted:
        out[labels.index(EmailLabel.REJECTION)] -= NO_DECISION_PENALTY
    return out, boosted
