"""Email HTML made safe to show: hostile until cleaned, cleaned once at import.

nh3 (the Rust ``ammonia`` sanitizer) keeps a small set of text-formatting tags and drops
everything else: scripts, styles, forms, frames, event handlers and ``style`` attributes.
Images are removed outright, so nothing remote loads (no tracking pixels); the web page's
Content-Security-Policy (``img-src 'self' data:``) would block them anyway. Links keep only
http(s) and mailto addresses and open nothing of ours: ``rel="noopener noreferrer nofollow"``.

The import stores ``kept_html`` of each job message (``onward.services.mail_import``), so
the evidence page shows stored, already clean HTML whatever the size of the original.
"""

from __future__ import annotations

import re

import nh3

__all__ = ["CUT_NOTE", "MAX_KEPT_HTML", "clean_email_html", "kept_html"]

TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "dd", "div", "dl", "dt", "em",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "q", "s",
        "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "u", "ul",
    }
)  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
DROPPED_WITH_CONTENT = frozenset({"script", "style", "title", "head", "noscript", "template"})
#: The cleaned HTML kept of one message, in characters.
MAX_KEPT_HTML = 1_000_000
#: Of an original's HTML, at most this much is cleaned (cleaning deeply nested HTML costs
#: more than its size: the cut keeps an import's worst message near one second).
MAX_CLEANED_INPUT = 512_000
#: Tags nested deeper than this are dropped before cleaning (10,000 nested ``<div>`` take
#: the cleaner minutes; real email nests a few dozen deep).
MAX_DEPTH = 100
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
#: Added at the end of HTML that was cut to ``MAX_KEPT_HTML``.
CUT_NOTE = '<p class="cut-note"><em>Onward kept only the first part of this long email.</em></p>'


def clean_email_html(html: str) -> str:
    """``html`` with everything that could run, load or hide something taken out."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def kept_html(html: str | None, limit: int = MAX_KEPT_HTML) -> str:
    """What is stored of a message's HTML: cleaned, at most ``limit`` characters (then cut
    where a tag ends, cleaned again so every tag is closed, and ``CUT_NOTE`` added); ""
    when there is none. Never raises on hostile input: text that is not valid Unicode is
    replaced first."""
    if not html:
        return ""
    cut = len(html) > MAX_CLEANED_INPUT
    if cut:
        html = _cut_at_tag(html, MAX_CLEANED_INPUT)
    html = html.encode("utf-8", "replace").decode("utf-8").replace("\x00", "\ufffd")
    cleaned = clean_email_html(_flatten(html))
    if len(cleaned) > limit:
        cleaned, cut = clean_email_html(_cut_at_tag(cleaned, limit)), True
    return cleaned + CUT_NOTE if cut else cleaned


def _cut_at_tag(html: str, limit: int) -> str:
    cut = html[:limit]
    end = cut.rfind(">")
    return cut[: end + 1] if end > limit // 2 else cut


def _flatten(html: str) -> str:
    """``html`` without the tags nested deeper than ``MAX_DEPTH`` (and their end tags)."""
    open_tags: list[str] = []
    dropped: dict[str, int] = {}
    out: list[str] = []
    last = 0
    for m in _TAG.finditer(html):
        closing, name = m.group(1), m.group(2).lower()
        if name in _VOID or m.group(0).endswith("/>"):
            continue
        drop = False
        if not closing:
            drop = len(open_tags) >= MAX_DEPTH
            if drop:
                dropped[name] = dropped.get(name, 0) + 1
            else:
                open_tags.append(name)
        elif dropped.get(name):
            dropped[name] -= 1
            drop = True
        elif name in open_tags:
            del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name) :]
        if drop:
            out.append(html[last : m.start()])
            last = m.end()
    out.append(html[last:])
    return "".join(out)
