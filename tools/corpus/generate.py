"""Write the shipped ``generated.jsonl``: ``python -m tools.corpus.generate`` (repository root)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from onward.understand.legal_forms import strip_legal_form
from tools import PACKAGE
from tools.corpus import messages as M
from tools.corpus import others as O
from tools.corpus import threads as T
from tools.corpus.labels import stage_without_step
from tools.corpus.voices import generate_voices

RECIPE: list[tuple[Callable[[random.Random], M.Example], int]] = [
    (M.rejection, 330),
    (M.short_rejection, 40),
    (M.acknowledgement, 280),
    (M.interview, 110),
    (M.assessment, 70),
    (M.offer, 50),
    (O.job_alert, 40),
    (O.newsletter, 60),
    (O.outreach, 35),
    (O.redirected, 20),
    (O.thread_reply, 40),
    (T.interview_logistics, 70),
    (T.admin_request, 60),
]


def generate(seed: int = 5) -> list[M.Example]:
    rng = random.Random(seed)
    out: list[M.Example] = []
    for make, count in RECIPE:
        for _ in range(count):
            ex = make(rng)
            ex["id"] = f"gen-{len(out):04d}"
            ex["family"] = f"template:{make.__name__}"
            if ex.get("stage") == "unknown":  # what the message shows (tools.corpus.labels)
                ex["stage"] = stage_without_step(f"{ex['subject']}\n{ex['body']}")
            if ex.get("company"):  # the labels' convention: a company without its legal form
                ex["company"] = strip_legal_form(ex["company"])
            out.append(ex)
    return out


#: The corpus files Onward ships and trains on.
OUTPUT = PACKAGE / "understand" / "corpus" / "generated.jsonl"
VOICES = PACKAGE / "understand" / "corpus" / "voices.jsonl"


def _lines(examples: list[M.Example]) -> bytes:
    return "".join(json.dumps(ex, ensure_ascii=False) + "\n" for ex in examples).encode("utf-8")


def render(seed: int = 5) -> bytes:
    """The template file's exact bytes: one JSON object a line, UTF-8."""
    return _lines(generate(seed))


def render_voices(seed: int = 11) -> bytes:
    """The voices file's exact bytes (``tools.corpus.voices``)."""
    return _lines(generate_voices(seed))


def main() -> None:
    OUTPUT.write_bytes(render())
    VOICES.write_bytes(render_voices())
    print(f"wrote {OUTPUT} and {VOICES}")


if __name__ == "__main__":
    main()
