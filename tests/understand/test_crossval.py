"""Cross-validation that holds out whole families (``onward model eval --cv``)."""

from __future__ import annotations

from collections import Counter, defaultdict

from onward.domain.emails import EmailLabel
from onward.understand import builtin_corpus
from onward.understand.crossval import cross_validate, family_folds
from onward.understand.examples import LabelledExample


def _some_families(count: int) -> list[LabelledExample]:
    """The examples of ``count`` families of each kind of writer, every label present."""
    by_family: dict[str, list[LabelledExample]] = defaultdict(list)
    for e in builtin_corpus():
        if e.id.startswith("voice-"):
            by_family[e.family].append(e)
    kinds: Counter[str] = Counter()
    out: list[LabelledExample] = []
    for family, examples in sorted(by_family.items()):
        kind = family.split(":")[0]
        if kinds[kind] < count:
            kinds[kind] += 1
            out.extend(examples)
    return out


def test_every_corpus_example_names_its_family_and_families_are_many() -> None:
    corpus = builtin_corpus()
    assert all(e.family for e in corpus)
    voices = [e for e in corpus if e.id.startswith("voice-")]
    assert len({e.family for e in voices}) >= 300
    assert len(corpus) >= 3000


def test_folds_hold_whole_families_and_are_about_the_same_size() -> None:
    corpus = builtin_corpus()
    folds = family_folds(corpus, 5)
    fold_of: dict[str, set[int]] = defaultdict(set)
    for e, f in zip(corpus, folds, strict=True):
        fold_of[e.family].add(f)
    assert all(len(f) == 1 for f in fold_of.values())
    sizes = Counter(folds)
    biggest = max(Counter(e.family for e in corpus).values())
    assert len(sizes) == 5 and max(sizes.values()) - min(sizes.values()) <= biggest
    assert family_folds(corpus, 5) == folds  # the same deal every time


def test_each_family_is_read_by_a_model_that_never_saw_it() -> None:
    examples = _some_families(3)
    assert {e.label for e in examples} == set(EmailLabel)
    result = cross_validate(examples, folds=3)
    assert result.folds == 3 and result.families == len({e.family for e in examples})
    report = result.report
    assert report.emails == len(examples)
    assert sum(sum(row.values()) for row in report.confusion.values()) == len(examples)
    # Small folds of unseen writers: far from perfect, far better than chance.
    assert report.accuracy > 0.5
    assert report.rejection.support == sum(e.label is EmailLabel.REJECTION for e in examples)


def test_template_banks_are_background_unless_held_out_too() -> None:
    """A template family is one label's sentence bank, not a writer: it trains every fold
    and is not scored, unless asked for the stricter figure."""
    writers = _some_families(2)
    banks = [e for e in builtin_corpus() if e.family.startswith("template:")][::40]
    assert banks and {e.label for e in writers} == set(EmailLabel)
    result = cross_validate(writers + banks, folds=2)
    assert result.report.emails == len(writers) and result.background == len(banks)
    assert result.families == len({e.family for e in writers})
    strict = cross_validate(writers + banks, folds=2, hold_out_templates=True)
    assert strict.report.emails == len(writers) + len(banks) and strict.background == 0


def test_each_corpus_email_is_its_own_mailbox() -> None:
    """Corpus labels say what each email names by itself, so no email lends another a name."""
    examples = _some_families(1)
    result = cross_validate(examples, folds=2)
    assert result.report.company_accuracy == result.report.company_alone_accuracy
