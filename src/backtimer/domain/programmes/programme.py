"""Programme files, format 1: multi-week plans of routines, and their validation.

A programme says how many weeks it runs, on which days (set weekdays, or any
N days a week) and which routine goes in each slot of a training day (morning,
evening, or any time). Whether a slot's routine exists is checked by the
caller with `check_routines`, since only storage knows the routines there are.
The calendar that follows a programme through the weeks is in `schedule.py`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from backtimer.domain.history.session import Day
from backtimer.domain.parsing.problems import (
    Problem,
    ProblemsError,
    exactly_int,
    from_validation_error,
    suggest,
)
from backtimer.domain.parsing.safe_parse import ShapeError, load_toml
from backtimer.domain.programmes.rest_days import days_off, rest_problem
from backtimer.domain.programmes.schedule import SlotTime
from backtimer.domain.routines.exercise import Id
from backtimer.domain.routines.routine import Source

MAX_FILE_BYTES = 64 * 1024
MAX_WEEKS = 52

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MODEL = ConfigDict(extra="forbid", strict=True, defer_build=True)


class Slot(BaseModel):
    """One session of a training day: when, and which routine."""

    model_config = _MODEL

    time: SlotTime = "any"
    """morning, evening, or any time of the day."""
    routine: Id
    """The id of a built-in or user routine."""


class Programme(BaseModel):
    """A programme file: how long, which days, and the routine for each slot."""

    model_config = _MODEL

    format: Annotated[Literal[1], BeforeValidator(exactly_int)]
    """The version of this file format; always 1 (the whole number: not 1.0, not true)."""
    name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    """The programme's name, as lists and the picker show it."""
    description: Annotated[str, StringConstraints(max_length=2000)] = ""
    """A sentence or two about what the programme is for."""
    weeks: Annotated[int, Field(ge=1, le=MAX_WEEKS)]
    """How many weeks it runs; week 1 starts on the day it is started."""
    days: list[Weekday] | None = Field(default=None, min_length=1, max_length=7)
    """The weekdays to train on (or give days_per_week)."""
    days_per_week: Annotated[int, Field(ge=1, le=7)] | None = None
    """Train on any this many days of each week (or give days)."""
    rest_days: Annotated[int, Field(ge=0, le=6)] = 0
    """Days off after each training day before the next is due: 1 for strength work,
    which needs a day to recover (`backtimer.domain.programmes.rest_days`)."""
    slot: list[Slot] = Field(min_length=1, max_length=4)
    """The sessions of each training day, in the order of the day."""

    @model_validator(mode="after")
    def _one_schedule(self) -> Programme:
        if self.days is not None and self.days_per_week is not None:
            raise ValueError(
                "has both days and days_per_week; give set weekdays (days) or a number of"
                " days a week (days_per_week), not both"
            )
        if self.days is None and self.days_per_week is None:
            raise ValueError(
                'says nothing about when to train: give days = ["mon", "wed", "fri"]'
                " or days_per_week = 3"
            )
        if self.days is not None and len(set(self.days)) != len(self.days):
            raise ValueError("days: each weekday may be given once")
        problem = rest_problem(self.weekdays, self.days_per_week, self.rest_days)
        if problem is not None:
            raise ValueError(problem)
        return self

    @property
    def weekdays(self) -> tuple[int, ...]:
        """The set weekdays as numbers (Monday is 0), in week order; empty for N a week."""
        if self.days is None:
            return ()
        return tuple(sorted(WEEKDAYS.index(day) for day in self.days))

    @property
    def days_a_week(self) -> int:
        """Training days in each week."""
        return len(self.days) if self.days is not None else self.days_per_week or 0

    @property
    def total_days(self) -> int:
        """Training days in the whole programme."""
        return self.weeks * self.days_a_week

    def schedule_text(self) -> str:
        """The schedule in words: "every day for 3 weeks, morning and evening"."""
        if self.days is None:
            when = f"{self.days_per_week} days a week"
        elif len(self.days) == 7:
            when = "every day"
        else:
            when = ", ".join(WEEKDAY_NAMES[day][:3] for day in self.weekdays)
        weeks = "1 week" if self.weeks == 1 else f"{self.weeks} weeks"
        times = [slot.time for slot in self.slot if slot.time != "any"]
        text = f"{when} for {weeks}"
        if times:
            text += ", " + " and ".join(times)
        if self.rest_days:
            text += f", {days_off(self.rest_days)} between sessions"
        return text


KEYS_AT: dict[str, tuple[str, ...]] = {
    "": tuple(Programme.model_fields),
    "slot": tuple(Slot.model_fields),
}


def check_routines(program: Programme, routine_ids: Collection[str]) -> list[Problem]:
    """Problems with the routines the slots name: each must be a routine there is."""
    return [
        Problem(
            f"slot[{index}].routine",
            f"unknown routine '{slot.routine}'{suggest(slot.routine, routine_ids)};"
            " use an id from `backtimer routines`",
        )
        for index, slot in enumerate(program.slot, start=1)
        if slot.routine not in routine_ids
    ]


def parse_programme_bytes(data: bytes, source: str) -> Programme:
    """Parse and check a programme file (but not whether its routines exist).

    Raises:
        ProblemsError: listing everything wrong with the file, named by ``source``.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ProblemsError(
            source,
            [Problem("", f"is {len(data) // 1024} KiB; a programme file may be at most 64 KiB")],
        )
    try:
        table = load_toml(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ProblemsError(
            source, [Problem("", f"is not UTF-8 text (byte {exc.start + 1} is not valid)")]
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ProblemsError(source, [Problem("", f"not valid TOML: {exc}")]) from None
    except ShapeError as exc:
        raise ProblemsError(source, [Problem(exc.where, exc.message)]) from None
    try:
        return Programme.model_validate(table)
    except ValidationError as exc:
        raise ProblemsError(source, from_validation_error(exc, dict(KEYS_AT))) from None


@dataclass(frozen=True)
class ProgrammeEntry:
    """A programme file as found: its programme, or why it could not be used."""

    id: str
    source: Source
    path: str
    program: Programme | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.program is not None

    @property
    def name(self) -> str:
        return self.program.name if self.program else self.id

    def problem_lines(self) -> list[str]:
        return [f"{self.path}: {problem}" for problem in self.problems]


# ``program.toml``: what it holds (storage/programmes.py reads and writes it).


class Enrolment(BaseModel):
    """A programme someone started."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    program: str
    """The programme's id."""
    start: Day
    """The local date it was started: day 1 of week 1."""
    left: Day | None = None
    """The local date it was left, for programmes left before."""


class ProgrammeState(BaseModel):
    """What ``program.toml`` holds."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    active: Enrolment | None = None
    """The programme under way, if any."""
    past: list[Enrolment] = Field(default_factory=list)
    """Programmes left before, oldest first."""
    copies: dict[Id, Id] = Field(default_factory=dict)
    """Built-in routines and the person's copy that programme slots run instead
    (made when a progression suggestion was accepted), by the built-in's id."""
