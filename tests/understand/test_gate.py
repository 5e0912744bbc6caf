"""The job-mail gate: bulk headers and senders, recruiting systems and application cues, and
the reader giving *other* (with the gate's reasons) whenever the gate says no."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from onward.domain.emails import Correspondence, EmailLabel, EmailText
from onward.understand import Reader
from onward.understand.examples import LabelledExample, read_examples
from onward.understand.features import model_text
from onward.understand.gate import (
    CONFIDENT,
    GateDecision,
    bulk_headers,
    bulk_sender,
    judge,
    outright,
)
from onward.understand.rules import apply_rules

L = EmailLabel
#: Everyday mail written for the gate (family, school, shops, banks, travel, lists,
#: newsletters, job alerts, recruiter outreach, spam), some with list headers.
EVERYDAY = Path(__file__).parent / "negatives" / "everyday.jsonl"


def gate(body: str, sender: str = "Ana Ruiz <ana.ruiz@example.org>", **headers: str) -> bool:
    email = EmailText("", sender, body, tuple((k.replace("_", "-"), v) for k, v in headers.items()))
    text = model_text(email)
    return judge(text, email.sender, email.headers, apply_rules(text)).job


@pytest.mark.parametrize(
    ("headers", "found"),
    [
        ({"List-Id": "<walkers.lists.example.org>"}, "List-Id header"),
        ({"List-Unsubscribe": "<mailto:leave@shop.example>"}, "List-Unsubscribe header"),
        ({"Precedence": "bulk"}, "Precedence: bulk"),
        ({"precedence": "List"}, "Precedence: list"),
        ({"Auto-Submitted": "auto-replied"}, "Auto-Submitted: auto-replied"),
        ({"Auto-Submitted": "auto-generated"}, None),  # applicant-tracking systems send these
        ({"Precedence": "first-class"}, None),
        ({}, None),
    ],
)
def test_bulk_headers(headers: dict[str, str], found: str | None) -> None:
    assert bulk_headers(headers.items()) == found


@pytest.mark.parametrize(
    "sender",
    [
        "Weekly Digest <weekly-digest@anglers.example>",
        "news@citytheatre.example",
        "<walkers-request@hillclub.example>",
        "owner-walkers@hillclub.example",
        "Hill Walkers <walkers@lists.hillclub.example>",
        "Shop <hello@shop.us1.list-manage.com>",
    ],
)
def test_list_and_newsletter_senders_are_bulk(sender: str) -> None:
    assert bulk_sender(sender)


@pytest.mark.parametrize(
    "sender",
    [
        "Alistair Newsome <alistair.newsome@gmail.com>",
        "owner@cornerbakery.example",
        "Priya Shah <priya@listerengineering.example>",
        "Acme <acme@myworkday.com>",
    ],
)
def test_people_and_companies_are_not_bulk_senders(sender: str) -> None:
    assert not bulk_sender(sender)


@pytest.mark.parametrize(
    "body",
    [
        "Can you give me a call on Tuesday? I'm free after 3pm, it'll only take ten minutes.",
        "Phone me on Friday morning, we need to talk about the holiday.",
        "Great news, they accepted our offer on the house! Survey on Monday.",
        "The application crashes when the job queue is empty; let's talk on Thursday.",
        "We are unable to approve your application for a loan at this time.",
    ],
)
def test_weekdays_calls_phones_and_offers_alone_are_not_job_mail(body: str) -> None:
    assert not gate(body)


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for applying for the Store Manager role. We have received your application.",
        "We'd like to invite you to an interview for the Paralegal vacancy on Monday at 10.",
        "We have decided to move forward with other candidates for the Analyst position.",
        "Hi, we ended up hiring someone for the barista role. Sorry! Good luck.",
    ],
)
def test_application_cues_make_job_mail(body: str) -> None:
    assert gate(body)


def test_bulk_mail_needs_the_persons_own_application() -> None:
    tips = "Five questions every hiring manager asks at your next interview. Read on!"
    assert not gate(tips, List_Unsubscribe="<mailto:off@careers.example>")
    assert gate(tips)  # the same words, written to the person
    sent = "Your application was sent to Harbour Foods. Good luck!"
    assert gate(sent, "Jobs <jobs@jobboard.example>", List_Unsubscribe="<mailto:x@jb.example>")


def test_mass_mail_wording_counts_as_bulk_without_headers() -> None:
    alert = "New jobs for you: Recruiter, Hiring Coordinator. Unsubscribe at any time."
    assert not gate(alert)
    scam = "Urgently hiring data entry clerks, $40/hr, no interview required. Reply today."
    assert not gate(scam)


def test_a_recruiting_system_sender_is_job_mail() -> None:
    assert gate("Please complete your profile.", "Acme <acme@myworkday.com>")
    assert gate("An update from the team.", "Acme <no-reply@hire.lever.co>")


def test_the_reader_says_other_with_the_gates_reasons(reader: Reader) -> None:
    note = EmailText(
        "Call on Tuesday?",
        "Theo Marsh <theo.marsh@example.org>",
        "Are you free for a quick call on Tuesday at 2pm? Ten minutes, about the flat.",
    )
    reading = reader.read(note)
    assert reading.label is L.OTHER
    verdict = reader.decide(note)
    if verdict.gate is not None:  # the model read job mail: the gate turned it away
        assert reading.evidence == verdict.gate.reasons


def test_list_headers_turn_away_an_interview_lookalike(reader: Reader) -> None:
    body = (
        "Hi all, can we schedule a call on Thursday at 3pm to review the release? "
        "Please share your availability."
    )
    listed = EmailText("Release call", "Kai <kai@dev.example>", body, (("List-Id", "<dev>"),))
    assert reader.read(listed).label is L.OTHER


def test_job_mail_keeps_its_label_and_evidence(reader: Reader) -> None:
    email = EmailText(
        "Your application",
        "Marlin Foods <jobs@marlinfoods.example>",
        "Dear Sam,\nThank you for applying for the Buyer role. Unfortunately we have decided "
        "to move forward with other candidates.",
    )
    verdict = reader.decide(email)
    assert verdict.label is L.REJECTION and verdict.gate is not None and verdict.gate.job
    assert all(not r.startswith("bulk") for r in reader.evidence(verdict))


def test_the_gate_turns_away_every_everyday_email() -> None:
    examples = read_examples(EVERYDAY)
    assert len(examples) >= 60 and all(e.label is L.OTHER for e in examples)
    passed = []
    for e in examples:
        text = model_text(e.email)
        decision = judge(text, e.email.sender, e.email.headers, apply_rules(text))
        if decision.job:
            passed.append((e.id, decision.reasons))
    assert passed == []


def test_the_reader_reads_every_everyday_email_as_other(reader: Reader) -> None:
    labels = {e.id: reader.classify(e.email)[0] for e in read_examples(EVERYDAY)}
    assert {i: lab for i, lab in labels.items() if lab is not L.OTHER} == {}


# -- the person's own correspondence ----------------------------------------
#: Everyday threads the person started or answered, written for the gate: weekdays, calls,
#: phones and offers in replies to the person's own mail are still not job mail.
CONVERSATIONS = Path(__file__).parent / "negatives" / "conversations.jsonl"
ANSWERS = Correspondence(answers_person=True)


def known_gate(body: str, known: Correspondence, sender: str = "Ana <ana@example.org>") -> bool:
    email = EmailText("", sender, body)
    text = model_text(email)
    return judge(text, email.sender, email.headers, apply_rules(text), known).job


def test_mail_the_person_sent_is_never_job_mail() -> None:
    mine = "I'd love to interview for the Analyst role; thank you for applying my CV."
    assert known_gate(mine, Correspondence())
    assert not known_gate(mine, Correspondence(sent_by_person=True))


def test_a_sender_or_thread_linked_to_an_application_is_job_mail() -> None:
    note = "Are you free on Tuesday at 2pm?"
    assert not known_gate(note, Correspondence())
    assert not known_gate(note, ANSWERS)
    assert known_gate(note, Correspondence(linked=True))


def test_a_decision_from_someone_who_wrote_about_a_job_before_is_job_mail() -> None:
    before = Correspondence(wrote_before=True)
    no = "Hi Sam, sorry for the wait. It's a no from us on this occasion, sorry."
    assert not known_gate(no, Correspondence())
    assert known_gate(no, before)
    # Without a decision, the same sender's everyday mail is still everyday.
    assert not known_gate("Are you free for a coffee on Saturday? Call me.", before)
    assert not known_gate("I had my phone on silent, sorry! Free for a chat on Wednesday?", before)
    # A friend's news about their own job is not the person's, whoever sends it.
    news = "They offered the job to someone internal in the end, pub later?"
    assert not known_gate(news, before)


def test_a_no_after_a_step_of_hiring_is_job_mail() -> None:
    shop = "Kerry <kerry@harbourcafe.co.uk>"
    trial = "Hiya Dom, thanks for the trial on Sunday. It was close but Ana just edged it. Sorry!"
    assert known_gate(trial, Correspondence(), shop)
    call = "Hi Sam, thanks for the call on Monday. I think we'll leave it there, sorry."
    assert known_gate(call, Correspondence(), shop)
    # A call or a chat says hiring only when a business writes: a date says it too.
    date = "Thanks for the chat last night. I don't think we're the right fit, sorry. x"
    assert not known_gate(date, Correspondence(), "Liam <liam1990@hotmail.com>")
    # Trials of everyday life, and a no without a step, are not job mail.
    for everyday in (
        "Thanks for your trial lesson with Sophie. The class is full so we'll leave it there.",
        "Your free trial has ended. We'll leave it there unless you upgrade.",
        "Thanks for doing the trial run of the new app! We're going to pass on the premium tier.",
        "Thanks for coming round to quote for the kitchen. We're going to pass this time.",
        "I think we'll leave it there, sorry.",
    ):
        assert not known_gate(everyday, Correspondence(), shop), everyday


def test_a_near_certain_reading_written_to_the_person_is_job_mail() -> None:
    def gate(body: str, reading: tuple[EmailLabel, float] | None) -> GateDecision:
        text = model_text(EmailText("", "Gwen <gwen@larderkitchen.co.uk>", body))
        return judge(text, "Gwen <gwen@larderkitchen.co.uk>", (), apply_rules(text), None, reading)

    note = (
        "Hi Sam, thank you for Saturday. We gave it to somebody with more years behind them. Gwen"
    )
    assert not gate(note, None).job
    sure = gate(note, (EmailLabel.REJECTION, 0.99))
    assert sure.job
    assert sure.reasons == ("read as rejection with 99% confidence, to you",)
    assert not gate(note, (EmailLabel.REJECTION, CONFIDENT - 0.1)).job  # a guess is not enough
    offer = "Hi Sam, we'd love to have you with us from the 3rd, same money as we said. Gwen"
    assert gate(offer, (EmailLabel.OFFER, 0.98)).job
    # Never an interview: friends ask "are you free for a chat?" in the same words.
    assert not gate(
        "Hi Sam, are you free for a chat on Wednesday?", (EmailLabel.INTERVIEW, 1.0)
    ).job
    # Not about everyday life, and written to the person ("you"), not news about others.
    flat = "Thanks for viewing the flat, you were lovely but the landlord went with another tenant."
    assert not gate(flat, (EmailLabel.REJECTION, 0.99)).job
    news = "Sam! They gave it to someone else in the end, gutted. Drinks Friday?"
    assert not gate(news, (EmailLabel.REJECTION, 0.99)).job


def test_a_reply_in_the_persons_thread_is_written_to_them() -> None:
    # Wording that reads as mass mail elsewhere is not bulk in a thread the person wrote in.
    reply = (
        "Sorry for the slow reply, I was buried in the club digest. We have decided to offer "
        "the position to another applicant."
    )
    assert not known_gate(reply, Correspondence())
    assert known_gate(reply, ANSWERS)
    # An interview step beside an ambiguous job word passes only in the person's own thread.
    ask = "Could you share your availability for a quick call about the position next week?"
    assert not known_gate(ask, Correspondence())
    assert known_gate(ask, ANSWERS)
    # A weekday and a call alone do not, even there.
    assert not known_gate("Could you share your availability for a call on Tuesday?", ANSWERS)


@pytest.mark.parametrize("example", read_examples(CONVERSATIONS), ids=lambda e: e.id)
def test_weekdays_calls_phones_and_offers_in_the_persons_threads_are_not_job_mail(
    reader: Reader, example: LabelledExample
) -> None:
    assert example.label is L.OTHER
    email = replace(example.email, correspondence=ANSWERS)
    assert reader.read(email).label is L.OTHER


def test_outright_job_mail_is_a_recruiting_system_the_persons_application_or_a_link() -> None:
    plain = "see you on tuesday, call me if the train is late."
    assert outright(plain, "Ana <ana@example.org>") is None
    assert outright(plain, "Acme <no-reply@hire.lever.co>") == "sender is a recruiting system"
    assert outright("we have your application for the porter post.", "x@example.org")
    linked = Correspondence(linked=True)
    assert outright(plain, "Ana <ana@example.org>", linked)
    # The person's own mail is never job mail, whatever it says.
    mine = Correspondence(sent_by_person=True, linked=True)
    assert outright("thank you for your application", "Sam <sam@example.org>", mine) is None


# -- friends, the press, everyday applications and everyday noes -------------------------
@pytest.mark.parametrize(
    "body",
    [
        # a friend's or a relative's words about the person's interview
        "Good luck with your interview on Thursday love! Ring me afterwards.",
        "Saw your interview with the local paper about the garden project, you looked great!",
        "Your interview with the radio station is on the website now.",
        "I'll drop the kids at school so you can get to your interview on time.",
        # the writer's own interview, not the person's
        "My second interview is on Friday, can you help me prep on Thursday night?",
        "I had a phone screen with a big bank today, fingers crossed!",
        # research and the press
        "We'd like to invite you to a 30-minute user interview. You'll get a $40 gift card.",
        "Our reporter would like to interview you about the litter pick. Free for a call?",
        # everyday applications
        "We have received your application for a resident parking permit.",
        "Thanks for applying to adopt Biscuit. We'll call you about a home visit.",
        "You applied for a refund on 3 May; it will reach your account in five days.",
        "Thank you for your interest in our spring webinar series. Your place is confirmed.",
        "Thank you for your application to the MSc Urban Planning course. We regret that we "
        "are unable to offer you a place this year.",
        # everyday noes
        "Thank you for viewing the flat. The landlord has decided to go with another applicant.",
        "Thanks for the quote for the kitchen. We've decided to go with someone else.",
        "Thank you for your application. Unfortunately your proposal was not selected for "
        "funding this round.",
        # a friend's own news
        "Mate, they offered the job to someone internal. Never mind, onwards. Pub?",
        "Thank you for entering. Your photograph was not selected for the shortlist this year.",
        # a money-making pitch that names an application
        "Thank you for applying! Earn money from home, no experience needed. Reply YES.",
    ],
)
def test_everyday_mail_that_names_interviews_and_applications_is_not_job_mail(
    body: str,
) -> None:
    assert not gate(body)


@pytest.mark.parametrize(
    "body",
    [
        # a job title with a word of everyday applications in it
        "Thank you for your application for the Credit Analyst role.",
        "Your application for the Housing Officer post has been received.",
        # an employer's interview
        "Your interview is confirmed for Tuesday at 10am; ask for me at reception.",
        "Loved your CV. Could you come in on Thursday at 10 to meet the team?",
        # a rejection by a small employer, stated without a word of recruiting
        "Thanks for coming in on Tuesday. We've gone with someone who lives closer.",
        "Thanks for popping by. The job has gone to someone already on the team.",
        "We won't be able to offer you the job, sorry it's not better news.",
    ],
)
def test_an_employers_mail_stays_job_mail(body: str) -> None:
    assert gate(body)


@pytest.mark.parametrize(
    ("body", "label"),
    [
        (
            "Hi Tom,\nThanks for coming over to the workshop on Tuesday. We've offered the job "
            "to a lad who's already done his level 3, so it's a no this time. Cheers, Gareth",
            L.REJECTION,
        ),
        (
            "Hi Priya - really enjoyed meeting you. We ended up hiring someone with more "
            "pediatric experience. Wishing you the best. Dana",
            L.REJECTION,
        ),
        (
            "Thank you for applying for the Stock Controller role. Unfortunately, on this "
            "occasion your application has not progressed to the next stage.",
            L.REJECTION,
        ),
        (
            "Thanks for completing the online assessment. After reviewing your results we have "
            "decided not to move your application forward. Do join our talent community.",
            L.REJECTION,
        ),
        (
            "Hi Jordan, thanks for the phone screen on Thursday. The team has chosen to progress "
            "with candidates who have more experience with streaming data. Pia",
            L.REJECTION,
        ),
        ("Good luck with your interview tomorrow, you'll smash it! Call me after. x", L.OTHER),
        ("Sorry you didn't get it. Pub on Friday, my treat.", L.OTHER),
    ],
)
def test_the_reader_reads_short_notes_by_their_decision(
    reader: Reader, body: str, label: EmailLabel
) -> None:
    assert reader.classify(EmailText("", "Sam Reed <sam.reed@example.org>", body))[0] is label
