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
