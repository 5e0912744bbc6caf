"""Email HTML is hostile: what survives cleaning can neither run, load nor hide anything."""

from __future__ import annotations

from onward.web.rendering import environment
from onward.web.safe_html import clean_email_html

HOSTILE = """
<html><head><title>t</title><style>body{display:none}</style>
<script>alert(1)</script></head>
<body onload="steal()">
<p style="color:red" onclick="x()">Thank you for applying to <b>Acme</b>.</p>
<img src="https://tracker.example/pixel.gif" width="1" height="1">
<img src="data:image/png;base64,AAAA">
<a href="javascript:alert(2)">click</a>
<a href="https://acme.example/jobs">Our jobs</a>
<iframe src="https://evil.example"></iframe>
<form action="https://evil.example"><input name="password"></form>
<svg><script>alert(3)</script></svg>
<div background="https://tracker.example/bg.png">Kind regards</div>
<!-- hidden comment -->
<link rel="stylesheet" href="https://evil.example/x.css">
</body></html>
"""


def test_scripts_styles_handlers_and_remote_loads_are_removed() -> None:
    out = str(clean_email_html(HOSTILE)).lower()
    for gone in (
        "<script",
        "alert",
        "<style",
        "display:none",
        "onload",
        "onclick",
        "style=",
        "<img",
        "tracker.example",
        "<iframe",
        "<form",
        "<input",
        "<svg",
        "javascript:",
        "<!--",
        "<link",
        "background=",
    ):
        assert gone not in out, gone
    assert "thank you for applying to <b>acme</b>." in out
    assert "kind regards" in out


def test_safe_links_stay_and_open_nothing_of_ours() -> None:
    out = str(clean_email_html('<a href="https://acme.example/jobs">Jobs</a>'))
    assert 'href="https://acme.example/jobs"' in out
    assert 'rel="noopener noreferrer nofollow"' in out


def test_the_template_filter_cleans_and_plain_text_is_escaped() -> None:
    env = environment()
    shown = env.from_string("{{ html|email_html }}|{{ text }}").render(
        html="<p>Hi</p><script>x()</script>", text="<b>not markup</b>"
    )
    assert shown == "<p>Hi</p>|&lt;b&gt;not markup&lt;/b&gt;"
