"""The labelled training corpus of Onward's email reader, written for Onward (data only).

``handwritten.jsonl`` holds messages written one by one (mostly traps and hard negatives);
``generated.jsonl`` is the committed output of the generator in ``tools/corpus/``
(``python -m tools.corpus.generate``). ``onward.understand.examples`` reads both.
"""
