"""Score and gap weights against hand-computed figures (see onward.skills.matching)."""

from __future__ import annotations

from onward.domain.pipeline import Stage
from onward.skills.matching import Asked, match, rank_gaps, stage_weight
from onward.skills.vocabulary import Skill, Vocabulary

VOCAB = Vocabulary.from_names(
    {
        "Python": ["py"],
        "SQL": [],
        "Docker": [],
        "Kubernetes": ["k8s"],
        "Terraform": [],
        "Customer service": ["customer care"],
        "Cash handling": [],
        "Stock control": [],
    }
)


def skill(name: str) -> Skill:
    found = VOCAB.lookup(name)
    assert found is not None
    return found


def test_score_is_the_share_of_distinct_posting_skills_on_the_resume() -> None:
    posting = VOCAB.find("Python, SQL, SQL, SQL, Docker, Kubernetes, k8s, Terraform, py")
    resume = VOCAB.find("I write Python and SQL every day; some Docker.")
    result = match(posting, resume)
    # Five distinct skills asked for, three on the resume: round(100 * 3 / 5) = 60,
    # however often the posting repeats SQL.
    assert result.score == 60
    assert [m.skill.name for m in result.matched] == ["SQL", "Python", "Docker"]
    # Missing ones: the most repeated first (Kubernetes twice), then in order of mention.
    assert [(m.skill.name, m.count) for m in result.missing] == [
        ("Kubernetes", 2),
        ("Terraform", 1),
    ]


def test_score_rounds_and_a_posting_without_known_skills_has_none() -> None:
    posting = VOCAB.find("Python, SQL, Docker")
    assert match(posting, VOCAB.find("python")).score == 33  # 1/3 → 33.3
    assert match(posting, VOCAB.find("python, docker")).score == 67  # 2/3 → 66.7
    assert match(VOCAB.find("a friendly team"), VOCAB.find("Python")).score is None


def test_gap_weight_adds_the_furthest_stage_of_each_lost_job() -> None:
    k8s, terraform, cash = (skill(name) for name in ("k8s", "Terraform", "Cash handling"))
    asked = [
        Asked(k8s, Stage.INTERVIEW, (1, 5)),  # weight 4 each
        Asked(terraform, Stage.INTERVIEW, (1,)),  # 4
        Asked(k8s, Stage.APPLIED, (2,)),  # 1
        Asked(terraform, Stage.FINAL, (3,)),  # 5
        Asked(cash, Stage.SCREEN, (4,)),  # 2
    ]
    gaps = rank_gaps(asked)
    assert [(g.skill.name, g.weight, g.count, g.furthest, g.application_ids) for g in gaps] == [
        ("Kubernetes", 4 + 1 + 4, 3, Stage.INTERVIEW, (1, 2, 5)),
        ("Terraform", 4 + 5, 2, Stage.FINAL, (1, 3)),
        ("Cash handling", 2, 1, Stage.SCREEN, (4,)),
    ]


def test_an_application_counts_once_per_skill_and_ties_go_to_the_later_stage() -> None:
    python = skill("Python")
    twice = [Asked(python, Stage.SAVED, (7,)), Asked(python, Stage.APPLIED, (7, 8))]
    (gap,) = rank_gaps(twice)
    assert (gap.weight, gap.application_ids, gap.furthest) == (1 + 1, (7, 8), Stage.APPLIED)


def test_equal_weights_order_by_how_often_then_by_name() -> None:
    sql, docker, python = (skill(name) for name in ("SQL", "Docker", "Python"))
    gaps = rank_gaps(
        [Asked(sql, Stage.SCREEN, (1,)), Asked(docker, Stage.APPLIED, (2, 3)),
         Asked(python, Stage.APPLIED, (2, 3))]
    )  # fmt: skip
    assert [(g.skill.name, g.weight) for g in gaps] == [("Docker", 2), ("Python", 2), ("SQL", 2)]
    assert [g.count for g in gaps] == [2, 2, 1]


def test_stage_weights() -> None:
    expected = {Stage.APPLIED: 1, Stage.SCREEN: 2, Stage.ASSESSMENT: 3, Stage.INTERVIEW: 4,
                Stage.FINAL: 5, Stage.OFFER: 6}  # fmt: skip
    assert {stage: stage_weight(stage) for stage in expected} == expected
