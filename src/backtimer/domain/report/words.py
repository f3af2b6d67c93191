"""The report in words and table rows, the same for the page and for Markdown.

Plain words and numbers a physiotherapist can scan in a minute: dates as "Wed 2 Dec",
means to one decimal, each figure with its unit. `html` and `markdown` only lay these
out, so the two formats always say the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from backtimer.domain.coaching.note_words import signs_in
from backtimer.domain.coaching.pain_reading import PROFESSIONAL, SEVERE, SIGN_MEANS, day_text
from backtimer.domain.coaching.pain_trend import TREND_DAYS, Trend
from backtimer.domain.parsing.words import plural
from backtimer.domain.report.doses import DoseChange
from backtimer.domain.report.model import MoveRow, Report
from backtimer.domain.routines.describe import duration

DIRECTION_WORDS = {"up": "dose up", "down": "dose down", "changed": "dose changed"}
"""A change's direction; its rungs say how many notches ("rung 1 → 3 of 5")."""
READING_GUIDE = (
    "Pain is rated from 0 (none) to 10 (the worst imaginable), before and after each"
    " session and the next morning. A session counts when at least one of its steps was"
    " done in full. backtimer's suggestions follow the pain-monitoring model: pain up to"
    " about 5 during and after exercise is acceptable if it has settled by the next"
    " morning and does not build up from week to week. A timer's record and rule of"
    " thumb, not medical advice."
)


def mean(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def pain(value: int | None) -> str:
    return "–" if value is None else str(value)


def day_words(day: date) -> str:
    """ "Wed 2 Dec"."""
    return day_text(day)


def title(report: Report) -> str:
    return f"Back exercises and pain, {report.period.text()}"


def made(report: Report) -> str:
    when = report.made
    return (
        f"Written by backtimer on {day_text(when.date())} {when:%Y}, {when:%H:%M}, from the"
        " sessions recorded in this period alone."
    )


def programme(report: Report) -> str:
    found = report.programme
    if found is None:
        return "No programme under way: the plan is the weekly goal."
    when = (
        f"ended {day_text(found.last)}" if found.finished else f"week {found.week} of {found.weeks}"
    )
    return (
        f"Programme: {found.name}, {found.schedule}; started {day_text(found.start)}, {when}:"
        f" {found.done} of {found.total} training days done, {found.missed} missed (the plan"
        " goes on after a missed day)."
    )


def adherence(report: Report) -> list[str]:
    done = report.adherence
    statuses = done.statuses
    judged = len(done.judged)
    rate = (
        f"{done.per_week:.1f} a week against a plan of {done.plan} ({done.plan_words}); the plan"
        f" met in {done.weeks_met} of {plural(judged, 'week')}"
        if done.per_week is not None
        else f"a plan of {done.plan} a week ({done.plan_words})"
    )
    left = [week for week in done.weeks if week not in done.judged]
    if left:
        weeks = ", ".join(day_text(week.start) for week in left)
        rate += f"; not counted, as not whole: the week of {weeks}"
    lines = [
        f"{plural(done.sessions, 'session')}, {done.counted} of them counting; {rate}.",
        f"{duration(round(done.minutes) * 60)} of exercise in all; completed"
        f" {statuses['completed']}, stopped early {statuses['stopped']}"
        + (f", cut short {statuses['interrupted']}" if statuses["interrupted"] else "")
        + ".",
    ]
    gap = done.gap
    if gap is None:
        lines.append("No day without a session that counts.")
    else:
        lines.append(
            f"Longest gap: {plural(gap.days, 'day')} without a session that counts,"
            f" {day_text(gap.first)} to {day_text(gap.last)}."
        )
    return lines


WEEK_HEADER = ["Week of", "Sessions", "Minutes", "Pain before", "after", "next morning"]


def week_rows(report: Report) -> list[list[str]]:
    """A row a week: sessions that count, minutes, mean pain before, after, next morning."""
    return [
        [
            day_text(week.start) + ("" if week.whole else " (part)"),
            str(week.sessions),
            str(round(week.minutes)),
            mean(week.before),
            mean(week.after),
            mean(week.morning),
        ]
        for week in report.adherence.weeks
    ]


def _trend(name: str, trend: Trend) -> str:
    if trend.average is None:
        return f"{name}: no rating"
    if trend.per_week is None:
        return f"{name} {trend.average:.1f} on average"
    direction = {"down": "easing", "up": "rising", "steady": "steady"}[trend.direction or "steady"]
    return f"{name} {trend.average:.1f} on average, {direction} ({trend.per_week:+.1f} a week)"


def pain_lines(report: Report) -> list[str]:
    found = report.pain
    rated = len(found.sessions)
    trend = found.trend
    lines = [
        f"Last {TREND_DAYS // 7} weeks: {_trend('before sessions', trend.before)};"
        f" {_trend('after', trend.after)}.",
        f"Next morning rated after {found.mornings} of {plural(rated, 'session')};"
        f" {plural(found.mornings_worse, 'morning')} worse than before the session.",
    ]
    return lines


def legs(report: Report) -> str:
    answers = report.legs
    yes = ", ".join(day_text(day) for day in answers.yes)
    said = f"yes on {yes}" if yes else "never yes"
    return (
        f"Anything down a leg (pain, tingling, numbness, weakness)? {said};"
        f" no {plural(answers.no, 'time')}; not asked or not answered"
        f" {plural(answers.unanswered, 'time')}."
    )


@dataclass(frozen=True)
class Warned:
    """A session that warned, as the page lists it."""

    day: str
    routine: str
    pain: str
    leg: bool
    severe_after: bool
    note: str
    signs: tuple[str, ...]
    meanings: tuple[str, ...]
    """What the signs in the note mean."""


def warned(report: Report) -> list[Warned]:
    """The sessions that warned, newest first, with their notes and what the signs mean."""
    found = []
    for alert in reversed(report.alerts):
        if not alert.warnings:
            continue
        signs = signs_in(alert.note)
        found.append(
            Warned(
                day_text(alert.day),
                alert.routine,
                f"{pain(alert.before)} → {pain(alert.after)}",
                bool(alert.leg_symptoms),
                alert.after is not None and alert.after >= SEVERE,
                alert.note,
                tuple(sign.words for sign in signs),
                tuple(dict.fromkeys(SIGN_MEANS[sign.kind] for sign in signs)),
            )
        )
    return found


def professional(report: Report) -> str | None:
    return PROFESSIONAL if report.warned else None


MOVE_HEADER = ["Move", "Sessions", "Done in all", "A session: first week", "last week"]


def _amount(row: MoveRow, value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.0f} reps" if row.unit == "reps" else duration(value)


def move_rows(report: Report) -> list[list[str]]:
    rows = []
    for row in report.moves:
        done = f"{row.reps} reps, {duration(row.seconds)}" if row.reps else duration(row.seconds)
        rows.append(
            [row.name, str(row.sessions), done, _amount(row, row.first), _amount(row, row.last)]
        )
    return rows


@dataclass(frozen=True)
class ChangeGroup:
    """Dose changes of one day that went the same way for the same reasons."""

    day: str
    direction: str
    items: tuple[str, ...]
    """Each move's change: "Suitcase carry: 2 sets of 65 s → 2 sets of 55 s (rung 3 → 2 of 10)"."""
    why: tuple[str, ...]
    how: str
    """Whether the rules suggested it."""
    same_as: int | None = None
    """The number (from 1) of an earlier group with the same reasons, said there."""


def _item(change: DoseChange) -> str:
    move = change.move_after
    if change.move_before != change.move_after:
        move = f"{change.move_before} → {change.move_after}"
    rungs = ""
    if change.rung_before is not None and change.rung_after is not None:
        rungs = (
            f" (rung {change.rung_before.rung} → {change.rung_after.rung}"
            f" of {change.rung_after.rungs})"
        )
    return f"{move}: {change.before} → {change.after}{rungs}"


def _how(change: DoseChange) -> str:
    if change.suggested is None:
        return "why not known: the step was not found on its ladder"
    if change.suggested:
        return "as the rules suggested"
    return (
        "not a change the rules suggested from this period's sessions (made in the builder,"
        " or for reasons before the period); they said then"
    )


def change_groups(report: Report) -> list[ChangeGroup]:
    """The ladder steps taken, oldest first, one group for a day's changes alike."""
    groups: list[ChangeGroup] = []
    for change in report.changes:
        day, direction = day_text(change.day), DIRECTION_WORDS[change.direction]
        why = change.why if change.suggested is not None else ()
        how = _how(change)
        last = groups[-1] if groups else None
        if last is not None and (last.day, last.direction, last.why, last.how) == (
            day,
            direction,
            why,
            how,
        ):
            groups[-1] = ChangeGroup(day, direction, (*last.items, _item(change)), why, how)
        else:
            groups.append(ChangeGroup(day, direction, (_item(change),), why, how))
    first: dict[tuple[tuple[str, ...], str], int] = {}
    for number, group in enumerate(groups, start=1):
        said = first.setdefault((group.why, group.how), number)
        if said != number and group.why:
            groups[number - 1] = replace(group, same_as=said)
    return groups


def events(report: Report) -> Iterator[tuple[str, str, str]]:
    """Each safety event: its day (or days), its kind, what happened."""
    for event in report.events:
        when = day_text(event.day)
        if event.until is not None:
            when = f"{when} to {day_text(event.until)}"
        yield when, event.kind, event.text


def red_flags(report: Report) -> str | None:
    """The red-flag answers in a line; None when the caller had none to give."""
    found = report.red_flags
    if found is None:
        return None
    if not found.said and not found.checked:
        return "Red flags: none said to apply in this period."
    parts = []
    if found.said:
        parts.append("said to apply on " + ", ".join(day_text(day) for day in found.said))
    if found.checked:
        parts.append("said checked on " + ", ".join(day_text(day) for day in found.checked))
    state = "still open" if found.open_now else "none open now"
    return f"Red flags: {'; '.join(parts)}; {state}."
