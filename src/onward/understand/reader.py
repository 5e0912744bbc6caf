"""The email reader: model + rules to label an email, extractors to fill in the details."""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from onward.domain.emails import (
    EmailLabel,
    EmailReading,
    EmailText,
    RejectionReason,
)
from onward.understand.combine import combine
from onward.understand.decision import decision_sentences, sentences_with
from onward.understand.extract import extract_details
from onward.understand.features import model_text, model_text_cased
from onward.understand.gate import GateDecision, judge, outright
from onward.understand.model_file import LinearModel
from onward.understand.rules import RuleHit, apply_rules
from onward.understand.scoring import Scorer, top_phrases

__all__ = ["Reader", "Verdict"]


class Verdict(NamedTuple):
    """The label decision with what led to it (internal to the reader and its evaluation)."""

    label: EmailLabel
    confidence: float
    probabilities: tuple[float, ...]
    hits: list[RuleHit]
    features: npt.NDArray[np.intp]  # every feature occurrence, see ``Scorer.features``
    #: The job-mail gate's decision, when the model read job mail (``None`` for *other*).
    gate: GateDecision | None = None


#: When the model reads *other* but a job label has at least this probability, an email that
#: is plainly about the person's application (``gate.outright``) takes that job label: the
#: gate decides whether mail is job mail, the model only which kind.
JOB_KIND_FLOOR = 0.2

#: When the model reads *other* but a rejection phrase rule fired and rejection is the most
#: probable job label with at least this probability, the gate decides alone: the phrase
#: states the decision, the gate says whether it is about a job.
REJECTION_FLOOR = 0.1

#: Where the rules find no reason in a rejection ("unspecified"), the model's reason head
#: (``LinearModel.heads``) names one it reads with at least this probability: the rules know
#: the wordings they were written for, the head reads the rest.
HEAD_FLOOR = 0.3

#: Each detail a head reads (``training.HEADS``): its key in ``extract_details``, its head,
#: its kind and the rules' silence.
_HEADS: tuple[tuple[str, str, type[RejectionReason], str], ...] = (
    ("reason", "reason", RejectionReason, RejectionReason.UNSPECIFIED.value),
)

#: The confidence of *other* when the gate turns job-looking mail away: the gate is strict,
#: but its "no" on mail that reads like job mail is less certain than the model's own *other*.
GATED_CONFIDENCE = 0.8


class Reader:
    """Reads one email at a time. Build it with ``load_reader``; it is safe to share."""

    def __init__(self, model: LinearModel) -> None:
        self.model = model
        self._scorer = Scorer(model)
        self._labels = [EmailLabel(x) for x in model.labels]
        self._reject = self._labels.index(EmailLabel.REJECTION)

    def decide(self, email: EmailText) -> Verdict:
        """Model probabilities, nudged by the phrase rules; rejection beats offer. A job
        label stands only when the job-mail gate (``onward.understand.gate``) agrees."""
        text = model_text(email)
        logits, features = self._scorer.logits(text)
        hits = apply_rules(text)
        combined, boosted = combine(logits, hits, self._labels)
        logits = [x / self.model.output_temperature for x in combined]
        top = max(logits)
        weights = [math.exp(x - top) for x in logits]
        total = sum(weights)
        final = tuple(w / total for w in weights)
        best = final.index(max(final))
        if self._labels[best] is EmailLabel.OFFER and EmailLabel.REJECTION in boosted:
            best = self._reject
        if self._labels[best] is EmailLabel.OTHER:
            kind = self._job_kind(final)
            if (
                EmailLabel.REJECTION in boosted
                and kind == self._reject
                and final[kind] >= REJECTION_FLOOR
            ):
                # A rejection decision is stated (not in a condition): a short personal note
                # ("we've gone with someone else") is a rejection when the gate says job mail.
                gate = judge(text, email.sender, email.headers, hits, email.correspondence)
                if gate.job:
                    return Verdict(self._labels[kind], final[kind], final, hits, features, gate)
            if final[kind] >= JOB_KIND_FLOOR and boosted != {EmailLabel.OTHER}:
                # (Unless only *other*'s phrases fired: a survey, an account or a job alert
                # from a recruiting system is about the person's application, not a step.)
                reason = outright(text, email.sender, email.correspondence)
                if reason is not None:
                    gate = GateDecision(True, (reason,))
                    return Verdict(self._labels[kind], final[kind], final, hits, features, gate)
            return Verdict(EmailLabel.OTHER, final[best], final, hits, features)
        reading = (self._labels[best], final[best])
        gate = judge(text, email.sender, email.headers, hits, email.correspondence, reading)
        if not gate.job:
            return Verdict(EmailLabel.OTHER, GATED_CONFIDENCE, final, hits, features, gate)
        return Verdict(self._labels[best], final[best], final, hits, features, gate)

    def _job_kind(self, final: tuple[float, ...]) -> int:
        """The most probable job label (any label but *other*)."""
        return max(
            (i for i, label in enumerate(self._labels) if label is not EmailLabel.OTHER),
            key=final.__getitem__,
        )

    def classify(self, email: EmailText) -> tuple[EmailLabel, float]:
        """Just the label and its calibrated confidence."""
        verdict = self.decide(email)
        return verdict.label, verdict.confidence

    def evidence(
        self, verdict: Verdict, limit: int = 6, email: EmailText | None = None
    ) -> tuple[str, ...]:
        """Why the label: with the email, the sentences that carry the decision, the deciding
        words marked (``onward.understand.decision``); without it, the quoted rule phrases.
        Then the words that weighed most for the label. For mail the gate turned away, the
        gate's reasons."""
        if verdict.gate is not None and not verdict.gate.job:
            return verdict.gate.reasons[:limit]
        best = self._labels.index(verdict.label)
        idx, vals = self._scorer.weights(verdict.features)
        words = top_phrases(self.model, idx, vals, best)
        if email is not None:
            cased = model_text_cased(email)
            lowered = cased.lower()
            if len(lowered) != len(cased):  # lowering moved the offsets: quote it lowered
                cased = lowered
            found = decision_sentences(cased, verdict.hits, verdict.label)
            if not found:
                found = sentences_with(cased, lowered, words)
            if found:
                return tuple(found[:limit])
        phrases = [f'"{h.phrase}"' for h in verdict.hits if h.label is verdict.label]
        phrases += words
        return tuple(phrases[:limit])

    def read(self, email: EmailText, person: str = "") -> EmailReading:
        """Label, confidence, evidence and every detail that could be extracted; ``person``
        is the name of the person the mail is for (the settings' "Your name")."""
        verdict = self.decide(email)
        scores = {
            lab.value: round(float(p), 4)
            for lab, p in zip(self._labels, verdict.probabilities, strict=True)
        }
        return EmailReading(
            label=verdict.label,
            confidence=round(verdict.confidence, 4),
            evidence=self.evidence(verdict, email=email),
            scores=scores,
            **self.details(
                email, verdict.label, person, self._hiring(email, verdict), verdict.features
            ),
        )

    def details(
        self,
        email: EmailText,
        label: EmailLabel,
        person: str = "",
        hiring: bool | None = None,
        features: npt.NDArray[np.intp] | None = None,
    ) -> dict[str, Any]:
        """``extract_details``, with the details of a rejection the model's heads read where
        the rules are silent (``HEAD_FLOOR``); ``features`` as ``Verdict.features``."""
        found = extract_details(email, label, person, hiring)
        if label is not EmailLabel.REJECTION or not self.model.heads:
            return found
        if features is None:
            features = self._scorer.features(model_text(email))
        for key, name, kind, silent in _HEADS:
            value = self._head(name, features) if found.get(key) == kind(silent) else None
            if value is not None and value != silent:
                found[key] = kind(value)
        return found

    def _head(self, name: str, features: npt.NDArray[np.intp]) -> str | None:
        """The value head ``name`` reads from the feature occurrences, when it is sure enough."""
        head = self.model.heads.get(name)
        if head is None:
            return None
        idx, vals = self._scorer.weights(features)  # the tf-idf values the label model reads
        if len(idx) == 0:
            return None
        logits = vals @ head.coef[idx] + head.intercept
        probabilities = np.exp(logits - logits.max())
        probabilities /= probabilities.sum()
        best = int(probabilities.argmax())
        return head.labels[best] if probabilities[best] >= HEAD_FLOOR else None

    def _hiring(self, email: EmailText, verdict: Verdict) -> bool:
        """Whether the mail is about a job, from what ``decide`` already worked out: job
        labels are; mail the gate turned away is not; for mail the model read as *other*,
        the gate is asked with the rule hits already found."""
        if verdict.label is not EmailLabel.OTHER:
            return True
        if verdict.gate is not None:
            return verdict.gate.job
        text = model_text(email)
        return judge(text, email.sender, email.headers, verdict.hits, email.correspondence).job
