"""A programme as an iCalendar file: valid by RFC 5545, read back the same, one event a slot."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar

from backtimer.domain.programmes.calendar_ics import (
    RoutineFacts,
    programme_calendar,
    training_dates,
)
from tests.factories import MON_WED_FRI, MONDAY, STRENGTH, THREE_A_WEEK, TWICE_DAILY

STAMP = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
ROUTINES = {
    "flex-am": RoutineFacts("Flexible back: morning", 610),
    "flex-pm": RoutineFacts("Flexible back: evening", 290),
    "durability": RoutineFacts("Back durability", 300),
}


def test_every_training_slot_is_an_event_with_an_alarm_and_reads_back_the_same() -> None:
    raw = programme_calendar(TWICE_DAILY, "flexible-back-3wk", MONDAY, ROUTINES, STAMP)
    calendar = Calendar.from_ical(raw)
    assert calendar.to_ical() == raw  # a round trip through the parser changes nothing
    events = calendar.walk("VEVENT")
    assert len(events) == 21 * 2
    assert len({str(event["UID"]) for event in events}) == len(events)
    first, second = events[0], events[1]
    assert str(first["SUMMARY"]) == "Flexible back: morning (day 1 of 21)"
    assert first.decoded("DTSTART") == datetime(2026, 11, 23, 8, 0)  # floating: no zone
    assert first.decoded("DURATION") == timedelta(minutes=11)
    assert "backtimer start flex-am" in str(first["DESCRIPTION"])
    assert second.decoded("DTSTART") == datetime(2026, 11, 23, 19, 0)
    assert events[-1].decoded("DTSTART") == datetime(2026, 12, 13, 19, 0)  # day 21
    for event in events:
        assert event.decoded("DTSTAMP") == STAMP
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
        assert alarm.decoded("TRIGGER") == -timedelta(minutes=10)


def test_the_file_keeps_the_rfcs_lines() -> None:
    raw = programme_calendar(THREE_A_WEEK, "back-durability-6wk", MONDAY, ROUTINES, STAMP)
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)  # longer ones are folded
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"
    assert b"VERSION:2.0" in lines and any(line.startswith(b"PRODID:") for line in lines)


def test_set_weekdays_are_the_events_days() -> None:
    dates = training_dates(MON_WED_FRI, MONDAY)
    assert [day.strftime("%a") for day in dates] == ["Mon", "Wed", "Fri"] * 2
    wednesday = MONDAY + timedelta(days=2)
    assert training_dates(MON_WED_FRI, wednesday)[0] == wednesday


def test_any_three_days_a_week_are_spread_and_say_another_day_will_do() -> None:
    start = date(2026, 11, 25)  # a Wednesday: programme weeks run Wednesday to Tuesday
    dates = training_dates(THREE_A_WEEK, start)
    assert len(dates) == 18
    assert [(day - start).days for day in dates[:6]] == [0, 2, 4, 7, 9, 11]
    calendar = Calendar.from_ical(
        programme_calendar(THREE_A_WEEK, "back-durability-6wk", start, ROUTINES, STAMP)
    )
    event = calendar.walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Back durability (day 1 of 18)"
    assert event.decoded("DTSTART").time() == time(18, 0)
    assert "Any 3 days of each week will do" in str(event["DESCRIPTION"])


def test_the_same_programme_and_start_give_the_same_event_ids() -> None:
    def ids(stamp: datetime) -> list[str]:
        raw = programme_calendar(TWICE_DAILY, "flexible-back-3wk", MONDAY, ROUTINES, stamp)
        return [str(event["UID"]) for event in Calendar.from_ical(raw).walk("VEVENT")]

    assert ids(STAMP) == ids(STAMP + timedelta(days=3))  # a newer file updates, not doubles


def test_a_strength_programme_puts_a_day_of_rest_between_its_events() -> None:
    start = date(2026, 11, 25)
    dates = training_dates(STRENGTH, start)
    assert len(dates) == 18
    assert all((after - before).days >= 2 for before, after in zip(dates, dates[1:], strict=False))
    raw = programme_calendar(STRENGTH, "back-durability-6wk", start, ROUTINES, STAMP)
    event = Calendar.from_ical(raw).walk("VEVENT")[0]
    assert "with a day off between sessions" in str(event["DESCRIPTION"])
