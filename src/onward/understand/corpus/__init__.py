"""The labelled training corpus of Onward's email reader, written for Onward (data only).

``handwritten.jsonl`` holds messages written one by one (mostly traps and hard negatives);
``written.jsonl`` holds emails written freely, one by one, by some two hundred invented
writers (job mail of every kind and everyday mail in the words of job mail), never by a
template; ``generated.jsonl`` (templates) and ``voices.jsonl`` (hundreds of writers, job
mail and everyday mail) are the committed output of the generator in ``tools/corpus/``
(``python -m tools.corpus.generate``). Every example names its ``family`` (template or
writer). ``onward.understand.examples`` reads all four.
"""
