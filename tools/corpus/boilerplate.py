"""Generic recruiting text for the corpus generator, written for Onward: legal and privacy
notes, "what happens next" paragraphs. It appears in every kind of mail, so it must not decide
the label."""

from __future__ import annotations

# Boilerplate that appears in every kind of recruiting mail, so it cannot decide the label.
BOILERPLATE = [
    "{company} is an equal opportunity employer. All qualified applicants will receive "
    "consideration without regard to race, colour, religion, sex, sexual orientation, gender "
    "identity, national origin, disability or veteran status.",
    "We value diversity and are committed to an inclusive hiring process. If you need an "
    "adjustment or accommodation at any stage, please let us know.",
    "Your personal data is processed in line with our candidate privacy notice and kept only "
    "as long as needed for recruitment purposes.",
    "In the meantime, explore life at {company} on our careers site, where you can read "
    "stories from our employees and learn about our benefits.",
    "We receive a very large number of applications for our roles, and competition is strong.",
    "You can log in to your candidate profile at any time to update your details, view the "
    "status of your applications, or withdraw an application.",
    "Join our talent network to hear about new openings that match your skills and interests.",
    "This mailbox is not monitored. Please do not reply to this email.",
    "Follow us on LinkedIn and Instagram to see what our teams are working on.",
    "Beware of recruitment scams: {company} will never ask you for money during the hiring "
    "process.",
    "We will keep your details on file in line with our data retention policy so we can "
    "contact you about other positions that suit your experience.",
    "We know how much time and effort goes into an application, and we appreciate it.",
]

ACK_NEXT = [
    "So, what happens next? Our recruitment team will look at your application, and if your "
    "skills and experience match what we need, we'll get in touch to arrange the next steps.",
    "What to expect: a member of our team reviews every application. Shortlisted candidates "
    "are usually contacted within two to three weeks.",
    "You may not receive individual feedback, but you will hear from us once the review is "
    "complete. If you are selected for an interview, a recruiter will reach out.",
    "If your profile fits our requirements, our recruiting team will contact you. If the "
    "position is closed or you are not selected, your status will show as archived.",
    "We'll review your qualifications against the requirements of the position and contact "
    "you if there is a match.",
    "Here are your account details: your username is the email address you applied with. "
    "Keep your password safe for the future.",
    "Please make sure your profile is complete, as the hiring team reviews it alongside your "
    "resume.",
    "Whether or not this position turns out to be the right fit, we may contact you about "
    "other roles that align with your background.",
    "Hang tight! Our hiring team is reviewing applications and will get back to you as soon "
    "as possible.",
]
