from __future__ import annotations

from onward.understand import strip_quoted


def test_reply_header_and_quoted_lines_are_dropped() -> None:
    body = (
        "Thanks, Thursday works for me.\n\n"
        "On Mon, Mar 4, 2024 at 9:12 AM Jo Park <jo@acme.com> wrote:\n"
        "> We regret to inform you that we will not move forward.\n"
    )
    assert strip_quoted(body) == "Thanks, Thursday works for me."


def test_reply_header_wrapped_over_two_lines() -> None:
    body = (
        "Sounds good.\n\nOn Tue, Jan 9, 2024 at 10:00 AM Recruiting Team\n<hr@x.com> wrote:\n> old"
    )
    assert strip_quoted(body) == "Sounds good."


def test_outlook_original_message_block_is_dropped() -> None:
    body = "See you then.\n\n-----Original Message-----\nFrom: HR\nSent: Monday\nUnfortunately..."
    assert strip_quoted(body) == "See you then."


def test_outlook_from_sent_headers_are_dropped() -> None:
    body = "Great news below!\n\nFrom: Dana Lee <dana@x.com>\nSent: Friday, May 3\nTo: me\nold text"
    assert strip_quoted(body) == "Great news below!"


def test_forwarded_block_after_a_note_is_dropped() -> None:
    body = "FYI\n\n---------- Forwarded message ---------\nFrom: Jobs\nWe are unable to offer you"
    assert strip_quoted(body) == "FYI"


def test_bare_forward_keeps_the_forwarded_message() -> None:
    body = "---------- Forwarded message ---------\nFrom: Jobs\nWe are unable to offer you a role."
    assert "unable to offer you" in strip_quoted(body)


def test_interleaved_quote_lines_are_dropped_but_new_text_kept() -> None:
    body = "> Can you start Monday?\nYes, I can.\n> And bring ID?\nSure."
    assert strip_quoted(body) == "Yes, I can.\nSure."


def test_plain_text_is_unchanged() -> None:
    body = "Hi Sam,\r\nThank you for applying.\r\n"
    assert strip_quoted(body) == "Hi Sam,\nThank you for applying."


def test_mid_sentence_mentions_are_not_markers() -> None:
    body = "Our founder once wrote: be kind. We also forwarded your resume to the team."
    assert strip_quoted(body) == body
