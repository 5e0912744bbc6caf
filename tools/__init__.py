"""Development tools: they make the data files Onward ships, and are not shipped themselves.

Run them from the repository root (so ``tools`` is importable):

    python -m tools.corpus.generate       # writes src/onward/understand/corpus/generated.jsonl
    python -m tools.skills.build FOLDER   # writes src/onward/skills/data/ (onet/, esco/, ...)

See docs/architecture.md ("Tools").
"""

from pathlib import Path

#: The repository root: tools write into the source tree, never into an installed package.
ROOT = Path(__file__).resolve().parent.parent
#: The package's source folder, where the data files the tools make are kept.
PACKAGE = ROOT / "src" / "onward"
