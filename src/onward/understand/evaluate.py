"""Measure a reader on a JSONL file of labelled emails (the format of the dev set).

Label metrics compare ``Reader.decide`` with the gold label. Stage, reason and personal are
scored on the gold rejections, with the rejection extractors applied as if the label were
known, so they measure extraction rather than classification. Company and role are scored on
every email: both must agree after case and punctuation are normalised (for the company,
spacing and "&" too, as the tracker matches names: "Cobaltreach" is "Cobalt Reach"), and a
gold ``null`` must be predicted as ``None``.

The company is read the way an import reads it: the emails of one mailbox (an example's
``mailbox`` or ``source``; the whole file when it names none) are read whole, and each email
gets the name the mailbox knows its company by (``onward.understand.mailbox``; only the
emails' senders and the names read from their text are used, never the labels).
``company_alone_accuracy`` is the figure with every email read on its own.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onward.domain.emails import EmailLabel
from onward.understand.examples import LabelledExample, read_examples
from onward.understand.extract import extract_details
from onward.understand.mailbox import CompanyBook
from onward.understand.reader import Reader, Verdict

__all__ = [
    "ClassScore",
    "EvalReport",
    "ExtractionMiss",
    "Misread",
    "evaluate",
    "evaluate_examples",
    "normalise",
    "normalise_company",
    "report_of",
]


@dataclass(frozen=True)
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Misread:
    """One wrongly labelled email, with the evidence the reader gave."""

    id: str
    expected: str
    predicted: str
    confidence: float
    evidence: tuple[str, ...]
    subject: str


@dataclass(frozen=True)
class ExtractionMiss:
    """One email whose company or role was read wrong, as written and as compared."""

    id: str
    field: str  # "company" or "role"
    expected: str | None
    read: str | None
    expected_key: str | None
    read_key: str | None


@dataclass(frozen=True)
class EvalReport:
    emails: int
    accuracy: float
    macro_f1: float
    per_class: list[ClassScore]
    confusion: dict[str, dict[str, int]]
    rejection: ClassScore
    stage_accuracy: float | None
    reason_accuracy: float | None
    personal_accuracy: float | None
    company_accuracy: float
    company_alone_accuracy: float
    role_accuracy: float
    emails_per_second: float
    errors: list[Misread] = field(default_factory=list)
    extraction_errors: list[ExtractionMiss] = field(default_factory=list)


def normalise(value: str | None) -> str | None:
    """Case- and punctuation-insensitive form used to compare names and titles."""
    if value is None:
        return None
    # An apostrophe joins ("Macy's" is "Macys"); other punctuation, "_" included, separates.
    key = re.sub(r"['’`]", "", value.casefold())
    key = re.sub(r"[\W_]+", " ", key).strip()
    return key or None


def normalise_company(value: str | None) -> str | None:
    """``normalise`` with spacing and "&" aside, as the tracker matches a company: an email
    that only squeezes a name into an address ("lucy@cobaltreach.com") names "Cobalt Reach",
    and "Hatch & Hollow" is "Hatchandhollow"."""
    key = normalise(value.replace("&", " and ") if value else value)
    return key.replace(" ", "") if key else None


def _score(label: str, pairs: list[tuple[str, str]]) -> ClassScore:
    tp = sum(1 for g, p in pairs if g == label and p == label)
    fp = sum(1 for g, p in pairs if g != label and p == label)
    fn = sum(1 for g, p in pairs if g == label and p != label)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ClassScore(label, precision, recall, f1, tp + fn)


def _ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


def evaluate_examples(reader: Reader, examples: list[LabelledExample]) -> EvalReport:
    started = time.process_time()  # CPU seconds of this process: one core, parsing excluded
    verdicts = [reader.decide(e.email) for e in examples]
    elapsed = time.process_time() - started
    read = [reader.details(e.email, e.label) for e in examples]
    return report_of(examples, verdicts, elapsed, reader.evidence, read)


def report_of(
    examples: list[LabelledExample],
    verdicts: list[Verdict],
    elapsed: float,
    evidence: Callable[[Verdict], tuple[str, ...]] | None = None,
    read: list[dict[str, Any]] | None = None,
) -> EvalReport:
    """Score ``verdicts`` (one per example, in order) against the examples' gold fields;
    misread emails are listed with their evidence when ``evidence`` is given. ``read``: the
    details of each example read with its gold label (``Reader.details``); by default the
    rules' alone (``extract_details``)."""
    pairs = [(e.label.value, v.label.value) for e, v in zip(examples, verdicts, strict=True)]
    present = [lab.value for lab in EmailLabel if any(g == lab.value for g, _ in pairs)]
    per_class = [_score(lab, pairs) for lab in present]
    confusion = {g: dict(Counter(p for gg, p in pairs if gg == g)) for g in present}
    errors = [
        Misread(
            e.id,
            e.label.value,
            v.label.value,
            round(v.confidence, 3),
            evidence(v) if evidence else (),
            e.email.subject,
        )
        for e, v in zip(examples, verdicts, strict=True)
        if e.label is not v.label
    ]
    if read is None:
        read = [extract_details(e.email, e.label) for e in examples]
    companies = _mailbox_companies(
        examples, [d["company"] for d in read], [v.label for v in verdicts]
    )
    hits, misses = _extraction_hits(examples, read, companies)
    n = len(examples)
    return EvalReport(
        emails=n,
        accuracy=sum(g == p for g, p in pairs) / n if n else 0.0,
        macro_f1=sum(c.f1 for c in per_class) / len(per_class) if per_class else 0.0,
        per_class=per_class,
        confusion=confusion,
        rejection=_score(EmailLabel.REJECTION.value, pairs),
        stage_accuracy=_ratio(hits["stage"], hits["rejections"]),
        reason_accuracy=_ratio(hits["reason"], hits["rejections"]),
        personal_accuracy=_ratio(hits["personal"], hits["personal_total"]),
        company_accuracy=hits["company"] / n if n else 0.0,
        company_alone_accuracy=hits["alone"] / n if n else 0.0,
        role_accuracy=hits["role"] / n if n else 0.0,
        emails_per_second=n / elapsed if elapsed > 0 else 0.0,
        errors=errors,
        extraction_errors=sorted(misses, key=lambda m: m.field),
    )


def _extraction_hits(
    examples: list[LabelledExample], read: list[dict[str, Any]], companies: list[str | None]
) -> tuple[Counter[str], list[ExtractionMiss]]:
    """How many companies, roles and rejection details were read right (``alone``: the
    company from each email without its mailbox), and the misses."""
    hits: Counter[str] = Counter()
    misses: list[ExtractionMiss] = []
    for e, details, name in zip(examples, read, companies, strict=True):
        hits["alone"] += normalise_company(details["company"]) == normalise_company(e.company)
        checks = (
            ("company", e.company, name, normalise_company),
            ("role", e.role, details["role"], normalise),
        )
        for what, expected, got, key in checks:
            if key(got) == key(expected):
                hits[what] += 1
            else:
                misses.append(ExtractionMiss(e.id, what, expected, got, key(expected), key(got)))
        if e.label is EmailLabel.REJECTION:
            hits["rejections"] += 1
            hits["stage"] += e.stage is not None and details["rejection_stage"] == e.stage
            hits["reason"] += e.reason is not None and details["reason"] == e.reason
            if e.personal is not None:
                hits["personal_total"] += 1
                hits["personal"] += details["personal"] == e.personal
    return hits, misses


def _mailbox_companies(
    examples: list[LabelledExample], own: list[str | None], labels: list[EmailLabel]
) -> list[str | None]:
    """Each email's company as its mailbox knows it, exactly as the import does it: the
    emails of a mailbox read as job mail (any label but *other*) are learnt first (the file
    is read whole), then every email is resolved."""
    books: dict[str, CompanyBook] = {}
    for e, company, label in zip(examples, own, labels, strict=True):
        book = books.setdefault(e.mailbox, CompanyBook())
        if label is not EmailLabel.OTHER:
            book.learn(e.email.sender, company)
    return [
        books[e.mailbox].resolve(e.email.sender, company)
        for e, company in zip(examples, own, strict=True)
    ]


def evaluate(reader: Reader, path: Path) -> EvalReport:
    """Evaluate on a JSONL file; ``InvalidInput`` names the first bad line."""
    return evaluate_examples(reader, read_examples(path))
