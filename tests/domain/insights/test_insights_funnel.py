"""The funnel, cuts, ghosting, diagnoses and the Sankey flows on hand-made grouped counts."""

from __future__ import annotations

from onward.domain.emails import RejectionStage
from onward.domain.insights.diagnosis import diagnose
from onward.domain.insights.flow import search_flows
from onward.domain.insights.funnel import (
    OutcomeCount,
    build_funnel,
    conversion,
    cut,
    ghosting_rate,
)
from onward.domain.pipeline import Stage

S = Stage


def row(n: int, reached: Stage, stage: Stage, **kw: object) -> OutcomeCount:
    return OutcomeCount(count=n, reached=reached, stage=stage, **kw)  # type: ignore[arg-type]


# 20 applications: 8 ghosted, 4 rejected from "applied", 2 waiting, 1 withdrawn,
# 5 screens (1 rejected there, 1 waiting), 3 interviews (2 rejected, 1 offer).
SEARCH = [
    row(8, S.APPLIED, S.GHOSTED),
    row(4, S.APPLIED, S.REJECTED),
    row(2, S.APPLIED, S.APPLIED),
    row(1, S.APPLIED, S.WITHDRAWN),
    row(1, S.SCREEN, S.REJECTED),
    row(1, S.SCREEN, S.SCREEN),
    row(2, S.INTERVIEW, S.REJECTED),
    row(1, S.OFFER, S.OFFER),
    row(3, S.SAVED, S.SAVED),  # never applied: left out everywhere
]


def test_funnel_counts_outcomes_and_leaves_waiting_and_withdrawn_out() -> None:
    funnel = build_funnel(SEARCH)
    got = {
        s.key: (s.count, s.conversion and (s.conversion.hits, s.conversion.n)) for s in funnel.steps
    }
    assert funnel.applied == 20
    # response: 4 rejected + 5 further = 9 hits; 8 ghosted failed; 2 waiting, 1 withdrawn out
    assert got["response"] == (9, (9, 17))
    assert funnel.step("response").pending == 2
    assert funnel.step("response").withdrawn == 1
    # screen: of 9 responses, 5 got to a screen and the 4 rejected straight away did not
    assert got["screen"] == (5, (5, 9))
    # assessment (skipped counts as passed): 3 further, 1 rejected at screen, 1 still waiting
    assert got["assessment"] == (3, (3, 4))
    assert funnel.step("assessment").pending == 1
    assert got["interview"] == (3, (3, 3))
    assert got["final"] == (1, (1, 3))
    assert got["offer"] == (1, (1, 1))
    assert funnel.step("applied").conversion is None


def test_a_logged_rejection_stage_further_than_the_tracker_counts() -> None:
    told = row(1, S.APPLIED, S.REJECTED, rejected_at=RejectionStage.INTERVIEW)
    assert told.furthest == S.INTERVIEW
    assert build_funnel([told]).step("interview").count == 1
    accepted = row(1, S.ACCEPTED, S.ACCEPTED)
    assert accepted.furthest == S.OFFER and build_funnel([accepted]).step("offer").count == 1


def test_silence_logged_as_a_rejection_is_ghosting_not_a_response() -> None:
    silent = row(3, S.APPLIED, S.REJECTED, silent=True)
    assert conversion([silent], "applied", "response").hits == 0
    assert ghosting_rate([silent]).hits == 3


def test_ghosting_rate_is_over_applications_that_ended() -> None:
    rate = ghosting_rate(SEARCH)
    # ended: 8 ghosted + 4 + 1 + 2 rejected + 1 offer = 16; waiting and withdrawn left out
    assert (rate.hits, rate.n) == (8, 16)
    assert rate.value == 0.5


def test_cut_groups_by_key_most_used_first() -> None:
    rows = [
        row(6, S.APPLIED, S.GHOSTED, channel="job_board"),
        row(4, S.APPLIED, S.REJECTED, channel="job_board"),
        row(2, S.INTERVIEW, S.REJECTED, channel="referral"),
        row(1, S.OFFER, S.ACCEPTED, channel="referral"),
    ]
    result = cut(rows, "channel", "Channel", lambda r: r.channel or "")
    board, referral = result.groups
    assert (board.name, board.applied) == ("job_board", 10)
    assert (board.response.hits, board.response.n) == (4, 10)
    assert board.response.enough and board.response.value == 0.4
    assert (board.interview.hits, board.interview.n) == (0, 10)
    assert (referral.interview.hits, referral.interview.n, referral.offer.hits) == (3, 3, 1)
    assert not referral.offer.enough
    assert len(cut(rows, "c", "C", lambda r: r.channel or "", limit=1).groups) == 1


def test_no_diagnosis_without_enough_outcomes() -> None:
    few = [row(9, S.APPLIED, S.GHOSTED)]
    assert diagnose(few, ghosting_rate(few)) == ()


def test_few_responses_and_many_ghosted_are_diagnosed_with_evidence() -> None:
    rows = [
        row(16, S.APPLIED, S.GHOSTED),
        row(2, S.APPLIED, S.REJECTED),
        row(2, S.SCREEN, S.SCREEN),
    ]
    found = {d.key: d for d in diagnose(rows, ghosting_rate(rows))}
    assert set(found) == {"few_responses", "many_ghosted"}
    assert (
        "4 of 20 applications with an outcome got any response (20%, likely between 8% and 42%)"
        in found["few_responses"].evidence
    )
    assert any(a.startswith("Tailoring") for a in found["few_responses"].actions)
    assert "16 of 18" in found["many_ghosted"].evidence
    assert "not a verdict" in found["many_ghosted"].caveat


def test_many_quiet_applications_are_said_to_be_left_out_of_the_rates() -> None:
    # 30 sent: 10 rejected, 20 still at "applied"; 6 of those have had no news for weeks
    rows = [row(10, S.APPLIED, S.REJECTED), row(20, S.APPLIED, S.APPLIED)]
    found = {d.key: d for d in diagnose(rows, ghosting_rate(rows), gone_quiet=6)}
    assert "gone_quiet" in found and "6 of 30 applications" in found["gone_quiet"].evidence
    assert "ghosted" in found["gone_quiet"].actions[0]
    # 5 of 30 is under a fifth; 4 is under the minimum of 5
    assert "gone_quiet" not in {d.key for d in diagnose(rows, ghosting_rate(rows), 5)}
    small = [row(4, S.APPLIED, S.APPLIED)]
    assert "gone_quiet" not in {d.key for d in diagnose(small, ghosting_rate(small), 4)}


def test_screens_without_interviews_and_interviews_without_offers() -> None:
    rows = [
        row(8, S.SCREEN, S.REJECTED),
        row(2, S.INTERVIEW, S.REJECTED),
        row(9, S.INTERVIEW, S.REJECTED),
        row(1, S.FINAL, S.REJECTED),
    ]
    keys = [d.key for d in diagnose(rows, ghosting_rate(rows))]
    # screen → interview: 12 of 20 (60%) is fine; interview → offer: 0 of 12 is not
    assert keys == ["interviews_no_offers"]
    rows.append(row(12, S.SCREEN, S.REJECTED))
    keys = [d.key for d in diagnose(rows, ghosting_rate(rows))]
    assert keys == ["screens_not_interviews", "interviews_no_offers"]


def test_final_rounds_lost_needs_three_finals() -> None:
    two = [row(2, S.FINAL, S.REJECTED)]
    assert diagnose(two, ghosting_rate(two)) == ()
    three = [row(3, S.FINAL, S.REJECTED), row(1, S.OFFER, S.OFFER)]
    (found,) = diagnose(three, ghosting_rate(three))
    assert found.key == "finals_lost"
    assert found.evidence == "3 of 4 final rounds with an outcome ended without an offer."


def test_flows_keep_a_rejection_after_an_interview_on_the_interview_path() -> None:
    rows = [
        row(2, S.INTERVIEW, S.REJECTED, visited=frozenset({S.SCREEN, S.INTERVIEW})),
        row(1, S.INTERVIEW, S.REJECTED, visited=frozenset({S.INTERVIEW})),  # no screen
        row(3, S.APPLIED, S.REJECTED),
        row(1, S.APPLIED, S.GHOSTED),
        row(1, S.OFFER, S.ACCEPTED, visited=frozenset({S.SCREEN, S.OFFER})),
        row(1, S.SCREEN, S.SCREEN, visited=frozenset({S.SCREEN})),
        row(1, S.APPLIED, S.WITHDRAWN),
    ]
    flows = {(f.source, f.target): f.count for f in search_flows(rows)}
    assert flows == {
        ("applied", "screen"): 4,
        ("applied", "interview"): 1,
        ("applied", "rejected"): 3,
        ("applied", "ghosted"): 1,
        ("applied", "withdrawn"): 1,
        ("screen", "interview"): 2,
        ("screen", "offer"): 1,
        ("screen", "open"): 1,
        ("interview", "rejected"): 3,
        ("offer", "accepted"): 1,
    }
