"""Statistics of hand-made histories: streaks, weeks, time zones, early stops, missing ratings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from backtimer.domain.history.digest import SessionDigest, digest
from backtimer.domain.history.session import Session, StepRecord
from backtimer.domain.history.stats import statistics
from tests.factories import NOW

AUCKLAND = ZoneInfo("Pacific/Auckland")
NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")


def session(
    started: datetime,
    *,
    status: str = "completed",
    steps_done: int = 2,
    minutes: float = 5,
    before: int | None = None,
    after: int | None = None,
    number: int = 0,
) -> SessionDigest:
    """A two-step session; ``steps_done`` of them done in full (the rest not reached)."""
    steps = [
        StepRecord(
            exercise=move,
            sets_done=1 if index < steps_done else 0,
            reps_done=10 if index < steps_done else 0,
            seconds_done=60.0 if index < steps_done else 0.0,
            planned_sets=1,
            planned_reps=10,
        )
        for index, move in enumerate(["cat-cow", "pelvic-tilt"])
    ]
    return digest(
        Session(
            id=f"{started.astimezone(UTC):%Y%m%dT%H%M%SZ}-{number:06x}",
            routine="desk-reset",
            routine_name="Desk reset",
            started_at=started,
            ended_at=started + timedelta(minutes=minutes),
            status=status,
            active_seconds=minutes * 60,
            paused_seconds=0,
            pain_before=before,
            pain_after=after,
            steps=steps,
        )
    )


def at(day: date, hour: int = 8, tz: ZoneInfo | None = None) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=tz or UTC)


def days(first: date, count: int) -> list[date]:
    return [first + timedelta(days=n) for n in range(count)]


def test_an_empty_history() -> None:
    stats = statistics([], date(2026, 11, 24), UTC, weekly_goal=3)
    assert (stats.streak_days, stats.streak_weeks, stats.sessions_total) == (0, 0, 0)
    assert stats.last_day is None
    assert len(stats.weeks) == 12 and all(w.minutes == 0 for w in stats.weeks)
    assert all(p.before is None and p.after is None for p in stats.pain)


def test_a_streak_runs_across_the_end_of_a_month() -> None:
    history = [session(at(day)) for day in days(date(2026, 1, 29), 5)]  # 29 Jan to 2 Feb
    assert statistics(history, date(2026, 2, 2), UTC, 3).streak_days == 5


def test_a_streak_runs_across_the_end_of_a_year() -> None:
    history = [session(at(day)) for day in days(date(2025, 12, 30), 4)]  # 30 Dec to 2 Jan
    assert statistics(history, date(2026, 1, 2), UTC, 3).streak_days == 4


def test_today_without_a_session_does_not_break_the_streak_yet() -> None:
    history = [session(at(day)) for day in days(date(2026, 11, 20), 3)]  # 20, 21, 22
    assert statistics(history, date(2026, 11, 23), UTC, 3).streak_days == 3
    stats = statistics(history, date(2026, 11, 24), UTC, 3)  # a whole day missed
    assert stats.streak_days == 0
    assert stats.last_day == date(2026, 11, 22)


def test_two_sessions_on_one_day_count_as_one_day() -> None:
    history = [session(at(date(2026, 11, 24), 7)), session(at(date(2026, 11, 24), 19), number=1)]
    stats = statistics(history, date(2026, 11, 24), UTC, 3)
    assert (stats.streak_days, stats.sessions_this_week) == (1, 2)


def test_days_are_the_persons_local_days() -> None:
    # 31 Dec 2025 at 11:30 UTC is already 1 Jan 2026 (00:30) in Auckland.
    new_years_eve = datetime(2025, 12, 31, 11, 30, tzinfo=UTC)
    history = [session(new_years_eve - timedelta(days=1)), session(new_years_eve, number=1)]
    in_utc = statistics(history, date(2026, 1, 1), UTC, 3)
    in_auckland = statistics(history, date(2026, 1, 1), AUCKLAND, 3)
    assert in_utc.streak_days == 2  # 30 and 31 December
    assert in_auckland.streak_days == 2  # 31 December and 1 January
    assert in_utc.last_day == date(2025, 12, 31)
    assert in_auckland.last_day == date(2026, 1, 1)
    assert statistics(history, date(2026, 1, 2), UTC, 3).streak_days == 0


def test_a_late_evening_session_belongs_to_that_evening() -> None:
    # 23:30 in New York is 04:30 UTC the next day; it is still Monday's session there.
    monday_night = datetime(2026, 11, 23, 23, 30, tzinfo=NEW_YORK)
    sunday = session(datetime(2026, 11, 22, 18, tzinfo=NEW_YORK))
    history = [sunday, session(monday_night, number=1)]
    stats = statistics(history, date(2026, 11, 23), NEW_YORK, 1)
    assert stats.streak_days == 2
    assert stats.sessions_this_week == 1  # the week starting Monday 23 November
    assert stats.streak_weeks == 2
    assert statistics(history, date(2026, 11, 23), UTC, 1).streak_days == 1  # Tuesday in UTC


def test_a_streak_across_a_change_of_clocks() -> None:
    # Clocks go back on 25 October 2026 in London: that day has 25 hours.
    history = [
        session(at(day, 0, LONDON) + timedelta(minutes=30)) for day in days(date(2026, 10, 23), 5)
    ]
    assert statistics(history, date(2026, 10, 27), LONDON, 3).streak_days == 5


def test_weeks_in_a_row_meeting_the_goal_and_a_week_with_no_sessions() -> None:
    mondays = [date(2026, 10, 19) + timedelta(weeks=n) for n in range(5)]  # to 16 November
    history = [session(at(date(2026, 11, 23)), number=99)]  # this week so far: Monday
    for week, monday in enumerate(mondays):
        if week == 2:
            continue  # the week of 2 November: no sessions at all
        history += [session(at(monday + timedelta(days=d)), number=d) for d in (0, 2, 4)]
    stats = statistics(history, date(2026, 11, 24), UTC, weekly_goal=3)
    assert stats.streak_weeks == 2  # 9 and 16 November; this week has not met the goal yet
    assert stats.sessions_this_week == 1
    by_week = {w.start: w for w in stats.weeks}
    assert (by_week[date(2026, 11, 2)].minutes, by_week[date(2026, 11, 2)].sessions) == (0, 0)
    assert by_week[date(2026, 11, 9)].sessions == 3
    assert statistics(history, date(2026, 11, 24), UTC, weekly_goal=1).streak_weeks == 3


def test_this_week_adds_to_the_week_streak_once_it_meets_the_goal() -> None:
    last_week = [session(at(date(2026, 11, 16) + timedelta(days=d)), number=d) for d in range(3)]
    this_week = [
        session(at(date(2026, 11, 23) + timedelta(days=d)), number=10 + d) for d in range(2)
    ]
    assert statistics(last_week + this_week, date(2026, 11, 24), UTC, 3).streak_weeks == 1
    more = [session(at(date(2026, 11, 25)), number=20)]
    stats = statistics(last_week + this_week + more, date(2026, 11, 25), UTC, 3)
    assert (stats.streak_weeks, stats.sessions_this_week, stats.goal_met) == (2, 3, True)


def test_sessions_stopped_early_count_when_a_step_was_done_in_full() -> None:
    monday = date(2026, 11, 23)
    history = [
        session(at(monday), status="stopped", steps_done=1, minutes=2),
        session(at(monday + timedelta(days=1)), status="stopped", steps_done=0, minutes=0.5),
        session(at(monday + timedelta(days=2)), status="interrupted", steps_done=1, minutes=3),
    ]
    stats = statistics(history, monday + timedelta(days=2), UTC, 3)
    assert [s.counts for s in history] == [True, False, True]
    assert stats.sessions_this_week == 2  # the one stopped with nothing done does not count
    assert stats.streak_days == 1  # ... so Tuesday has a gap
    assert stats.sessions_total == 3  # but it is in the history
    assert stats.minutes_this_week == 5.5  # and its time counts


def test_a_session_skipped_through_does_not_count_though_the_timer_completed_it() -> None:
    skipped = session(at(date(2026, 11, 24)), status="completed", steps_done=0, minutes=0.2)
    stats = statistics([skipped], date(2026, 11, 24), UTC, 1)
    assert (stats.streak_days, stats.sessions_this_week, stats.sessions_total) == (0, 0, 1)


def test_sessions_with_no_pain_rating_leave_the_pain_averages_alone() -> None:
    monday = date(2026, 11, 16)
    history = [
        session(at(monday), before=6, after=4),
        session(at(monday + timedelta(days=1)), before=None, after=None, number=1),
        session(at(monday + timedelta(days=2)), before=4, after=None, number=2),
        session(at(monday + timedelta(days=7)), number=3),  # this week: no ratings at all
    ]
    stats = statistics(history, date(2026, 11, 24), UTC, 3)
    last, this = stats.pain[-2], stats.pain[-1]
    assert (last.start, last.before, last.after) == (monday, 5.0, 4.0)
    assert (this.before, this.after) == (None, None)


def test_the_chart_weeks_are_the_last_twelve_this_week_last() -> None:
    history = [
        session(at(date(2026, 11, 24) - timedelta(weeks=n)), minutes=n + 1) for n in range(15)
    ]
    stats = statistics(history, date(2026, 11, 24), UTC, 3)
    assert [w.start for w in stats.weeks][0] == date(2026, 9, 7)
    assert [w.start for w in stats.weeks][-1] == date(2026, 11, 23)
    assert [w.minutes for w in stats.weeks] == [float(n) for n in range(12, 0, -1)]
    assert stats.minutes_total == sum(range(1, 16))


def test_totals_per_move() -> None:
    history = [
        session(at(date(2026, 11, 20))),
        session(at(date(2026, 11, 21)), status="stopped", steps_done=1, number=1),
    ]
    totals = {t.exercise: t for t in statistics(history, date(2026, 11, 24), UTC, 3).moves}
    assert (totals["cat-cow"].sessions, totals["cat-cow"].reps, totals["cat-cow"].seconds) == (
        2,
        20,
        120.0,
    )
    assert (totals["pelvic-tilt"].sessions, totals["pelvic-tilt"].reps) == (1, 10)


def test_the_json_form_has_the_keys_the_cli_promises() -> None:
    stats = statistics([session(at(date(2026, 11, 24)))], date(2026, 11, 24), UTC, 3)
    data = stats.as_json()
    assert {
        "streak_days": 1,
        "sessions_this_week": 1,
        "weekly_goal": 3,
        "minutes_total": 5.0,
        "sessions_total": 1,
    }.items() <= data.items()
    assert len(data["weeks"]) == 12 and data["weeks"][-1] == {
        "week": "2026-11-23",
        "minutes": 5.0,
        "sessions": 1,
    }


def test_a_digest_tells_the_same_as_its_session() -> None:
    full = Session(
        id="20261124T073000Z-00000a",
        routine="desk-reset",
        routine_name="Desk reset",
        started_at=datetime(2026, 11, 24, 7, 30, tzinfo=UTC),
        ended_at=datetime(2026, 11, 24, 7, 40, tzinfo=UTC),
        status="stopped",
        active_seconds=500,
        paused_seconds=12,
        steps=[
            StepRecord(
                exercise="cat-cow", sets_done=2, reps_done=20, seconds_done=80, planned_sets=2
            ),
            StepRecord(
                exercise="pelvic-tilt", sets_done=0, reps_done=3, seconds_done=9, skipped=True
            ),
            StepRecord(exercise="suitcase-carry", sets_done=1, reps_done=0, seconds_done=60),
            StepRecord(
                exercise="cat-cow", sets_done=0, reps_done=0, seconds_done=0, planned_sets=1
            ),
        ],
    )
    short = digest(full)
    assert [s.complete for s in short.steps] == [s.complete for s in full.steps]
    assert short.outcomes == full.outcomes
    assert [s.outcome for s in short.steps] == ["done", "partly", "done", "not-reached"]
    assert short.minutes == full.minutes


def test_the_streak_is_said_in_the_same_words_by_the_pane_and_the_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """One sentence for the streak (`Statistics.streak_words`): the history pane and
    `backtimer stats` once worded it differently ("your goal" and "the goal")."""
    from backtimer.cli import main
    from backtimer.storage.history import HistoryStore
    from backtimer.tui.widgets.stats_summary import streak_line

    today = NOW.astimezone().date()
    noon = datetime.combine(today - timedelta(days=2), datetime.min.time()).astimezone()
    day_before = noon.replace(hour=12)
    stats = statistics([session(day_before)], today, None, 3)
    assert stats.streak_words() == (
        "none; the last session that counts was 2 days ago",
        "2 more sessions this week to meet your goal"
        if day_before.isocalendar()[:2] == today.isocalendar()[:2]
        else "3 more sessions this week to meet your goal",
    )
    days, weeks = stats.streak_words()
    assert streak_line(stats) == f"[b]Streak:[/] {days} · {weeks}"
    HistoryStore().record(
        Session(
            id="20260101T000000Z-000001",
            routine="desk-reset",
            routine_name="Desk reset",
            started_at=day_before,
            ended_at=day_before + timedelta(minutes=5),
            status="completed",
            active_seconds=300,
            paused_seconds=0,
            steps=[
                StepRecord(
                    exercise="cat-cow",
                    sets_done=1,
                    reps_done=10,
                    seconds_done=60,
                    planned_sets=1,
                    planned_reps=10,
                )
            ],
        )
    )
    capsys.readouterr()
    assert main(["stats"], now=lambda: NOW) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"Streak:    {days}; {weeks}"
    nothing = statistics([], today, None, 3)
    assert nothing.streak_words() == ("none yet: a session today starts one.", None)
    assert streak_line(nothing) == "[b]Streak:[/] none yet: a session today starts one."
