"""The report as Markdown, to paste into a message or a notes app: the page's words, in
its order, with the weekly table standing in for the charts (the same figures)."""

from __future__ import annotations

from collections.abc import Sequence

from backtimer.domain.report import words
from backtimer.domain.report.model import Report

SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|#"})


def text(value: str) -> str:
    """Words as Markdown shows them: its marks escaped, a line break as a space."""
    return " ".join(value.split()).translate(SPECIAL)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(text(cell) for cell in header) + " |"]
    lines.append("|" + "|".join([":--"] + ["--:"] * (len(header) - 1)) + "|")
    lines += ["| " + " | ".join(text(cell) for cell in row) + " |" for row in rows]
    return lines


def _note(value: str, signs: Sequence[str]) -> str:
    """A note with each sign that warned in bold."""
    shown = text(value)
    for sign in signs:
        at = shown.lower().find(sign)
        if at >= 0:
            shown = f"{shown[:at]}**{shown[at : at + len(sign)]}**{shown[at + len(sign) :]}"
    return shown


def _warned(report: Report) -> list[str]:
    lines = [text(words.legs(report)), ""]
    warned = words.warned(report)
    for item in warned:
        lines.append(f"- **{text(item.day)}** · {text(item.routine)} · pain {text(item.pain)}")
        if item.leg:
            lines.append("  - answered **yes**: something ran down a leg")
        if item.severe_after:
            lines.append(f"  - pain after **{text(item.pain.split(' → ')[1])}**")
        if item.note:
            means = f" ({text('; '.join(item.meanings))})" if item.meanings else ""
            lines.append(f"  - note: “{_note(item.note, item.signs)}”{means}")
    if not warned:
        lines.append("No session warned: no note with a warning sign, no leg answered yes.")
    advice = words.professional(report)
    if advice:
        lines += ["", f"**{text(advice)}**"]
    return lines


def _doses(report: Report) -> list[str]:
    lines = _table(words.MOVE_HEADER, words.move_rows(report))
    lines += ["", "### Ladder steps taken", ""]
    groups = words.change_groups(report)
    if not groups:
        return [*lines, "No dose changed in this period."]
    for number, group in enumerate(groups, start=1):
        changes = "; ".join(text(item) for item in group.items)
        line = f"{number}. **{text(group.day)}, {group.direction}**: {changes}"
        if group.same_as is not None:
            lines.append(f"{line} (why: as for {group.same_as})")
            continue
        lines.append(line)
        if group.why:
            lines.append(f"   - Why ({text(group.how)}): {text('; '.join(group.why))}")
        else:
            lines.append(f"   - {text(group.how)}")
    return lines


def _events(report: Report) -> list[str]:
    rows = [
        f"- **{text(when)}**, {kind}: {text(what)}" for when, kind, what in words.events(report)
    ]
    lines = rows or ["None: no warning, flare, back-off or easier week in this period."]
    flags = words.red_flags(report)
    return [*lines, "", text(flags)] if flags else lines


def _notes(report: Report) -> list[str]:
    if not report.notes:
        return ["No notes in this period."]
    lines = []
    for note in report.notes:
        pain = f"pain {words.pain(note.before)} → {words.pain(note.after)}"
        flag = " (warned)" if note.signs else ""
        when = words.day_words(note.at.date())
        lines.append(f"- **{when}** · {pain}{flag}: {_note(note.text, note.signs)}")
    return lines


def report_markdown(report: Report) -> str:
    """The whole report."""
    lines = [
        f"# {text(words.title(report))}",
        "",
        f"_{text(words.made(report))}_",
        "",
        text(words.programme(report)),
        "",
        "## Keeping it up",
        "",
        *(f"- {text(line)}" for line in words.adherence(report)),
        "",
        "## Pain before and after, and the next morning",
        "",
        *(f"- {text(line)}" for line in words.pain_lines(report)),
        "",
        *_table(words.WEEK_HEADER, words.week_rows(report)),
        "",
        "## Leg symptoms and notes that warned",
        "",
        *_warned(report),
        "",
        "## Each move's dose",
        "",
        *_doses(report),
        "",
        "## Safety events",
        "",
        *_events(report),
        "",
        "## Notes, newest first",
        "",
        *_notes(report),
        "",
        "---",
        "",
        text(words.READING_GUIDE),
    ]
    return "\n".join(lines) + "\n"
