"""The labelled training corpus of Onward's email reader, written for Onward.

``generate.py`` composes varied messages from the phrase banks in ``phrases.py``;
``handwritten.jsonl`` holds messages written one by one (mostly traps and hard negatives).
``generated.jsonl`` is the committed output of ``python -m onward.understand.corpus.generate``.
"""
