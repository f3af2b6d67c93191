"""Is a programme session due now? The rule, the line that says so, and a quick reading.

`backtimer today --exit-code` is meant for a shell prompt or a cron job, so it
must answer in well under 150 ms. Loading the programme through its pydantic
model costs more than that on its own (importing pydantic and building the
models takes about 130 ms on this 2-core machine, against 15 ms for Python
itself), so the quick path reads ``program.toml``, the programme file and the
recent history with `tomllib` and builds the small records below instead.

The quick reading is strict: it takes only what a valid file holds (the keys
the models allow, of the types they allow, within their limits). Anything else
makes it give up (``None``), and the caller then takes the full path, which
validates everything and names the problem. A test checks that whatever the
quick reading accepts, the models accept too and read the same way.

The calendar itself is the one in `schedule`, whichever way the programme was read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeGuard, get_args

from backtimer.domain.outcome import session_counts
from backtimer.domain.rest_days import rest_problem
from backtimer.domain.schedule import EVENING_FROM_HOUR, PlanSlot, Progress, SlotTime, slot_label

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
"""As in `backtimer.domain.exercise` (a test checks that the two agree)."""
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PROGRAM_KEYS = {
    "format", "name", "description", "weeks", "days", "days_per_week", "rest_days", "slot",
}  # fmt: skip
MAX_WEEKS = 52
"""As in `backtimer.domain.program` (a test checks that the two agree)."""


@dataclass(frozen=True)
class QuickSlot:
    time: SlotTime
    routine: str


@dataclass(frozen=True)
class QuickProgram:
    """What the calendar needs of a programme, read without its model."""

    name: str
    weeks: int
    days: tuple[str, ...] | None
    days_per_week: int | None
    slot: tuple[QuickSlot, ...]
    rest_days: int = 0

    @property
    def weekdays(self) -> tuple[int, ...]:
        if self.days is None:
            return ()
        return tuple(sorted(WEEKDAYS.index(day) for day in self.days))


class NotPlain(ValueError):
    """A file is not plainly valid: the full path reads it and says what is wrong."""


def _is_int(value: object, low: int, high: int) -> TypeGuard[int]:
    return type(value) is int and low <= value <= high


def _is_id(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and re.fullmatch(ID_PATTERN, value) is not None


def _quick_slot(table: object) -> QuickSlot | None:
    if not isinstance(table, dict) or not set(table) <= {"time", "routine"}:
        return None
    time = table.get("time", "any")
    routine = table.get("routine")
    if time not in get_args(SlotTime) or not _is_id(routine):
        return None
    return QuickSlot(time, routine)


def quick_program(table: Mapping[str, Any]) -> QuickProgram | None:
    """A programme file's table as the calendar needs it, or None unless plainly valid."""
    if (
        not set(table) <= PROGRAM_KEYS
        or table.get("format") != 1
        or type(table["format"]) is not int
    ):
        return None
    name, weeks = table.get("name"), table.get("weeks")
    description = table.get("description", "")
    days, per_week = table.get("days"), table.get("days_per_week")
    slots = table.get("slot")
    if not (isinstance(name, str) and 1 <= len(name) <= 80 and _is_int(weeks, 1, MAX_WEEKS)):
        return None
    if not (isinstance(description, str) and len(description) <= 2000):
        return None
    if (days is None) == (per_week is None):
        return None
    if days is not None and not (
        isinstance(days, list)
        and 1 <= len(days) <= 7
        and all(day in WEEKDAYS for day in days)
        and len(set(days)) == len(days)
    ):
        return None
    if per_week is not None and not _is_int(per_week, 1, 7):
        return None
    rest_days = table.get("rest_days", 0)
    if not _is_int(rest_days, 0, 6):
        return None
    if not (isinstance(slots, list) and 1 <= len(slots) <= 4):
        return None
    read = [_quick_slot(slot) for slot in slots]
    if any(slot is None for slot in read):
        return None
    program = QuickProgram(
        name, weeks, tuple(days) if days else None, per_week, tuple(s for s in read if s), rest_days
    )
    if rest_problem(program.weekdays, per_week, rest_days) is not None:
        return None
    return program


@dataclass(frozen=True)
class QuickStep:
    """The facts of a recorded step that decide whether a session counts."""

    sets_done: int
    reps_done: int
    seconds_done: float
    skipped: bool
    planned_sets: int | None


@dataclass(frozen=True)
class QuickSession:
    """What the calendar needs of a past session."""

    routine: str
    started_at: datetime
    counts: bool


def _quick_step(table: object) -> QuickStep | None:
    if not isinstance(table, dict):
        return None
    sets, reps = table.get("sets_done"), table.get("reps_done")
    seconds, skipped = table.get("seconds_done"), table.get("skipped", False)
    planned = table.get("planned_sets")
    if not (type(sets) is int and type(reps) is int and type(skipped) is bool):
        return None
    if not isinstance(seconds, int | float) or isinstance(seconds, bool):
        return None
    if not (planned is None or type(planned) is int):
        return None
    return QuickStep(sets, reps, float(seconds), skipped, planned)


def quick_session(table: object) -> QuickSession | None:
    """A history file's ``[[session]]`` table as the calendar needs it, or None if odd."""
    if not isinstance(table, dict):
        return None
    routine, started = table.get("routine"), table.get("started_at")
    steps = table.get("steps", [])
    if not (isinstance(routine, str) and isinstance(started, datetime) and started.tzinfo):
        return None
    if not isinstance(steps, list):
        return None
    read = [_quick_step(step) for step in steps]
    if any(step is None for step in read):
        return None
    return QuickSession(routine, started, session_counts(s for s in read if s))


def quick_enrolment(table: Mapping[str, Any]) -> tuple[str, date] | None:
    """The programme under way in ``program.toml``'s table, (id, start date), or None.

    Raises:
        NotPlain: the table is not plainly valid.
    """
    active = table.get("active")
    if active is None:
        return None
    if not isinstance(active, dict) or not set(active) <= {"program", "start", "left"}:
        raise NotPlain
    program, start = active.get("program"), active.get("start")
    if not _is_id(program) or type(start) is not date:
        raise NotPlain
    return program, start


# ------------------------------------------------------------ the rule and the line


def due_now(plan: Progress, now_local: datetime) -> PlanSlot | None:
    """The slot due now and not done, if any.

    A morning slot or one for any time is due all day (a morning not done by
    the afternoon is late, but can still be done); an evening slot from
    `EVENING_FROM_HOUR`. The slot the app offers first (`Progress.lead`) comes
    first when it is due.
    """
    if plan.today != now_local.date():
        return None
    afternoon = now_local.hour >= EVENING_FROM_HOUR
    open_slots = [state.slot for state in plan.today_slots if not state.done]
    if plan.lead is not None:
        open_slots.insert(0, plan.lead)
    return next((s for s in open_slots if s.time != "evening" or afternoon), None)


def _what(plan: Progress, slot: PlanSlot, names: Mapping[str, str]) -> str:
    labelled = len(plan.program.slot) > 1 or slot.time != "any"
    return f"{plan.program.name}: {slot_label(slot, names)}" if labelled else plan.program.name


def reminder_line(plan: Progress | None, due: PlanSlot | None, names: Mapping[str, str]) -> str:
    """One short line: what is due now and how to start it, or why nothing is."""
    if plan is None:
        return "No programme is under way (see `backtimer programs`)."
    day = plan.today_day
    number = f"day {day.number} of {plan.total}" if day else ""
    if due is not None:
        return f"Due now: {_what(plan, due, names)} — {number} (backtimer start {due.routine})"
    if plan.lead is not None:
        return f"{_what(plan, plan.lead, names)} — {number}, due from {EVENING_FROM_HOUR}:00"
    return plan.headline(names, missed=False)


def notification_text(plan: Progress, due: PlanSlot, names: Mapping[str, str]) -> tuple[str, str]:
    """The title and body of the desktop notification for a session due now."""
    day = plan.today_day
    number = f" (day {day.number} of {plan.total})" if day else ""
    title = f"{_what(plan, due, names)} is due"
    return title, f"Time for your back{number}: backtimer start {due.routine}"
