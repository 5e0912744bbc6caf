"""The insights report: one self-contained HTML file to keep or share with a mentor or coach.

Self-contained and offline: plotly.js is inlined from the installed plotly package, the
figures travel as JSON in the page, and a Content-Security-Policy in the file itself forbids
loading anything from anywhere (``default-src 'none'``). Every piece of the person's text
(names, companies, quotes) is HTML-escaped, and the figure JSON is escaped so no text can
close its script element.
"""

from __future__ import annotations

import json
from datetime import datetime
from html import escape
from typing import Any

from onward.domain.insights.funnel import Cut
from onward.domain.insights.patterns import Counted
from onward.domain.insights.stats import Rate
from onward.domain.insights.summary import Insights
from onward.formats import formats

CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; "
    "base-uri 'none'"
)
STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;
padding-bottom:.2rem}table{border-collapse:collapse;margin:.6rem 0;width:100%}
th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #eee;vertical-align:top}
td.n{text-align:right;white-space:nowrap}.muted{color:#666}.guard{color:#8a6d3b}
.card{border:1px solid #e3e3e3;border-radius:6px;padding:.8rem 1rem;margin:.8rem 0}
blockquote{margin:.3rem 0 .3rem 1rem;color:#444;font-style:italic}
.chart{min-height:420px;margin:1rem 0}.note{font-size:.9rem;color:#555}
"""
DRAW = """
(function () {
  var figures = JSON.parse(document.getElementById("onward-figures").textContent);
  var config = JSON.parse(document.getElementById("onward-config").textContent);
  Object.keys(figures).forEach(function (name) {
    var el = document.getElementById("chart-" + name);
    if (el) { Plotly.newPlot(el, figures[name].data || [], figures[name].layout || {}, config); }
  });
})();
"""
CHART_NOTES = {
    "flow": "Each application follows the stages its timeline went through, then how it "
    "ended; a rejection after an interview flows out of Interview.",
    "funnel": "Of the applications that reached the step before and have an outcome, the "
    "share that got this far. Whiskers: 95% Wilson intervals. Waiting applications are left "
    "out.",
    "effort": "Each tracked weekly goal as a share of its target (the dashed line is 100%).",
    "mood": "The average of your journal entries, week by week.",
    "reasons": "Reasons stated in rejections you logged (silence is not counted here).",
    "themes": "Themes of the feedback you logged; one piece can have several.",
    "ratings": "Your own 1-5 ratings from reflections, by stage and month.",
    "skills": "Skills the rejected jobs asked for that your newest resume lacks, by weight.",
}


def _json_for_script(data: Any) -> str:
    """JSON safe inside ``<script>``: no ``<``, ``>`` or ``&`` can end or confuse it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _rate(rate: Rate, brief: bool = False) -> str:
    css = "" if rate.enough else ' class="guard"'
    return f"<span{css}>{escape(rate.brief() if brief else rate.describe())}</span>"


def render_report(insights: Insights, name: str, generated: datetime) -> str:
    from onward.export.insights_charts import CONFIG, FIGURES, figures, plotly_js_path

    plotly_js = plotly_js_path().read_text(encoding="utf-8")
    if "</script" in plotly_js.lower():  # never expected; it would end the inlined script
        raise RuntimeError("the installed plotly.js cannot be inlined safely")
    charts = "".join(
        f'<div class="card"><div class="chart" id="chart-{n}"></div>'
        f'<p class="note">{escape(CHART_NOTES[n])}</p></div>'
        for n in FIGURES
    )
    body = "".join(
        (
            _findings(insights),
            _funnel(insights),
            _changes(insights),
            _timing(insights),
            "".join(_cut(c) for c in insights.cuts),
            _counted("Rejection reasons", insights.reasons, insights.rejections, "rejections"),
            _counted("Feedback themes", insights.themes, insights.feedback, "pieces of feedback"),
            _ratings(insights),
            _skill_gaps(insights),
            f"<h2>Charts</h2>{charts}",
            _limits(),
        )
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Onward insights: {escape(name)}</title><style>{STYLE}</style></head><body>"
        f'<h1>Job search insights</h1><p class="muted">{escape(name)} · as of '
        f"{formats().day(insights.as_of)} · written by Onward on "
        f"{formats().day(generated)}, {formats().time(generated)} · everything here comes "
        "from your own records</p>"
        f"{body}"
        f'<script type="application/json" id="onward-figures">'
        f"{_json_for_script(figures(insights))}</script>"
        f'<script type="application/json" id="onward-config">{_json_for_script(CONFIG)}</script>'
        f"<script>{plotly_js}</script><script>{DRAW}</script></body></html>\n"
    )


def _findings(insights: Insights) -> str:
    if insights.empty:
        return "<h2>Key findings</h2><p>No applications sent yet, so there is nothing to read.</p>"
    if not insights.diagnoses:
        text = (
            "No step of the funnel stands out as narrow yet, or there is not enough data to "
            "say so. The numbers below show where things are."
        )
        return f"<h2>Key findings</h2><p>{escape(text)}</p>"
    cards = "".join(
        f'<div class="card"><strong>{escape(d.title)}</strong><p>{escape(d.evidence)}</p>'
        f"<p>Worth trying:</p><ul>{''.join(f'<li>{escape(a)}</li>' for a in d.actions)}</ul>"
        f'<p class="muted">{escape(d.caveat)}</p></div>'
        for d in insights.diagnoses
    )
    return f"<h2>Key findings</h2>{cards}"


def _funnel(insights: Insights) -> str:
    rows = "".join(
        f'<tr><td>{escape(s.label)}</td><td class="n">{s.count}</td>'
        f"<td>{_rate(s.conversion) if s.conversion else '—'}</td>"
        f'<td class="n">{s.pending or ""}</td></tr>'
        for s in insights.funnel.steps
    )
    return (
        "<h2>Funnel</h2><table><tr><th>Step</th><th>Got this far</th>"
        "<th>Conversion from the step before</th><th>Still waiting</th></tr>"
        f"{rows}</table>"
    )


def _changes(insights: Insights) -> str:
    rows = "".join(
        f"<tr><td>{escape(c.label)}</td><td>{_rate(c.overall, True)}</td>"
        f"<td>{_rate(c.recent, True)}</td></tr>"
        for c in insights.changes
    )
    return (
        f"<h2>Recent weeks against the whole search</h2><table><tr><th></th><th>Overall</th>"
        f"<th>Sent in the last {insights.recent_weeks} weeks</th></tr>{rows}</table>"
    )


def _timing(insights: Insights) -> str:
    return (
        "<h2>Timing and silence</h2><ul>"
        f"<li>Time to a first response: {escape(insights.first_response.describe('responses'))}"
        f"</li><li>Time to a rejection: {escape(insights.to_rejection.describe('rejections'))}"
        f"</li><li>Ended without a word (ghosted): {_rate(insights.ghosting)}</li></ul>"
    )


def _cut(cut: Cut) -> str:
    if not cut.groups:
        return ""
    rows = "".join(
        f'<tr><td>{escape(g.name)}</td><td class="n">{g.applied}</td><td>{_rate(g.response, True)}'
        f"</td><td>{_rate(g.interview, True)}</td><td>{_rate(g.offer, True)}</td></tr>"
        for g in cut.groups
    )
    return (
        f"<h2>By {escape(cut.label.lower())}</h2><table><tr><th>{escape(cut.label)}</th>"
        "<th>Applied</th><th>Any response</th><th>Interview</th><th>Offer</th></tr>"
        f"{rows}</table>"
    )


def _counted(title: str, items: tuple[Counted, ...], total: int, what: str) -> str:
    if not items:
        return f'<h2>{escape(title)}</h2><p class="muted">None logged yet.</p>'
    blocks = "".join(
        f'<tr><td>{escape(c.label)}</td><td class="n">{c.count} ({round(c.share * 100)}%)</td>'
        "<td>"
        + "".join(
            f'<blockquote>“{escape(q.text)}” <span class="muted">({escape(q.company)}, '
            f"{formats().day(q.on)})</span></blockquote>"
            for q in c.quotes
        )
        + "</td></tr>"
        for c in items
    )
    return (
        f'<h2>{escape(title)}</h2><p class="muted">From {total} {escape(what)}.</p>'
        f"<table><tr><th></th><th>Times</th><th>In their words</th></tr>{blocks}</table>"
    )


def _ratings(insights: Insights) -> str:
    if not insights.ratings:
        return '<h2>Your reflections</h2><p class="muted">No reflections written yet.</p>'
    rows = "".join(
        f'<tr><td>{escape(r.label)}</td><td class="n">{r.mean:.1f}</td><td class="n">{r.n}'
        f"</td><td>{escape(r.trend)}</td></tr>"
        for r in insights.ratings
    )
    low = insights.lowest_rated
    lowest = (
        f"<p>You rate <strong>{escape(low.label)}</strong> lowest ({low.mean:.1f} of 5 over "
        f"{low.n} ratings).</p>"
        if low
        else '<p class="guard">Not enough ratings yet to say which stage you rate lowest.</p>'
    )
    return (
        f"<h2>Your reflections</h2>{lowest}<table><tr><th>Stage</th><th>Average (1-5)</th>"
        f"<th>Ratings</th><th>Older half → newer half</th></tr>{rows}</table>"
    )


def _skill_gaps(insights: Insights) -> str:
    gaps = insights.skill_gaps
    if gaps is None:
        return ""
    title = "<h2>Skills the lost jobs asked for</h2>"
    if gaps.resume is None:
        return f'{title}<p class="muted">{escape(gaps.note or "")}</p>'
    intro = (
        f"<p>Compared {gaps.compared} of {gaps.rejected} rejected applications with resume "
        f"{escape(gaps.resume)}: skills their postings asked for that the resume does not "
        "mention, weighted by how many jobs asked and how far you got.</p>"
    )
    if gaps.note or not gaps.gaps:
        why = gaps.note or "The postings asked for nothing your resume lacks."
        return f'{title}{intro}<p class="muted">{escape(why)}</p>'
    if gaps.few:
        intro += '<p class="guard">Only a few postings to compare: a hint, not a pattern yet.</p>'
    rows = "".join(
        f'<tr><td>{escape(g.skill)}</td><td class="n">{g.weight}</td><td class="n">{g.jobs}</td>'
        f"<td>{escape(g.furthest)}</td></tr>"
        for g in gaps.gaps
    )
    return (
        f"{title}{intro}<table><tr><th>Skill</th><th>Weight</th><th>Jobs</th>"
        f"<th>Furthest stage</th></tr>{rows}</table>"
        '<p class="note">A missing word is not a missing skill: you may have it and not say '
        "so. `onward skills gaps --plan` turns the top ones into learning-plan items.</p>"
    )


def _limits() -> str:
    return (
        '<h2>How to read this</h2><ul class="note">'
        "<li>Small numbers say little: a rate needs 10 outcomes before it is shown as a "
        "finding, and the intervals show how wide the honest range still is.</li>"
        "<li>Patterns are not causes. The market, the season and luck shape these numbers "
        "as much as anything you did.</li>"
        "<li>Applications still waiting are left out of rates; withdrawn ones too.</li></ul>"
    )
