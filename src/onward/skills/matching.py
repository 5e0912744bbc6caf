"""A resume against job descriptions: the match score of one posting, and the skills the
lost jobs asked for that the resume lacks.

**Score.** The share of the posting's distinct skills that the resume names, as a whole
percentage: a posting naming 8 skills of which the resume has 6 scores ``round(100 * 6/8)``
= 75. Every skill counts once, however often the posting repeats it; repetition only orders
the missing skills (most repeated first). A posting that names no skill the vocabulary knows
has no score (None), not 0.

**Gap weight.** Each rejected application that asked for a missing skill adds the weight of
the furthest stage the application reached: applied 1, screen 2, assessment 3, interview 4,
final 5, offer 6. A skill asked for by two applications rejected after an interview and one
rejected at the application stage weighs 4 + 4 + 1 = 9. Getting further means the job was
within reach, so what it asked for and the resume lacked is more likely what stood between
you and an offer. This is a pointer for the learning plan, never proof of why you were
turned down.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from onward.domain.pipeline import Stage
from onward.skills.vocabulary import Mention, Skill

STAGE_WEIGHT: dict[Stage, int] = {
    Stage.SAVED: 1,
    Stage.APPLIED: 1,
    Stage.SCREEN: 2,
    Stage.ASSESSMENT: 3,
    Stage.INTERVIEW: 4,
    Stage.FINAL: 5,
    Stage.OFFER: 6,
    Stage.ACCEPTED: 6,
}


@dataclass(frozen=True)
class Match:
    """One posting against one resume."""

    score: int | None
    asked: tuple[Mention, ...]
    matched: tuple[Mention, ...]
    missing: tuple[Mention, ...]


def match(posting: Sequence[Mention], resume: Iterable[Mention]) -> Match:
    """Compare the skills of a posting with those of a resume (see the module docstring)."""
    have = {m.skill.key for m in resume}
    matched = tuple(m for m in posting if m.skill.key in have)
    missing = tuple(m for m in posting if m.skill.key not in have)
    score = round(100 * len(matched) / len(posting)) if posting else None
    return Match(score, tuple(posting), matched, missing)


@dataclass(frozen=True)
class Asked:
    """Rejected applications that got as far as ``reached`` and whose postings asked for a
    skill the resume lacks."""

    skill: Skill
    reached: Stage
    application_ids: tuple[int, ...]


@dataclass(frozen=True)
class SkillGap:
    """A skill rejected applications asked for and the resume lacks."""

    skill: Skill
    weight: int
    application_ids: tuple[int, ...]
    furthest: Stage

    @property
    def count(self) -> int:
        return len(self.application_ids)


def rank_gaps(asked: Iterable[Asked]) -> tuple[SkillGap, ...]:
    """Gaps heaviest first, then the most asked for, then by name. A skill's weight adds
    the stage weight of every application that asked for it (once each); its furthest
    stage is the heaviest of them (the later one in the pipeline on a tie)."""
    apps: dict[str, dict[int, int]] = {}
    furthest: dict[str, Stage] = {}
    skills: dict[str, Skill] = {}
    for item in asked:
        key = item.skill.key
        weight = stage_weight(item.reached)
        if key not in skills:
            skills[key], apps[key], furthest[key] = item.skill, {}, item.reached
        elif (weight, item.reached.rank) > (stage_weight(furthest[key]), furthest[key].rank):
            furthest[key] = item.reached
        apps[key].update(dict.fromkeys(item.application_ids, weight))
    gaps = [
        SkillGap(skills[key], sum(apps[key].values()), tuple(sorted(apps[key])), furthest[key])
        for key in skills
    ]
    gaps.sort(key=lambda g: (-g.weight, -g.count, g.skill.key))
    return tuple(gaps)


def stage_weight(stage: Stage) -> int:
    return STAGE_WEIGHT.get(stage, 1)
