"""``backtimer programs ics`` as a person runs it, to import the plan into a calendar."""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar

from tests.factories import NOW
from tests.system.conftest import backtimer


def test_the_programme_under_way_from_the_day_it_was_started() -> None:
    assert backtimer("programs", "start", "flexible-back-3wk").returncode == 0
    result = backtimer("programs", "ics")
    assert result.returncode == 0, result.stderr
    events = Calendar.from_ical(result.stdout).walk("VEVENT")
    assert len(events) == 42
    first = events[0]
    assert first.decoded("DTSTART").date() == NOW.date()
    assert str(first["SUMMARY"]) == "Flexible back: morning (day 1 of 21)"
    assert "Flexible back: morning: backtimer start flexible-back-morning" in str(
        first["DESCRIPTION"]
    )


def test_any_programme_from_any_day() -> None:
    result = backtimer("programs", "ics", "back-durability-6wk", "--start", "2027-01-04")
    assert result.returncode == 0, result.stderr
    events = Calendar.from_ical(result.stdout).walk("VEVENT")
    assert len(events) == 18
    assert events[0].decoded("DTSTART") == datetime(2027, 1, 4, 18, 0)
    assert events[0].decoded("DURATION").total_seconds() >= 5 * 60  # the routine's length


def test_no_programme_or_an_unknown_one_is_a_usage_error() -> None:
    none = backtimer("programs", "ics")
    assert none.returncode == 2 and none.stdout == ""
    assert none.stderr.startswith("backtimer: no programme is under way: name one")
    unknown = backtimer("programs", "ics", "flexible-back")
    assert unknown.returncode == 2
    assert "did you mean flexible-back-3wk?" in unknown.stderr
