"""The built-in corpus: large and varied enough, and labelled fully (its generator is checked in
tests/tools/test_corpus_generator.py)."""

from __future__ import annotations

from collections import Counter

from onward.domain.emails import EmailLabel
from onward.understand import builtin_corpus


def test_corpus_is_large_and_covers_every_label() -> None:
    examples = builtin_corpus()
    assert len(examples) >= 3000
    counts = Counter(e.label for e in examples)
    assert set(counts) == set(EmailLabel)
    assert min(counts.values()) >= 40


def test_corpus_is_varied_not_near_clones() -> None:
    examples = builtin_corpus()
    bodies = {e.email.body for e in examples}
    assert len(bodies) >= 0.95 * len(examples)
    assert len({e.company for e in examples}) >= 40


def test_rejections_carry_gold_extraction_fields() -> None:
    for e in builtin_corpus():
        if e.label is EmailLabel.REJECTION:
            assert e.stage is not None and e.reason is not None and e.personal is not None, e.id
            if e.reason.value != "unspecified" and e.id.startswith("gen"):
                assert e.reason_quote and e.reason_quote in e.email.body, e.id


def test_every_example_names_its_family_and_no_family_dominates() -> None:
    examples = builtin_corpus()
    families = Counter(e.family for e in examples)
    assert all(families) and len(families) >= 300
    voices = [e for e in examples if e.id.startswith("voice-")]
    assert len({e.family for e in voices}) >= 300
    assert max(Counter(e.family for e in voices).values()) <= 20


def test_everyday_mail_of_many_kinds_is_in_the_corpus() -> None:
    kinds = {e.family.split(":")[0] for e in builtin_corpus() if e.label is EmailLabel.OTHER}
    everyday = {"friend", "family", "school", "club", "shop", "bank", "travel", "bill"}
    assert everyday | {"calendar", "list", "digest", "job_alert", "outreach", "spam"} <= kinds


def test_titles_appear_as_postings_write_them_and_are_labelled_alone() -> None:
    # "Sous Chef (Ref: 12345)", "Sous Chef - Leeds", "R-12345 Sous Chef": the label is the
    # title without its code or place, so the held-out role figure is not flattered by
    # clean titles.
    posted = [
        e
        for e in builtin_corpus()
        if e.role
        and any(
            f"{e.role}{tail}" in f"{e.email.subject}\n{e.email.body}"
            for tail in (" (Ref:", " - Req", " (Remote)", " - Hybrid", " | ")
        )
    ]
    assert len(posted) >= 150
    assert all("Ref" not in e.role and "Remote" not in e.role for e in posted)


def test_everyday_mail_in_the_words_of_job_mail_is_in_the_corpus() -> None:
    # Someone else's job news, the school paper's interview, a committee's offer (family
    # "jobish"): read as *other*.
    jobish = [e for e in builtin_corpus() if e.family.startswith("jobish:")]
    assert len(jobish) >= 40 and all(e.label is EmailLabel.OTHER for e in jobish)
