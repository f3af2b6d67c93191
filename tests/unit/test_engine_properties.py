"""Properties of the engine that must hold for any routine and any pattern of use."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtimer.domain.routines.timeline import Timeline
from backtimer.domain.timer.engine import Engine
from tests.fakes import FakeClock
from tests.strategies import timelines

actions = st.lists(
    st.tuples(
        st.floats(0, 4, allow_nan=False), st.sampled_from(["tick", "tick", "pause", "resume"])
    ),
    max_size=60,
)


def finish(engine: Engine, clock: FakeClock) -> None:
    engine.resume()
    while engine.status == "running":
        if engine.segment.seconds is None:
            clock.advance(1)
            engine.rep_done()
        else:
            clock.advance(0.5)
            engine.tick()


def assert_everything_done(engine: Engine) -> None:
    for plan, tally in zip(engine.timeline.steps, engine.tallies, strict=True):
        assert tally.sets_done == plan.step.sets
        assert tally.reps_done == plan.reps
        assert not tally.skipped


@settings(max_examples=150, deadline=None)
@given(timeline=timelines(), pattern=actions)
def test_work_time_is_the_sum_of_the_segments_whatever_the_pauses(
    timeline: Timeline, pattern: list[tuple[float, str]]
) -> None:
    clock = FakeClock()
    engine = Engine(timeline, clock)
    engine.start()
    for delay, action in pattern:
        clock.advance(delay)
        {"tick": engine.tick, "pause": engine.pause, "resume": engine.resume}[action]()
    finish(engine, clock)
    work = sum(s.seconds or 0 for s in timeline.segments if not s.is_break)
    assert sum(t.seconds_done for t in engine.tallies) == pytest.approx(work, abs=1e-6)
    assert engine.active_seconds() == pytest.approx(timeline.estimated_seconds, abs=1e-6)
    assert engine.ended_at is not None
    wall = engine.ended_at - 1000.0
    assert engine.paused_seconds() == pytest.approx(wall - timeline.estimated_seconds, abs=1e-6)
    assert_everything_done(engine)


@settings(max_examples=100, deadline=None)
@given(timeline=timelines(), delays=st.lists(st.floats(0, 6, allow_nan=False), max_size=80))
def test_gaps_pause_the_run_and_never_eat_time(timeline: Timeline, delays: list[float]) -> None:
    clock = FakeClock()
    engine = Engine(timeline, clock, gap_limit=2.0)
    engine.start()
    for delay in delays:
        clock.advance(delay)
        engine.tick()
        if engine.status == "paused":
            assert delay > 2.0
            engine.resume()
    finish(engine, clock)
    assert engine.active_seconds() == pytest.approx(timeline.estimated_seconds, abs=1e-6)
    assert_everything_done(engine)


@settings(max_examples=100, deadline=None)
@given(timeline=timelines(self_paced=True), tick=st.floats(0.05, 3, allow_nan=False))
def test_counts_match_the_routine_whatever_the_tick_rate(timeline: Timeline, tick: float) -> None:
    clock = FakeClock()
    engine = Engine(timeline, clock)
    engine.start()
    while engine.status == "running":
        if engine.segment.seconds is None:
            engine.rep_done()
        else:
            clock.advance(tick)
            engine.tick()
    assert_everything_done(engine)
    assert engine.snapshot().routine_remaining == 0
