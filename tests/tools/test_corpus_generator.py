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


def test_labels_say_what_the_message_shows() -> None:
    """Stage, company and subject agree with the text (tools/corpus/labels.py)."""
    from tools.corpus.labels import APPLICATION

    from onward.understand.legal_forms import strip_legal_form

    rows = [
        json.loads(line)
        for path in (SHIPPED, SHIPPED_VOICES)
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    for row in rows:
        text = f"{row['subject']}\n{row['body']}"
        if row.get("company"):
            assert strip_legal_form(row["company"]) == row["company"], row["id"]
        if row["label"] != "rejection":
            continue
        if row["stage"] == "unknown":
            assert not APPLICATION.search(text), row["id"]
        if row["id"].startswith("voice") and row["stage"] in ("application", "screen"):
            assert "interview" not in row["subject"].lower(), row["id"]


def test_a_one_line_writer_that_drops_the_opener_drops_its_stage() -> None:
    from tools.corpus.labels import stage_without_step

    assert stage_without_step("We won't be taking your application further.") == "application"
    assert stage_without_step("The vacancy has been withdrawn.") == "unknown"
    assert stage_without_step("We welcome applications from all sections of the community.") == (
        "unknown"
    )
