"""History sessions and ``program.toml`` read without pydantic, only as far as the models take them.

`backtimer today --exit-code` runs before every shell prompt, so it reads the
few tables it needs with tomllib and the functions here instead of the models
(importing pydantic and building the models costs more than the whole answer
may take; see `backtimer.domain.programmes.due`). They take a table only when it is
*plainly* valid: every key one the model knows, every value of the type the
model wants, within its limits. Anything else (a key the model would keep as an
extra, a string where a date belongs, which the model would convert) is not
taken, and the caller hands the question to the full path, which validates
everything and names the problem. So the quick answer is the full answer or
none: tests/unit/test_plain_tables.py holds every rule here to the models', on
generated and broken tables, and tests/unit/test_quick_look.py the two answers
to each other.

The limits below are the models' (`backtimer.domain.history.session`,
`backtimer.domain.programmes.programme`); a test checks that they agree.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeGuard

from backtimer.domain.history.outcome import session_counts

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
"""As in `backtimer.domain.routines.exercise`."""
EARLIEST_YEAR, LATEST_YEAR = 1970, 2199
MAX_SECONDS = 366 * 24 * 3600
MAX_COUNT = 1_000_000
NOTE_MAX_CHARS = 2000
MAX_STEPS = 200
VERSION_MAX_CHARS = 64
ID_MAX_CHARS = 64
STATUSES = ("completed", "stopped", "interrupted")
SESSION_KEYS = frozenset(
    {
        "id",
        "routine",
        "routine_name",
        "routine_version",
        "started_at",
        "ended_at",
        "status",
        "active_seconds",
        "paused_seconds",
        "pain_before",
        "pain_after",
        "note",
        "stopped_at_step",
        "steps",
        "leg_symptoms",
        "next_morning",
    }
)
"""What a session table may hold. ``leg_symptoms`` (yes or no) and ``next_morning`` (a
0-10 rating) are the two optional answers PRODUCT.md section 6 adds to a record: taken
only as a plain true or false and a whole number 0-10, which the model takes whether it
knows them as fields or keeps them as extras."""
STEP_KEYS = frozenset(
    {
        "exercise",
        "sets_done",
        "reps_done",
        "seconds_done",
        "skipped",
        "planned_sets",
        "planned_reps",
        "planned_seconds",
    }
)
STATE_KEYS = frozenset({"active", "past", "copies"})
ENROLMENT_KEYS = frozenset({"program", "start", "left"})


class NotPlain(ValueError):
    """A file is not plainly valid: the full path reads it and says what is wrong."""


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

    id: str
    routine: str
    started_at: datetime
    counts: bool


def _is_int(value: object, low: int, high: int) -> TypeGuard[int]:
    return type(value) is int and low <= value <= high


def _is_seconds(value: object) -> TypeGuard[int | float]:
    if type(value) is int:
        return 0 <= value <= MAX_SECONDS
    return type(value) is float and math.isfinite(value) and 0 <= value <= MAX_SECONDS


def _is_text(value: object, most: int | None = None) -> TypeGuard[str]:
    return type(value) is str and (most is None or len(value) <= most)


def _is_session_id(value: object) -> TypeGuard[str]:
    """Printable ASCII without ``/``: a part of what the model takes (any printable
    character), the part whose meaning cannot differ between two Unicode versions."""
    return (
        type(value) is str
        and 1 <= len(value) <= ID_MAX_CHARS
        and all(" " <= char <= "~" and char != "/" for char in value)
    )


def is_id(value: object) -> TypeGuard[str]:
    """A routine or programme id: lowercase letters, digits and hyphens (`ID_PATTERN`)."""
    return type(value) is str and re.fullmatch(ID_PATTERN, value) is not None


def _is_moment(value: object) -> TypeGuard[datetime]:
    """An aware date and time whose instant is in a year a session can have."""
    if type(value) is not datetime or value.utcoffset() is None:
        return False
    try:
        return EARLIEST_YEAR <= value.astimezone(UTC).year <= LATEST_YEAR
    except OverflowError:
        return False


def _is_day(value: object) -> TypeGuard[date]:
    return type(value) is date and EARLIEST_YEAR <= value.year <= LATEST_YEAR


def _optional(table: Mapping[str, Any], key: str, test: Any) -> bool:
    return key not in table or bool(test(table[key]))


def _plain_step(table: object) -> QuickStep | None:
    if type(table) is not dict or not table.keys() <= STEP_KEYS:
        return None
    sets, reps, seconds = table.get("sets_done"), table.get("reps_done"), table.get("seconds_done")
    skipped = table.get("skipped", False)
    if not (_is_text(table.get("exercise")) and _is_seconds(seconds) and type(skipped) is bool):
        return None
    if not (_is_int(sets, 0, MAX_COUNT) and _is_int(reps, 0, MAX_COUNT)):
        return None
    for planned in ("planned_sets", "planned_reps", "planned_seconds"):
        if not _optional(table, planned, lambda v: _is_int(v, 0, MAX_COUNT)):
            return None
    return QuickStep(sets, reps, float(seconds), skipped, table.get("planned_sets"))


def plain_session(table: object) -> QuickSession | None:
    """A history file's ``[[session]]`` table as the calendar needs it, or None unless
    the model takes it as it is."""
    if type(table) is not dict or not table.keys() <= SESSION_KEYS:
        return None
    session_id, routine, started = table.get("id"), table.get("routine"), table.get("started_at")
    if not (_is_session_id(session_id) and _is_text(routine) and _is_moment(started)):
        return None
    if not (_is_text(table.get("routine_name")) and _is_moment(table.get("ended_at"))):
        return None
    if table.get("status") not in STATUSES or type(table["status"]) is not str:
        return None
    if not (_is_seconds(table.get("active_seconds")) and _is_seconds(table.get("paused_seconds"))):
        return None
    checks = {
        "routine_version": lambda v: _is_text(v, VERSION_MAX_CHARS),
        "pain_before": lambda v: _is_int(v, 0, 10),
        "pain_after": lambda v: _is_int(v, 0, 10),
        "note": lambda v: _is_text(v, NOTE_MAX_CHARS),
        "stopped_at_step": lambda v: _is_int(v, 1, MAX_COUNT),
        "leg_symptoms": lambda v: type(v) is bool,
        "next_morning": lambda v: _is_int(v, 0, 10),
    }
    if not all(_optional(table, key, test) for key, test in checks.items()):
        return None
    steps = table.get("steps", [])
    if type(steps) is not list or len(steps) > MAX_STEPS:
        return None
    read = [_plain_step(step) for step in steps]
    if any(step is None for step in read):
        return None
    return QuickSession(session_id, routine, started, session_counts(s for s in read if s))


def _plain_enrolment(table: object, active: bool) -> tuple[str, date] | None:
    """An enrolment's programme and start, or None unless plainly valid. The model takes
    any text as the programme of one; the one under way must be an id to be found."""
    if type(table) is not dict or not table.keys() <= ENROLMENT_KEYS:
        return None
    program, start = table.get("program"), table.get("start")
    if not (_is_text(program) and _is_day(start) and _optional(table, "left", _is_day)):
        return None
    if active and not is_id(program):
        return None
    return program, start


@dataclass(frozen=True)
class PlainState:
    """What ``program.toml`` holds that the calendar needs."""

    active: tuple[str, date] | None
    """The programme under way and its first day."""
    copies: dict[str, str]
    """Built-in routines and the person's copies that slots run instead."""


def plain_state(table: Mapping[str, Any]) -> PlainState:
    """``program.toml``'s table, as the model reads it.

    Raises:
        NotPlain: the model would not take it as it is (the full path then says why,
            and takes no programme as under way).
    """
    if not table.keys() <= STATE_KEYS:
        raise NotPlain
    active = None
    if "active" in table:
        active = _plain_enrolment(table["active"], active=True)
        if active is None:
            raise NotPlain
    past = table.get("past", [])
    if type(past) is not list or any(_plain_enrolment(e, active=False) is None for e in past):
        raise NotPlain
    copies = table.get("copies", {})
    if type(copies) is not dict or not all(is_id(k) and is_id(v) for k, v in copies.items()):
        raise NotPlain
    return PlainState(active, dict(copies))
