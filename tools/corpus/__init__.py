"""The generator of the email reader's training corpus (a development tool, not shipped).

``generate.py`` composes varied messages from the phrase banks in ``phrases.py``,
``parts.py`` and ``boilerplate.py`` into ``src/onward/understand/corpus/generated.jsonl``,
which Onward ships and trains on; ``python -m tools.corpus.generate`` rewrites it, and
``tests/tools/test_corpus_generator.py`` checks that the shipped file is what it writes.
"""
