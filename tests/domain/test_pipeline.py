from __future__ import annotations

import pytest

from onward.domain.pipeline import Stage, check_move, furthest, next_round, parse_stage
from onward.errors import InvalidInput, InvalidMove

S = Stage


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.SAVED, S.APPLIED),
        (S.APPLIED, S.SCREEN),
        (S.APPLIED, S.INTERVIEW),  # skipping stages is fine
        (S.SCREEN, S.ASSESSMENT),
        (S.ASSESSMENT, S.INTERVIEW),
        (S.INTERVIEW, S.INTERVIEW),  # next round
        (S.INTERVIEW, S.FINAL),
        (S.FINAL, S.OFFER),
        (S.OFFER, S.ACCEPTED),
        (S.OFFER, S.WITHDRAWN),  # declined the offer
        (S.APPLIED, S.REJECTED),
        (S.INTERVIEW, S.GHOSTED),
        (S.SAVED, S.WITHDRAWN),
    ],
)
def test_allowed_moves(current: Stage, target: Stage) -> None:
    check_move(current, current, target)


@pytest.mark.parametrize(
    ("current", "target", "words"),
    [
        (S.INTERVIEW, S.SCREEN, "only move forward"),
        (S.REJECTED, S.INTERVIEW, r"closed \(rejected\)"),
        (S.WITHDRAWN, S.APPLIED, r"closed \(withdrawn\)"),
        (S.ACCEPTED, S.REJECTED, r"closed \(accepted\)"),
        (S.SAVED, S.REJECTED, "not applied"),
        (S.SAVED, S.GHOSTED, "cannot ghost"),
        (S.FINAL, S.ACCEPTED, "only an offer"),
        (S.SCREEN, S.SCREEN, "already at screen"),
    ],
)
def test_impossible_moves_are_explained(current: Stage, target: Stage, words: str) -> None:
    with pytest.raises(InvalidMove, match=words):
        check_move(current, current, target)


def test_ghosted_revives_at_the_stage_reached_or_later() -> None:
    check_move(S.GHOSTED, S.INTERVIEW, S.INTERVIEW)
    check_move(S.GHOSTED, S.INTERVIEW, S.OFFER)
    check_move(S.GHOSTED, S.SCREEN, S.REJECTED)  # a late rejection closes it
    with pytest.raises(InvalidMove, match="had reached interview"):
        check_move(S.GHOSTED, S.INTERVIEW, S.SCREEN)
    with pytest.raises(InvalidMove, match="already at ghosted"):
        check_move(S.GHOSTED, S.APPLIED, S.GHOSTED)


def test_interview_rounds_count_up() -> None:
    assert next_round(S.SCREEN, None, S.INTERVIEW) == 1
    assert next_round(S.INTERVIEW, 1, S.INTERVIEW) == 2
    assert next_round(S.INTERVIEW, 2, S.FINAL) is None


def test_parse_stage_accepts_what_people_type() -> None:
    assert parse_stage(" Interview ") is S.INTERVIEW
    with pytest.raises(InvalidInput, match="unknown stage 'phone call'"):
        parse_stage("phone call")


def test_furthest_ignores_endings() -> None:
    assert furthest([S.APPLIED, S.INTERVIEW, S.REJECTED]) is S.INTERVIEW
    assert furthest([S.GHOSTED]) is S.SAVED
