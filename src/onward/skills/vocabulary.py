"""The skill vocabulary Onward ships, and finding its skills in text.

:func:`load_vocabulary` reads ``data/vocabulary.json.gz`` once per process (built by
``python -m tools.skills.build`` in the source tree; see docs/skills.md).
:meth:`Vocabulary.find` scans a text's tokens left to right and takes, at each position, the
longest name the vocabulary knows, so "electronic health records" is one skill and not "health
records" as well; every name (an abbreviation, a synonym, a taxonomy label) leads to its one
canonical skill. Matching is on whole tokens, so nothing is found inside another word.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from onward.errors import SetupError
from onward.skills.tokens import normalise, shape, words

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

    @cached_property
    def key(self) -> str:
        return self.name.casefold()


@dataclass(frozen=True)
class Mention:
    """A skill found in a text: how often, and the first way the text wrote it."""

    skill: Skill
    count: int
    written: str


class Vocabulary:
    """Names (normalised token strings) pointing at canonical skills. ``fingerprint`` names
    this exact vocabulary (a digest of its contents), so skills found with it can be stored
    and reused until the vocabulary changes."""

    def __init__(
        self,
        skills: list[Skill],
        aliases: dict[str, int],
        shapes: dict[str, int] | None = None,
        *,
        fingerprint: str,
    ) -> None:
        self.skills = skills
        self.fingerprint = fingerprint
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
        contents = json.dumps([[s.name for s in skills], sorted(aliases.items())])
        return cls(skills, aliases, fingerprint=_digest(contents.encode()))

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
        return self.mentions(self.find_indexed(text))

    def mentions(self, found: Iterable[tuple[int, int, str]]) -> list[Mention]:
        """``find_indexed``'s answer as mentions."""
        skills = self.skills
        return [Mention(skills[index], count, written) for index, count, written in found]

    def find_indexed(self, text: str) -> list[tuple[int, int, str]]:
        """What ``find`` finds, as (index into ``skills``, count, written): compact enough
        to store beside the text and turn back into mentions with ``mentions``."""
        texts, raws = words(text)
        counts: dict[int, int] = {}
        written: dict[int, str] = {}
        aliases, shapes, longest = self._aliases, self._shapes, self._longest
        i, n = 0, len(texts)
        while i < n:
            span = min(longest.get(texts[i], 0), n - i)
            while span:
                name = texts[i] if span == 1 else " ".join(texts[i : i + span])
                index = aliases.get(name)
                if index is not None and (name not in shapes or shapes[name] <= shape(raws[i])):
                    counts[index] = counts.get(index, 0) + 1
                    written.setdefault(index, name)
                    break
                span -= 1
            i += span or 1
        order = {index: rank for rank, index in enumerate(written)}
        ranked = sorted(counts, key=lambda index: (-counts[index], order[index]))
        return [(k, counts[k], written[k]) for k in ranked]


@cache
def load_vocabulary(path: Path = VOCABULARY) -> Vocabulary:
    """The shipped vocabulary, read once per process."""
    try:
        packed = path.read_bytes()
        data = json.loads(gzip.decompress(packed))
    except (OSError, ValueError, EOFError) as exc:
        raise SetupError(
            f"the skill vocabulary {path} cannot be read: {exc}",
            hint="reinstall Onward, or rebuild it with `python -m tools.skills.build FOLDER`",
        ) from exc
    if data.get("format") != FORMAT:
        raise SetupError(f"the skill vocabulary {path} has an unknown format")
    skills = [Skill(name, kind, source) for name, kind, source in data["skills"]]
    return Vocabulary(skills, data["aliases"], data.get("shapes", {}), fingerprint=_digest(packed))


def _digest(contents: bytes) -> str:
    return hashlib.blake2b(contents, digest_size=8).hexdigest()
