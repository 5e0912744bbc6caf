"""Quality checks on a draft: length, names, thanks, asks, punctuation, phrasing and tone.

``check_draft`` returns one finding per check, with severity ``ok`` when it passes, so a
screen can show what was checked as well as what needs attention. Checks read the subject and
the body together unless their message says otherwise. The thresholds are documented in
docs/drafting.md.
"""

from __future__ import annotations

import re

from onward.drafting.kinds import SUBJECT_WORDS, expectations
from onward.drafting.models import Draft, Finding, Severity
from onward.drafting.phrases import MAX_APOLOGIES, PHRASE_RULES, count_apologies, normalise
from onward.drafting.tone import NEGATIVE_AT, VERY_NEGATIVE_AT, compound_score

_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_THANKS = re.compile(
    r"\b(?:thank|thanks|thankful|grateful|gratitude|appreciate|appreciated|appreciation)\b"
)
_ASK = re.compile(
    r"\b(?:could you|would you|can you|will you|please|would it be possible|may i|let me know"
    r"|is there any chance|(?:i'd|i would) (?:appreciate|be grateful|welcome) (?:it )?if)\b"
)
_PLACEHOLDERS = (
    re.compile(r"\{[^{}\n]{0,40}\}|[{}]"),
    re.compile(r"\[\[|\]\]"),
    re.compile(r"\[[A-Za-z][^\[\]\n]{0,40}\]"),
    re.compile(r"<[A-Za-z][\w .'-]{0,40}>"),
    re.compile(r"\b(?:TODO|TBD|FIXME|XXX+)\b", re.IGNORECASE),
)
# Unicode calls these emoji, but in running text they are trade marks, not pictures.
_TEXT_SYMBOLS = frozenset("©®™")
MAX_EXCLAMATIONS = 1

#: Every finding code ``check_draft`` can return; "phrasing" is the pass for the phrase rules.
CHECK_CODES: tuple[str, ...] = (
    "word_count",
    "subject_length",
    "company_named",
    "role_named",
    "thanks",
    "ask_count",
    "exclamation_marks",
    "emoji",
    "unfilled_placeholder",
    *(rule.code for rule in PHRASE_RULES),
    "phrasing",
    "over_apologising",
    "tone",
)


def check_draft(draft: Draft) -> list[Finding]:
    """Every quality finding for ``draft``, problems and passes alike."""
    whole = f"{draft.subject}\n{draft.body}"
    folded = normalise(whole)
    findings = [
        _word_count(draft),
        _subject_length(draft.subject),
        *_names(draft, folded),
        _thanks(draft, folded),
        _asks(draft),
        _exclamations(whole),
        _emoji(whole),
        _placeholders(whole),
        *_phrasing(folded),
        _apologies(folded),
        _tone(whole),
    ]
    return [f for f in findings if f is not None]


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def count_asks(text: str) -> int:
    """Sentences that ask the reader for something: questions and polite requests."""
    return sum(1 for s in sentences(text) if s.endswith("?") or _ASK.search(normalise(s)))


def _word_count(draft: Draft) -> Finding:
    low, high = expectations(draft.kind).words
    words = count_words(draft.body)
    band = f"aim for {low}–{high} for a {draft.kind.label}"
    if words == 0:
        return Finding("word_count", Severity.ERROR, "The message has no text.")
    if words < low:
        message = f"The message is short at {words} words ({band}); add one specific detail."
        return Finding("word_count", Severity.WARNING, message)
    if words > high:
        message = f"The message is long at {words} words ({band}); shorter notes get read."
        return Finding("word_count", Severity.WARNING, message)
    return Finding("word_count", Severity.OK, f"{words} words ({band}).")


def _subject_length(subject: str) -> Finding:
    low, high = SUBJECT_WORDS
    words = count_words(subject)
    if words == 0:
        return Finding("subject_length", Severity.ERROR, "The subject line is empty.")
    if not low <= words <= high:
        message = f"The subject has {words} words; {low} to {high} read best in an inbox."
        return Finding("subject_length", Severity.WARNING, message)
    return Finding("subject_length", Severity.OK, f"The subject has {words} words.")


def _names(draft: Draft, folded: str) -> list[Finding]:
    expect = expectations(draft.kind)
    facts = draft.facts
    if facts is None:
        return []
    out: list[Finding] = []
    wanted = (
        ("company_named", facts.company, expect.names_company, Severity.ERROR),
        ("role_named", facts.role, expect.names_role, Severity.WARNING),
    )
    for code, value, needed, severity in wanted:
        name = normalise(value)
        if not needed or not name:
            continue
        what = "company" if code == "company_named" else "role"
        if name in folded:
            out.append(Finding(code, Severity.OK, f"The {what} ({value.strip()}) is named."))
        else:
            message = f"Name the {what} ({value.strip()}) so the reader knows what this is about."
            out.append(Finding(code, severity, message))
    return out


def _thanks(draft: Draft, folded: str) -> Finding | None:
    if not expectations(draft.kind).thanks:
        return None
    if _THANKS.search(folded):
        return Finding("thanks", Severity.OK, "The message says thank you.")
    return Finding("thanks", Severity.ERROR, "Add a thank-you; it is what people remember.")


def _asks(draft: Draft) -> Finding:
    expect = expectations(draft.kind)
    low, high = expect.asks
    asks = count_asks(draft.body)
    if low <= asks <= high:
        return Finding("ask_count", Severity.OK, f"{_asks_phrase(asks)}, as a good note has.")
    if asks < low:
        message = f"A {draft.kind.label} needs one clear question or request; this has none."
    elif high == 0:
        message = f"A {draft.kind.label} should not ask for anything; this has {asks} requests."
    else:
        message = (
            f"{_asks_phrase(asks)}; keep to exactly one so it is easy to say yes"
            if high == 1
            else f"{_asks_phrase(asks)}; keep to at most {high}"
        )
    return Finding("ask_count", expect.asks_severity, message)


def _asks_phrase(asks: int) -> str:
    return {0: "No requests", 1: "One request"}.get(asks, f"{asks} requests")


def _exclamations(text: str) -> Finding:
    count = text.count("!") + text.count("！")
    if count > MAX_EXCLAMATIONS:
        message = f"{count} exclamation marks; keep to at most {MAX_EXCLAMATIONS}."
        return Finding("exclamation_marks", Severity.WARNING, message)
    return Finding("exclamation_marks", Severity.OK, "Exclamation marks are sparing.")


def _emoji(text: str) -> Finding:
    import emoji

    found = [
        e["emoji"]
        for e in emoji.emoji_list(text)
        if not (e["emoji"] in _TEXT_SYMBOLS and not text[e["match_end"] :].startswith("\ufe0f"))
    ]
    if found:
        shown = " ".join(dict.fromkeys(found))
        message = f"Remove the emoji ({shown}); they read as casual in a professional note."
        return Finding("emoji", Severity.ERROR, message)
    return Finding("emoji", Severity.OK, "No emoji.")


def _placeholders(text: str) -> Finding:
    found: list[tuple[int, str]] = []
    for pattern in _PLACEHOLDERS:
        found.extend((m.start(), m.group()) for m in pattern.finditer(text))
    if found:
        shown = ", ".join(dict.fromkeys(t for _, t in sorted(found)))
        message = f"Fill in or remove the leftover placeholder text: {shown}."
        return Finding("unfilled_placeholder", Severity.ERROR, message)
    return Finding("unfilled_placeholder", Severity.OK, "No leftover placeholders.")


def _phrasing(folded: str) -> list[Finding]:
    out: list[Finding] = []
    for rule in PHRASE_RULES:
        found = rule.matches(folded)
        if found:
            shown = ", ".join(f'"{p}"' for p in dict.fromkeys(found))
            out.append(Finding(rule.code, rule.severity, f"Found {shown}: {rule.advice}."))
    if not out:
        out.append(Finding("phrasing", Severity.OK, "No phrasing that tends to backfire."))
    return out


def _apologies(folded: str) -> Finding:
    count = count_apologies(folded)
    if count > MAX_APOLOGIES:
        message = f"{count} apologies; you have nothing to apologise for here, so keep at most one."
        return Finding("over_apologising", Severity.WARNING, message)
    return Finding("over_apologising", Severity.OK, "No over-apologising.")


def _tone(text: str) -> Finding:
    """The whole message's VADER score, and the worst sentence when the whole looks fine.

    A warm note can hide one bitter sentence: averaged in, it barely moves the score.
    """
    score = compound_score(text)
    if score <= VERY_NEGATIVE_AT:
        message = f"The tone reads clearly negative (score {score:+.2f}); soften it before sending."
        return Finding("tone", Severity.ERROR, message)
    if score <= NEGATIVE_AT:
        message = f"The tone reads negative (score {score:+.2f}); warmer wording will land better."
        return Finding("tone", Severity.WARNING, message)
    worst = min(((compound_score(s), s) for s in sentences(text)), default=(0.0, ""))
    if worst[0] <= VERY_NEGATIVE_AT:
        message = (
            f"Overall the tone is fine (score {score:+.2f}), but one sentence reads negative "
            f'(score {worst[0]:+.2f}): "{worst[1]}"'
        )
        return Finding("tone", Severity.WARNING, message)
    return Finding("tone", Severity.OK, f"The tone reads positive or neutral (score {score:+.2f}).")
