"""Insights end to end on a small search whose every figure is worked out by hand below.

Runs on SQLite and on PostgreSQL (the SQL differs for dates and JSON). The twelve
applications, applied in June (1-6) and October (7-12), today 2026-11-27:

====  ==========  ======================  =========  ========  =====================================
 #    company     role                    channel    tailored  what happened
====  ==========  ======================  =========  ========  =====================================
 1    Acme        Senior Backend Engineer referral   yes       screen +4d, interview, final, offer
 2    Acme        Backend Engineer        job board  no        rejected +10d: skills, quoted
 3    Bolt        Data Analyst            job board  no        ghosted
 4    Bolt        Junior Data Analyst     company    yes       screen +6d, rejected +13d: stronger
 5    Cedar       Staff Nurse             recruiter  —         screen +2d, assessment, interview,
                                                               rejected +25d: interview performance
 6    Cedar       Nurse                   job board  no        ghosted
 7    Dune        Teacher                 job board  no        rejected +7d, no reason
 8    Dune        Teacher                 job board  yes       screen +7d, waiting
 9    Elm         Store Manager           company    no        waiting
 10   Elm         Retail Assistant        job board  no        ghosted
 11   Fern        Product Designer        referral   yes       screen +1d, interview, rejected +15d:
                                                               stronger, quoted
 12   Fern        Designer                network    no        withdrawn
====  ==========  ======================  =========  ========  =====================================
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from tests.factories import make_application

from onward.clock import FixedClock
from onward.domain.emails import RejectionReason
from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationFields, Channel
from onward.services.applications import add_application, move_application
from onward.services.feedback import log_feedback
from onward.services.insights import compute_insights, insight_figures, insights_record
from onward.services.journal import write_journal
from onward.services.reflection import reflect_on
from onward.services.rejections import RejectionDetails, reject_application
from onward.services.runtime import Workspace

S = Stage
R = RejectionReason
D = date

SEARCH: list[tuple[str, str, Channel, bool | None, date, list[tuple[Stage, date]], Any]] = [
    ("Acme", "Senior Backend Engineer", Channel.REFERRAL, True, D(2026, 6, 1),
     [(S.SCREEN, D(2026, 6, 5)), (S.INTERVIEW, D(2026, 6, 12)), (S.FINAL, D(2026, 6, 20)),
      (S.OFFER, D(2026, 6, 25))], None),
    ("Acme", "Backend Engineer", Channel.JOB_BOARD, False, D(2026, 6, 2), [],
     (D(2026, 6, 12), R.SKILLS_MISMATCH, "We need more Go experience")),
    ("Bolt", "Data Analyst", Channel.JOB_BOARD, False, D(2026, 6, 3),
     [(S.GHOSTED, D(2026, 7, 20))], None),
    ("Bolt", "Junior Data Analyst", Channel.COMPANY_SITE, True, D(2026, 6, 4),
     [(S.SCREEN, D(2026, 6, 10))], (D(2026, 6, 17), R.STRONGER_CANDIDATES, "A very close call")),
    ("Cedar", "Staff Nurse", Channel.RECRUITER, None, D(2026, 6, 5),
     [(S.SCREEN, D(2026, 6, 7)), (S.ASSESSMENT, D(2026, 6, 14)), (S.INTERVIEW, D(2026, 6, 21))],
     (D(2026, 6, 30), R.INTERVIEW_PERFORMANCE, None)),
    ("Cedar", "Nurse", Channel.JOB_BOARD, False, D(2026, 6, 6),
     [(S.GHOSTED, D(2026, 7, 21))], None),
    ("Dune", "Teacher", Channel.JOB_BOARD, False, D(2026, 10, 1), [],
     (D(2026, 10, 8), R.UNSPECIFIED, None)),
    ("Dune", "Teacher", Channel.JOB_BOARD, True, D(2026, 10, 2),
     [(S.SCREEN, D(2026, 10, 9))], None),
    ("Elm", "Store Manager", Channel.COMPANY_SITE, False, D(2026, 10, 3), [], None),
    ("Elm", "Retail Assistant", Channel.JOB_BOARD, False, D(2026, 10, 4),
     [(S.GHOSTED, D(2026, 11, 15))], None),
    ("Fern", "Product Designer", Channel.REFERRAL, True, D(2026, 10, 5),
     [(S.SCREEN, D(2026, 10, 6)), (S.INTERVIEW, D(2026, 10, 13))],
     (D(2026, 10, 20), R.STRONGER_CANDIDATES, "We went with someone with more fintech")),
    ("Fern", "Designer", Channel.NETWORK, False, D(2026, 10, 6),
     [(S.WITHDRAWN, D(2026, 10, 10))], None),
]  # fmt: skip


def build_search(ws: Workspace) -> list[int]:
    ids = []
    for company, role, channel, tailored, applied, moves, rejection in SEARCH:
        fields = ApplicationFields(company, role, channel=channel, tailored=tailored)
        app = add_application(ws.store, ws.owner, fields, ws.clock, on=applied)
        for stage, on in moves:
            move_application(ws.store, ws.owner, app.id, stage, ws.clock, on=on)
        if rejection:
            on, reason, quote = rejection
            details = RejectionDetails(received_on=on, reason=reason, quote=quote)
            reject_application(ws.store, ws.owner, app.id, details, ws.clock)
        ids.append(app.id)
    log_feedback(
        ws.store, ws.owner, ids[4], "Go deeper on care plans", ws.clock,
        received_on=D(2026, 7, 1), themes=["technical_depth", "interview_communication"],
    )  # fmt: skip
    log_feedback(
        ws.store, ws.owner, ids[10], "The portfolio lacked depth", ws.clock,
        received_on=D(2026, 10, 21), themes=["technical_depth"],
    )  # fmt: skip
    for day, mood in ((D(2026, 11, 2), 2), (D(2026, 11, 3), 4), (D(2026, 11, 10), 5)):
        write_journal(ws.store, ws.owner, mood, "", ws.clock, on=day)
    return ids


@pytest.fixture
def searched(ws: Workspace) -> Workspace:
    ids = build_search(ws)
    clock = ws.clock
    assert isinstance(clock, FixedClock)
    clock.advance(days=7)  # 2026-11-27: every dwell window has passed
    reflect_on(ws.store, ws.owner, ids[4], {"preparation": 4, "interview_1": 2}, {}, clock)
    reflect_on(ws.store, ws.owner, ids[10], {"preparation": 2, "interview_1": 1}, {}, clock)
    reflect_on(ws.store, ws.owner, ids[3], {"preparation": 3, "screen": 2}, {}, clock)
    return ws


def insights_of(ws: Workspace) -> Any:
    return compute_insights(ws.store, ws.owner, ws.clock, recent_weeks=9)


def test_funnel_by_hand(searched: Workspace) -> None:
    found = insights_of(searched)
    steps = {s.key: s for s in found.funnel.steps}
    assert found.funnel.applied == 12
    # any response: 1 2 4 5 7 8 11; ghosted 3 6 10; 9 waiting; 12 withdrawn
    response = steps["response"].conversion
    assert (steps["response"].count, response.hits, response.n) == (7, 7, 10)
    assert (steps["response"].pending, steps["response"].withdrawn) == (1, 1)
    assert response.enough and response.describe() == "7 of 10 (70%, likely between 40% and 89%)"
    assert response.interval == pytest.approx((0.3968, 0.8922), abs=5e-5)
    # screen: 1 4 5 8 11 of the seven; 2 and 7 were turned down straight away
    assert (steps["screen"].conversion.hits, steps["screen"].conversion.n) == (5, 7)
    assert steps["screen"].conversion.describe() == "7 of the 10 applications needed so far"
    # assessment counts 1 and 11 (skipped it) and 5; 4 was rejected; 8 still waits
    assert (steps["assessment"].conversion.hits, steps["assessment"].conversion.n) == (3, 4)
    assert steps["assessment"].pending == 1
    assert (steps["interview"].conversion.hits, steps["interview"].conversion.n) == (3, 3)
    assert (steps["final"].conversion.hits, steps["final"].conversion.n) == (1, 3)
    assert (steps["offer"].count, steps["offer"].conversion.n) == (1, 1)
    # nothing has ten outcomes where it narrows, so no diagnosis is made
    assert found.diagnoses == ()


def test_recent_weeks_against_overall(searched: Workspace) -> None:
    found = insights_of(searched)
    assert found.recent_funnel.applied == 6  # applied since 2026-09-25: 7 to 12
    changes = {c.label: c for c in found.changes}
    # recent: 7 8 11 answered, 10 ghosted, 9 waiting, 12 withdrawn
    assert (changes["Any response"].recent.hits, changes["Any response"].recent.n) == (3, 4)
    assert (changes["Any response"].overall.hits, changes["Any response"].overall.n) == (7, 10)
    # ghosting: 3 of the 9 that ended (5 rejections, 3 silences, 1 offer)
    assert (found.ghosting.hits, found.ghosting.n) == (3, 9)
    assert not found.ghosting.enough
    assert (changes["No reply"].recent.hits, changes["No reply"].recent.n) == (1, 3)


def test_timing_by_hand(searched: Workspace) -> None:
    found = insights_of(searched)
    # first answers after 4, 10, 6, 2, 7, 7 and 1 days: median 6, quartiles 3 and 7
    first = found.first_response
    assert (first.n, first.median, first.lower_quartile, first.upper_quartile) == (7, 6, 3, 7)
    assert not first.enough
    # rejections after 10, 13, 25, 7 and 15 days
    rejection = found.to_rejection
    assert (rejection.n, rejection.median, rejection.lower_quartile) == (5, 13, 10)
    assert rejection.upper_quartile == 15


def test_cuts_by_hand(searched: Workspace) -> None:
    found = insights_of(searched)
    cuts = {c.dimension: c for c in found.cuts}
    channel = {g.name: g for g in cuts["channel"].groups}
    assert [g.name for g in cuts["channel"].groups] == [
        "Job board", "Company site", "Referral", "Network", "Recruiter",
    ]  # fmt: skip
    assert (channel["Job board"].applied, channel["Job board"].response.hits) == (6, 3)
    assert channel["Job board"].response.n == 6
    assert (channel["Company site"].response.hits, channel["Company site"].response.n) == (1, 1)
    assert channel["Network"].response.n == 0  # withdrawn before any answer
    tailored = {g.name: g for g in cuts["tailored"].groups}
    assert {n: g.applied for n, g in tailored.items()} == {
        "Not tailored": 7, "Tailored": 4, "Not recorded": 1,
    }  # fmt: skip
    # tailored: 1 and 11 reached an interview, 4 did not, 8 still waits
    assert (tailored["Tailored"].interview.hits, tailored["Tailored"].interview.n) == (2, 3)
    families = {g.name: g.applied for g in cuts["role_family"].groups}
    assert families == {
        "engineering": 2, "data": 2, "healthcare": 2, "education": 2, "retail": 2, "design": 2,
    }  # fmt: skip
    levels = {g.name: g.applied for g in cuts["seniority"].groups}
    assert levels == {"mid-level": 9, "senior": 1, "junior": 1, "manager": 1}
    companies = {g.name: g.applied for g in cuts["company"].groups}
    assert companies == dict.fromkeys(["Acme", "Bolt", "Cedar", "Dune", "Elm", "Fern"], 2)


def test_reasons_themes_ratings_and_mood(searched: Workspace) -> None:
    found = insights_of(searched)
    assert found.rejections == 5
    assert [(c.key, c.count) for c in found.reasons] == [
        ("stronger_candidates", 2),
        ("interview_performance", 1),
        ("skills_mismatch", 1),
        ("unspecified", 1),
    ]
    stronger = found.reasons[0]
    assert stronger.share == pytest.approx(0.4)
    assert [q.text for q in stronger.quotes] == [
        "We went with someone with more fintech",
        "A very close call",
    ]
    assert [q.company for q in stronger.quotes] == ["Fern", "Bolt"]
    assert found.feedback == 2
    assert [(c.key, c.count, c.share) for c in found.themes] == [
        ("technical_depth", 2, 1.0),
        ("interview_communication", 1, 0.5),
    ]
    assert found.themes[0].quotes[0].text == "The portfolio lacked depth"
    ratings = {r.stage: (r.mean, r.n) for r in found.ratings}
    assert ratings == {"preparation": (3.0, 3), "screen": (2.0, 1), "interview": (1.5, 2)}
    # only preparation has the three ratings a "lowest" needs
    assert found.lowest_rated is not None and found.lowest_rated.stage == "preparation"
    assert [(m.week_start, m.mean, m.entries) for m in found.mood] == [
        (D(2026, 11, 2), 3.0, 2),
        (D(2026, 11, 9), 5.0, 1),
    ]


def test_effort_against_goals_counts_applications_per_week(searched: Workspace) -> None:
    found = insights_of(searched)
    assert len(found.weeks) == 12
    done = {
        w.week_start: next(m.done for m in w.metrics if m.metric.value == "applications")
        for w in found.weeks
    }
    assert done[D(2026, 9, 28)] == 4  # 1 to 4 October
    assert done[D(2026, 10, 5)] == 2


def test_flows_keep_interview_rejections_on_the_interview_path(searched: Workspace) -> None:
    flows = {(f.source, f.target): f.count for f in insights_of(searched).flows}
    assert flows == {
        ("applied", "screen"): 5,
        ("applied", "rejected"): 2,
        ("applied", "ghosted"): 3,
        ("applied", "withdrawn"): 1,
        ("applied", "open"): 1,
        ("screen", "assessment"): 1,
        ("screen", "interview"): 2,
        ("screen", "rejected"): 1,
        ("screen", "open"): 1,
        ("assessment", "interview"): 1,
        ("interview", "final"): 1,
        ("interview", "rejected"): 2,
        ("final", "offer"): 1,
        ("offer", "open"): 1,
    }


def test_figures_are_valid_plotly_json(searched: Workspace) -> None:
    import plotly.graph_objects as go

    figures = insight_figures(insights_of(searched))
    assert set(figures) == {
        "flow",
        "funnel",
        "effort",
        "mood",
        "reasons",
        "themes",
        "ratings",
        "skills",
    }
    for figure in figures.values():
        go.Figure(figure)  # raises on anything plotly.js would not understand
    sankey = figures["flow"]["data"][0]
    assert sankey["type"] == "sankey" and sum(sankey["link"]["value"]) == 23
    funnel = figures["funnel"]["data"][0]
    assert funnel["y"][0] == 70.0 and funnel["error_y"]["array"][0] == pytest.approx(19.2, 0.01)


def test_an_empty_search_says_so_and_still_charts(ws: Workspace) -> None:
    found = compute_insights(ws.store, ws.owner, ws.clock)
    assert found.empty and found.diagnoses == () and found.flows == ()
    assert found.funnel.step("response").conversion.describe() == (
        "0 of the 10 applications needed so far"
    )
    figures = insight_figures(found)
    assert figures["flow"]["layout"]["annotations"][0]["text"] == "No applications sent yet"
    import plotly.graph_objects as go

    for figure in figures.values():
        go.Figure(figure)  # the empty charts are valid plotly JSON too
    record = insights_record(found)
    assert record["funnel"]["steps"][1]["conversion"]["text"].endswith("applications needed so far")


def test_the_record_is_plain_json(searched: Workspace) -> None:
    import json

    record = insights_record(insights_of(searched))
    text = json.dumps(record)
    assert record["ghosting"] == {
        "hits": 3, "n": 9, "enough": False, "minimum": 10, "value": None, "low": None,
        "high": None, "text": "9 of the 10 applications needed so far",
    }  # fmt: skip
    assert record["as_of"] == "2026-11-27" and "A very close call" in text


def test_another_owners_records_are_never_counted(searched: Workspace, settings: Any) -> None:
    from dataclasses import replace

    from onward.services.runtime import open_workspace

    other = open_workspace(replace(settings, owner="someone-else"), searched.clock)
    try:
        found = compute_insights(other.store, other.owner, other.clock)
        assert found.empty and found.rejections == 0 and found.feedback == 0 and not found.mood
    finally:
        other.close()


def test_chart_config_links_nowhere_and_drops_the_mode_bar_under_a_strict_csp() -> None:
    from onward.services.insights import chart_config, plotly_bundle

    loose, strict = chart_config(), chart_config(strict_csp=True)
    assert loose["displaylogo"] is False and loose["showLink"] is False
    assert loose["topojsonURL"] == "" and "displayModeBar" not in loose
    assert strict["displayModeBar"] is False
    assert plotly_bundle().name == "plotly.min.js" and plotly_bundle().stat().st_size > 1_000_000


def test_skill_gaps_from_the_skills_work(ws: Workspace, tmp_path: Any) -> None:
    from onward.services.resumes import add_resume

    found = compute_insights(ws.store, ws.owner, ws.clock)
    assert found.skill_gaps is not None and found.skill_gaps.resume is None
    assert "no resume saved yet" in (found.skill_gaps.note or "")
    posts = [
        ("Acme", "We need Python, Go and Kubernetes experience with PostgreSQL", S.INTERVIEW),
        ("Bolt", "Kubernetes and Go, every day", None),
        ("Cedar", None, None),
    ]
    for company, description, stage in posts:
        fields = ApplicationFields(company, "Backend Engineer", description=description)
        app = add_application(ws.store, ws.owner, fields, ws.clock, on=D(2026, 10, 1))
        if stage:
            move_application(ws.store, ws.owner, app.id, stage, ws.clock, on=D(2026, 10, 5))
        details = RejectionDetails(received_on=D(2026, 10, 9))
        reject_application(ws.store, ws.owner, app.id, details, ws.clock)
    resume = tmp_path / "resume.txt"
    resume.write_text("Python developer with SQL and PostgreSQL.\n", encoding="utf-8")
    add_resume(ws.store, ws.owner, resume, ws.clock)
    gaps = compute_insights(ws.store, ws.owner, ws.clock).skill_gaps
    assert gaps is not None
    assert (gaps.resume, gaps.rejected, gaps.compared, gaps.note) == ("v1", 3, 2, None)
    assert gaps.few  # two postings are a hint, not a pattern
    assert [(g.skill, g.jobs, g.furthest) for g in gaps.gaps] == [
        ("Go", 2, "interview"),
        ("Kubernetes", 2, "interview"),
    ]
    assert compute_insights(ws.store, ws.owner, ws.clock, skills=False).skill_gaps is None
    figure = insight_figures(compute_insights(ws.store, ws.owner, ws.clock))["skills"]
    assert figure["data"][0]["y"] == ["Kubernetes", "Go"]


def test_applications_gone_quiet_are_named_as_left_out(ws: Workspace) -> None:
    from onward.domain.playbook.ghosting import GhostingRules

    for n in range(6):
        make_application(ws, f"Quiet {n}", "Analyst", on=date(2026, 9, 1))  # fmt: skip
    keys = [d.key for d in compute_insights(ws.store, ws.owner, ws.clock, skills=False).diagnoses]
    assert keys == ["gone_quiet"]  # 6 of 6 open with no news for 80 days
    patient = GhostingRules(after_early_days=100)
    found = compute_insights(ws.store, ws.owner, ws.clock, skills=False, ghosting=patient)
    assert found.diagnoses == ()  # by the person's own thresholds, not quiet yet
