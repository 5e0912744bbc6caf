"""The hand-written held-out set (tests/understand/heldout/): big and varied enough to judge
the reader, readable by ``onward model eval``, and never part of the training data."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from onward.domain.emails import EmailLabel
from onward.understand import Reader, builtin_corpus
from onward.understand.evaluate import evaluate
from onward.understand.examples import read_examples

HELDOUT = Path(__file__).parent / "heldout" / "heldout.jsonl"
FRESH = Path(__file__).parent / "heldout" / "fresh.jsonl"
#: Lines every mailbox holds word for word (a calendar invitation's, a no-reply footer): the
#: fresh set was written blind, so it could not avoid the corpus's copies of them.
_STOCK_LINES = {
    "you have been invited to the following event.",
    "this is an automated message. please do not reply to this email.",
}
EVERYDAY = Path(__file__).parent / "negatives" / "everyday.jsonl"


def _lines(text: str) -> set[str]:
    return {line.strip().lower() for line in text.splitlines() if len(line.strip()) >= 40}


def test_the_heldout_set_is_large_and_covers_every_label() -> None:
    examples = read_examples(HELDOUT)
    counts = Counter(e.label for e in examples)
    assert len(examples) >= 300 and counts[EmailLabel.OTHER] >= 100
    assert set(counts) == set(EmailLabel)
    assert len({e.email.body for e in examples}) == len(examples)
    assert all(e.company and e.role for e in examples if e.label is not EmailLabel.OTHER)


def test_no_heldout_text_is_in_the_training_corpus_or_the_gates_negatives() -> None:
    corpus = builtin_corpus() + read_examples(EVERYDAY)
    bodies = {e.email.body.strip().lower() for e in corpus}
    lines = set().union(*(_lines(e.email.body) for e in corpus)) - _STOCK_LINES
    for example in read_examples(HELDOUT) + read_examples(FRESH):
        assert example.email.body.strip().lower() not in bodies, example.id
        assert not _lines(example.email.body) & lines, example.id


def test_the_fresh_set_is_half_everyday_mail_and_apart_from_the_heldout_set() -> None:
    fresh = read_examples(FRESH)
    counts = Counter(e.label for e in fresh)
    assert len(fresh) == 200 and counts[EmailLabel.OTHER] == 100
    assert set(counts) == set(EmailLabel)
    older = {e.email.body for e in read_examples(HELDOUT)}
    assert not older & {e.email.body for e in fresh}
    assert len({e.id for e in fresh} | {e.id for e in read_examples(HELDOUT)}) == 635


def test_the_evaluation_reads_the_heldout_set(reader: Reader) -> None:
    report = evaluate(reader, HELDOUT)
    assert report.emails == len(read_examples(HELDOUT))
    assert {c.label for c in report.per_class} == {label.value for label in EmailLabel}
