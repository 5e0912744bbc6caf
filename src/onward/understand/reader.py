"""The email reader: model + rules to label an email, extractors to fill in the details."""

from __future__ import annotations

import math

import numpy as np

from onward.domain.emails import EmailLabel, EmailReading, EmailText
from onward.understand.extract import extract_details
from onward.understand.features import analyze, model_text
from onward.understand.model_file import LinearModel
from onward.understand.rules import RuleHit, apply_rules
from onward.understand.scoring import score, top_phrases

__all__ = ["Classification", "Reader"]

NO_DECISION_PENALTY = 3.0
Classification = tuple[EmailLabel, float, dict[str, float], tuple[str, ...], str]


class Reader:
    """Reads one email at a time. Build it with ``load_reader``; it holds no mutable state."""

    def __init__(self, model: LinearModel) -> None:
        self.model = model
        self._labels = [EmailLabel(x) for x in model.labels]

    def classify(self, email: EmailText) -> Classification:
        """Label, confidence, per-label scores, evidence and the text that was read."""
        text = model_text(email)
        probs, idx, vals = score(self.model, analyze(text))
        hits = apply_rules(text)
        logp = np.log(np.maximum(probs, 1e-9))
        boosted: set[EmailLabel] = set()
        for hit in hits:
            if hit.label not in boosted:
                logp[self._labels.index(hit.label)] += hit.boost
                boosted.add(hit.label)
        if EmailLabel.REJECTION not in boosted:
            # A rejection states a decision; without any decision phrase, doubt it.
            logp[self._labels.index(EmailLabel.REJECTION)] -= NO_DECISION_PENALTY
        z = np.exp(logp - logp.max())
        final = z / z.sum()
        best = int(np.argmax(final))
        label = self._labels[best]
        if label is EmailLabel.OFFER and EmailLabel.REJECTION in boosted:
            label, best = EmailLabel.REJECTION, self._labels.index(EmailLabel.REJECTION)
        evidence = [f'"{h.phrase}"' for h in hits if h.label is label]
        evidence += top_phrases(self.model, idx, vals, best)
        scores = {lab.value: round(float(p), 4) for lab, p in zip(self._labels, final,
                                                                  strict=True)}
        confidence = float(final[best])
        return label, confidence, scores, tuple(evidence[:6]), text

    def read(self, email: EmailText) -> EmailReading:
        label, confidence, scores, evidence, text = self.classify(email)
        details = extract_details(email, label)
        return EmailReading(label=label, confidence=round(confidence, 4), evidence=evidence,
                            scores=scores, **details)


def rule_hits(text: str) -> list[RuleHit]:
    return apply_rules(text)


def entropy(scores: dict[str, float]) -> float:
    return -sum(p * math.log(p) for p in scores.values() if p > 0)
