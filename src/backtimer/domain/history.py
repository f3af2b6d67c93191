"""Session records: what a person did, when, and how their back felt.

One `Session` per workout, finished or not. They are stored as TOML
``[[session]]`` tables and exported as JSON with the same fields.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    field_serializer,
    model_validator,
)

from backtimer.domain.outcome import (
    Outcome,
    OutcomeCounts,
    count_outcomes,
    is_done,
    outcome,
    session_counts,
)

Status = Literal["completed", "stopped", "interrupted"]
STATUSES: tuple[Status, ...] = ("completed", "stopped", "interrupted")

Pain = Annotated[int, Field(ge=0, le=10)]
"""Pain on the usual 0 (none) to 10 (worst imaginable) scale."""

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
    digest = hashlib.sha256(content.encode()).hexdigest()[:6]
    try:
        started = datetime.fromisoformat(str(table.get("started_at")))
    except ValueError:
        return f"imported-{digest}"
    if started.tzinfo is None:
        return f"imported-{digest}"
    return f"{started.astimezone(UTC):%Y%m%dT%H%M%SZ}-{digest}"


class StepRecord(BaseModel):
    """What was planned and what was done of one step."""

    model_config = ConfigDict(extra="allow", use_attribute_docstrings=True)

    exercise: str
    """The exercise's id."""

    @model_validator(mode="before")
    @classmethod
    def _derived_outcome(cls, data: Any) -> Any:
        """``history --json`` adds each step's outcome; it is worked out, never kept."""
        if isinstance(data, dict) and "outcome" in data:
            return {key: value for key, value in data.items() if key != "outcome"}
        return data

    sets_done: int = Field(ge=0)
    reps_done: int = Field(ge=0)
    """Reps finished, both sides counted."""
    seconds_done: float = Field(ge=0)
    """Seconds of work, rests and pauses not counted."""
    skipped: bool = False
    """The session went past the step with nothing of it done."""
    planned_sets: int | None = None
    planned_reps: int | None = None
    planned_seconds: int | None = None

    @property
    def complete(self) -> bool:
        """Done in full (`backtimer.domain.outcome` has the rule)."""
        return is_done(self)

    @property
    def outcome(self) -> Outcome:
        return outcome(self)


class Session(BaseModel):
    """One workout as it is kept in the history."""

    model_config = ConfigDict(extra="allow", use_attribute_docstrings=True)

    id: Annotated[str, Field(pattern=SESSION_ID_PATTERN)]
    """Unique: the start time in UTC and a random suffix, or an imported session's own."""
    routine: str
    """The routine's id."""
    routine_name: str
    """The routine's name when the session was done."""
    routine_version: str | None = None
    """Which version of the routine it ran: a short hash of the routine's content
    (`backtimer.domain.routine_toml.routine_version`); None in sessions from before."""
    started_at: AwareDatetime
    ended_at: AwareDatetime
    """When it finished, was stopped, or was last saved before a crash."""
    status: Status
    """completed, stopped (ended early) or interrupted (the app did not get to finish it)."""
    active_seconds: float = Field(ge=0)
    """Seconds the timer ran, pauses not counted."""
    paused_seconds: float = Field(ge=0)
    pain_before: Pain | None = None
    pain_after: Pain | None = None
    note: Annotated[str, Field(max_length=2000)] = ""
    stopped_at_step: int | None = Field(default=None, ge=1)
    """The step (from 1) the session ended at, when it ended early."""
    steps: list[StepRecord] = Field(default_factory=list)

    @field_serializer("started_at", "ended_at")
    def _in_utc(self, value: datetime) -> datetime:
        return value.astimezone(UTC).replace(microsecond=0)

    @property
    def minutes(self) -> float:
        return self.active_seconds / 60

    @property
    def outcomes(self) -> OutcomeCounts:
        """Its steps counted by outcome: done, partly, skipped, not reached."""
        return count_outcomes(self.steps)

    @property
    def counts(self) -> bool:
        """Whether it counts toward streaks, the weekly goal and programme days."""
        return session_counts(self.steps)


def session_json(session: Session) -> dict[str, Any]:
    """A session as ``history --json`` prints it: times in ISO 8601 with their offset."""
    data = session.model_dump(mode="json")
    data["started_at"] = session.started_at.astimezone(UTC).replace(microsecond=0).isoformat()
    data["ended_at"] = session.ended_at.astimezone(UTC).replace(microsecond=0).isoformat()
    for step, record in zip(data["steps"], session.steps, strict=True):
        step["outcome"] = record.outcome
    return data
