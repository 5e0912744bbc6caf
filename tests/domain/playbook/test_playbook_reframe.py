from __future__ import annotations

from datetime import date

import pytest

from onward.domain.emails import RejectionReason, RejectionStage
from onward.domain.pipeline import Stage
from onward.domain.playbook.reframe import OUTSIDE_CONTROL, StageCounts, reframe, stage_line
from onward.domain.playbook.rejection import Rejection
from onward.errors import InvalidInput

TODAY = date(2026, 3, 10)
# 14 applications: 6 ended at application, 3 screen, 1 assessment, 2 interview, 2 final.
COUNTS = StageCounts(application=6, screen=3, assessment=1, interview=2, final=2)


def test_counts_reached() -> None:
    assert COUNTS.total == 14
    assert COUNTS.reached(RejectionStage.APPLICATION) == 14
    assert COUNTS.reached(RejectionStage.SCREEN) == 8
    assert COUNTS.reached(RejectionStage.INTERVIEW) == 4
    assert COUNTS.reached(RejectionStage.FINAL) == 2
    assert StageCounts(final=1, offer=1).reached(RejectionStage.FINAL) == 2


def test_counts_from_pipeline_stages() -> None:
    stages = [Stage.APPLIED, Stage.APPLIED, Stage.SCREEN, Stage.FINAL, Stage.ACCEPTED, Stage.SAVED]
    assert StageCounts.from_stages(stages) == StageCounts(application=2, screen=1, final=1, offer=1)


def test_counts_refuse_negatives_and_unknown() -> None:
    with pytest.raises(InvalidInput, match="screen cannot be negative"):
        StageCounts(screen=-1)
    with pytest.raises(InvalidInput, match="unknown stage"):
        COUNTS.reached(RejectionStage.UNKNOWN)


def test_final_round_line_has_the_numbers() -> None:
    line = stage_line(RejectionStage.FINAL, COUNTS)
    assert (
        line == "You reached the final round: 2 of your 14 applications got this far (about 14%)."
    )


def test_interview_line() -> None:
    line = stage_line(RejectionStage.INTERVIEW, COUNTS)
    assert line is not None and "4 of your 14 applications" in line and "29%" in line


def test_application_stage_line_counts_those_past_it() -> None:
    line = stage_line(RejectionStage.APPLICATION, COUNTS)
    assert line is not None and "8 of your 14 applications have got past" in line


def test_few_applications_get_no_percentage() -> None:
    line = stage_line(RejectionStage.SCREEN, StageCounts(application=2, screen=1))
    assert line == "You reached the screening call: 1 of your 3 applications got this far."


def test_counts_missing_this_application_still_count_it() -> None:
    line = stage_line(RejectionStage.FINAL, StageCounts(application=3))
    assert line is not None and "1 of your 3 applications" in line


@pytest.mark.parametrize("counts", [None, StageCounts()])
def test_no_data_means_honest_and_modest(counts: StageCounts | None) -> None:
    line = stage_line(RejectionStage.FINAL, counts)
    assert line is not None
    assert "You reached the final round." in line
    assert "not enough history" in line
    assert not any(ch.isdigit() for ch in line)
    assert "!" not in line


def test_unknown_stage_has_no_stage_line() -> None:
    assert stage_line(RejectionStage.UNKNOWN, COUNTS) is None


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        (RejectionReason.INTERNAL_CANDIDATE, "internal candidate"),
        (RejectionReason.ROLE_CLOSED, "closed or frozen"),
        (RejectionReason.POSITION_FILLED, "position was filled"),
        (RejectionReason.STRONGER_CANDIDATES, "close field"),
        (RejectionReason.LOGISTICS, "timing or logistics"),
    ],
)
def test_outside_control_reasons_are_named(reason: RejectionReason, words: str) -> None:
    result = reframe(Rejection(1, TODAY, RejectionStage.INTERVIEW, reason=reason), COUNTS)
    assert result.outside_control
    assert words in result.reason_line
    assert "outside your control" in result.reason_line


def test_reasons_within_reach_are_not_called_outside_control() -> None:
    result = reframe(
        Rejection(1, TODAY, RejectionStage.INTERVIEW, reason=RejectionReason.SKILLS_MISMATCH),
        COUNTS,
    )
    assert not result.outside_control
    assert "skills can be learned" in result.reason_line
    assert OUTSIDE_CONTROL.isdisjoint({RejectionReason.SKILLS_MISMATCH, RejectionReason.FIT})


def test_unspecified_reason_is_plain() -> None:
    result = reframe(Rejection(1, TODAY, RejectionStage.APPLICATION), None)
    assert "did not say why" in result.reason_line
    assert result.lines[0] == result.reason_line
    assert len(result.lines) == 2


def test_stage_override_is_used() -> None:
    result = reframe(Rejection(1, TODAY, RejectionStage.UNKNOWN), COUNTS, RejectionStage.FINAL)
    assert result.stage_line is not None and "2 of your 14" in result.stage_line
    assert reframe(Rejection(1, TODAY, RejectionStage.UNKNOWN), COUNTS).lines == (
        result.reason_line,
    )


def test_percentage_from_five_applications() -> None:
    four = stage_line(RejectionStage.SCREEN, StageCounts(application=3, screen=1))
    assert four == "You reached the screening call: 1 of your 4 applications got this far."
    five = stage_line(RejectionStage.SCREEN, StageCounts(application=3, screen=2))
    assert (
        five == "You reached the screening call: 2 of your 5 applications got this far (about 40%)."
    )
