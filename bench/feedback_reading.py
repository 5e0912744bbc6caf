"""How well feedback is read clause by clause: strengths and gaps found, on the right side.

    python -m bench.feedback_reading [FILE]

FILE is JSON lines of ``{"text", "strengths": [...], "gaps": [...]}`` (default: the 151
sentences written for the project, tests/domain/playbook/feedback_sentences.jsonl). An item
counts as found when the words of the expected item and of a read item overlap in full one
way or the other, ignoring case, punctuation and plain endings ("experience with Kubernetes"
finds "Kubernetes", "asking questions" finds "ask more questions"). Prints precision, recall
and F1 for strengths and for gaps, how many expected
items were read on the wrong side, and how many pieces of feedback with no gap got a theme.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from onward.domain.playbook.feedback import FeedbackTheme, themes_from_gaps
from onward.domain.playbook.feedback_reading import read_feedback

DEFAULT = Path(__file__).resolve().parents[1] / "tests/domain/playbook/feedback_sentences.jsonl"


def words(text: str) -> frozenset[str]:
    """The words of ``text``, lower case, with plain English endings cut (asking = ask)."""
    found = re.findall(r"[a-z0-9+#/-]+", text.lower().replace("'", ""))
    return frozenset(re.sub(r"(?:ing|ed|es|s)$", "", w) if len(w) > 4 else w for w in found)


def matches(expected: str, found: str) -> bool:
    a, b = words(expected), words(found)
    return bool(a and b) and (a <= b or b <= a)


def score(path: Path) -> dict[str, float]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    totals = dict.fromkeys(("s_tp", "s_fp", "s_fn", "g_tp", "g_fp", "g_fn", "wrong_side"), 0)
    no_gap = themed = 0
    for row in rows:
        reading = read_feedback(row["text"])
        for side, found, other in (
            ("s", reading.strengths, reading.gaps),
            ("g", reading.gaps, reading.strengths),
        ):
            expected = row["strengths"] if side == "s" else row["gaps"]
            hit = [any(matches(e, f) for f in found) for e in expected]
            totals[f"{side}_tp"] += sum(hit)
            totals[f"{side}_fn"] += len(hit) - sum(hit)
            totals[f"{side}_fp"] += sum(not any(matches(e, f) for e in expected) for f in found)
            totals["wrong_side"] += sum(
                not h and any(matches(e, f) for f in other)
                for e, h in zip(expected, hit, strict=True)
            )
        if not row["gaps"]:
            no_gap += 1
            themed += themes_from_gaps(row["text"]) != (FeedbackTheme.OTHER,)
    out: dict[str, float] = {"sentences": len(rows)}
    for side, name in (("s", "strengths"), ("g", "gaps")):
        tp, fp, fn = totals[f"{side}_tp"], totals[f"{side}_fp"], totals[f"{side}_fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[f"{name}_precision"], out[f"{name}_recall"] = p, r
        out[f"{name}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
        out[f"{name}_expected"] = tp + fn
    out["read_on_the_wrong_side"] = totals["wrong_side"]
    out["no_gap_feedback"], out["no_gap_feedback_given_a_theme"] = no_gap, themed
    return out


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    figures = score(path)
    for key, value in figures.items():
        print(f"{key:32} {value:.3f}" if isinstance(value, float) else f"{key:32} {value}")


if __name__ == "__main__":
    main()
