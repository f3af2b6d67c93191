"""The report's two charts as inline SVG, drawn from the report's own figures.

Plain SVG written here rather than a charting library: two charts of a few dozen
shapes each take about 150 lines, print sharp at any size, need no script, and
add nothing to install (pygal, the smallest library that would serve, is a
dependency of its own and writes a script into every chart for its tooltips).

Readable in grey: each series has its own shape and line as well as its colour
(before: a filled circle and a solid line; after: a filled triangle and a dashed
line; the next morning: an open diamond and a dotted line), the legend shows them,
and every colour is dark enough to print on white.

- `pain_chart`: each session's pain before and after (joined by a thin line: the
  session), each next-morning rating on the morning it was given, the weekly means
  as lines through the middle of each week, and the days that warned or flared
  marked above the plot, over a grey band for each easier week.
- `weeks_chart`: sessions that count each week, as bars, against the plan's line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from html import escape

from backtimer.domain.report.model import Report, Week
from backtimer.domain.report.period import Period

BEFORE, AFTER, MORNING = "#1f4e9c", "#b34700", "#2e6b30"
"""Dark blue, dark orange, dark green: apart in colour, and each dark on paper."""
INK, GRID, BAND = "#222", "#bbb", "#e6e6e6"
ACCEPTABLE = 5
"""The pain-monitoring model accepts pain up to about this during and after exercise."""

WIDTH = 720
LABEL_WIDTH = 34
"""Room a week's label ("28 Sep") takes under the plot."""
PAIN_HEIGHT, WEEKS_HEIGHT = 210, 100
LEFT, RIGHT, TOP, BOTTOM = 30, 10, 34, 20


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


class _Days:
    """Where a day (and a time of day) falls across the plot."""

    def __init__(self, period: Period) -> None:
        self.first = period.first
        self.width = (WIDTH - LEFT - RIGHT) / period.days

    def x(self, day: date, hours: float = 12.0) -> float:
        return LEFT + ((day - self.first).days + hours / 24) * self.width

    def at(self, moment: datetime) -> float:
        return self.x(moment.date(), moment.hour + moment.minute / 60)


def _pain_y(value: float) -> float:
    return TOP + (PAIN_HEIGHT - TOP - BOTTOM) * (1 - value / 10)


def _svg(height: int, label: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}"'
        f' role="img" aria-label="{escape(label)}" class="chart">'
        f"<title>{escape(label)}</title>" + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, words: str, anchor: str = "middle", css: str = "") -> str:
    style = f' class="{css}"' if css else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{style}>{escape(words)}</text>'


def _marker(kind: str, x: float, y: float, size: float, css: str = "") -> str:
    """A series' marker: a filled circle (before), a filled triangle (after), an open
    diamond (the next morning); its class is the series' (``css`` in the legend)."""
    css = css or kind
    if kind == "before":
        return f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}" fill="{BEFORE}"/>'
    if kind == "after":
        s = size * 1.25
        points = f"{x:.1f},{y - s:.1f} {x + s:.1f},{y + s * 0.8:.1f} {x - s:.1f},{y + s * 0.8:.1f}"
        return f'<polygon class="{css}" points="{points}" fill="{AFTER}"/>'
    s = size * 1.3
    points = f"{x:.1f},{y - s:.1f} {x + s:.1f},{y:.1f} {x:.1f},{y + s:.1f} {x - s:.1f},{y:.1f}"
    return (
        f'<polygon class="{css}" points="{points}" fill="white" stroke="{MORNING}"'
        ' stroke-width="1.3"/>'
    )


LINES = {"before": "", "after": ' stroke-dasharray="6 3"', "morning": ' stroke-dasharray="1.5 2.5"'}
COLOURS = {"before": BEFORE, "after": AFTER, "morning": MORNING}


def _week_line(kind: str, weeks: Sequence[Week], days: _Days, period: Period) -> str:
    """The weekly means of one series, through the middle of each week that has one; a week
    without one breaks the line (nothing is drawn across a week skipped)."""
    runs: list[list[str]] = [[]]
    for week in weeks:
        value = getattr(week, kind)
        if value is None:
            runs.append([])
            continue
        first = max(week.start, period.first)
        last = min(week.start + timedelta(days=6), period.last)
        middle = (days.x(first, 0) + days.x(last, 24)) / 2
        runs[-1].append(f"{middle:.1f},{_pain_y(value):.1f}")
    return "".join(
        f'<polyline class="mean-{kind}" points="{" ".join(points)}" fill="none"'
        f' stroke="{COLOURS[kind]}" stroke-width="1.6"{LINES[kind]}/>'
        for points in runs
        if len(points) > 1
    )


def _week_labels(
    mondays: Sequence[date], x: list[float], y: float, anchor: str = "middle"
) -> list[str]:
    """Each week's Monday under the plot ("2 Nov"); every other one or fewer past 12 weeks.
    A label that would run past the right edge ends at it."""
    every = max(1, math.ceil(len(mondays) / 12))
    labels = []
    for n, monday in enumerate(mondays):
        if n % every:
            continue
        words, at, end = f"{monday.day} {monday:%b}", x[n], anchor
        if anchor == "start" and at + LABEL_WIDTH > WIDTH - RIGHT:
            at, end = WIDTH - RIGHT, "end"
        labels.append(_text(at, y, words, end, "axis"))
    return labels


def pain_chart(report: Report) -> str:
    """Pain before and after each session, the next mornings, the weekly means, the days
    that warned or flared, and the easier weeks."""
    period = report.period
    days = _Days(period)
    size = max(1.6, min(3.6, days.width * 0.3))
    body: list[str] = []
    for event in report.events:
        if event.kind == "easier week" and event.until is not None:
            left, right = days.x(event.day, 0), days.x(min(event.until, period.last), 24)
            body.append(
                f'<rect class="easier" x="{left:.1f}" y="{TOP:.1f}" width="{right - left:.1f}"'
                f' height="{_pain_y(0) - TOP:.1f}" fill="{BAND}"/>'
            )
            body.append(_text(right - 3, _pain_y(0) - 4, "easier week", "end", "note"))
    for value in range(0, 11, 2):
        y = _pain_y(value)
        body.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"'
            ' stroke-width="0.5"/>'
        )
        body.append(_text(LEFT - 5, y + 3, str(value), "end", "axis"))
    y = _pain_y(ACCEPTABLE)
    body.append(
        f'<line class="acceptable" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"'
        f' stroke="{INK}" stroke-width="0.8" stroke-dasharray="2 3"/>'
    )
    body.append(
        _text(WIDTH - RIGHT - 2, y - 3, f"acceptable up to about {ACCEPTABLE}", "end", "note")
    )
    mondays = period.mondays
    starts = [days.x(max(monday, period.first), 0) + 2 for monday in mondays]
    body += _week_labels(mondays, starts, PAIN_HEIGHT - 6, "start")
    for alert in report.alerts:
        x = days.x(alert.day)
        mark = "warned" if alert.warnings else "flared"
        body.append(
            f'<line class="{mark}" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP - 4}" y2="{_pain_y(0):.1f}"'
            f' stroke="{INK}" stroke-width="0.8" stroke-dasharray="3 2"/>'
        )
        body.append(_text(x, TOP - 6, "!" if alert.warnings else "▼", css=mark))
    for rated in report.pain.sessions:
        x = days.at(rated.at)
        if rated.before is not None and rated.after is not None:
            body.append(
                f'<line x1="{x:.1f}" x2="{x + size:.1f}" y1="{_pain_y(rated.before):.1f}"'
                f' y2="{_pain_y(rated.after):.1f}" stroke="{INK}" stroke-width="0.6"/>'
            )
        if rated.before is not None:
            body.append(_marker("before", x, _pain_y(rated.before), size))
        if rated.after is not None:
            body.append(_marker("after", x + size, _pain_y(rated.after), size))
        morning = rated.at.date() + timedelta(days=1)
        if rated.morning is not None and period.holds(morning):
            body.append(_marker("morning", days.x(morning, 7), _pain_y(rated.morning), size))
    for kind in ("before", "after", "morning"):
        body.append(_week_line(kind, report.adherence.weeks, days, period))
    body += _legend()
    label = f"Pain from 0 to 10 before and after each session, {period.text()}"
    return _svg(PAIN_HEIGHT, label, body)


def _legend() -> list[str]:
    items = [
        ("before", "before a session"),
        ("after", "after it"),
        ("morning", "the next morning"),
    ]
    body, x = [], LEFT
    for kind, words in items:
        body.append(_marker(kind, x + 4, 11, 3.2, f"key-{kind}"))
        body.append(
            f'<line x1="{x + 12}" x2="{x + 30}" y1="11" y2="11" stroke="{COLOURS[kind]}"'
            f' stroke-width="1.6"{LINES[kind]}/>'
        )
        body.append(_text(x + 34, 14, words, "start"))
        x += 40 + len(words) * 6
    body.append(_text(x, 14, "lines: weekly means · ! warned · ▼ flared", "start", "note"))
    return body


def weeks_chart(report: Report) -> str:
    """Sessions that count each week, as bars, against the plan."""
    adherence = report.adherence
    weeks = adherence.weeks
    top = max([adherence.plan, *(week.sessions for week in weeks)], default=1) or 1
    plot = WEEKS_HEIGHT - 14 - BOTTOM
    step = (WIDTH - LEFT - RIGHT) / len(weeks)
    bar = step * 0.6

    def y(value: float) -> float:
        return 14 + plot * (1 - value / top)

    body: list[str] = []
    x = [LEFT + step * n + (step - bar) / 2 for n in range(len(weeks))]
    for left, week in zip(x, weeks, strict=True):
        met = week.sessions >= adherence.plan
        fill = BEFORE if met else "#9db4d8"
        height = y(0) - y(week.sessions)
        css = "met" if met else "short"
        body.append(
            f'<rect class="week {css}" x="{left:.1f}" y="{y(week.sessions):.1f}" width="{bar:.1f}"'
            f' height="{height:.1f}" fill="{fill}" stroke="{BEFORE}" stroke-width="0.8"/>'
        )
        body.append(_text(left + bar / 2, y(week.sessions) - 3, str(week.sessions), css="count"))
    plan_y = y(adherence.plan)
    body.append(
        f'<line class="plan" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{plan_y:.1f}" y2="{plan_y:.1f}"'
        f' stroke="{INK}" stroke-width="1" stroke-dasharray="5 3"/>'
    )
    body.append(_text(LEFT - 4, plan_y + 3, f"plan {adherence.plan}", "end", "note"))
    body.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="{INK}"'
        ' stroke-width="0.8"/>'
    )
    body += _week_labels([w.start for w in weeks], [left + bar / 2 for left in x], WEEKS_HEIGHT - 6)
    label = f"Sessions that count each week against a plan of {adherence.plan}"
    return _svg(WEEKS_HEIGHT, label, body)
