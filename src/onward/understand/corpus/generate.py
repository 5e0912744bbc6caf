"""Write ``generated.jsonl``: ``python -m onward.understand.corpus.generate``."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from onward.understand.corpus import messages as M
from onward.understand.corpus import others as O
from onward.understand.corpus import threads as T

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
            out.append(ex)
    return out


def main() -> None:
    path = Path(__file__).with_name("generated.jsonl")
    with path.open("w", encoding="utf-8") as fh:
        for ex in generate():
            fh.write(json.dumps(ex, ensure_ascii=False) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
