"""The report for a physiotherapist, built from six weeks of a programme (no file written).

The history (`tests.report_histories.six_weeks`): back-durability three mornings a week
from Monday 2 Nov, the rules' suggestions accepted after each session, week 4 skipped,
a flare on Mon 30 Nov (pain 3 to 6, a worse morning) with the back-offs that followed,
a note that warns on Wed 2 Dec (and the leg question answered yes), a session stopped
early, and a note from before the period. Every figure on the report is checked against
the domain's own statistics, worked out here from the same sessions.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from html import escape

import pytest

from backtimer.domain.coaching.easier_week import easier_week
from backtimer.domain.coaching.pain_reading import Mornings
from backtimer.domain.coaching.pain_trend import pain_trend
from backtimer.domain.history.digest import SessionDigest
from backtimer.domain.history.move_progress import move_weeks, unit_of
from backtimer.domain.history.stats import (
    Gap,
    local_day,
    longest_gap,
    statistics,
    week_means,
    week_of,
)
from backtimer.domain.report import words
from backtimer.domain.report.build import in_period
from backtimer.domain.report.html import report_html
from backtimer.domain.report.markdown import report_markdown
from backtimer.domain.report.model import Report
from backtimer.domain.report.period import Period
from backtimer.domain.routines.ladder import Position
from backtimer.storage import library
from tests.progress_histories import durability
from tests.report_histories import (
    BEFORE_NOTE,
    NOW,
    WARNING_NOTE,
    ZONE,
    Person,
    report_of,
    six_weeks,
    twelve_weeks,
)

PERIOD = Period(date(2026, 11, 2), date(2026, 12, 12))


@pytest.fixture(scope="module")
def person() -> Person:
    return six_weeks()


@pytest.fixture(scope="module")
def report(person: Person) -> Report:
    return report_of(person)


@pytest.fixture(scope="module")
def chosen(person: Person) -> list[SessionDigest]:
    """The period's sessions: every one but the note of the week before."""
    sessions = person.digests()
    found = [s for s in sessions if PERIOD.holds(local_day(s.started_at, ZONE))]
    assert len(found) == len(sessions) - 1
    return found


def test_the_period_is_the_last_six_weeks_monday_to_today(report: Report) -> None:
    assert report.period == PERIOD
    assert report.period.week_count == 6
    assert report.made == NOW.astimezone(ZONE)


def test_the_programme_under_way_as_its_calendar_has_it(report: Report) -> None:
    programme = report.programme
    assert programme is not None
    assert (programme.name, programme.start, programme.week, programme.weeks) == (
        "Back durability",
        date(2026, 11, 2),
        6,
        6,
    )
    # Weeks 1-3 and 5 done in full; the skipped week's 3 days are missed; week 6 has 3
    # sessions, the Friday's two days after the Wednesday's (a day off between).
    assert (programme.done, programme.missed, programme.total) == (15, 3, 18)
    assert programme.sessions_a_week == 3
    assert programme.last == date(2026, 12, 13)


def test_adherence_is_the_statistics_of_the_period(
    report: Report, chosen: list[SessionDigest]
) -> None:
    stats = statistics(chosen, PERIOD.last, ZONE, 3, chart_weeks=6)
    adherence = report.adherence
    assert adherence.plan == 3  # the programme's, not the weekly goal of 2
    assert [(w.start, w.sessions, w.minutes) for w in adherence.weeks] == [
        (w.start, w.sessions, w.minutes) for w in stats.weeks
    ]
    assert [w.sessions for w in adherence.weeks] == [3, 3, 3, 0, 3, 3]
    assert adherence.sessions == stats.sessions_total == 15
    assert adherence.counted == 15  # the stopped one had its first step done in full
    assert adherence.minutes == stats.minutes_total == 75
    assert dict(adherence.statuses) == {"completed": 14, "stopped": 1, "interrupted": 0}
    assert adherence.weeks_met == 5
    assert adherence.per_week == pytest.approx(2.5)
    days = {local_day(s.started_at, ZONE) for s in chosen if s.counts}
    gap = longest_gap(days, PERIOD.first, PERIOD.last, PERIOD.last)
    assert adherence.gap == gap == Gap(date(2026, 11, 21), date(2026, 11, 29))
    assert adherence.gap is not None and adherence.gap.days == 9


def test_pain_is_each_rating_the_weekly_means_and_the_trend(
    report: Report, chosen: list[SessionDigest]
) -> None:
    stats = statistics(chosen, PERIOD.last, ZONE, 3, chart_weeks=6)
    assert [(w.before, w.after) for w in report.adherence.weeks] == [
        (p.before, p.after) for p in stats.pain
    ]
    mornings = week_means(
        (
            (local_day(s.started_at, ZONE) + timedelta(days=1), s.next_morning)
            for s in chosen
            if s.next_morning is not None
        ),
        week_of,
    )
    assert [w.morning for w in report.adherence.weeks] == [
        mornings.get(w.start) for w in report.adherence.weeks
    ]
    pain = report.pain
    assert [(r.at, r.before, r.after, r.morning) for r in pain.sessions] == [
        (s.started_at.astimezone(ZONE), s.pain_before, s.pain_after, s.next_morning) for s in chosen
    ]
    assert pain.trend == pain_trend(chosen, NOW)
    readings = [Mornings(chosen, ZONE, PERIOD.last).reading(s) for s in chosen]
    assert pain.mornings_worse == sum(r.morning_worse for r in readings) == 1
    assert pain.mornings == 14  # the last session's morning is still to come


def test_the_leg_answers_and_the_sessions_that_warned_or_flared(
    report: Report, chosen: list[SessionDigest]
) -> None:
    assert report.legs.yes == (date(2026, 12, 2),)
    assert (report.legs.no, report.legs.unanswered) == (5, 9)
    mornings = Mornings(chosen, ZONE, PERIOD.last)
    expected = [
        (r.day, tuple(r.warnings()), tuple(r.flares()))
        for r in map(mornings.reading, chosen)
        if r.flares()
    ]
    assert [(a.day, a.warnings, a.flares) for a in report.alerts] == expected
    flare, warning = report.alerts
    assert flare.day == date(2026, 11, 30) and not flare.warnings
    assert flare.flares[0] == "pain rose from 3 to 6 on Mon 30 Nov"
    assert warning.day == date(2026, 12, 2) and warning.note == WARNING_NOTE
    assert warning.leg_symptoms is True and len(warning.warnings) == 2
    assert report.warned


def test_each_moves_work_is_its_totals_and_weekly_dose(
    report: Report, chosen: list[SessionDigest]
) -> None:
    moves, ladders = library.exercises(), library.catalogue().ladders
    stats = statistics(chosen, PERIOD.last, ZONE, 3, chart_weeks=6)
    assert [(m.exercise, m.sessions, m.reps, m.seconds) for m in report.moves] == [
        (t.exercise, t.sessions, t.reps, t.seconds) for t in stats.moves
    ]
    units = {t.exercise: unit_of(moves[t.exercise], ladders) for t in stats.moves}
    weekly = {w.exercise: w for w in move_weeks(chosen, PERIOD.last, ZONE, units, 6)}
    for row in report.moves:
        done = [dose for dose in weekly[row.exercise].dose if dose is not None]
        assert (row.unit, row.first, row.last) == (units[row.exercise], done[0], done[-1])
    carry = report.moves[0]
    assert (carry.name, carry.first, carry.last) == ("Suitcase carry", 90, 90)


def test_the_ladder_steps_taken_are_the_changes_the_person_accepted(
    person: Person, report: Report, chosen: list[SessionDigest]
) -> None:
    """Each change the rules suggested and the person accepted after a session shows on the
    day of the next session that did the move (the first at the new dose: the session
    stopped on Fri 13 Nov did not reach the split squat), with the rules' reasons."""
    names = {move.name: move_id for move_id, move in library.exercises().items()}

    def next_done(day: date, move: str) -> date | None:
        """The day of the first later session in which the move was done."""
        return next(
            (
                local_day(s.started_at, ZONE)
                for s in person.digests()
                if local_day(s.started_at, ZONE) > day
                and any(r.exercise == names[move] and r.worked for r in s.steps)
            ),
            None,
        )

    accepted = [
        (next_done(day, move), "up" if verdict == "progress" else "down", move, old, new)
        for day, verdict, move, old, new in person.accepted
        if next_done(day, move) is not None
    ]
    found = [(c.day, c.direction, c.move_after, c.before, c.after) for c in report.changes]
    assert found == accepted
    assert [c.direction for c in report.changes].count("down") == 7
    assert all(change.suggested for change in report.changes)
    carry_down = report.changes[6]
    assert (carry_down.day, carry_down.before, carry_down.after) == (
        date(2026, 12, 2),
        "2 sets of 65 s",
        "2 sets of 55 s",
    )
    assert (carry_down.rung_before, carry_down.rung_after) == (Position(3, 10), Position(2, 10))
    assert carry_down.why == (
        "pain rose from 3 to 6 on Mon 30 Nov",
        "the morning after Mon 30 Nov was worse (5, against 3 before the session)",
    )
    first_up = report.changes[0]
    assert first_up.why[0].startswith("its last 3 days at this dose went well")


def test_the_safety_events_in_order(report: Report, chosen: list[SessionDigest]) -> None:
    def end_of(day: date) -> datetime:
        return datetime.combine(day, time(23, 59, 59), ZONE)

    first = easier_week(chosen, end_of(date(2026, 11, 30)), ZONE)
    second = easier_week(chosen, end_of(date(2026, 12, 2)), ZONE)
    assert first is not None and second is not None
    # The warning two days into the easier week makes it last a week from then.
    assert second.until - timedelta(days=1) == date(2026, 12, 8)
    assert [(e.day, e.kind, e.until) for e in report.events] == [
        (date(2026, 11, 30), "flare", None),
        (date(2026, 11, 30), "easier week", date(2026, 12, 8)),
        (date(2026, 12, 2), "warning", None),
        (date(2026, 12, 2), "back-off", None),
        (date(2026, 12, 4), "back-off", None),
    ]
    assert report.events[3].text == (
        "dose down: Suitcase carry, Banded glute bridge, ATG split squat, Seated good morning"
    )
    assert report.red_flags is None


def test_the_notes_newest_first_and_nothing_from_before_the_period(report: Report) -> None:
    assert [(n.at.date(), n.text) for n in report.notes] == [
        (date(2026, 12, 2), WARNING_NOTE),
        (date(2026, 11, 30), "back sore after the carry"),
        (date(2026, 11, 20), "carry felt heavier, fine"),
        (date(2026, 11, 13), "stopped: the phone rang"),
        (date(2026, 11, 4), "felt easy"),
    ]
    assert report.notes[0].signs == ("pins and needles", "down my left leg")
    for page in (report_html(report), report_markdown(report)):
        assert BEFORE_NOTE not in page
        assert "29 Oct" not in page  # the day of the session before the period


def test_the_page_says_the_figures(report: Report) -> None:
    page = report_html(report)
    for line in [
        "15 sessions, 15 of them counting; 2.5 a week against a plan of 3 (Back durability"
        " asks 3 a week); the plan met in 5 of 6 weeks.",
        "1 h 15 min of exercise in all; completed 14, stopped early 1.",
        "Longest gap: 9 days without a session that counts, Sat 21 Nov to Sun 29 Nov.",
        "Programme: Back durability, 3 days a week for 6 weeks, a day off between sessions;"
        " started Mon 2 Nov, week 6 of 6: 15 of 18 training days done, 3 missed",
        "Next morning rated after 14 of 15 sessions; 1 morning worse than before the session.",
        "yes on Wed 2 Dec; no 5 times; not asked or not answered 9 times.",
    ]:
        assert escape(line) in page
    assert "<mark>pins and needles</mark>" in page
    assert "<td>Mon 30 Nov</td><td class=n>3</td><td class=n>15</td><td class=n>3.3</td>" in page
    assert "See a doctor or a physiotherapist" in page
    markdown = report_markdown(report)
    assert "| Mon 23 Nov | 0 | 0 | – | – | – |" in markdown
    assert "**pins and needles**" in markdown
    assert "Longest gap: 9 days without a session that counts" in markdown


def test_only_the_periods_sessions_are_read() -> None:
    person = six_weeks()
    sessions = person.digests()
    period = Period(date(2026, 11, 30), date(2026, 12, 4))
    assert [local_day(s.started_at, ZONE).day for s in in_period(sessions, period, ZONE)] == [
        30,
        2,
        4,
    ]


def test_a_period_without_a_session_says_so() -> None:
    person = six_weeks()
    later = NOW + timedelta(weeks=20)
    report = report_of(person, later, weeks=2)
    assert report.adherence.sessions == 0 and report.notes == ()
    page = report_html(report)
    assert "No notes in this period." in page and "No dose changed in this period." in page
    assert "0 sessions, 0 of them counting" in page


def test_a_programme_over_by_the_end_of_the_period_says_when_it_ended() -> None:
    report = report_of(twelve_weeks(), weeks=12)
    assert words.programme(report).startswith(
        "Programme: Back durability, 3 days a week for 6 weeks, a day off between sessions;"
        " started Mon 21 Sep, ended Sun 1 Nov: 18 of 18 training days done, 0 missed"
    )


def test_a_week_not_over_counts_against_the_plan_only_once_it_meets_it() -> None:
    tuesday = datetime(2026, 12, 8, 10, 0, tzinfo=ZONE)  # one session so far this week
    report = report_of(six_weeks(), tuesday)
    adherence = report.adherence
    assert [w.sessions for w in adherence.weeks] == [3, 3, 3, 0, 3, 1]
    assert [w.whole for w in adherence.weeks] == [True] * 5 + [False]
    assert (adherence.weeks_met, len(adherence.judged), adherence.per_week) == (4, 5, 2.4)
    assert words.adherence(report)[0] == (
        "13 sessions, 13 of them counting; 2.4 a week against a plan of 3 (Back durability"
        " asks 3 a week); the plan met in 4 of 5 weeks; not counted, as not whole: the week"
        " of Mon 7 Dec."
    )
    assert words.week_rows(report)[-1][0] == "Mon 7 Dec (part)"


def test_a_change_the_rules_did_not_suggest_says_so_and_what_they_said() -> None:
    """Back to the built-in routine's doses by hand on the Saturday: the split squat down a
    notch, the good morning up one, neither suggested by the rules."""
    person = six_weeks()
    person.routine = durability()
    person.trains(41, 2, 2)
    sunday = datetime(2026, 12, 13, 18, 0, tzinfo=ZONE)
    changes = [c for c in report_of(person, sunday).changes if c.day == date(2026, 12, 12)]
    assert [(c.move_after, c.direction, c.suggested) for c in changes] == [
        ("ATG split squat", "down", False),
        ("Seated good morning", "up", False),
    ]
    assert {c.verdict for c in changes} == {"hold"}
    group = words.change_groups(report_of(person, sunday))[-1]
    assert group.how.startswith("not a change the rules suggested from this period's sessions")
    assert group.why == changes[-1].why


def test_an_easier_week_says_what_it_asks_and_when_growth_may_resume(report: Report) -> None:
    (week,) = [event for event in report.events if event.kind == "easier week"]
    assert week.text == (
        "each session at an easy effort; the rules let nothing grow before Wed 9 Dec"
    )
