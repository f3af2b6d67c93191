"""The report as one self-contained HTML page: inline styles and SVG, no script, no network.

The page asks for nothing from anywhere (its Content-Security-Policy forbids it), so
it opens the same from a USB stick, an e-mail or a patient portal. On screen it is
one column; printed it fits one or two A4 or Letter pages (the print stylesheet:
smaller type, the notes in two columns, no section broken mid-line). Warnings are
marked by a bar and a heading as well as a tint, and the signs in a note by bold
underlined words, so the page reads the same printed in grey.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from backtimer.domain.report import words
from backtimer.domain.report.chart import pain_chart, weeks_chart
from backtimer.domain.report.model import Report

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #111;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 780px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.35em; margin: 0 0 .15em; }
h2 { font-size: 1.05em; margin: .9em 0 .3em; border-bottom: 1.5px solid #222; }
h3 { font-size: .95em; margin: .5em 0 .15em; }
p, ul, ol { margin: .2em 0; }
ul { padding-left: 1.2em; }
ol { padding-left: 2em; }
.made { color: #444; font-size: .9em; }
table { border-collapse: collapse; width: 100%; font-size: .9em; margin: .3em 0; }
th, td { text-align: left; padding: 1px 6px; border-bottom: .5px solid #bbb;
  vertical-align: top; }
th { border-bottom: 1px solid #222; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
.chart { width: 100%; height: auto; display: block; margin: .2em 0; }
.chart text { font-size: 10px; fill: #222; font-family: inherit; }
.chart text.axis, .chart text.note { fill: #444; font-size: 9px; }
.chart text.warned, .chart text.flared { font-size: 10px; font-weight: 700; }
.warn { border-left: 4px solid #8a1c1c; background: #fbeaea; padding: 3px 8px;
  margin: .3em 0; }
.warn h3 { margin-top: .1em; }
mark { background: #ffe08a; color: inherit; font-weight: 700; text-decoration: underline; }
.kind { font-weight: 700; font-size: .85em; white-space: nowrap; }
.why { color: #333; font-size: .92em; }
.notes li { margin-bottom: .15em; }
.when { font-weight: 600; white-space: nowrap; }
footer { margin-top: .8em; padding-top: .2em; font-size: .8em; color: #444;
  border-top: .5px solid #999; }
@page { margin: 10mm 11mm; }
@media print {
  body { font-size: 8.5pt; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; }
  tr, li, .chart, .warn { break-inside: avoid; }
  .notes ul { columns: 2; column-gap: 7mm; }
}
"""

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
"""Nothing loads from anywhere: the page is whole as it is."""


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], numbers: int = 1) -> str:
    """A table whose columns from ``numbers`` on are figures (set right)."""

    def cells(tag: str, row: Sequence[str]) -> str:
        return "".join(
            f"<{tag}{' class=n' if n >= numbers else ''}>{escape(cell)}</{tag}>"
            for n, cell in enumerate(row)
        )

    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return f"<table><thead><tr>{cells('th', header)}</tr></thead><tbody>{body}</tbody></table>"


def marked(text: str, signs: Sequence[str]) -> str:
    """The note, escaped, with each sign that warned in it marked."""
    if not signs:
        return escape(text)
    pattern = "|".join(r"[\W_]+".join(map(re.escape, sign.split())) for sign in signs)
    parts = re.split(f"({pattern})", text, flags=re.IGNORECASE)
    return "".join(
        f"<mark>{escape(part)}</mark>" if n % 2 else escape(part) for n, part in enumerate(parts)
    )


def _items(lines: Sequence[str], css: str = "") -> str:
    style = f' class="{css}"' if css else ""
    return f"<ul{style}>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def _warned(report: Report) -> str:
    parts = [f"<p>{escape(words.legs(report))}</p>"]
    warned = words.warned(report)
    for item in warned:
        said = []
        if item.leg:
            said.append("<li>answered <b>yes</b>: something ran down a leg</li>")
        if item.severe_after:
            said.append(f"<li>pain after <b>{escape(item.pain.split(' → ')[1])}</b></li>")
        if item.note:
            means = f" ({escape('; '.join(item.meanings))})" if item.meanings else ""
            said.append(f"<li>note: “{marked(item.note, item.signs)}”{means}</li>")
        parts.append(
            f'<div class="warn"><h3>{escape(item.day)} · {escape(item.routine)} · pain'
            f" {escape(item.pain)}</h3><ul>{''.join(said)}</ul></div>"
        )
    if not warned:
        parts.append("<p>No session warned: no note with a warning sign, no leg answered yes.</p>")
    advice = words.professional(report)
    if advice:
        parts.append(f"<p><b>{escape(advice)}</b></p>")
    return "".join(parts)


def _doses(report: Report) -> str:
    parts = [_table(words.MOVE_HEADER, words.move_rows(report))]
    groups = words.change_groups(report)
    parts.append("<h3>Ladder steps taken</h3>")
    if not groups:
        parts.append("<p>No dose changed in this period.</p>")
        return "".join(parts)
    items = []
    for group in groups:
        changes = "; ".join(escape(item) for item in group.items)
        why = _why(group)
        items.append(
            f'<li><span class="when">{escape(group.day)}</span>, <b>{escape(group.direction)}</b>:'
            f" {changes}{why}</li>"
        )
    parts.append(f"<ol>{''.join(items)}</ol>")
    return "".join(parts)


def _why(group: words.ChangeGroup) -> str:
    if group.same_as is not None:
        return f' <span class="why">(why: as for {group.same_as})</span>'
    if group.why:
        reasons = escape("; ".join(group.why))
        return f'<br><span class="why">Why ({escape(group.how)}): {reasons}</span>'
    return f'<br><span class="why">{escape(group.how)}</span>'


def _events(report: Report) -> str:
    rows = list(words.events(report))
    parts = []
    if rows:
        body = "".join(
            f'<tr><td class="when">{escape(when)}</td><td class="kind">{escape(kind)}</td>'
            f"<td>{escape(text)}</td></tr>"
            for when, kind, text in rows
        )
        parts.append(f"<table><tbody>{body}</tbody></table>")
    else:
        parts.append("<p>None: no warning, flare, back-off or easier week in this period.</p>")
    flags = words.red_flags(report)
    if flags:
        parts.append(f"<p>{escape(flags)}</p>")
    return "".join(parts)


def _notes(report: Report) -> str:
    if not report.notes:
        return "<p>No notes in this period.</p>"
    items = []
    for note in report.notes:
        when = f"{words.day_words(note.at.date())}"
        pain = f"pain {words.pain(note.before)} → {words.pain(note.after)}"
        css = ' class="warned"' if note.signs else ""
        flag = " <b>(warned)</b>" if note.signs else ""
        items.append(
            f'<li{css}><span class="when">{escape(when)}</span> · {escape(pain)}{flag}:'
            f" {marked(note.text, note.signs)}</li>"
        )
    return f'<div class="notes"><ul>{"".join(items)}</ul></div>'


def report_html(report: Report) -> str:
    """The whole page."""
    title = words.title(report)
    sections = [
        ("adherence", "Keeping it up", _items(words.adherence(report)) + weeks_chart(report)),
        (
            "pain",
            "Pain before and after, and the next morning",
            pain_chart(report)
            + _items(words.pain_lines(report))
            + _table(words.WEEK_HEADER, words.week_rows(report)),
        ),
        ("warned", "Leg symptoms and notes that warned", _warned(report)),
        ("doses", "Each move's dose", _doses(report)),
        ("safety", "Safety events", _events(report)),
        ("notes", "Notes, newest first", _notes(report)),
    ]
    body = "".join(
        f'<section id="{key}"><h2>{escape(heading)}</h2>{content}</section>'
        for key, heading, content in sections
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n"
        f"<body><main><header><h1>{escape(title)}</h1>"
        f'<p class="made">{escape(words.made(report))}</p>'
        f"<p>{escape(words.programme(report))}</p></header>\n"
        f"{body}\n<footer><p>{escape(words.READING_GUIDE)}</p></footer></main></body></html>\n"
    )
