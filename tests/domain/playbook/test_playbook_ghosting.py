from __future__ import annotations

from datetime import date

import pytest
from tests.factories import application, event

from onward.domain.drafts import DraftKind
from onward.domain.pipeline import Stage
from onward.domain.playbook.ghosting import (
    GhostingRules,
    QuietApplication,
    quiet_application,
    suggest_ghosted,
)
from onward.errors import InvalidInput

TODAY = date(2026, 4, 1)


def _q(app_id: int, stage: Stage, last: date) -> QuietApplication:
    return QuietApplication(app_id, stage, last)


def test_thresholds_by_stage() -> None:
    rules = GhostingRules()
    assert [rules.threshold(s) for s in (Stage.APPLIED, Stage.SCREEN, Stage.ASSESSMENT)] == [21] * 3
    assert [rules.threshold(s) for s in (Stage.INTERVIEW, Stage.FINAL)] == [14, 14]
    assert rules.threshold(Stage.SAVED) is None
    assert rules.threshold(Stage.OFFER) is None
    assert rules.threshold(Stage.REJECTED) is None
    with pytest.raises(InvalidInput, match="at least 1 day"):
        GhostingRules(after_interview_days=0)


def test_suggestions_at_the_boundaries() -> None:
    items = [
        _q(1, Stage.APPLIED, date(2026, 3, 11)),  # 21 days: suggested
        _q(2, Stage.APPLIED, date(2026, 3, 12)),  # 20 days: not yet
        _q(3, Stage.INTERVIEW, date(2026, 3, 18)),  # 14 days: suggested
        _q(4, Stage.FINAL, date(2026, 3, 19)),  # 13 days: not yet
        _q(5, Stage.REJECTED, date(2026, 1, 1)),  # closed: never
        _q(6, Stage.SCREEN, date(2026, 2, 1)),  # 59 days
    ]
    found = suggest_ghosted(items, TODAY)
    assert [(s.application_id, s.days_quiet, s.threshold) for s in found] == [
        (6, 59, 21),
        (1, 21, 21),
        (3, 14, 14),
    ]
    assert found[0].drafts == (DraftKind.GHOSTING_FOLLOW_UP, DraftKind.GHOSTING_CLOSURE)
    assert "quiet for 59 days since the screen stage" in found[0].message
    assert "reopens" in found[0].message


def test_configurable_rules() -> None:
    rules = GhostingRules(after_early_days=30, after_interview_days=7)
    found = suggest_ghosted(
        [_q(1, Stage.APPLIED, date(2026, 3, 11)), _q(2, Stage.FINAL, date(2026, 3, 25))],
        TODAY,
        rules,
    )
    assert [(s.application_id, s.days_quiet) for s in found] == [(2, 7)]


def test_quiet_application_uses_latest_event_or_contact() -> None:
    app = application(
        8,
        Stage.SCREEN,
        stage_on=date(2026, 3, 2),
        company="Fjord",
        role="Designer",
        events=(
            event(8, Stage.APPLIED, date(2026, 2, 20)),
            event(8, Stage.SCREEN, date(2026, 3, 2)),
        ),
    )
    quiet = quiet_application(app)
    assert quiet.last_contact_on == date(2026, 3, 2)
    assert quiet_application(app, date(2026, 3, 20)).last_contact_on == date(2026, 3, 20)
    assert quiet_application(app, date(2026, 1, 1)).last_contact_on == date(2026, 3, 2)
    (suggestion,) = suggest_ghosted([quiet], TODAY)
    assert suggestion.message.startswith("Designer at Fjord has been quiet for 30 days")


def test_applied_message_says_since_you_applied() -> None:
    (s,) = suggest_ghosted([_q(1, Stage.APPLIED, date(2026, 3, 1))], TODAY)
    assert s.message.startswith("This application has been quiet for 31 days since you applied.")
