"""Session digests: the compact form of a session that the review works from.

The history pane and the statistics read every session ever recorded. As
pydantic models, 10,000 sessions take about 75 MiB; as these tuples and slotted
records they take a fraction of that (see ``benchmarks/history_scale.py``).
A digest keeps everything the pane shows; the full `Session` is only needed
to write one back (undo, import).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple, Protocol

from backtimer.domain.history.outcome import Outcome, SessionFigures, StepFacts, StepFigures
from backtimer.domain.history.session import Session, Status, StepRecord


class StepOutcome(StepFacts, Protocol):
    """What was planned and done of one step, and its outcome: a `StepRecord` or a
    `StepDigest`."""

    @property
    def exercise(self) -> str: ...
    @property
    def planned_reps(self) -> int | None: ...
    @property
    def outcome(self) -> Outcome: ...


class _StepTuple(NamedTuple):
    """One step of a session, as a plain tuple."""

    exercise: str
    sets_done: int
    reps_done: int
    seconds_done: float
    skipped: bool
    planned_sets: int | None
    planned_reps: int | None
    planned_seconds: int | None


class StepDigest(_StepTuple, StepFigures):
    """One step of a session, as a plain tuple, with what its facts say of it."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class SessionDigest(SessionFigures):
    """One session as the review needs it; times are aware (stored in UTC)."""

    id: str
    routine: str
    routine_name: str
    started_at: datetime
    ended_at: datetime
    status: Status
    active_seconds: float
    paused_seconds: float
    pain_before: int | None
    pain_after: int | None
    note: str
    steps: tuple[StepDigest, ...]
    leg_symptoms: bool | None = None
    next_morning: int | None = None


def _step(record: StepRecord) -> StepDigest:
    return StepDigest(
        sys.intern(record.exercise),
        record.sets_done,
        record.reps_done,
        record.seconds_done,
        record.skipped,
        record.planned_sets,
        record.planned_reps,
        record.planned_seconds,
    )


def digest(session: Session) -> SessionDigest:
    """The digest of a full session."""
    return SessionDigest(
        id=session.id,
        routine=sys.intern(session.routine),
        routine_name=sys.intern(session.routine_name),
        started_at=session.started_at,
        ended_at=session.ended_at,
        status=session.status,
        active_seconds=session.active_seconds,
        paused_seconds=session.paused_seconds,
        pain_before=session.pain_before,
        pain_after=session.pain_after,
        note=session.note,
        steps=tuple(_step(record) for record in session.steps),
        leg_symptoms=session.leg_symptoms,
        next_morning=session.next_morning,
    )
