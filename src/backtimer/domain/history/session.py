"""Session records: what a person did, when, and how their back felt.

One `Session` per workout, finished or not. They are stored as TOML
``[[session]]`` tables and exported as JSON with the same fields.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    field_serializer,
    model_validator,
)

from backtimer.domain.history.outcome import SessionFigures, StepFigures
from backtimer.domain.parsing.safe_parse import value_problems

Status = Literal["completed", "stopped", "interrupted"]
STATUSES: tuple[Status, ...] = ("completed", "stopped", "interrupted")

Pain = Annotated[int, Field(ge=0, le=10)]
"""Pain on the usual 0 (none) to 10 (worst imaginable) scale."""

NOTE_MAX_CHARS = 2000
"""The longest note a session keeps; the summary's note field stops there as it is typed."""

MAX_SECONDS = 366 * 24 * 3600
"""More time than a session can take, even one paused and left for months."""
Seconds = Annotated[float, Field(ge=0, le=MAX_SECONDS, allow_inf_nan=False)]
"""A length of time in seconds: finite, never negative, so every sum of them is too."""
MAX_COUNT = 1_000_000
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
"""Sets, reps or seconds counted: far more than any routine asks, far less than overflows."""

MAX_STEPS = 200
"""Steps a session may record: a routine's most (`backtimer.domain.routines.routine.MAX_STEPS`).
An import of 200,000 steps took 464 MB, and every later read of the history 737 MB."""

EARLIEST_YEAR, LATEST_YEAR = 1970, 2199
"""Dates outside these years are refused: near year 1 or 9999 moving a time to another
zone overflows, and no session was done or planned that far away."""


def _within_years(value: date) -> date:
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValueError(
            f"must be between the years {EARLIEST_YEAR} and {LATEST_YEAR} (got {value.isoformat()})"
        )
    return value


def _instant_within_years(value: datetime) -> datetime:
    """The instant in UTC, as a session is filed (by its UTC month), must be in range:
    2199-12-31T23:59:59-23:59 is in 2199 in its own offset but filed in 2200."""
    try:
        year = value.astimezone(UTC).year
    except OverflowError:
        year = value.year
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValueError(
            f"must be between the years {EARLIEST_YEAR} and {LATEST_YEAR} in UTC"
            f" (got {value.isoformat()})"
        )
    return value


Moment = Annotated[AwareDatetime, AfterValidator(_instant_within_years)]
"""A date and time with its offset whose instant is in a year a session can have."""
Day = Annotated[date, AfterValidator(_within_years)]
"""A date in a year a session can have (a programme's start, say)."""

SESSION_ID_PATTERN = r"^(?:[^/\p{C}\p{Z}]| ){1,64}$"
"""A session id: 1 to 64 printable characters (as `str.isprintable` means it), no ``/``.

The app makes its own from the start time (`new_session_id`); an imported
session may bring any id of this form (PRODUCT.md section 5).
"""


def new_session_id(started_at: datetime) -> str:
    """A unique, sortable id: the start time in UTC and a random suffix."""
    return f"{started_at.astimezone(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def derived_session_id(table: Mapping[str, Any]) -> str:
    """The id of an imported session that has none: its start time and a digest of its content.

    The same table always gives the same id, so importing a file a second time
    adds nothing. Without a readable, aware start time the id is ``imported-`` and
    the digest (such a session is refused anyway, for its start time).
    """
    content = json.dumps(table, sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.sha256(content.encode(errors="surrogatepass")).hexdigest()[:6]
    try:
        started = datetime.fromisoformat(str(table.get("started_at")))
        if started.tzinfo is None:
            return f"imported-{digest}"
        return f"{started.astimezone(UTC):%Y%m%dT%H%M%SZ}-{digest}"
    except (ValueError, OverflowError):  # not a time, or one that leaves the calendar in UTC
        return f"imported-{digest}"


def _extras_problems(extra: dict[str, Any] | None) -> list[str]:
    """What stops the fields this version does not know from being kept as they came."""
    return [
        f"{key}{place if place.startswith('[') else '.' + place if place else ''}: {problem}"
        for key, value in (extra or {}).items()
        if value is not None  # left out when written, as a known field would be
        for place, problem in value_problems(value, max_depth=16)
    ]


class _KeepsExtras(BaseModel):
    """A record that keeps the fields it does not know (from a newer version or another
    tool), as long as they can be written to TOML and read back as they were."""

    @model_validator(mode="after")
    def _extras_fit(self) -> _KeepsExtras:
        if not self.model_extra:  # nearly always: a quick look for ten years of sessions
            return self
        problems = _extras_problems(self.model_extra)
        if problems:
            raise ValueError(problems[0])
        return self


class StepRecord(_KeepsExtras, StepFigures):
    """What was planned and what was done of one step."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    exercise: str
    """The exercise's id."""

    @model_validator(mode="before")
    @classmethod
    def _derived_outcome(cls, data: Any) -> Any:
        """``history --json`` adds each step's outcome; it is worked out, never kept."""
        if isinstance(data, dict) and "outcome" in data:
            return {key: value for key, value in data.items() if key != "outcome"}
        return data

    sets_done: Count
    reps_done: Count
    """Reps finished, both sides counted."""
    seconds_done: Seconds
    """Seconds of work, rests and pauses not counted."""
    skipped: bool = False
    """The session went past the step with nothing of it done."""
    planned_sets: Count | None = None
    planned_reps: Count | None = None
    planned_seconds: Count | None = None


class Session(_KeepsExtras, SessionFigures):
    """One workout as it is kept in the history."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    id: Annotated[str, Field(pattern=SESSION_ID_PATTERN)]
    """Unique: the start time in UTC and a random suffix, or an imported session's own."""
    routine: str
    """The routine's id."""
    routine_name: str
    """The routine's name when the session was done."""
    routine_version: Annotated[str, Field(max_length=64)] | None = None
    """Which version of the routine it ran: a short hash of the routine's content
    (`backtimer.domain.routines.routine_toml.routine_version`); None in sessions from before."""
    started_at: Moment
    ended_at: Moment
    """When it finished, was stopped, or was last saved before a crash. A clock set back
    while it ran can make it earlier than ``started_at``: it is kept as it is, and no
    figure is worked out from the two (``active_seconds`` is the time done)."""
    status: Status
    """completed, stopped (ended early) or interrupted (the app did not get to finish it)."""
    active_seconds: Seconds
    """Seconds the timer ran, pauses not counted."""
    paused_seconds: Seconds
    pain_before: Pain | None = None
    pain_after: Pain | None = None
    note: Annotated[str, Field(max_length=NOTE_MAX_CHARS)] = ""
    leg_symptoms: bool | None = None
    """The answer to "anything down a leg today: pain, tingling, numbness or weakness?"
    asked after the session; None when it was not asked or not answered (older files)."""
    next_morning: Pain | None = None
    """How the back felt the morning after, when the person said so (asked at the first
    start of the app the next day, or given from the shell); None until then."""
    stopped_at_step: int | None = Field(default=None, ge=1, le=MAX_COUNT)
    """The step (from 1) the session ended at, when it ended early."""
    steps: list[StepRecord] = Field(default_factory=list, max_length=MAX_STEPS)

    @field_serializer("started_at", "ended_at")
    def _in_utc(self, value: datetime) -> datetime:
        return value.astimezone(UTC).replace(microsecond=0)


def session_json(session: Session) -> dict[str, Any]:
    """A session as ``history --json`` prints it: times in ISO 8601 with their offset."""
    data = session.model_dump(mode="json")
    data["started_at"] = session.started_at.astimezone(UTC).replace(microsecond=0).isoformat()
    data["ended_at"] = session.ended_at.astimezone(UTC).replace(microsecond=0).isoformat()
    for step, record in zip(data["steps"], session.steps, strict=True):
        step["outcome"] = record.outcome
    return data
