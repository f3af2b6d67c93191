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

from backtimer.domain.history import Session, Status, StepRecord
from backtimer.domain.outcome import (
    Outcome,
    OutcomeCounts,
    count_outcomes,
    did_work,
    is_done,
    outcome,
    session_counts,
)


class StepOutcome(Protocol):
    """What was planned and done of one step: a `StepRecord` or a `StepDigest`."""

    @property
    def exercise(self) -> str: ...
    @property
    def sets_done(self) -> int: ...
    @property
    def reps_done(self) -> int: ...
    @property
    def seconds_done(self) -> float: ...
    @property
    def skipped(self) -> bool: ...
    @property
    def planned_sets(self) -> int | None: ...
    @property
    def planned_reps(self) -> int | None: ...
    @property
    def outcome(self) -> Outcome: ...


class StepDigest(NamedTuple):
    """One step of a session, as a plain tuple."""

    exercise: str
    sets_done: int
    reps_done: int
    seconds_done: float
    skipped: bool
    planned_sets: int | None
    planned_reps: int | None
    planned_seconds: int | None

    @property
    def complete(self) -> bool:
        """Done in full (`backtimer.domain.outcome` has the rule)."""
        return is_done(self)

    @property
    def outcome(self) -> Outcome:
        return outcome(self)

    @property
    def worked(self) -> bool:
        """Some of the step was done: a rep, or a second of work.

        A step skipped at once still records a fraction of a second.
        """
        return did_work(self.reps_done, self.seconds_done)


@dataclass(frozen=True, slots=True)
class SessionDigest:
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

    @property
    def minutes(self) -> float:
        return self.active_seconds / 60

    @property
    def outcomes(self) -> OutcomeCounts:
        """Its steps counted by outcome: done, partly, skipped, not reached."""
        return count_outcomes(self.steps)

    @property
    def counts(self) -> bool:
        """Whether the session counts toward streaks, the weekly goal and programme days.

        It does when at least one step was done in full: what counts is the
        work done, not how the session ended. A session stopped after its
        first step counts; one skipped through from start to end (which the
        timer calls completed) does not.
        """
        return session_counts(self.steps)


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
    )
