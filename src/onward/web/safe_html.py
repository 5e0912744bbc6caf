"""Email HTML made safe to show: hostile until cleaned.

nh3 (the Rust ``ammonia`` sanitizer) keeps a small set of text-formatting tags and drops
everything else: scripts, styles, forms, frames, event handlers and ``style`` attributes.
Images are removed outright, so nothing remote loads (no tracking pixels); the page's
Content-Security-Policy (``img-src 'self' data:``) would block them anyway. Links keep only
http(s) and mailto addresses and open nothing of ours: ``rel="noopener noreferrer nofollow"``.
Use it in templates as ``{{ html|email_html }}``.
"""

from __future__ import annotations

import nh3
from markupsafe import Markup

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


def clean_email_html(html: str) -> Markup:
    """``html`` with everything that could run, load or hide something taken out."""
    cleaned = nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return Markup(cleaned)
