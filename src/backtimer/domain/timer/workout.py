"""A workout: a routine being done, its timer, and the session record it leaves.

`Workout` ties the `Engine` to what the history needs (ids, wall-clock times,
pain ratings) and turns the engine's tallies into a `Session` at any moment:
the journal saves one while the workout runs, the history keeps the last.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from backtimer.domain.history.session import Session, Status, StepRecord, new_session_id
from backtimer.domain.routines.timeline import Timeline
from backtimer.domain.timer.engine import Clock, Engine, StepTally
from backtimer.domain.timer.events import Event

WallClock = Callable[[], datetime]
"""The current time, timezone-aware."""

GAP_LIMIT = 2.0
"""Seconds between two ticks beyond which the workout pauses itself."""


def can_resume(session: Session, timeline: Timeline) -> bool:
    """True when an unfinished session matches the routine as it is now."""
    return (
        session.status != "completed"
        and session.stopped_at_step is not None
        and session.stopped_at_step <= len(timeline.steps)
        and [s.exercise for s in session.steps] == [p.exercise.id for p in timeline.steps]
    )


class Workout:
    """One go at a routine, from the first tick to the saved session."""

    def __init__(
        self,
        routine_id: str,
        timeline: Timeline,
        clock: Clock,
        now: WallClock,
        *,
        resume: Session | None = None,
        version: str | None = None,
    ) -> None:
        """Prepare a workout; the timer starts with `start`.

        Args:
            routine_id: the routine's id, for the record.
            timeline: the compiled routine.
            clock: monotonic seconds, for the timer.
            now: the wall clock, for the record's dates.
            resume: an unfinished session of this routine to carry on from
                the step it stopped at (see `can_resume`).
            version: the routine's version, for the record (`routine_version`).
        """
        self.routine_id = routine_id
        self.version = version
        self.timeline = timeline
        self._now = now
        first_step = 0
        tallies = None
        self._earlier_active = self._earlier_paused = 0.0
        self.pain_before: int | None = None
        self.pain_after: int | None = None
        self.note = ""
        self.started_at: datetime | None = None
        self.session_id: str | None = None
        if resume is not None and can_resume(resume, timeline):
            first_step = (resume.stopped_at_step or 1) - 1
            tallies = [
                StepTally(s.exercise, s.sets_done, s.reps_done, s.seconds_done, s.skipped)
                for s in resume.steps
            ]
            self.session_id = resume.id
            self.started_at = resume.started_at
            self._earlier_active = resume.active_seconds
            self._earlier_paused = resume.paused_seconds
            self.pain_before = resume.pain_before
        self.resumed = tallies is not None
        self.engine = Engine(
            timeline, clock, gap_limit=GAP_LIMIT, first_step=first_step, tallies=tallies
        )

    @property
    def routine_name(self) -> str:
        return self.timeline.routine.name

    def start(self) -> list[Event]:
        """Start the timer (and the record's clock)."""
        if self.started_at is None:
            self.started_at = self._now()
        if self.session_id is None:
            self.session_id = new_session_id(self.started_at)
        return self.engine.start()

    @property
    def status(self) -> Status:
        """The status the record gets now: interrupted until the workout ends."""
        if self.engine.status == "finished":
            return "completed"
        if self.engine.status == "stopped":
            return "stopped"
        return "interrupted"

    def record(self) -> Session:
        """The session as it stands, ready to save."""
        if self.started_at is None or self.session_id is None:
            raise RuntimeError("the workout has not started")
        engine = self.engine
        status = self.status
        steps = [
            StepRecord(
                exercise=tally.exercise,
                sets_done=tally.sets_done,
                reps_done=tally.reps_done,
                seconds_done=tally.seconds_done,
                skipped=tally.skipped,
                planned_sets=plan.step.sets,
                planned_reps=plan.reps or None,
                planned_seconds=plan.work_seconds or None,
            )
            for tally, plan in zip(engine.tallies, self.timeline.steps, strict=True)
        ]
        return Session(
            id=self.session_id,
            routine=self.routine_id,
            routine_name=self.routine_name,
            routine_version=self.version,
            started_at=self.started_at,
            ended_at=self._now(),
            status=status,
            active_seconds=round(self._earlier_active + engine.active_seconds(), 1),
            paused_seconds=round(self._earlier_paused + engine.paused_seconds(), 1),
            pain_before=self.pain_before,
            pain_after=self.pain_after,
            note=self.note,
            stopped_at_step=None if status == "completed" else engine.step + 1,
            steps=steps,
        )
