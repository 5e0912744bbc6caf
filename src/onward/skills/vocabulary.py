"""The skill vocabulary Onward ships, and finding its skills in text.

:func:`load_vocabulary` reads ``data/vocabulary.json.gz`` once per process (built by
``python -m onward.skills.build``; see docs/skills.md). :meth:`Vocabulary.find` scans a
text's tokens left to right and takes, at each position, the longest name the vocabulary
knows, so "electronic health records" is one skill and not "health records" as well; every
name (an abbreviation, a synonym, a taxonomy label) leads to its one canonical skill.
Matching is on whole tokens, so nothing is found inside another word.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from onward.errors import SetupError
from onward.skills.tokens import LOWER, normalise, tokens

DATA = Path(__file__).parent / "data"
VOCABULARY = DATA / "vocabulary.json.gz"
FORMAT = 1


@dataclass(frozen=True, order=True)
class Skill:
    """One canonical skill. ``key`` identifies it (stable across rebuilds of one vocabulary);
    ``kind`` is tool, skill, knowledge or language; ``source`` says where the name came from
    (onward, onet, esco, gazetteer)."""

    name: str
    kind: str = "skill"
    source: str = "onward"

    @property
    def key(self) -> str:
        return self.name.casefold()


@dataclass(frozen=True)
class Mention:
    """A skill found in a text: how often, and the first way the text wrote it."""

    skill: Skill
    count: int
    written: str


class Vocabulary:
    """Names (normalised token strings) pointing at canonical skills."""

    def __init__(
        self,
        skills: list[Skill],
        aliases: dict[str, int],
        shapes: dict[str, int] | None = None,
    ) -> None:
        self.skills = skills
        self._aliases = aliases
        self._shapes = shapes or {}
        longest: dict[str, int] = {}
        for name in aliases:
            first, _, _ = name.partition(" ")
            longest[first] = max(longest.get(first, 1), name.count(" ") + 1)
        self._longest = longest

    @classmethod
    def from_names(cls, names: dict[str, Iterable[str]]) -> Vocabulary:
        """A small vocabulary (for tests and examples): canonical name → other names."""
        skills: list[Skill] = []
        aliases: dict[str, int] = {}
        for name, others in names.items():
            skills.append(Skill(name))
            for alias in (name, *others):
                aliases.setdefault(normalise(alias), len(skills) - 1)
        return cls(skills, aliases)

    def __len__(self) -> int:
        return len(self.skills)

    @property
    def name_count(self) -> int:
        return len(self._aliases)

    def lookup(self, name: str) -> Skill | None:
        """The canonical skill a name stands for, if the vocabulary knows it."""
        index = self._aliases.get(normalise(name))
        return self.skills[index] if index is not None else None

    def find(self, text: str) -> list[Mention]:
        """The skills in ``text``, most mentioned first, then in order of first mention."""
        words = tokens(text)
        texts = [w.text for w in words]
        counts: dict[int, int] = {}
        written: dict[int, str] = {}
        aliases, shapes, longest = self._aliases, self._shapes, self._longest
        i, n = 0, len(words)
        while i < n:
            span = min(longest.get(texts[i], 0), n - i)
            while span:
                name = texts[i] if span == 1 else " ".join(texts[i : i + span])
                index = aliases.get(name)
                if index is not None and shapes.get(name, LOWER) <= words[i].shape:
                    counts[index] = counts.get(index, 0) + 1
                    written.setdefault(index, name)
                    break
                span -= 1
            i += span or 1
        order = {index: rank for rank, index in enumerate(written)}
        ranked = sorted(counts, key=lambda index: (-counts[index], order[index]))
        return [Mention(self.skills[k], counts[k], written[k]) for k in ranked]


@cache
def load_vocabulary(path: Path = VOCABULARY) -> Vocabulary:
    """The shipped vocabulary, read once per process."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as exc:
        raise SetupError(
            f"the skill vocabulary {path} cannot be read: {exc}",
            hint="reinstall Onward, or rebuild it with `python -m onward.skills.build FOLDER`",
        ) from exc
    if data.get("format") != FORMAT:
        raise SetupError(f"the skill vocabulary {path} has an unknown format")
    skills = [Skill(name, kind, source) for name, kind, source in data["skills"]]
    return Vocabulary(skills, data["aliases"], data.get("shapes", {}))
