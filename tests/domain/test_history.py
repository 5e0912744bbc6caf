"""The one rule for history, and the words of what an import found."""

from __future__ import annotations

from datetime import date

import pytest

from onward.domain.history import HISTORY_AFTER_DAYS, is_history, went_quiet_long_before
from onward.domain.mail import LARGE_IMPORT, MailSummary, ProposalDraft, ProposalKind

TODAY = date(2026, 11, 20)


def test_an_event_is_history_when_recorded_more_than_fourteen_days_after_it_happened() -> None:
    assert HISTORY_AFTER_DAYS == 14
    assert not is_history(date(2026, 11, 6), TODAY)  # 14 days: still current
    assert is_history(date(2026, 11, 5), TODAY)  # 15 days
    assert is_history(date(2024, 3, 5), TODAY)
    assert not is_history(TODAY, TODAY)


def test_an_application_went_quiet_long_before_when_its_quiet_began_as_history() -> None:
    # applied 26 days ago, quiet after 21: quiet for 5 days when recorded, a fair nudge
    assert not went_quiet_long_before(date(2026, 10, 25), 21, TODAY)
    # applied in February 2025: its quiet began long before anyone wrote it down
    assert went_quiet_long_before(date(2025, 2, 3), 21, TODAY)


def _draft(kind: ProposalKind, **payload: str) -> ProposalDraft:
    return ProposalDraft(kind, dict(payload), 0.9)


def test_mail_summaries_count_each_kind_of_news_and_the_earliest_day() -> None:
    found = MailSummary()
    found = found.adding(
        [_draft(ProposalKind.CREATE_APPLICATION, stage="applied")], date(2024, 6, 1)
    )
    found = found.adding(
        [
            _draft(ProposalKind.CREATE_APPLICATION, stage="interview"),
            _draft(ProposalKind.ADD_CONTACT),
        ],
        date(2024, 3, 5),
    )
    found = found.adding(
        [_draft(ProposalKind.LOG_REJECTION), _draft(ProposalKind.MOVE_STAGE, stage="offer")],
        date(2025, 1, 1),
    )
    found = found.adding([_draft(ProposalKind.SCHEDULE_INTERVIEW)], date(2025, 2, 1))
    assert found == MailSummary(2, 1, 2, 1, date(2024, 3, 5))
    assert found.adding([], date(2020, 1, 1)) == found  # a message with no proposal


@pytest.mark.parametrize(
    ("found", "words"),
    [
        (MailSummary(212, 130, 14, 2, date(2024, 3, 5)),
         "212 applications since March 2024: 130 rejections, 14 interviews, 2 offers"),
        (MailSummary(1, 1, 0, 1, date(2025, 9, 1)),
         "1 application since September 2025: 1 rejection, 1 offer"),
        (MailSummary(3, 0, 0, 0, date(2026, 11, 1)), "3 applications since November 2026"),
        (MailSummary(0, 2, 1, 0, date(2024, 3, 5)), "Since March 2024: 2 rejections, 1 interview"),
        (MailSummary(1_212, 0, 0, 0), "1,212 applications"),
        (MailSummary(), "No job mail found"),
    ],
)  # fmt: skip
def test_mail_summaries_in_plain_words_with_correct_plurals(found: MailSummary, words: str) -> None:
    assert found.headline == words


def test_the_first_import_with_news_or_a_large_one_earns_the_card() -> None:
    small = MailSummary(applications=2)
    assert small.worth_a_card(first=True) and not small.worth_a_card(first=False)
    large = MailSummary(applications=LARGE_IMPORT - 5, rejections=5)
    assert large.worth_a_card(first=False)
    assert not MailSummary().worth_a_card(first=True)
