"""The record is the truth: what a session says was done is what the timer timed.

An oracle, written apart from the engine and as plainly as possible, plays the
same keys against the same timeline and keeps its own account of every
segment; the engine's record must agree with it, whatever the keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.domain.history.outcome import OUTCOMES, Outcome, count_outcomes, outcome
from backtimer.domain.history.session import Session
from backtimer.domain.routines.routine import Routine, parse_routine
from backtimer.domain.routines.timeline import Timeline, compile_timeline
from backtimer.domain.timer.events import Event
from backtimer.domain.timer.workout import Workout
from backtimer.storage import library
from tests.fakes import FakeClock
from tests.strategies import examples, timelines

START = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)


def timeline_of(data: dict[str, Any] | str) -> Timeline:
    moves = library.exercises()
    routine = (
        parse_routine(data, moves, "test.toml")
        if isinstance(data, str)
        else Routine.model_validate(data)
    )
    return compile_timeline(routine, moves)


def workout_of(timeline: Timeline, clock: FakeClock) -> Workout:
    return Workout("test", timeline, clock, lambda: START)


THREE_SHORT_STEPS = """format = 1
name = "Three short steps"
lead_in = 2
rest_between_steps = 5
[[step]]
exercise = "suitcase-carry"
work = 4
sides = "none"
[[step]]
exercise = "suitcase-carry"
work = 4
sides = "none"
[[step]]
exercise = "suitcase-carry"
work = 4
sides = "none"
"""


def wait(workout: Workout, clock: FakeClock, seconds: float) -> None:
    """Let time pass, looking at the clock every quarter second as the screen would."""
    for _ in range(round(seconds * 4)):
        clock.advance(0.25)
        workout.engine.tick()


def run_out(workout: Workout, clock: FakeClock) -> None:
    while workout.engine.status == "running":
        wait(workout, clock, 0.5)


def test_a_step_done_then_gone_back_to_and_left_is_still_done(clock: FakeClock) -> None:
    """Seen: step 1 done; in the rest before step 2, p then n n: step 1 "skipped"."""
    workout = workout_of(timeline_of(THREE_SHORT_STEPS), clock)
    engine = workout.engine
    workout.start()
    wait(workout, clock, 2 + 4 + 1)  # step 1 done, 1 s into the rest before step 2
    assert (engine.step, engine.segment.kind) == (1, "rest")
    engine.previous()
    engine.next()
    engine.next()
    run_out(workout, clock)
    session = workout.record()
    assert [step.outcome for step in session.steps] == ["done", "done", "done"]
    assert not any(step.skipped for step in session.steps)
    assert session.outcomes.text() == "3 of 3 steps done"
    assert all(step.seconds_done == 4 for step in session.steps)


def test_skipping_through_a_routine_leaves_it_not_counting(clock: FakeClock) -> None:
    """A routine skipped through with n reaches the end, but nothing was done."""
    workout = workout_of(timeline_of(THREE_SHORT_STEPS), clock)
    workout.start()
    while workout.engine.status == "running":
        workout.engine.next()
    session = workout.record()
    assert session.status == "completed"
    assert [step.outcome for step in session.steps] == ["skipped"] * 3
    assert not session.counts


def test_a_stopped_session_says_which_steps_were_not_reached(clock: FakeClock) -> None:
    workout = workout_of(timeline_of(THREE_SHORT_STEPS), clock)
    workout.start()
    wait(workout, clock, 2 + 4 + 5 + 2)  # half of step 2
    workout.engine.stop()
    session = workout.record()
    assert [step.outcome for step in session.steps] == ["done", "partly", "not-reached"]
    assert session.outcomes.text() == "1 of 3 steps done · 1 part done · 1 not reached"
    assert session.counts


# ------------------------------------------------------------ the oracle


@dataclass
class Oracle:
    """A plain account of what the timer should have timed, kept apart from the engine.

    Time moves only through `wait`; the keys move the position as the keys reference
    (docs/reference/keys.md) describes them. It records, for each segment of work, the
    longest stretch spent in it and whether it ran to its end.
    """

    timeline: Timeline
    index: int = 0
    position: float = 0.0
    paused: bool = False
    over: bool = False
    spent: dict[int, float] = field(default_factory=dict)
    finished: set[int] = field(default_factory=set)
    furthest_step: int = 0
    active: float = 0.0
    step_began: tuple[int, float] = (-1, 0.0)

    @property
    def segment(self) -> Any:
        return self.timeline.segments[self.index]

    def _note(self) -> None:
        segment = self.segment
        if not segment.is_break:
            self.spent[self.index] = max(self.spent.get(self.index, 0.0), self.position)

    def _go(self, index: int) -> None:
        self._note()
        if index >= len(self.timeline.segments):
            self.furthest_step = len(self.timeline.steps)
            self.over = True
            return
        self.index, self.position = index, 0.0
        segment = self.segment
        self.furthest_step = max(self.furthest_step, segment.step)
        plan = self.timeline.steps[segment.step]
        if not segment.is_break and (
            self.step_began[0] != segment.step or index == plan.first_work
        ):
            self.step_began = (segment.step, self.active)

    def _segment_done(self) -> None:
        if not self.segment.is_break:
            self.finished.add(self.index)
        self._go(self.index + 1)

    def wait(self, seconds: float) -> None:
        while seconds > 0 and not self.over and not self.paused:
            length = self.segment.seconds
            if length is None:
                self.position += seconds
                self.active += seconds
                return
            left = length - self.position
            if seconds < left:
                self.position += seconds
                self.active += seconds
                return
            seconds -= left
            self.active += left
            self.position = length
            self._segment_done()

    def press(self, key: str) -> None:
        if self.over:
            return
        segment = self.segment
        plan = self.timeline.steps[segment.step]
        if key == "space":
            self.paused = not self.paused
        elif key == "stop":
            self._note()
            self.over = True
        elif key == "enter":
            if segment.seconds is None and not self.paused:
                self._segment_done()
        elif key == "n":
            self._go(self.index + 1 if segment.is_break else self._after_this_side())
        elif key == "p":
            step, began = self.step_began
            in_work = self.index >= plan.first_work and step == plan.index
            if in_work and self.active - began > 3:
                self._go(plan.first_work)
            elif plan.index > 0:
                self._go(self.timeline.steps[plan.index - 1].first_work)
            else:
                self._go(plan.first)
        elif key == "r":
            if self.index < plan.first_work:
                self._go(self.index)
            else:
                block = segment.block - 1 if segment.is_break else segment.block
                self._go(
                    next(
                        s.index
                        for s in self.timeline.segments
                        if s.step == plan.index and s.block == max(block, 0) and not s.is_break
                    )
                )

    def _after_this_side(self) -> int:
        """Where n goes from work: the other side, when this is the first of a pair
        (the left of "each"; an odd set, not the last, of "alternate-sets"); else the
        next step."""
        segment = self.segment
        plan = self.timeline.steps[segment.step]
        rest_of_step = [
            s for s in self.timeline.segments if s.step == segment.step and s.index > segment.index
        ]
        if plan.sides == "each" and segment.side == "left":
            other = [s for s in rest_of_step if s.set == segment.set and s.side == "right"]
        elif (
            plan.sides == "alternate-sets" and segment.set % 2 == 1 and segment.set < plan.step.sets
        ):
            other = [s for s in rest_of_step if s.set == segment.set + 1]
        else:
            other = []
        return other[0].index if other else plan.end

    def spent_in(self, index: int) -> float:
        """The longest stretch in a segment, the one under way included."""
        spent = self.spent.get(index, 0.0)
        return max(spent, self.position) if index == self.index and not self.over else spent

    def expected(self, step: int) -> tuple[int, int, float, Outcome]:
        """Sets, reps and seconds done of a step, and its outcome."""
        plan = self.timeline.steps[step]
        work = [s for s in self.timeline.segments if s.step == step and not s.is_break]
        sets_left = {s.set for s in work if s.index not in self.finished}
        sets = plan.step.sets - len(sets_left)
        reps = sum(1 for s in work if s.index in self.finished and s.ends_rep and s.kind != "work")
        seconds = sum(self.spent_in(s.index) for s in work)
        if sets == plan.step.sets:
            result: Outcome = "done"
        elif reps or seconds >= 1:
            result = "partly"
        elif self.furthest_step > step:
            result = "skipped"
        else:
            result = "not-reached"
        return sets, reps, seconds, result


# Waits are whole quarters of a second: exact in binary, so the oracle's sums and
# the engine's deadlines meet at the same instants.
uses = st.lists(
    st.tuples(
        st.integers(0, 24).map(lambda quarters: quarters / 4),
        st.sampled_from(["tick", "tick", "space", "n", "p", "r", "enter", "enter"]),
    ),
    max_size=40,
)


def play(
    timeline: Timeline, pattern: list[tuple[float, str]], stop: bool
) -> tuple[Session, Oracle]:
    clock = FakeClock()
    workout = workout_of(timeline, clock)
    engine = workout.engine
    oracle = Oracle(timeline)
    oracle._go(0)
    workout.start()

    def space() -> list[Event]:  # as the workout screen's space key: pause or resume
        return engine.resume() if engine.status == "paused" else engine.pause()

    keys = {
        "space": space,
        "n": engine.next,
        "p": engine.previous,
        "r": engine.restart_set,
        "enter": engine.rep_done,
        "tick": engine.tick,
    }
    for seconds, key in pattern:
        wait(workout, clock, seconds)
        oracle.wait(seconds)
        keys[key]()
        if key != "tick":
            oracle.press(key)
    if stop:
        engine.stop()
        oracle.press("stop")
    return workout.record(), oracle


@settings(max_examples=examples(600), deadline=None)
@given(
    timeline=timelines(self_paced=True, most=3, gaps=3, switch=2), pattern=uses, stop=st.booleans()
)
def test_the_record_agrees_with_what_was_timed(
    timeline: Timeline, pattern: list[tuple[float, str]], stop: bool
) -> None:
    session, oracle = play(timeline, pattern, stop)
    for number, (record, plan) in enumerate(zip(session.steps, timeline.steps, strict=True)):
        sets, reps, spent, expected = oracle.expected(number)
        assert (record.sets_done, record.reps_done) == (sets, reps), f"step {number + 1}"
        assert record.seconds_done == pytest.approx(round(spent, 1)), f"step {number + 1}"
        # The invariants, whatever the keys: nothing negative, nothing beyond the plan.
        assert 0 <= record.sets_done <= plan.step.sets
        assert 0 <= record.reps_done <= plan.reps
        if plan.kind != "self-paced":
            assert 0 <= record.seconds_done <= plan.work_seconds
        # A step whose every segment ran to its end is done.
        every = all(
            s.index in oracle.finished
            for s in timeline.segments[plan.first_work : plan.end]
            if not s.is_break
        )
        assert (outcome(record) == "done") == every
        assert outcome(record) == expected, f"step {number + 1}"
        assert record.skipped == (expected == "skipped")
    counted = count_outcomes(session.steps)
    assert counted.steps == len(timeline.steps)
    assert sum(getattr(counted, name.replace("-", "_")) for name in OUTCOMES) == counted.steps
    assert session.counts == (counted.done > 0)
