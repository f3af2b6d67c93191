"""A programme as an iCalendar file (RFC 5545): one event a training slot, each with an alarm.

Any calendar app then reminds the person, on the phone too, with nothing of
backtimer running. Decisions:

- **Floating times.** A slot is at a time of day wherever the person is
  ("08:00", not "08:00 in Paris"), which RFC 5545 calls a floating time: no
  time zone to get wrong, and the morning stays the morning after a flight.
- **When in the day.** A calendar needs a time: morning slots at 08:00,
  evening slots at 19:00, slots for any time at 18:00 (`SLOT_TIMES`); the
  person can drag an event elsewhere in their calendar.
- **Any N days a week.** Such a programme has no set days; the file suggests
  days spread over each programme week (days 1, 3 and 5 for three a week),
  keeping the programme's days of rest between them (`rest_days.spread`), and
  each event says that another day of the week will do.
- **Stable ids.** An event's UID is made of the programme, its start and the
  slot, so importing a newer file updates the events rather than adding twins.
- The alarm goes off `ALARM_BEFORE` the session (ten minutes: time to roll
  out the mat), a DISPLAY alarm with a description as RFC 5545 requires.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from backtimer import __version__
from backtimer.domain.programmes.rest_days import days_off, spread
from backtimer.domain.programmes.schedule import Plan, PlanSlot, SlotTime, progress, slot_label

SLOT_TIMES: dict[SlotTime, time] = {
    "morning": time(8, 0),
    "evening": time(19, 0),
    "any": time(18, 0),
}
ALARM_BEFORE = timedelta(minutes=10)
PRODUCT_ID = f"-//backtimer//backtimer {__version__}//EN"


@dataclass(frozen=True)
class RoutineFacts:
    """What an event says of a slot's routine."""

    name: str
    seconds: int
    """The routine's estimated length."""


def training_dates(program: Plan, start: date) -> list[date]:
    """The dates of the programme's training days, started on ``start``.

    Set weekdays come from the calendar itself; for any N days a week the days
    are spread over each programme week (see the module's notes).
    """
    if program.days is not None:
        midnight = datetime.combine(start, time(), UTC)
        plan = progress(program, start, (), midnight - timedelta(days=1), UTC)
        return [day.day for day in plan.days if day.day is not None]
    offsets = spread(program.days_per_week or 0, program.rest_days)
    return [
        start + timedelta(weeks=week, days=offset)
        for week in range(program.weeks)
        for offset in offsets
    ]


@dataclass(frozen=True)
class _Programme:
    """The programme whose events are being made, and what every event needs of it."""

    plan: Plan
    id: str
    start: date
    total: int
    routines: Mapping[str, RoutineFacts]
    stamp: datetime


def _event(programme: _Programme, number: int, day: date, index: int, slot: PlanSlot) -> Event:
    plan = programme.plan
    facts = programme.routines.get(slot.routine, RoutineFacts(slot.routine, 0))
    labelled = len(plan.slot) > 1 or slot.time != "any"
    what = f"{plan.name}: {slot_label(slot, {slot.routine: facts.name})}" if labelled else plan.name
    summary = f"{what} (day {number} of {programme.total})"
    lines = [f"{facts.name}: backtimer start {slot.routine}"]
    if plan.days is None:
        rest = f", with {days_off(plan.rest_days)} between sessions" if plan.rest_days else ""
        lines.append(
            f"Any {plan.days_per_week} days of each week will do{rest}: move it to a day that"
            " suits you."
        )
    event = Event()
    event.add("uid", f"{programme.id}-{programme.start:%Y%m%d}-{number}-{index}@backtimer")
    event.add("dtstamp", programme.stamp)
    event.add("summary", summary)
    event.add("description", "\n".join(lines))
    event.add("dtstart", datetime.combine(day, SLOT_TIMES[slot.time]))  # floating
    event.add("duration", timedelta(minutes=max(5, -(-facts.seconds // 60))))
    event.add("categories", ["Exercise"])
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)
    return event


def programme_calendar(
    program: Plan,
    program_id: str,
    start: date,
    routines: Mapping[str, RoutineFacts],
    stamp: datetime,
) -> bytes:
    """The programme, started on ``start``, as the bytes of an ``.ics`` file.

    Args:
        routines: the slots' routines by id (an id missing here is named by its id).
        stamp: when the file is made (each event's DTSTAMP), in UTC.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"backtimer: {program.name}")
    dates = training_dates(program, start)
    programme = _Programme(program, program_id, start, len(dates), routines, stamp)
    for number, day in enumerate(dates, start=1):
        for index, slot in enumerate(program.slot, start=1):
            calendar.add_component(_event(programme, number, day, index, slot))
    return bytes(calendar.to_ical())
