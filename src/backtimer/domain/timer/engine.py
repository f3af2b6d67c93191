"""The timer: runs a `Timeline` against a monotonic clock, by deadlines.

The engine never counts ticks. Each segment ends at a deadline computed from
the moment the previous one ended (shifted by any pause), so however late or
seldom `Engine.tick` is called, the times are exact and nothing drifts. The
clock is injected: ``time.monotonic`` in the app, a fake one in the tests.
Every call returns the `Event`\\ s it caused, for cues and for saving progress.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from backtimer.domain.history.outcome import classify, did_work
from backtimer.domain.routines.timeline import Segment, StepPlan, Timeline
from backtimer.domain.timer.events import (
    Countdown,
    Event,
    Finished,
    Halfway,
    Paused,
    RepDone,
    SegmentStarted,
    SetDone,
    SideSwitch,
)

Clock = Callable[[], float]
"""Seconds from a monotonic clock."""

Status = Literal["ready", "running", "paused", "finished", "stopped"]

NextMove = Literal["end-break", "other-side", "next-step", "finish"]
"""What `Engine.next` does from where the engine is."""

COUNTDOWN_FROM = 3
"""The last seconds of a segment that get a countdown cue."""
COUNTDOWN_MIN_SECONDS = 10
"""Segments shorter than this get no countdown: on a short hold it would be all there is."""
HALFWAY_MIN_SECONDS = 10
"""Work shorter than this gets no halfway cue."""
PREVIOUS_GRACE_SECONDS = 3.0
"""Further into a step than this, "previous" goes back to its start, not to the step before."""


@dataclass(slots=True)
class StepTally:
    """What was actually done of one step."""

    exercise: str
    sets_done: int = 0
    reps_done: int = 0
    """Reps finished, every side counted."""
    seconds_done: float = 0.0
    """Seconds spent working on the step, rests and pauses not counted."""
    skipped: bool = False
    """The session went past the step with nothing of it done."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The state of the timer at one moment, for display."""

    status: Status
    segment: Segment
    remaining: float | None
    """Seconds left in the segment; None for a self-paced rep."""
    elapsed: float
    """Seconds into the segment."""
    routine_remaining: float
    """Estimated seconds to the end of the routine."""
    upcoming: Segment | None
    """The next segment of work, or None near the end."""

    @property
    def shown_seconds(self) -> int | None:
        """Whole seconds as a countdown shows them: 10 until 9 are left, 1 in the last."""
        return None if self.remaining is None else math.ceil(self.remaining - 1e-9)

    @property
    def left_seconds(self) -> int:
        """Whole seconds left in the routine, counted down with the shown second: they
        change when the clock does, and are never 0 while it still says 1."""
        shown = self.shown_seconds
        if shown is None or self.remaining is None:
            return math.ceil(self.routine_remaining - 1e-9)
        return shown + round(self.routine_remaining - self.remaining)


@dataclass
class _Clocking:
    """The engine's times, all read from the one clock."""

    started: float = 0.0
    segment_start: float = 0.0
    """When the current segment started, moved later by every pause in it."""
    paused_at: float | None = None
    ended: float | None = None
    paused_total: float = 0.0
    last_tick: float | None = None


class Engine:
    """A running routine: its position, its clock and what has been done."""

    def __init__(
        self,
        timeline: Timeline,
        clock: Clock,
        *,
        gap_limit: float | None = None,
        first_step: int = 0,
        tallies: Sequence[StepTally] | None = None,
    ) -> None:
        """Prepare a run; nothing happens until `start`.

        Args:
            timeline: the compiled routine.
            clock: monotonic seconds.
            gap_limit: when two ticks are further apart than this, the engine
                pauses at the first of them instead of jumping ahead (the
                terminal was suspended, the laptop slept).
            first_step: the step to start at, to resume an interrupted session.
            tallies: what was done before, when resuming.
        """
        self.timeline = timeline
        self._clock = clock
        self._gap_limit = gap_limit
        self._status: Status = "ready"
        self._index = timeline.steps[first_step].first
        self._t = _Clocking()
        self._countdown = 0
        self._halfway_due = False
        self._prior = (
            list(tallies) if tallies else [StepTally(plan.exercise.id) for plan in timeline.steps]
        )
        """What was done before a resume, step by step."""
        self._spent: dict[int, float] = {}
        """The longest stretch spent in each segment of work, by index (at most its length)."""
        self._finished: set[int] = set()
        """Segments of work that ran to their end."""
        self._passed: set[int] = set(range(first_step))
        """Steps the session went past."""
        self._work_step = -1
        self._work_began = 0.0
        """The step whose work is under way, and the active seconds when it began."""

    # ------------------------------------------------------------ reading

    @property
    def status(self) -> Status:
        return self._status

    @property
    def segment(self) -> Segment:
        return self.timeline.segments[self._index]

    @property
    def step(self) -> int:
        """Index of the current step."""
        return self.segment.step

    @property
    def tallies(self) -> list[StepTally]:
        """What has been done of each step, as the clock saw it."""
        return [self._tally(plan) for plan in self.timeline.steps]

    @property
    def ended_at(self) -> float | None:
        """The clock's time when the run finished or was stopped."""
        return self._t.ended

    def active_seconds(self) -> float:
        """Seconds the routine has been running, pauses left out."""
        if self._status == "ready":
            return 0.0
        end = self._t.ended if self._t.ended is not None else self._clock()
        return end - self._t.started - self.paused_seconds()

    def paused_seconds(self) -> float:
        """Seconds spent paused so far."""
        pausing = 0.0
        if self._t.paused_at is not None:
            pausing = (self._t.ended or self._clock()) - self._t.paused_at
        return self._t.paused_total + pausing

    def snapshot(self) -> Snapshot:
        """Where the timer is now (call `tick` first to bring it up to date)."""
        segment = self.segment
        elapsed = self._segment_elapsed(self._now_or_end())
        remaining = None if segment.seconds is None else max(0.0, segment.seconds - elapsed)
        left = segment.estimate if remaining is None else remaining
        if self._status == "finished":
            left = 0.0
        else:
            left += self.timeline.seconds_from(self._index + 1)
        return Snapshot(
            status=self._status,
            segment=segment,
            remaining=remaining,
            elapsed=elapsed,
            routine_remaining=left,
            upcoming=self.timeline.next_work(self._index),
        )

    # ------------------------------------------------------------ controls

    def start(self) -> list[Event]:
        if self._status != "ready":
            return []
        now = self._clock()
        self._t.started = self._t.last_tick = now
        self._status = "running"
        return self._enter(self._index, now)

    def tick(self) -> list[Event]:
        """Bring the timer up to the clock's time; call it often, late or early."""
        if self._status != "running":
            return []
        now = self._clock()
        last, self._t.last_tick = self._t.last_tick, now
        if self._gap_limit is not None and last is not None and now - last > self._gap_limit:
            events = self._run_until(last)
            if self._status == "running":
                self._t.paused_at = last
                self._status = "paused"
                events.append(Paused(gap=now - last))
            return events
        return self._run_until(now)

    def pause(self) -> list[Event]:
        events = self.tick()
        if self._status != "running":
            return events
        self._t.paused_at = self._clock()
        self._status = "paused"
        return [*events, Paused()]

    def resume(self) -> list[Event]:
        if self._status != "paused" or self._t.paused_at is None:
            return []
        now = self._clock()
        shift = now - self._t.paused_at
        self._t.segment_start += shift
        self._t.paused_total += shift
        self._t.paused_at = None
        self._t.last_tick = now
        self._status = "running"
        return []

    def next(self) -> list[Event]:
        """End a break early; on the first side of a step, go to the other side; else
        leave the step for the next one (see `next_move`)."""
        if not self._live():
            return []
        events = self.tick()
        if not self._live():
            return events
        return events + self._jump(self._next_target())

    def next_move(self) -> NextMove:
        """Where `next` goes from here: the end of a break, the other side of this step
        (one side done alone is what a sore back should not get), the next step, or the
        end of the routine."""
        if self.segment.is_break:
            return "end-break"
        target = self._next_target()
        if target >= len(self.timeline.segments):
            return "finish"
        return "other-side" if self.timeline.segments[target].step == self.step else "next-step"

    def _next_target(self) -> int:
        segment = self.segment
        if segment.is_break:
            return self._index + 1
        plan = self.timeline.steps[segment.step]
        later = self.timeline.segments[self._index + 1 : plan.end]
        if plan.sides == "each" and segment.side == "left":  # "each" works the left first
            other = (s for s in later if s.set == segment.set and s.side == "right")
        elif plan.sides == "alternate-sets" and segment.set % 2 and segment.set < segment.sets:
            other = (s for s in later if s.set == segment.set + 1)  # sets go left, right …
        else:
            return plan.end
        return next((s.index for s in other), plan.end)

    def previous(self) -> list[Event]:
        """Back to the start of this step's work, or of the previous step's.

        More than `PREVIOUS_GRACE_SECONDS` into a step's work, back to its
        start; otherwise to the start of the previous step's work (never into
        the rest before it), as a music player's "previous" does.
        """
        if not self._live():
            return []
        events = self.tick()
        if not self._live():
            return events
        plan = self.timeline.steps[self.step]
        into = self._active_at(self._moment()) - self._work_began
        if (
            self._index >= plan.first_work
            and self._work_step == plan.index
            and into > (PREVIOUS_GRACE_SECONDS)
        ):
            target = plan.first_work
        elif plan.index > 0:
            target = self.timeline.steps[plan.index - 1].first_work
        else:
            target = plan.first
        return events + self._jump(target)

    def restart_set(self) -> list[Event]:
        """Start the current set (on this side) again from its first rep.

        In a rest between sets or a side switch, the set just done starts
        again; in the get-ready or the rest before a step, that break does.
        """
        if not self._live():
            return []
        events = self.tick()
        if not self._live():
            return events
        segment = self.segment
        plan = self.timeline.steps[segment.step]
        if self._index < plan.first_work:
            target = self._index
        elif segment.is_break:
            target = plan.blocks[max(segment.block - 1, 0)]
        else:
            target = plan.blocks[segment.block]
        return events + self._jump(target)

    def rep_done(self) -> list[Event]:
        """Count a self-paced rep; ignored unless one is under way."""
        events = self.tick()
        if self._status != "running" or self.segment.seconds is not None:
            return events
        return events + self._complete(self._clock())

    def stop(self) -> list[Event]:
        """End the routine early, keeping what was done."""
        if not self._live():
            return []
        events = self.tick()
        if not self._live():
            return events
        now = self._clock()
        self._account(self._t.paused_at if self._t.paused_at is not None else now)
        if self._t.paused_at is not None:
            self._t.paused_total += now - self._t.paused_at
            self._t.paused_at = None
        self._t.ended = now
        self._status = "stopped"
        return events

    # ------------------------------------------------------------ inside

    def _live(self) -> bool:
        return self._status in ("running", "paused")

    def _now_or_end(self) -> float:
        if self._t.ended is not None:
            return self._t.ended
        if self._t.paused_at is not None:
            return self._t.paused_at
        return self._clock()

    def _segment_elapsed(self, at: float) -> float:
        return 0.0 if self._status == "ready" else max(0.0, at - self._t.segment_start)

    def _moment(self) -> float:
        """Now on the clock, or when the pause began while paused."""
        return self._t.paused_at if self._t.paused_at is not None else self._clock()

    def _active_at(self, at: float) -> float:
        """Active seconds (pauses before ``at`` left out) at clock time ``at``."""
        return at - self._t.started - self._t.paused_total

    def _live_stretch(self) -> float:
        """Seconds into the segment under way (as far as its length), while the run lives.

        So that a session saved mid-segment (at a pause, or on a signal) counts them.
        """
        if not self._live():
            return 0.0
        spent = self._segment_elapsed(self._moment())
        seconds = self.segment.seconds
        return spent if seconds is None else min(spent, seconds)

    def _tally(self, plan: StepPlan) -> StepTally:
        """What has been done of one step: this run's segments, and what was done before."""
        seconds = 0.0
        reps = 0
        unfinished_sets: set[int] = set()
        live = self._live_stretch()
        for segment in self.timeline.segments[plan.first_work : plan.end]:
            if segment.is_break:
                continue
            spent = self._spent.get(segment.index, 0.0)
            seconds += max(spent, live) if segment.index == self._index else spent
            if segment.index not in self._finished:
                unfinished_sets.add(segment.set)
            elif segment.ends_rep and segment.kind != "work":
                reps += 1
        before = self._prior[plan.index]
        sets = max(plan.step.sets - len(unfinished_sets), before.sets_done)
        reps = max(reps, before.reps_done)
        seconds = round(max(seconds, before.seconds_done), 1)  # as the record keeps it
        passed = plan.index in self._passed or before.skipped
        outcome = classify(sets >= plan.step.sets, did_work(reps, seconds), passed)
        return StepTally(plan.exercise.id, sets, reps, seconds, outcome == "skipped")

    def _run_until(self, at: float) -> list[Event]:
        events: list[Event] = []
        while self._status == "running":
            seconds = self.segment.seconds
            if seconds is None or at < self._t.segment_start + seconds:
                break
            events += self._complete(self._t.segment_start + seconds)
        if self._status == "running":
            events += self._announce(at)
        return events

    def _account(self, at: float) -> None:
        """Keep the time spent in the current segment, if it is work (its longest stretch)."""
        segment = self.segment
        if not segment.is_break:
            spent = self._segment_elapsed(at)
            if segment.seconds is not None:
                spent = min(spent, segment.seconds)
            self._spent[segment.index] = max(self._spent.get(segment.index, 0.0), spent)

    def _complete(self, at: float) -> list[Event]:
        """The current segment ran its course at ``at``: count it, move on."""
        segment = self.segment
        self._account(at)
        events: list[Event] = []
        if not segment.is_break:
            self._finished.add(segment.index)
        if segment.ends_rep and segment.kind != "work":
            events.append(RepDone(segment))
        if segment.ends_set:
            events.append(SetDone(segment.step, segment.set))
        return events + self._enter(segment.index + 1, at)

    def _jump(self, target: int) -> list[Event]:
        at = self._moment()
        self._account(at)
        return self._enter(target, at)

    def _enter(self, index: int, at: float) -> list[Event]:
        steps = self.timeline.steps
        reached = steps[-1].index + 1 if index >= len(self.timeline.segments) else None
        if reached is None:
            reached = self.timeline.segments[index].step
        self._passed.update(range(self.step, reached))
        if index >= len(self.timeline.segments):
            self._t.ended = at
            self._status = "finished"
            return [Finished()]
        self._index = index
        self._t.segment_start = at
        segment = self.segment
        if not segment.is_break and (
            segment.step != self._work_step or index == steps[segment.step].first_work
        ):
            self._work_step = segment.step
            self._work_began = self._active_at(at)
        seconds = segment.seconds or 0
        self._countdown = COUNTDOWN_FROM if seconds >= COUNTDOWN_MIN_SECONDS else 0
        self._halfway_due = not segment.is_break and seconds >= HALFWAY_MIN_SECONDS
        events: list[Event] = [SegmentStarted(segment)]
        if segment.switches_side:
            events.append(SideSwitch(segment.side))
        return events

    def _announce(self, at: float) -> list[Event]:
        """Countdown and halfway cues due by ``at`` in the current segment."""
        seconds = self.segment.seconds
        if seconds is None:
            return []
        events: list[Event] = []
        elapsed = at - self._t.segment_start
        if self._halfway_due and elapsed >= seconds / 2:
            self._halfway_due = False
            events.append(Halfway(self.segment))
        crossed = 0
        while self._countdown and seconds - elapsed <= self._countdown:
            crossed = self._countdown
            self._countdown -= 1
        if crossed:
            events.append(Countdown(crossed))
        return events
