"""Which session's next morning is due: on a fake clock, in a time zone that is not UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from backtimer.domain.coaching.mornings import due, morning_after, question, session_words, standing
from backtimer.domain.history.session import Session
from tests.progress_histories import durability, session_of

NEW_YORK = ZoneInfo("America/New_York")
"""UTC-5 in November: a local evening is the next day in UTC."""


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A local time in New York, November 2026."""
    return datetime(2026, 11, day, hour, minute, tzinfo=NEW_YORK)


def done(started: datetime, number: int = 0, morning: int | None = None) -> Session:
    session = session_of(durability(), started.astimezone(UTC), 2, 3, number=number)
    return session.model_copy(update={"next_morning": morning})


def nothing_done(started: datetime) -> Session:
    session = session_of(durability(), started.astimezone(UTC), 2, None, stopped_after=0)
    assert session.outcomes.done + session.outcomes.partly == 0
    return session


def test_the_morning_after_yesterdays_session_is_due_today() -> None:
    evening = done(at(23, 19))
    assert due([evening], at(24, 7, 30), NEW_YORK) == evening


def test_a_late_evening_counts_for_its_local_day_not_its_utc_one() -> None:
    """23:30 in New York is 04:30 the next day in UTC: still yesterday evening."""
    late = done(at(23, 23, 30))
    assert late.started_at.astimezone(UTC).day == 24
    assert due([late], at(24, 6), NEW_YORK) == late
    assert due([late], at(24, 6), UTC) is None  # read in UTC it was done "today"


def test_not_due_the_same_day_nor_two_days_later() -> None:
    session = done(at(23, 8))
    assert due([session], at(23, 20), NEW_YORK) is None
    assert due([session], at(25, 7), NEW_YORK) is None


def test_the_last_session_of_yesterday_is_the_one_asked_about() -> None:
    morning, evening = done(at(23, 7), number=1), done(at(23, 19), number=2)
    assert due([morning, evening], at(24, 8), NEW_YORK) == evening


def test_a_session_with_nothing_done_is_not_asked_about() -> None:
    worked, empty = done(at(23, 7), number=1), nothing_done(at(23, 19))
    assert due([worked, empty], at(24, 8), NEW_YORK) == worked
    assert due([empty], at(24, 8), NEW_YORK) is None


def test_once_rated_it_is_no_longer_due_but_is_still_the_morning_after() -> None:
    rated = done(at(23, 19), morning=3)
    assert due([rated], at(24, 8), NEW_YORK) is None
    assert morning_after([rated], at(24, 8), NEW_YORK) == rated


def test_a_session_today_makes_tomorrows_morning_due() -> None:
    yesterday, today = done(at(23, 19), number=1), done(at(24, 8), number=2)
    found = standing([yesterday, today], at(24, 9), NEW_YORK)
    assert (found.due_now, found.due_tomorrow) == (yesterday, today)
    rated = today.model_copy(update={"next_morning": 2})  # given ahead: nothing to ask
    assert standing([rated], at(24, 9), NEW_YORK).due_tomorrow is None


def test_a_clock_moved_on_a_day_moves_the_question_with_it() -> None:
    sessions = [done(at(23, 19))]
    clock = at(23, 21)
    assert due(sessions, clock, NEW_YORK) is None
    clock += timedelta(hours=3)  # past midnight
    assert due(sessions, clock, NEW_YORK) == sessions[0]
    clock += timedelta(days=1)
    assert due(sessions, clock, NEW_YORK) is None


def test_the_question_names_the_session_as_a_person_would() -> None:
    session = done(at(23, 19))
    assert question(session, at(24, 7), NEW_YORK) == (
        "How is your back this morning, after Back durability yesterday?"
    )
    assert session_words(session, at(23, 21), NEW_YORK) == "Back durability today"
    assert session_words(session, at(26, 7), NEW_YORK) == "Back durability on Mon 23 Nov"
