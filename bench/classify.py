"""Benchmark the email reader on one core: model load time and emails per second.

    python bench/classify.py [FILE.jsonl] [--models DIR]

Reads the emails first (parsing is excluded from the timings), warms up once, then times
``Reader.classify`` (label + confidence) and ``Reader.read`` (plus evidence and extraction)
in CPU seconds of this single-threaded process, so other work on the machine does not count.
Without FILE it uses the built-in corpus.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from onward.understand import builtin_corpus, load_model_file, load_reader, read_examples
from onward.understand.rules import uses_re2 as rules_engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--models", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    models = args.models or Path(tempfile.mkdtemp(prefix="onward-bench-"))

    load_reader(models)  # trains once if needed
    started = time.perf_counter()
    load_model_file(models)
    load_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    reader = load_reader(models)
    reader_ms = (time.perf_counter() - started) * 1000

    examples = read_examples(args.file) if args.file else builtin_corpus()
    emails = [e.email for e in examples]
    for email in emails:  # warm-up: fills per-word caches like a long-running app would
        reader.classify(email)

    def rate(fn: object) -> float:
        call = fn  # type: ignore[assignment]
        started = time.process_time()  # CPU time: fair on a busy machine
        for _ in range(args.rounds):
            for email in emails:
                call(email)  # type: ignore[operator]
        return len(emails) * args.rounds / (time.process_time() - started)

    print(f"emails: {len(emails)} ({args.file or 'built-in corpus'})")
    print(f"model file load: {load_ms:.1f} ms")
    print(f"load_reader (with staleness check): {reader_ms:.1f} ms")
    print(f"rule engine: {'RE2' if rules_engine() else 're (standard library)'}")
    print(f"classify (label + confidence): {rate(reader.classify):,.0f} emails/s")
    print(f"read (plus evidence and extraction): {rate(reader.read):,.0f} emails/s")


if __name__ == "__main__":
    main()
