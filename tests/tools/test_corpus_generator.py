"""The corpus generator (tools/corpus/) writes exactly the corpus file Onward ships."""

from __future__ import annotations

import json
from importlib import resources

from tools.corpus.generate import OUTPUT, VOICES, generate, render, render_voices

SHIPPED = resources.files("onward.understand.corpus").joinpath("generated.jsonl")
SHIPPED_VOICES = resources.files("onward.understand.corpus").joinpath("voices.jsonl")


def test_the_generator_reproduces_the_shipped_file_byte_for_byte() -> None:
    assert render() == SHIPPED.read_bytes()


def test_it_writes_the_very_file_the_package_reads() -> None:
    assert OUTPUT.samefile(str(SHIPPED))
    assert VOICES.samefile(str(SHIPPED_VOICES))


def test_the_voices_generator_reproduces_its_shipped_file_byte_for_byte() -> None:
    assert render_voices() == SHIPPED_VOICES.read_bytes()


def test_another_seed_gives_another_corpus_of_the_same_size() -> None:
    shipped = [json.loads(line) for line in SHIPPED.read_text(encoding="utf-8").splitlines()]
    other = generate(seed=6)
    assert [e["id"] for e in other] == [e["id"] for e in shipped]
    assert [e["body"] for e in other] != [e["body"] for e in shipped]
