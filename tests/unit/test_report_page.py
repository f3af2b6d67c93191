"""The report's page: its charts drawn from its figures, self-contained, the same in Markdown.

The report is the six weeks of `tests.report_histories`; the charts are read back as
XML and their shapes checked against the report's figures: where a rating of 6 is
drawn, how many bars and how tall, where a line breaks.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from datetime import date, timedelta

import pytest

from backtimer.domain.history.stats import Gap, longest_gap
from backtimer.domain.report import chart
from backtimer.domain.report.html import marked, report_html
from backtimer.domain.report.markdown import report_markdown
from backtimer.domain.report.model import Report
from backtimer.domain.report.period import Period
from tests.report_histories import report_of, six_weeks

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def report() -> Report:
    return report_of(six_weeks())


def shapes(svg: str, css: str) -> list[ElementTree.Element]:
    root = ElementTree.fromstring(svg)
    return [element for element in root.iter() if element.get("class") == css]


def test_the_pain_chart_draws_every_rating_where_its_value_is(report: Report) -> None:
    svg = chart.pain_chart(report)
    befores, afters = shapes(svg, "before"), shapes(svg, "after")
    mornings = shapes(svg, "morning")
    rated = report.pain.sessions
    assert len(befores) == sum(r.before is not None for r in rated) == 15
    assert len(afters) == sum(r.after is not None for r in rated) == 15
    assert len(mornings) == report.pain.mornings == 14
    heights = sorted({round(float(c.get("cy", 0)), 1) for c in befores})
    assert heights == sorted({round(chart._pain_y(r.before or 0), 1) for r in rated})
    assert chart._pain_y(0) > chart._pain_y(6) > chart._pain_y(10)  # 0 at the bottom
    # The flare's 6 after is the only triangle that high.
    tops = [a for a in afters if f"{chart._pain_y(6) - 3.6 * 1.25:.1f}" in a.get("points", "")]
    assert len(tops) == 1


def test_the_weekly_means_break_over_the_skipped_week(report: Report) -> None:
    svg = chart.pain_chart(report)
    for kind in ("before", "after", "morning"):
        lines = shapes(svg, f"mean-{kind}")
        assert [len(line.get("points", "").split()) for line in lines] == [3, 2]


def test_the_days_that_warned_or_flared_and_the_easier_week_are_marked(report: Report) -> None:
    svg = chart.pain_chart(report)
    assert len(shapes(svg, "flared")) == 2 and len(shapes(svg, "warned")) == 2  # line, mark
    (band,) = shapes(svg, "easier")
    days = chart._Days(report.period)
    assert float(band.get("x", 0)) == pytest.approx(days.x(date(2026, 11, 30), 0), abs=0.1)
    right = float(band.get("x", 0)) + float(band.get("width", 0))
    assert right == pytest.approx(days.x(date(2026, 12, 8), 24), abs=0.2)


def test_the_weeks_chart_has_a_bar_a_week_against_the_plan(report: Report) -> None:
    svg = chart.weeks_chart(report)
    bars = [r for r in ElementTree.fromstring(svg).iter(f"{SVG}rect")]
    assert [b.get("class") for b in bars] == ["week met"] * 3 + ["week short"] + ["week met"] * 2
    heights = [float(b.get("height", 0)) for b in bars]
    assert heights[3] == 0 and len(set(heights[:3] + heights[4:])) == 1
    (plan,) = shapes(svg, "plan")
    # The plan (3) is as high as the bars of 3.
    assert float(plan.get("y1", 0)) == pytest.approx(float(bars[0].get("y", 0)), abs=0.1)


def test_the_page_needs_nothing_from_anywhere(report: Report) -> None:
    page = report_html(report)
    assert "<script" not in page.lower()
    assert not re.search(r"\b(?:src|href)=", page)
    assert "@import" not in page and "url(" not in page
    # The only address is the SVG namespace, a name that nothing fetches.
    assert set(re.findall(r"https?://[^\"' ]+", page)) == {"http://www.w3.org/2000/svg"}
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "@media print" in page


def test_the_page_follows_a_clinicians_order(report: Report) -> None:
    page = report_html(report)
    headings = re.findall(r"<h2>([^<]+)</h2>", page)
    assert headings == [
        "Keeping it up",
        "Pain before and after, and the next morning",
        "Leg symptoms and notes that warned",
        "Each move&#x27;s dose",
        "Safety events",
        "Notes, newest first",
    ]
    markdown = report_markdown(report)
    assert re.findall(r"^## (.+)$", markdown, re.MULTILINE) == [
        heading.replace("&#x27;", "'") for heading in headings
    ]
    assert "<" not in markdown.replace("<br>", "")


def test_a_note_is_escaped_and_its_signs_marked() -> None:
    note = "Sharp <b>pain</b> & PINS  and needles"
    assert marked(note, ["sharp", "pins and needles"]) == (
        "<mark>Sharp</mark> &lt;b&gt;pain&lt;/b&gt; &amp; <mark>PINS  and needles</mark>"
    )


def test_weeks_end_with_this_one_and_a_period_says_its_years() -> None:
    period = Period.weeks(6, date(2026, 12, 12))
    assert period == Period(date(2026, 11, 2), date(2026, 12, 12))
    assert period.text() == "2 Nov to 12 Dec 2026"
    assert Period(date(2025, 12, 24), date(2026, 1, 5)).text() == "24 Dec 2025 to 5 Jan 2026"
    assert period.file_stem() == "backtimer-report-2026-11-02-to-2026-12-12"
    assert Period.weeks(1, date(2026, 11, 2)).days == 1  # a Monday: this week alone


def test_the_longest_gap_leaves_out_today_while_it_has_no_session() -> None:
    first = date(2026, 11, 2)

    def day(n: int) -> date:
        return first + timedelta(days=n)

    days = {day(0), day(4), day(8)}
    assert longest_gap(days, first, day(8), day(8)) == Gap(day(1), day(3))
    # Today (day 13) has no session: the gap runs to yesterday only; the earliest of two
    # as long wins.
    assert longest_gap(days, first, day(13), day(13)) == Gap(day(9), day(12))
    assert longest_gap(days, first, day(12), day(12)) == Gap(day(1), day(3))
    assert longest_gap(set(), first, day(2), day(9)) == Gap(first, day(2))
    assert longest_gap({first}, first, first, first) is None
