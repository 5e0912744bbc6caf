"""Skill extraction speed: milliseconds per job description with the shipped vocabulary.

    .venv/bin/python bench/skills.py

Job descriptions are the five test postings (nursing, retail, teaching, hospitality,
software; written for Onward's tests), each repeated 200 times: 1,000 descriptions of about
900 characters. Each is scanned for skills and matched against a resume. Prints the
vocabulary load time, the median and 95th percentile milliseconds per description, and the
throughput (wall clock: a loaded machine reads slower).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from onward.skills.matching import match
from onward.skills.vocabulary import VOCABULARY, load_vocabulary

POSTINGS = Path(__file__).resolve().parents[1] / "tests" / "skills" / "postings"
ROUNDS = 200


def main() -> None:
    start = time.perf_counter()
    vocabulary = load_vocabulary()
    load_ms = (time.perf_counter() - start) * 1000
    texts = [p.read_text(encoding="utf-8") for p in sorted(POSTINGS.glob("*.txt"))]
    resume = vocabulary.find(texts[0])
    timings: list[float] = []
    found = 0
    for _ in range(ROUNDS):
        for text in texts:
            t0 = time.perf_counter()
            skills = vocabulary.find(text)
            match(skills, resume)
            timings.append((time.perf_counter() - t0) * 1000)
            found += len(skills)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95)]
    chars = sum(len(t) for t in texts) / len(texts)
    print(
        f"vocabulary: {len(vocabulary):,} skills, {vocabulary.name_count:,} names, "
        f"{VOCABULARY.stat().st_size / 1e6:.2f} MB, loaded in {load_ms:.0f} ms"
    )
    print(
        f"extract + match: {len(timings):,} job descriptions (~{chars:,.0f} chars), "
        f"median {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms, "
        f"{len(timings) / (sum(timings) / 1000):,.0f} per second, "
        f"{found / len(timings):.1f} skills each"
    )


if __name__ == "__main__":
    main()
