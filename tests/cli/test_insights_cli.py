"""`onward insights` and `onward report --html`: findings, JSON, an offline and escaped report."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from tests.support.cli_runner import Cli

from onward.clock import FixedClock

HOSTILE = '<script>alert("co")</script>'
QUOTE = "</script><img src=x onerror=alert(1)> & more"


def ghosted_search(cli: Cli) -> None:
    """Twelve applications: ten ghosted, two rejected with a reason (one quoted, hostile)."""
    for i in range(10):
        cli.ok(
            "add", f"Quiet {i}", "Data Analyst", "--date", "2026-09-01", "--channel", "job_board"
        )
        cli.ok("move", str(i + 1), "ghosted", "--date", "2026-10-15")
    cli.ok("add", HOSTILE, "Senior Engineer", "--date", "2026-09-02")
    cli.ok("reject", "11", "--reason", "skills_mismatch", "--quote", QUOTE, "--date", "2026-09-20")
    cli.ok("add", "Bolt", "Nurse", "--date", "2026-09-03")
    cli.ok("reject", "12", "--reason", "stronger_candidates", "--date", "2026-09-10")


def test_insights_on_an_empty_search(cli: Cli) -> None:
    out = cli.ok("insights")
    assert "0 application(s) sent" in out and "Nothing to read yet" in out


def test_insights_show_diagnoses_with_evidence_and_the_guard(cli: Cli) -> None:
    ghosted_search(cli)
    out = cli.ok("insights")
    assert "12 application(s) sent" in out
    assert "Few applications get a response" in out
    response = next(line for line in out.splitlines() if "Any response" in line)
    assert (
        "17%" in response and "between 5% and 45%" in response and "2 of 12" in response
    )  # the figures
    assert "Many applications end in silence" in out
    assert "Follow-up habits" in out
    assert "2 of the 10 applications needed so far" in out  # the screen step
    assert "Skills: 1 of 2 (50%)" in out
    # the channel cut has a group with ten outcomes (job board, none answered)
    assert "By channel" in out and "0 of 11 (0%)" in out
    assert "By company" not in out and "appear here once a group has 10 outcomes" in out
    assert HOSTILE in out  # printed as text, not read as Rich markup


def test_insights_wait_while_a_dwell_window_is_open(cli: Cli, clock: FixedClock) -> None:
    ghosted_search(cli)
    cli.ok("add", "Acme", "Analyst", "--date", "2026-11-01")
    cli.ok("reject", "13", "--reason", "internal_candidate")  # today: a window opens now
    held = cli.ok("insights")
    assert "The numbers can wait" in held and "Key findings" not in held
    assert "onward insights --anyway" in held
    assert json.loads(cli.ok("insights", "--json")) == {"held_back": True, "dwelling": True}
    anyway = cli.ok("insights", "--anyway")
    assert "Key findings" in anyway and "13 application(s) sent" in anyway
    clock.advance(days=3)  # the window has ended
    after = cli.ok("insights")
    assert "Key findings" in after and "can wait" not in after


def test_insights_json(cli: Cli) -> None:
    ghosted_search(cli)
    data = json.loads(cli.ok("insights", "--json"))
    response = data["funnel"]["steps"][1]["conversion"]
    assert (response["hits"], response["n"], response["enough"]) == (2, 12, True)
    assert response["low"] == __import__("pytest").approx(0.0470, abs=5e-4)
    assert [d["key"] for d in data["diagnoses"]] == ["few_responses", "many_ghosted"]
    assert data["skill_gaps"]["resume"] is None and "no resume" in data["skill_gaps"]["note"]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.csp: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "href", "action", "data", "poster"):
            if values.get(name):
                self.urls.append(values[name] or "")
        if values.get("http-equiv") == "Content-Security-Policy":
            self.csp = values.get("content")


def test_report_is_offline_self_contained_and_escaped(cli: Cli, tmp_path: Path) -> None:
    from onward.services.insights import plotly_bundle

    ghosted_search(cli)
    target = tmp_path / "report.html"
    out = cli.ok("report", "--html", str(target))
    assert "Wrote" in out and "offline" in out
    html = target.read_text(encoding="utf-8")
    bundle = plotly_bundle().read_text(encoding="utf-8")
    assert html.count(bundle) == 1  # plotly.js inlined, once, verbatim
    rest = html.replace(bundle, "")
    # No remote URL anywhere outside plotly.js itself (whose strings are XML namespaces and
    # the like, never fetched), no CDN, and nothing loads from anywhere.
    assert not re.search(r"(?i)https?:|//cdn|cdn\.plot\.ly|\burl\(", rest)
    links = Links()
    links.feed(rest)
    assert links.urls == []
    assert links.csp is not None and "default-src 'none'" in links.csp
    assert "connect-src 'none'" in links.csp
    # the person's text is escaped in the page and cannot close a script in the figure JSON
    assert HOSTILE not in rest and "<img src=x" not in rest
    assert "&lt;script&gt;alert(&quot;co&quot;)&lt;/script&gt;" in rest
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; more" in rest
    assert rest.lower().count("</script>") == rest.lower().count("<script")
    assert "Few applications get a response" in rest
    for name in ("flow", "funnel", "effort", "mood", "reasons", "themes", "ratings", "skills"):
        assert f'id="chart-{name}"' in rest
    figures = re.search(r'id="onward-figures">(.*?)</script>', rest, re.S)
    assert figures is not None
    assert set(json.loads(figures.group(1))) >= {"flow", "funnel", "reasons"}


def test_report_refuses_a_missing_folder_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    result = cli("report", "--html", str(tmp_path / "nowhere" / "report.html"))
    assert result.exit_code == 1
    assert "does not exist" in result.stderr
    assert not (tmp_path / "nowhere").exists()
    folder = tmp_path / "out"
    folder.mkdir()
    result = cli("report", "--html", str(folder))
    assert result.exit_code != 0
    assert list(folder.iterdir()) == []


def test_report_needs_a_file(cli: Cli) -> None:
    result = cli("report")
    assert result.exit_code == 2 and "--html" in result.stderr


def test_bad_recent_weeks_is_one_clear_line(cli: Cli) -> None:
    result = cli("insights", "--recent-weeks", "0")
    assert result.exit_code == 1
    assert "recent weeks must be 1 or more, not 0" in result.stderr


def test_figure_json_cannot_end_its_script_element() -> None:
    from onward.export.insights_report import _json_for_script

    text = _json_for_script({"q": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"q": "</script><!-- & \u2028"}
