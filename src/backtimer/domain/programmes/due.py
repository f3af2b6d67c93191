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
quick reading accepts, the models accept too and read the same way. The
history's sessions and ``program.toml`` are read the same way, in
`backtimer.domain.history.plain_tables`.

The calendar itself is the one in `schedule`, whichever way the programme was read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, get_args

from backtimer.domain.history.plain_tables import is_id
from backtimer.domain.programmes.rest_days import rest_problem
from backtimer.domain.programmes.schedule import (
    EVENING_FROM_HOUR,
    PlanSlot,
    Progress,
    SlotTime,
    slot_label,
)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PROGRAMME_KEYS = {
    "format", "name", "description", "weeks", "days", "days_per_week", "rest_days", "slot",
}  # fmt: skip
MAX_WEEKS = 52
"""As in `backtimer.domain.programmes.programme` (a test checks that the two agree)."""


@dataclass(frozen=True)
class QuickSlot:
    time: SlotTime
    routine: str


@dataclass(frozen=True)
class QuickProgramme:
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


def _quick_slot(table: object) -> QuickSlot | None:
    if not isinstance(table, dict) or not set(table) <= {"time", "routine"}:
        return None
    time = table.get("time", "any")
    routine = table.get("routine")
    if time not in get_args(SlotTime) or not is_id(routine):
        return None
    return QuickSlot(time, routine)


def quick_programme(table: Mapping[str, Any]) -> QuickProgramme | None:
    """A programme file's table as the calendar needs it, or None unless plainly valid."""
    if (
        not set(table) <= PROGRAMME_KEYS
        or table.get("format") != 1
        or type(table["format"]) is not int
    ):
        return None
    name, weeks = table.get("name"), table.get("weeks")
    description = table.get("description", "")
    days, per_week = table.get("days"), table.get("days_per_week")
    slots = table.get("slot")
    if not (isinstance(name, str) and 1 <= len(name) <= 80):
        return None
    if not (type(weeks) is int and 1 <= weeks <= MAX_WEEKS):
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
    if per_week is not None and not (type(per_week) is int and 1 <= per_week <= 7):
        return None
    rest_days = table.get("rest_days", 0)
    if not (type(rest_days) is int and 0 <= rest_days <= 6):
        return None
    if not (isinstance(slots, list) and 1 <= len(slots) <= 4):
        return None
    read = [_quick_slot(slot) for slot in slots]
    if any(slot is None for slot in read):
        return None
    program = QuickProgramme(
        name, weeks, tuple(days) if days else None, per_week, tuple(s for s in read if s), rest_days
    )
    if rest_problem(program.weekdays, per_week, rest_days) is not None:
        return None
    return program


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
