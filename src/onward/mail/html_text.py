"""Turn an HTML email body into plain text with the standard library's ``html.parser``.

Only text survives: scripts, styles, heads, templates and embedded objects are dropped with
their content, and nothing is ever fetched (images and links are not followed). Block
elements become line breaks and ``<blockquote>`` lines are prefixed with ``> ``, so quoted
earlier messages look the same as in plain-text mail and are separated the same way.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text"]

_SKIP = frozenset(
    {"script", "style", "head", "title", "noscript", "template", "svg", "math", "iframe", "object"}
)
_BLOCK = frozenset(
    {
        "p", "div", "br", "tr", "li", "ul", "ol", "table", "section", "article", "header",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "blockquote", "dl", "dt",
        "dd", "address", "center", "form", "body", "html",
    }
)  # fmt: skip
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._skip = 0
        self._quote = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "blockquote":
            self._quote += 1
        elif tag == "pre":
            self._pre += 1
        elif tag == "li":
            self._current.append("- ")
        elif tag in ("td", "th") and self._current:
            self._current.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "blockquote":
            self._quote = max(0, self._quote - 1)
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._pre:
            parts = data.split("\n")
            for part in parts[:-1]:
                self._current.append(part)
                self._flush(keep_empty=True)
            self._current.append(parts[-1])
        else:
            self._current.append(_SPACE.sub(" ", data))

    def _flush(self, *, keep_empty: bool = False) -> None:
        line = "".join(self._current).strip()
        self._current = []
        if line or keep_empty:
            self.lines.append("> " * self._quote + line)
        elif self.lines and self.lines[-1] != "":
            self.lines.append("")


def html_to_text(html: str) -> str:
    """Return the readable text of ``html``: no tags, scripts, styles or remote content.

    >>> html_to_text("<p>Hi&nbsp;Sam</p><script>alert(1)</script><p>Thanks</p>")
    'Hi Sam\\n\\nThanks'
    """
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser._flush()
    text = "\n".join(line.rstrip() for line in parser.lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
