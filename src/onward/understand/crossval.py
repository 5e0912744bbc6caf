"""Cross-validation that holds out whole families of the corpus.

Every corpus example names its ``family``: the template it was composed from or the writer
who wrote it. Mail from a writer the model has seen says things the way that writer says
them, so scoring a model on other emails of the same writers flatters it. Here the families
are dealt into ``folds`` groups; each group is read by a model trained on the others only
(the phrase rules and the gate are hand-written and the same in every fold), and the
out-of-fold readings of all groups are scored together, exactly as ``onward model eval``
scores a file. The estimate is of mail from writers the reader has never seen.

A family is a writer: one employer's tracking system, a hiring manager, an agency recruiter,
a friend (``voices.jsonl``), a free writer (``written.jsonl``), or one hand-written trap.
The older template corpus
(``generated.jsonl``, families ``template:…``) is not written by writers: each of its 13
families is one sentence bank for one label, hundreds of emails drawn at random (330
rejections in ``template:rejection``). Holding such a bank out whole asks a model that has
never seen a single template rejection to read 330 of them, a reader no one ships; dealing
its emails into folds would let the same sentences sit on both sides. So by default the banks
are background: in every fold's training, never scored. ``hold_out_templates=True`` deals them
into folds as whole families too: the stricter figure of ``onward model eval --cv
--hold-out-templates``.

An example that names no mailbox is its own: the corpus labels the company each email names
by itself (``null`` when it names none), and the corpus is not anyone's mailbox (read as one,
the many writers of its 45 invented employers, its agencies and its everyday mail would lend
each other names no person's mailbox would hold), so the company figure of the estimate is
that of each email read alone.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from onward.understand.evaluate import EvalReport, report_of
from onward.understand.examples import LabelledExample, corpus_hash
from onward.understand.reader import Reader, Verdict

__all__ = ["CrossValReport", "cross_validate", "family_folds"]

DEFAULT_FOLDS = 5
#: Families that are sentence banks, not writers (see above).
TEMPLATE_PREFIX = "template:"


@dataclass(frozen=True)
class CrossValReport:
    """Out-of-fold figures over ``examples`` emails of ``families`` families; ``background``
    emails (template banks) were in every fold's training and are not scored."""

    folds: int
    families: int
    report: EvalReport
    seconds: float
    background: int = 0


def family_folds(examples: Sequence[LabelledExample], folds: int, seed: int = 0) -> list[int]:
    """The fold of each example: whole families, dealt largest first to the smallest fold,
    so the folds are about the same size (the order among equal sizes is shuffled)."""
    sizes = Counter(e.family for e in examples)
    names = sorted(sizes)
    random.Random(seed).shuffle(names)
    names.sort(key=lambda name: -sizes[name])
    load = [0] * folds
    fold_of: dict[str, int] = {}
    for name in names:
        target = min(range(folds), key=lambda i: (load[i], i))
        fold_of[name] = target
        load[target] += sizes[name]
    return [fold_of[e.family] for e in examples]


def cross_validate(
    examples: Sequence[LabelledExample],
    folds: int = DEFAULT_FOLDS,
    seed: int = 0,
    hold_out_templates: bool = False,
) -> CrossValReport:
    """Train ``folds`` models, each without one group of families, and score every example
    with the model that never saw its family; template banks are background unless
    ``hold_out_templates``."""
    from onward.understand.training import fit_model

    started = time.perf_counter()
    examples = [
        e if e.mailbox else replace(e, mailbox=e.id or str(i)) for i, e in enumerate(examples)
    ]
    background = [
        e for e in examples if not hold_out_templates and e.family.startswith(TEMPLATE_PREFIX)
    ]
    if background:
        examples = [e for e in examples if not e.family.startswith(TEMPLATE_PREFIX)]
    families = len({e.family for e in examples})
    folds = max(2, min(folds, families))
    fold_of = family_folds(examples, folds, seed)
    verdicts: list[Verdict | None] = [None] * len(examples)
    read: list[dict[str, Any]] = [{} for _ in examples]
    reading = 0.0
    for fold in range(folds):
        train = [e for e, f in zip(examples, fold_of, strict=True) if f != fold] + background
        model = fit_model(train, [1.0] * len(train), corpus_hash(train))
        reader = Reader(model)
        begun = time.process_time()
        for i, f in enumerate(fold_of):
            if f == fold:
                verdicts[i] = reader.decide(examples[i].email)
        reading += time.process_time() - begun
        for i, f in enumerate(fold_of):
            if f == fold:  # the details with the gold label, as ``report_of`` scores them
                read[i] = reader.details(examples[i].email, examples[i].label)
    done = [v for v in verdicts if v is not None]
    report = report_of(examples, done, reading, read=read)
    seconds = time.perf_counter() - started
    return CrossValReport(folds, families, report, seconds, len(background))
