"""Phrase rules: guards, redirects, and the same answers with or without RE2."""

from __future__ import annotations

import json
import subprocess
import sys

from onward.domain.emails import EmailLabel
from onward.understand.rules import apply_rules

TEXTS = [
    "unfortunately, we won't be advancing you to the next round.",
    "we regret to inform you that the position has been filled.",
    "if you are not selected, we will keep your resume on file.",
    "you were not selected for this round, but we'd like to interview you for the lead role.",
    "we'd like to invite you to an interview on monday.",
    "please complete the hackerrank coding assessment.",
    "we have received your application for the clerk role.",
    "we are delighted to offer you the position.",
    "new jobs matching your job alert.",
    "hi, thanks! see you tuesday.",
    # Non-ASCII text (RE2 reads it as str, ASCII text as bytes): same hits and phrases.
    "chère zoé, we regret to inform you that the position has been filled — merci.",
    "josé, the café role: we’d like to invite you to an interview on monday.",
]


def _labels(text: str) -> set[EmailLabel]:
    return {hit.label for hit in apply_rules(text)}


def test_decision_phrases_fire() -> None:
    assert EmailLabel.REJECTION in _labels(TEXTS[0])  # "won't" is not cut by the word boundary
    assert EmailLabel.REJECTION in _labels(TEXTS[1])


def test_conditions_and_redirects_do_not_fire_rejection() -> None:
    assert EmailLabel.REJECTION not in _labels(TEXTS[2])
    assert EmailLabel.REJECTION not in _labels(TEXTS[3])


def test_rules_only_read_the_top_of_the_email() -> None:
    footer = "x " * 1000 + "we regret to inform you"
    assert EmailLabel.REJECTION not in _labels(footer)


def test_same_hits_with_the_standard_library_engine() -> None:
    code = (
        "import json, sys; sys.modules['re2'] = None\n"
        "from onward.understand.rules import apply_rules, uses_re2\n"
        "assert not uses_re2()\n"
        f"texts = {TEXTS!r}\n"
        "print(json.dumps([[(h.label.value, h.phrase) for h in apply_rules(t)] for t in texts]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    fallback = json.loads(out.stdout)
    here = [[[h.label.value, h.phrase] for h in apply_rules(t)] for t in TEXTS]
    assert fallback == here


def test_with_re2_installed_every_rule_pattern_runs_on_it() -> None:
    """A pattern RE2 cannot compile falls back to ``re`` quietly; none of ours may."""
    import re

    from onward.understand import rules

    if rules.uses_re2():
        assert not [p.pattern[:60] for p in rules._PATTERNS if isinstance(p, re.Pattern)]
        assert rules._MATCHING is not None
