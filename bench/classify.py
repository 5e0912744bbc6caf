"""Benchmark the email reader on one core: model load time and emails per second.

    python bench/classify.py [FILE.jsonl] [--models DIR] [--rounds N]

Reads the emails first (parsing is excluded from the timings) and times them in CPU seconds
of this single-threaded process, so other work on the machine does not count.

With FILE, the reader is warmed up on the built-in corpus (other text, as a running app
would have read other mail before), then ``Reader.classify`` (label + confidence) is timed:

- first pass: one pass over FILE, whose words are mostly new to the reader (its per-word
  tables learn them as they come);
- steady state: N more rounds over FILE, every word now known.

``Reader.read`` (plus evidence and extraction) is then timed in the steady state.

Without FILE, the built-in corpus is split in two halves: the reader warms up on the first
and is timed on the second the same way.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from onward.domain.emails import EmailText
from onward.understand import builtin_corpus, load_model_file, load_reader, read_examples
from onward.understand.rules import uses_re2 as rules_engine


def rate(call: Callable[[EmailText], object], emails: list[EmailText], rounds: int) -> float:
    """Emails per CPU second of ``rounds`` passes of ``call`` over ``emails``."""
    started = time.process_time()  # CPU time: fair on a busy machine
    for _ in range(rounds):
        for email in emails:
            call(email)
    return len(emails) * rounds / (time.process_time() - started)


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

    corpus = [e.email for e in builtin_corpus()]
    if args.file:
        warm, emails, source = corpus, [e.email for e in read_examples(args.file)], args.file
    else:
        half = len(corpus) // 2
        warm, emails, source = corpus[:half], corpus[half:], "second half of the built-in corpus"
    for email in warm:  # warm-up on other text, like a long-running app
        reader.classify(email)

    first = rate(reader.classify, emails, 1)
    steady = rate(reader.classify, emails, args.rounds)

    print(f"emails: {len(emails)} ({source}), reader warmed on {len(warm)} other emails")
    print(f"model file load: {load_ms:.1f} ms")
    print(f"load_reader (with staleness check): {reader_ms:.1f} ms")
    print(f"rule engine: {'RE2' if rules_engine() else 're (standard library)'}")
    print(f"classify, first pass (new words): {first:,.0f} emails/s")
    print(f"classify, steady state ({args.rounds} rounds): {steady:,.0f} emails/s")
    read = rate(reader.read, emails, args.rounds)
    print(f"read (plus evidence and extraction): {read:,.0f} emails/s")


if __name__ == "__main__":
    main()
