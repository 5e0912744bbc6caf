"""Feedback read the way a person reads it: clause by clause, praise apart from gaps.

"Strong SQL and communication; we needed more hands-on dbt and A/B testing" is two strengths
(SQL, communication) and two gaps (hands-on dbt, A/B testing), not a communication problem.
Themes and learning-plan suggestions come only from the gaps; the strengths are wins.

How it reads, in order:

1. Split into sentences, then into clauses at ``;``, "but", "however", "although", "though",
   "whereas", "while", "yet" and "unfortunately" (quoted text is kept whole).
2. A clause is a *gap* when it says something was missing or not enough ("needed more", "would
   have liked", "lacked", "not enough", "could improve", "was weaker", "too junior", "fell
   short"), or negates praise ("not strong enough", "wasn't as clear"); a *strength* when it
   praises ("strong", "impressed", "excellent", "really liked", "stood out", "well prepared")
   without negation; otherwise *neutral* (thanks, stock phrases, the decision itself).
3. A clause's items are what follows the cue, cut at "and" and commas: "strong SQL and
   communication" → "SQL", "communication". Fillers ("your", "the", "really") are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class ClauseKind(StrEnum):
    STRENGTH = "strength"
    GAP = "gap"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Clause:
    text: str
    kind: ClauseKind
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedbackReading:
    clauses: tuple[Clause, ...]

    @property
    def strengths(self) -> tuple[str, ...]:
        return _items(self.clauses, ClauseKind.STRENGTH)

    @property
    def gaps(self) -> tuple[str, ...]:
        return _items(self.clauses, ClauseKind.GAP)

    @property
    def gap_text(self) -> str:
        """The gap clauses together: what themes are read from."""
        return " ".join(c.text for c in self.clauses if c.kind is ClauseKind.GAP)


def _items(clauses: tuple[Clause, ...], kind: ClauseKind) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for c in clauses if c.kind is kind for i in c.items))


_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])|\n+")
_CLAUSE_BREAK = re.compile(
    r"\s*;\s*|\s*[—–]\s+|,?\s+\b(?:but|however|although|though|whereas|unfortunately)\b,?\s*"
    r"|,\s*yet\s+"
    r"|(?:^|,\s*)(?:while|whilst)\s+",
    re.IGNORECASE,
)
_NEGATION = r"(?:not|n't|never|no|little|insufficient(?:ly)?|less)"
#: Cues that something was missing or not enough. The group ``rest`` is where items start.
_GAP_CUES = re.compile(
    r"\b(?:"
    r"(?:we|they|the team|the panel|i)?\s*(?:needed|need|wanted|were looking for|was looking for|"
    r"are looking for|looked for|hoped for|expected|would have liked|would like(?:d)? to have seen|"
    r"would have liked to see|would've liked)(?:\s+to\s+(?:see|hear))?\s+(?:a\s+bit\s+|much\s+|"
    r"somewhat\s+)?(?:more|deeper|stronger|further|greater|better|broader|clearer|more of)?"
    r"|(?:a\s+)?lack(?:ed|s|ing)?(?:\s+of)?"
    r"|missing|gaps?\s+in|(?:was|were|is|are|felt|seemed)\s+(?:a\s+(?:bit|little)\s+)?"
    r"(?:weak(?:er)?|thin(?:ner)?|light|limited|shallow|brief|short|vague|too\s+\w+)(?:\s+(?:on|in))?"
    r"|(?:could|should|might)\s+(?:have\s+)?(?:be(?:en)?\s+)?(?:improve[ds]?|stronger|more|deeper|"
    r"clearer|better|work on|develop|strengthen|go deeper(?:\s+(?:on|into))?)(?:\s+(?:on|in|your))?"
    r"|would benefit from(?:\s+more)?|room (?:to grow|for (?:growth|improvement))(?:\s+(?:in|on))?"
    r"|(?:did ?n[o']t|did not|could ?n[o']t|could not|was ?n[o']t|were ?n[o']t|was not|were not)\s+"
    r"(?:quite\s+)?(?:fully\s+)?(?:demonstrate|show|see|hear|cover|meet|reach|get|convince|"
    r"(?:as\s+)?(?:strong|clear|deep|detailed|confident|familiar|experienced)(?:\s+(?:as|enough))?)"
    r"(?:\s+(?:enough|as much|the|any|in|on|with))?"
    r"|not\s+(?:quite\s+)?(?:enough|(?:as\s+|quite\s+)?(?:strong|clear|deep|detailed|confident)"
    r"(?:\s+enough)?)"
    r"(?:\s+(?:on|in|with))?"
    r"|(?:fell|falls|fall)\s+short(?:\s+(?:on|in|of))?|insufficient|too\s+(?:junior|senior|little|few)"
    r"|less\s+(?:experience|depth|exposure)(?:\s+(?:in|with|of))?|struggled(?:\s+(?:with|to))?"
    r"|more\s+junior|less\s+senior|(?:light|thin|weak|weaker|shaky)\s+on"
    r"|under-?s(?:old|ells?|elling)|sold\s+yourself\s+short|did\s+not\s+do\s+you\s+justice"
    r"|(?:n't|not|never)\b[^.;]{0,40}?\benough"
    r"|work on|develop(?:ing)? (?:your|more)|improve(?:ment)?s?(?:\s+(?:on|in))?|concern(?:s|ed)?"
    r"(?:\s+(?:about|around|with|that))?|hesitan(?:t|cy)(?:\s+(?:about|around))?"
    r"|weak(?:er|ness(?:es)?)?(?:\s+(?:on|in|area|areas))?|more\s+(?:depth|experience|exposure|"
    r"detail|examples|evidence|practice)(?:\s+(?:in|on|with|of))?"
    r"|needs?\s+(?:work|more\s+practice|practice|improvement|improving|to improve)"
    r"|(?:an\s+)?areas?\s+(?:to|for)\s+(?:develop|grow|growth|improve|improvement)"
    r"|missed|unclear|generic|unrealistic|below\s+(?:what|the|our)|not\s+yet|did\s+not\s+have"
    r"|does\s+not\s+(?:yet\s+)?(?:cover|include|meet)|too\s+(?:long|brief|short|vague|general)"
    r"|(?:needs?|requires?)\s+(?:fluent|someone|a|an)?\s*(?:with|who|certified|qualified)?"
    r"|(?:another|other|the)\s+(?:applicant|candidate|finalist|person)s?\s+(?:we\s+hired\s+)?"
    r"(?:had|with|who had|brought)\s+(?:more|stronger|deeper|greater|broader)?"
    r"|(?:went|gone|going)\s+with\s+(?:someone|a candidate|an applicant)\s+(?:who had|with)"
    r"\s+(?:more|stronger|deeper|greater)?"
    r")\b",
    re.IGNORECASE,
)
_PRAISE_CUES = re.compile(
    r"\b(?:"
    r"(?:very\s+|really\s+|particularly\s+|especially\s+)?(?:strong|solid|excellent|great|"
    r"impressive|outstanding|good|thoughtful|clear|confident|polished|well[- ]structured|"
    r"well[- ]prepared|compelling|sharp|thorough|insightful|exceptional|fantastic|terrific)"
    r"|impressed(?:\s+(?:by|with))?|stood out|stands out|enjoyed|appreciated|liked|loved|valued"
    r"|(?:a|your)\s+(?:real\s+)?strength(?:s)?(?:\s+(?:in|of))?|excelled(?:\s+(?:at|in))?"
    r"|(?:did|came across|presented|handled|communicated|explained|prepared)\s+"
    r"(?:very\s+|really\s+)?(?:well|clearly|confidently)(?:\s+(?:on|in|with))?"
    r"|well done|praised|commended|highlight(?:ed)?"
    r"|engaging|brilliant|superb|spot on|glowing|relevant|methodical|articulate|personable"
    r")\b",
    re.IGNORECASE,
)
_NEGATED_PRAISE = re.compile(
    rf"\b{_NEGATION}\b[^.;,]{{0,20}}\b(?:as\s+|quite\s+|very\s+|particularly\s+)?"
    r"(?:strong|solid|clear|confident|impressive|convincing|good|detailed|deep|polished)",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"^(?:(?:and|also|your|you|the|a|an|of|on|in|with|around|about|to|for|very|really|"
    r"felt|feel|thought|think|found|noted|believe|that|however|sadly|but|"
    r"particularly|especially|we|they|i|was|were|is|are|had|have|has|some|any|bit|little|"
    r"more|deeper|stronger|greater|broader|clearer|further|both|overall|its|it|this|that|"
    r"how|what|also|team|panel|showed|shown|show|see|seen|hear|heard|demonstrated|"
    r"demonstrate)\s+)+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\s+(?:which|that|who|as|at|for|from|in the|during|throughout|in our|in this|when|while|"
    r"if|because|than|compared|this time|for this role|for the role|in the interview|"
    r"on the day|under pressure|from day one|before)\b.*$",
    re.IGNORECASE,
)
_NOT_ITEMS = re.compile(
    r"^(?:thank|thanks|we|unfortunately|decided|decision|candidate|candidates|role|position|"
    r"application|interview|time|you|it|this|that|meeting|speaking|everything|all|things?|"
    r"overall|well|job|work|chat|conversation|ly|er|quality|areas?|someone|felt|practice|"
    r"detail|exposure|evidence|depth|were|was|panel|team|interviewers?|hiring manager)$",
    re.IGNORECASE,
)


def read_feedback(text: str) -> FeedbackReading:
    """Every clause of ``text`` with its kind and the strengths or gaps it names."""
    clauses: list[Clause] = []
    for sentence in _SENTENCES.split(text.strip()):
        for part in _parts(sentence):
            part = part.strip(" ,.!?:\"'()")
            if part:
                clauses.append(_clause(part))
    return FeedbackReading(tuple(clauses))


_LEADING = re.compile(r"^\s*(?:while|whilst|although|though|even though)\s+(.+?),\s*(.+)$", re.I)


def _parts(sentence: str) -> list[str]:
    """A sentence's clauses: "While X, Y" is two; then the breaks in ``_CLAUSE_BREAK``."""
    leading = _LEADING.match(sentence)
    if leading is not None:
        return [*_parts(leading.group(1)), *_parts(leading.group(2))]
    return _CLAUSE_BREAK.split(sentence)


#: "You handled the role play well": the object between the verb and the adverb is praised.
_DID_WELL = re.compile(
    r"\b(?:handled|presented|explained|prepared|communicated|answered|managed|structured|ran|led)"
    r"\s+(?P<what>(?:[\w/-]+\s+){0,5}?)(?:very\s+|really\s+)?"
    r"(?:well|clearly|confidently|thoroughly|calmly)\b",
    re.IGNORECASE,
)
#: Praise whose object follows it ("impressed by your portfolio"), whatever the subject.
_PRAISE_VERB = re.compile(
    r"^(?:impressed|enjoyed|appreciated|liked|loved|valued|praised|commended|highlight)",
    re.IGNORECASE,
)
_CUE_COPULA = re.compile(r"^(?:was|were|is|are|felt|seemed)\b", re.IGNORECASE)

#: A predicate's subject ends with a copula: "your answers were", "the model felt".
_COPULA = re.compile(
    r"\s+(?:was|were|is|are|felt|seemed|looked|came across(?: as)?|sounded|proved)"
    r"(?:\s+(?:very|really|quite|a bit|a little|somewhat|not|also|both|particularly|too))*\s*$",
    re.IGNORECASE,
)
#: Courtesy, not praise of something the person can build on.
_COURTESY = re.compile(
    r"\b(?:meeting|speaking|talking|the conversation|the chat|impression|culture add|"
    r"wish you|good luck|the best|pool|field of|number of|candidates|applicants)\b",
    re.IGNORECASE,
)


def _clause(text: str) -> Clause:
    gap = _GAP_CUES.search(text) or _NEGATED_PRAISE.search(text)
    if gap is not None:
        return Clause(text, ClauseKind.GAP, _named(text, gap.start(), gap.end()))
    did_well = _DID_WELL.search(text)
    if did_well is not None and _objects(did_well.group("what")):
        return Clause(text, ClauseKind.STRENGTH, _objects(did_well.group("what")))
    praise = _PRAISE_CUES.search(text)
    if praise is not None and not _COURTESY.search(text):
        items = _named(text, praise.start(), praise.end())
        if items:
            return Clause(text, ClauseKind.STRENGTH, items)
    return Clause(text, ClauseKind.NEUTRAL)


def _named(text: str, start: int, end: int) -> tuple[str, ...]:
    """What a cue at ``text[start:end]`` is about: the subject when the cue is its predicate
    ("your CV was strong"), else what follows the cue ("strong SQL"), else what precedes it."""
    before, cue = text[:start], text[start:end]
    if _PRAISE_VERB.match(cue.strip()):
        return _objects(text[end:]) or _objects(before)
    if _COPULA.search(before) or _CUE_COPULA.match(cue):
        subject = _objects(_COPULA.sub("", before).rsplit(" that ", 1)[-1])
        if subject:
            return subject
    return _objects(text[end:]) or _objects(before)


def _objects(text: str) -> tuple[str, ...]:
    """The things a clause names: cut at "and", "&" and commas, fillers dropped."""
    text = _TRAILING.sub("", text)
    found = []
    for piece in re.split(r",\s*|\s+(?:and|&|as well as|plus|or)\s+|/(?=\s)", text):
        item = _FILLER.sub("", piece.strip(" .,;:!?\"'()")).strip()
        item = re.sub(r"^(?:on|in|of|with|around|about)\s+", "", item, flags=re.IGNORECASE)
        if item and not _NOT_ITEMS.match(item) and len(item) <= 60:
            found.append(item)
    return tuple(found)
