"""The programme calendar: where a started programme stands, from the history.

Rules (docs/guide/programmes.md says them in plain words):

- A programme started on a local date runs ``weeks`` weeks; week 1 is the start
  date and the six days after it, so a start mid-week just shifts the weeks.
- With set weekdays, the training days are those weekdays within the weeks.
  With ``days_per_week = N``, any N days of each programme week count.
- A slot is done by a session of its routine on that local date that
  *counts*: one with at least one step done in full, however it ended (the
  rule of `backtimer.domain.history.outcome`, the same as for the streak). Matching is
  greedy, so the same routine in two slots needs two sessions. A day counts
  when all its slots are done.
- A missed day never breaks the plan: past training days not done are missed
  and the calendar moves on; with N a week, a week that ended short counts its
  shortfall as missed.
- A programme with ``rest_days`` (strength work) has no day due while its last
  session done is fewer than that many days back (`backtimer.domain.programmes.rest_days`).
- Dates are local: the caller passes "now" and the time zone.

Nothing here reads a file or a clock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal, Protocol

from backtimer.domain.programmes.rest_days import days_off, rest_until

Mark = Literal["done", "missed", "due", "upcoming"]
SlotTime = Literal["morning", "evening", "any"]


class PlanSlot(Protocol):
    """What the calendar needs of a slot: a `Slot` of a programme file, or a quick reading."""

    @property
    def time(self) -> SlotTime: ...
    @property
    def routine(self) -> str: ...


class Plan(Protocol):
    """What the calendar needs of a programme: a `Programme`, or a quick reading of one.

    (The calendar takes either, so that ``today --exit-code`` can answer without
    loading pydantic: see `backtimer.domain.programmes.due`.)
    """

    @property
    def name(self) -> str: ...
    @property
    def weeks(self) -> int: ...
    @property
    def days(self) -> Sequence[str] | None: ...
    @property
    def days_per_week(self) -> int | None: ...
    @property
    def slot(self) -> Sequence[PlanSlot]: ...
    @property
    def weekdays(self) -> tuple[int, ...]: ...
    @property
    def rest_days(self) -> int: ...


EVENING_FROM_HOUR = 14
"""From this local hour on, a day's evening slot leads over its morning slot."""


@dataclass(frozen=True)
class TrainingDay:
    """One training day of the programme and how it went."""

    number: int
    """Its place in the programme, from 1."""
    week: int
    """The programme week it is in, from 1."""
    mark: Mark
    day: date | None
    """Its date; None for a missed or upcoming day of an N-a-week programme."""


@dataclass(frozen=True)
class SlotState:
    """One slot of today and whether it is done."""

    slot: PlanSlot
    done: bool
    late: bool = False
    """A morning slot not done by the afternoon: missed, but it can still be done."""


@dataclass(frozen=True)
class Progress:
    """Where a programme stands on one day."""

    program: Plan
    start: date
    today: date
    days: tuple[TrainingDay, ...]
    """Every training day of the programme, in order."""
    today_slots: tuple[SlotState, ...]
    """Today's slots when today is a training day (done or due), else empty."""
    lead: PlanSlot | None
    """The session to do now: the first slot of today not done yet, by time of day."""
    rest_until: date | None = None
    """Today is a day off after a session (`Plan.rest_days`): the next is due from this date."""

    @property
    def end(self) -> date:
        """The first day after the programme."""
        return self.start + timedelta(weeks=self.program.weeks)

    @property
    def finished(self) -> bool:
        return self.today >= self.end

    @property
    def week(self) -> int:
        """The programme week today is in (the last one once it is over)."""
        return min(self.program.weeks, max(1, (self.today - self.start).days // 7 + 1))

    @property
    def total(self) -> int:
        return len(self.days)

    def count(self, mark: Mark) -> int:
        return sum(1 for day in self.days if day.mark == mark)

    @property
    def today_day(self) -> TrainingDay | None:
        """Today's training day, done or due; None on a rest day."""
        return next((d for d in self.days if d.day == self.today and d.mark != "missed"), None)

    @property
    def next_day(self) -> TrainingDay | None:
        """The first training day still to come (due or upcoming)."""
        return next((d for d in self.days if d.mark in ("due", "upcoming")), None)

    def weeks_grid(self) -> list[list[Mark]]:
        """The marks of each week's training days, one row a week."""
        rows: list[list[Mark]] = [[] for _ in range(self.program.weeks)]
        for day in self.days:
            rows[day.week - 1].append(day.mark)
        return rows

    def missed_text(self) -> str:
        missed = self.count("missed")
        if not missed:
            return ""
        days = "1 day" if missed == 1 else f"{missed} days"
        return f"{days} missed, the plan goes on"

    def headline(self, names: Mapping[str, str] | None = None, missed: bool = True) -> str:
        """What is due today, in one line: "Flexible back: evening — day 9 of 21".

        With ``missed``, the count of missed days follows ("1 day missed, the plan goes on").
        """
        name = self.program.name
        if self.today < self.start:
            return f"{name} starts on {self.start:%a %d %b}"
        if self.finished:
            return f"{name} is over: {self.count('done')} of {self.total} days done"
        today = self.today_day
        if today is not None and self.lead is not None:
            what = f"{name}: {slot_label(self.lead, names)}" if self._label_needed() else name
            line = f"{what} — day {today.number} of {self.total}"
        elif today is not None:
            line = f"{name}: day {today.number} of {self.total} done" + self._coming()
        elif self.rest_until is not None:
            line = f"{name}: rest day, {days_off(self.program.rest_days)} between sessions"
            line += self._coming()
        else:
            line = f"{name}: rest day" + self._coming()
        note = self.missed_text() if missed else ""
        return f"{line} — {note}" if note else line

    def _coming(self) -> str:
        upcoming = self.next_day
        if upcoming is None:
            return ""
        if upcoming.day is not None:
            when = f"on {upcoming.day:%a %d %b}"
        elif self.rest_until is not None and upcoming.week == self.week:
            when = f"on {self.rest_until:%a %d %b}"
        else:
            when = "this week" if upcoming.week == self.week else f"in week {upcoming.week}"
        return f" — day {upcoming.number} of {self.total} comes {when}"

    def _label_needed(self) -> bool:
        return len(self.program.slot) > 1 or self.program.slot[0].time != "any"


def slot_label(slot: PlanSlot, names: Mapping[str, str] | None = None) -> str:
    """A slot in words: its time of day, or the routine's name when any time will do."""
    if slot.time != "any":
        return slot.time
    return (names or {}).get(slot.routine, slot.routine)


def _done_slots(slots: Sequence[PlanSlot], routines_done: Counter[str]) -> list[bool]:
    """Match a day's sessions that count to its slots, greedily, in slot order."""
    left = Counter(routines_done)
    done = []
    for slot in slots:
        if left[slot.routine] > 0:
            left[slot.routine] -= 1
            done.append(True)
        else:
            done.append(False)
    return done


class Attended(Protocol):
    """What the calendar needs of a past session: a full `Session` or its digest."""

    @property
    def routine(self) -> str: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def counts(self) -> bool: ...


def _counted_by_date(
    sessions: Iterable[Attended],
    zone: tzinfo,
    start: date,
    end: date,
    aliases: Mapping[str, str],
) -> dict[date, Counter[str]]:
    by_date: dict[date, Counter[str]] = {}
    for session in sessions:
        if not session.counts:
            continue
        day = session.started_at.astimezone(zone).date()
        if start <= day < end:
            routine = aliases.get(session.routine, session.routine)
            by_date.setdefault(day, Counter())[routine] += 1
    return by_date


def progress(
    program: Plan,
    start: date,
    sessions: Iterable[Attended],
    now: datetime,
    zone: tzinfo,
    aliases: Mapping[str, str] | None = None,
) -> Progress:
    """Where ``program``, started on ``start``, stands at ``now`` in time zone ``zone``.

    ``aliases`` maps a routine to the one whose slots its sessions fill: a
    built-in routine to the person's copy that its slots now run.
    """
    local_now = now.astimezone(zone)
    today = local_now.date()
    end = start + timedelta(weeks=program.weeks)
    done_on = _counted_by_date(sessions, zone, start, end, aliases or {})

    def asked(slot: PlanSlot, day: date) -> bool:
        """A programme may be started after its first morning has gone (at five, say):
        that morning's slot is not asked for, when the day has another slot."""
        first_morning = day == start and slot.time == "morning"
        return not (first_morning and any(other.time != "morning" for other in program.slot))

    def complete(day: date) -> bool:
        done = _done_slots(program.slot, done_on.get(day, Counter()))
        pairs = zip(program.slot, done, strict=True)
        return all(is_done or not asked(slot, day) for slot, is_done in pairs)

    resting = rest_until(today, start, program.rest_days, complete)
    if program.days is not None:
        days = _set_weekdays(program, start, today, complete)
    else:
        days = _days_a_week(program, start, today, complete, resting is not None)
    today_slots: tuple[SlotState, ...] = ()
    lead = None
    if any(day.day == today and day.mark in ("done", "due") for day in days):
        done = _done_slots(program.slot, done_on.get(today, Counter()))
        afternoon = local_now.hour >= EVENING_FROM_HOUR
        today_slots = tuple(
            SlotState(slot, is_done, late=afternoon and slot.time == "morning" and not is_done)
            for slot, is_done in zip(program.slot, done, strict=True)
            if is_done or not afternoon or asked(slot, today)
        )
        lead = _lead(today_slots, afternoon)
    if any(day.day == today and day.mark != "missed" for day in days):
        resting = None  # a training day after all: done already, or set on the weekday
    return Progress(program, start, today, tuple(days), today_slots, lead, resting)


def _lead(slots: tuple[SlotState, ...], afternoon: bool) -> PlanSlot | None:
    """The slot to offer now: evening before a late morning, else the first not done."""
    open_slots = [state.slot for state in slots if not state.done]
    if afternoon:
        evening = [slot for slot in open_slots if slot.time == "evening"]
        if evening:
            return evening[0]
    return open_slots[0] if open_slots else None


def _mark(day: date, today: date, complete: bool) -> Mark:
    if complete:
        return "done"
    if day < today:
        return "missed"
    return "due" if day == today else "upcoming"


def _set_weekdays(
    program: Plan, start: date, today: date, complete: Callable[[date], bool]
) -> list[TrainingDay]:
    weekdays = set(program.weekdays)
    days: list[TrainingDay] = []
    for offset in range(program.weeks * 7):
        day = start + timedelta(days=offset)
        if day.weekday() in weekdays:
            mark = _mark(day, today, day <= today and complete(day))
            days.append(TrainingDay(len(days) + 1, offset // 7 + 1, mark, day))
    return days


def _days_a_week(
    program: Plan, start: date, today: date, complete: Callable[[date], bool], resting: bool
) -> list[TrainingDay]:
    needed = program.days_per_week or 0
    days: list[TrainingDay] = []
    for week in range(1, program.weeks + 1):
        first = start + timedelta(weeks=week - 1)
        week_dates = [first + timedelta(days=i) for i in range(7)]
        done = [day for day in week_dates if day <= today and complete(day)][:needed]
        marks: list[tuple[Mark, date | None]] = [("done", day) for day in done]
        short = needed - len(done)
        if short:
            if today > week_dates[-1]:
                marks += [("missed", None)] * short
            elif week_dates[0] <= today and today not in done and not resting:
                due: tuple[Mark, date | None] = ("due", today)
                marks += [due] + [("upcoming", None)] * (short - 1)
            else:
                marks += [("upcoming", None)] * short
        for mark, day in marks:
            days.append(TrainingDay(len(days) + 1, week, mark, day))
    return days
