"""Evidence items: a sentence with its deciding words marked, read back in three parts."""

from __future__ import annotations

from onward.domain.evidence import (
    MARK_CLOSE,
    MARK_OPEN,
    evidence_parts,
    mark,
    plain_evidence,
)


def test_a_marked_sentence_reads_back_in_three_parts() -> None:
    item = mark("Sadly we will not be moving forward.", 9, 35)
    assert item == f"Sadly we {MARK_OPEN}will not be moving forward{MARK_CLOSE}."
    assert evidence_parts(item) == ("Sadly we ", "will not be moving forward", ".")
    assert plain_evidence(item) == "Sadly we will not be moving forward."


def test_marks_in_the_email_itself_cannot_forge_a_highlight() -> None:
    hostile = f"Dear {MARK_CLOSE}candidate{MARK_OPEN}, we regret to inform you."
    item = mark(hostile, hostile.index("we regret"), hostile.index("we regret") + 9)
    before, words, after = evidence_parts(item)
    assert words == "we regret"
    assert MARK_OPEN not in before + after and MARK_CLOSE not in before + after


def test_unmarked_evidence_is_all_before() -> None:
    assert evidence_parts('"unable to offer you"') == ('"unable to offer you"', "", "")
    assert evidence_parts("bulk mail: List-Id header") == ("bulk mail: List-Id header", "", "")


def test_blank_words_are_not_marked() -> None:
    assert mark("Hello there", 5, 6) == "Hello there"
