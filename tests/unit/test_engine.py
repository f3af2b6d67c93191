"""The timer engine, driven by a fake clock: exact times, counts and controls."""

from __future__ import annotations

import pytest

from backtimer.domain.routines.routine import parse_routine
from backtimer.domain.routines.timeline import Timeline, compile_timeline
from backtimer.domain.timer.engine import Engine, StepTally
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
from backtimer.storage import library
from tests.fakes import FakeClock

BUILTINS = [entry.id for entry in library.builtin_routines()]


def timeline_of(text: str) -> Timeline:
    moves = library.exercises()
    return compile_timeline(parse_routine(text, moves, "test.toml"), moves)


def builtin(routine_id: str) -> Timeline:
    return next(e for e in library.builtin_routines() if e.id == routine_id).timeline


def run_to_end(engine: Engine, clock: FakeClock, step: float = 0.37) -> list[Event]:
    """Tick until the end, pressing "rep done" 1.5 s into each self-paced rep."""
    events = engine.start()
    while engine.status == "running":
        if engine.segment.seconds is None:
            clock.advance(1.5 - engine.snapshot().elapsed)
            events += engine.rep_done()
        else:
            clock.advance(step)
            events += engine.tick()
    return events


@pytest.mark.parametrize("routine_id", BUILTINS)
def test_every_builtin_runs_to_the_end_with_exact_counts(routine_id: str, clock: FakeClock) -> None:
    timeline = builtin(routine_id)
    engine = Engine(timeline, clock)
    events = run_to_end(engine, clock)
    assert engine.status == "finished"
    assert sum(isinstance(e, SegmentStarted) for e in events) == len(timeline.segments)
    steps_done = [e.step for e in events if isinstance(e, SetDone)]  # each set of each step
    assert sorted(set(steps_done)) == list(range(len(timeline.steps))) and steps_done == sorted(
        steps_done
    )
    assert sum(isinstance(e, Finished) for e in events) == 1
    for plan, tally in zip(timeline.steps, engine.tallies, strict=True):
        assert tally.exercise == plan.exercise.id
        assert tally.sets_done == plan.step.sets
        assert tally.reps_done == plan.reps
        if plan.kind == "self-paced":  # timed by the person: 1.5 s a rep in this test
            assert tally.seconds_done == pytest.approx(1.5 * plan.reps)
        else:
            assert tally.seconds_done == pytest.approx(plan.work_seconds)
        assert not tally.skipped
    # Nothing drifts: the routine took exactly its timed length, whatever the tick size,
    # plus the 1.5 s the test took over each self-paced rep.
    timed = sum(s.seconds or 0 for s in timeline.segments)
    self_paced = sum(s.seconds is None for s in timeline.segments)
    assert engine.active_seconds() == pytest.approx(timed + 1.5 * self_paced, abs=1e-6)


def test_reps_and_sets_are_counted_per_side(clock: FakeClock) -> None:
    timeline = builtin("eight-contenders")
    engine = Engine(timeline, clock)
    run_to_end(engine, clock)
    by_move = {t.exercise: t for t in engine.tallies}
    assert by_move["elephant-walk"].reps_done == 40  # 20 each leg
    assert by_move["atg-split-squat"].reps_done == 16  # 8 each side
    assert by_move["suitcase-carry"].sets_done == 4
    assert by_move["suitcase-carry"].seconds_done == pytest.approx(240)
    assert by_move["seated-piriformis-stretch"].reps_done == 2  # one hold each side


def test_the_shown_seconds_never_skip_or_repeat(clock: FakeClock) -> None:
    timeline = timeline_of(
        'format = 1\nname = "t"\nlead_in = 0\n[[step]]\nexercise = "cat-cow"\nhold = 10\n'
    )
    engine = Engine(timeline, clock)
    engine.start()
    shown = [engine.snapshot().shown_seconds]
    while engine.status == "running":
        clock.advance(0.07)
        engine.tick()
        if engine.status == "running" and engine.snapshot().shown_seconds != shown[-1]:
            shown.append(engine.snapshot().shown_seconds)
    assert shown == [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]


def test_countdown_and_halfway_cues(clock: FakeClock) -> None:
    timeline = timeline_of(
        'format = 1\nname = "t"\nlead_in = 0\n[[step]]\nexercise = "cat-cow"\nhold = 10\n'
    )
    engine = Engine(timeline, clock)
    engine.start()
    seen: list[tuple[float, Event]] = []
    for _ in range(40):
        clock.advance(0.25)
        seen += [(clock.now - 1000.0, e) for e in engine.tick()]
    cues = [(t, e) for t, e in seen if isinstance(e, Countdown | Halfway)]
    assert [(t, type(e).__name__) for t, e in cues] == [
        (5.0, "Halfway"),
        (7.0, "Countdown"),
        (8.0, "Countdown"),
        (9.0, "Countdown"),
    ]
    assert [e.seconds for _, e in cues if isinstance(e, Countdown)] == [3, 2, 1]


def test_pausing_stops_the_clock_and_resuming_goes_on_from_there(clock: FakeClock) -> None:
    timeline = timeline_of(
        'format = 1\nname = "t"\nlead_in = 0\n[[step]]\nexercise = "cat-cow"\nhold = 10\n'
    )
    engine = Engine(timeline, clock)
    engine.start()
    clock.advance(3)
    assert isinstance(engine.pause()[-1], Paused)
    clock.advance(100)
    assert engine.tick() == []
    assert engine.snapshot().remaining == pytest.approx(7)
    assert engine.resume() == [] and engine.status == "running"
    clock.advance(6.5)
    engine.tick()
    assert engine.snapshot().remaining == pytest.approx(0.5)
    clock.advance(0.5)
    assert Finished() in engine.tick()
    assert engine.paused_seconds() == pytest.approx(100)
    assert engine.active_seconds() == pytest.approx(10)


def test_a_gap_between_ticks_pauses_where_the_gap_began(clock: FakeClock) -> None:
    timeline = timeline_of(
        'format = 1\nname = "t"\nlead_in = 0\n[[step]]\nexercise = "cat-cow"\nhold = 30\n'
    )
    engine = Engine(timeline, clock, gap_limit=2.0)
    engine.start()
    clock.advance(1)
    engine.tick()
    clock.advance(600)  # the laptop slept
    events = engine.tick()
    assert events == [Paused(gap=600)]
    assert engine.status == "paused"
    assert engine.snapshot().remaining == pytest.approx(29)
    engine.resume()
    clock.advance(1.5)  # ticks closer together than the limit are normal
    engine.tick()
    assert engine.snapshot().remaining == pytest.approx(27.5)
    assert engine.paused_seconds() == pytest.approx(600)


def test_next_ends_a_break_then_leaves_the_step(clock: FakeClock) -> None:
    timeline = builtin("back-durability")
    engine = Engine(timeline, clock)
    engine.start()
    assert (engine.step, engine.segment.kind) == (0, "get-ready")
    engine.next()
    assert (engine.step, engine.segment.kind) == (0, "work")
    clock.advance(10)
    engine.next()  # the carry changes hands every set: to the right hand first
    assert (engine.step, engine.segment.kind, engine.segment.side) == (0, "rest", "right")
    engine.next()
    assert engine.next_move() == "next-step"
    engine.next()
    assert (engine.step, engine.segment.kind) == (1, "rest")
    # Ten seconds of a carry were done: the step is partly done, not skipped.
    assert engine.tallies[0] == StepTally("suitcase-carry", 0, 0, 10.0, skipped=False)
    engine.next()
    engine.next()  # left at once
    assert engine.step == 2
    assert engine.tallies[1].skipped and engine.tallies[1].seconds_done == 0


def test_next_on_the_first_side_goes_to_the_other_side_then_to_the_next_step(
    clock: FakeClock,
) -> None:
    engine = Engine(builtin("desk-reset"), clock)  # step 1: 20 s a side of a piriformis stretch
    engine.start()
    engine.next()
    clock.advance(6)
    engine.tick()
    assert (engine.step, engine.segment.side, engine.next_move()) == (0, "left", "other-side")
    events = engine.next()
    assert (engine.step, engine.segment.kind, engine.segment.side) == (0, "switch", "right")
    assert SideSwitch("right") in events  # the switch is cued as if the left had run out
    assert engine.next_move() == "end-break"
    engine.next()
    assert (engine.step, engine.segment.kind, engine.segment.side) == (0, "hold", "right")
    assert engine.next_move() == "next-step"
    engine.next()
    assert (engine.step, engine.segment.kind) == (1, "rest")
    # rests, moves and sides in turn, on to the last step's second side
    for _ in range(13):
        engine.next()
    assert (engine.step, engine.segment.side, engine.next_move()) == (5, "right", "finish")
    engine.next()
    assert engine.status == "finished"


TWO_STEPS = """format = 1
name = "t"
lead_in = 5
rest_between_steps = 10
[[step]]
exercise = "cat-cow"
reps = 4
tempo = 2
[[step]]
exercise = "suitcase-carry"
sets = 2
work = 20
sides = "alternate-sets"
rest = 8
"""


def test_previous_goes_to_this_steps_start_after_a_few_seconds(clock: FakeClock) -> None:
    timeline = timeline_of(TWO_STEPS)
    engine = Engine(timeline, clock)
    engine.start()
    clock.advance(5 + 8 + 10 + 5)  # 5 s into the carry's first set
    engine.tick()
    assert (engine.step, engine.segment.kind) == (1, "work")
    engine.previous()  # more than 3 s in: back to the start of this step's work
    assert engine.segment.index == timeline.steps[1].first_work
    assert engine.snapshot().remaining == 20
    clock.advance(2)
    engine.previous()  # within 3 s of its start: the previous step's work, not its rest
    assert engine.segment.index == timeline.steps[0].first_work
    clock.advance(1)
    engine.previous()  # the first step has no step before it: its very start
    assert engine.segment.kind == "get-ready"


def test_previous_from_the_rest_before_a_step_goes_to_the_step_before(clock: FakeClock) -> None:
    timeline = timeline_of(TWO_STEPS)
    engine = Engine(timeline, clock)
    engine.start()
    clock.advance(5 + 8 + 4)  # 4 s into the rest before the carry
    engine.tick()
    assert (engine.step, engine.segment.kind) == (1, "rest")
    engine.previous()
    assert engine.segment.index == timeline.steps[0].first_work


def test_previous_counts_seconds_into_a_step_without_pauses(clock: FakeClock) -> None:
    timeline = timeline_of(TWO_STEPS)
    engine = Engine(timeline, clock)
    engine.start()
    clock.advance(5 + 8 + 10 + 1)
    engine.tick()
    engine.pause()
    clock.advance(60)  # a long pause does not take the step further
    engine.previous()
    assert engine.segment.index == timeline.steps[0].first_work
    assert engine.status == "paused"


def test_restart_begins_the_current_set_again(clock: FakeClock) -> None:
    timeline = timeline_of(TWO_STEPS)
    engine = Engine(timeline, clock)
    engine.start()
    clock.advance(5 + 8 + 10 + 20 + 8 + 12)  # 12 s into the second set (right hand)
    engine.tick()
    assert (engine.segment.set, engine.segment.side) == (2, "right")
    engine.restart_set()
    assert (engine.segment.set, engine.segment.side, engine.snapshot().remaining) == (
        2,
        "right",
        20,
    )
    clock.advance(3)
    engine.tick()
    engine.next()  # leave the carry
    # Set 1 was done, set 2 never ran to its end: 12 s is its longest stretch.
    carry = engine.tallies[1]
    assert (carry.sets_done, carry.seconds_done, carry.skipped) == (1, 32, False)


def test_restart_in_a_rest_between_sets_begins_the_set_just_done(clock: FakeClock) -> None:
    timeline = timeline_of(TWO_STEPS)
    engine = Engine(timeline, clock)
    engine.start()
    clock.advance(5 + 8 + 10 + 20 + 3)  # in the rest between the carry's sets
    engine.tick()
    assert (engine.segment.kind, engine.segment.set) == ("rest", 2)
    engine.restart_set()
    assert (engine.segment.kind, engine.segment.set, engine.segment.side) == ("work", 1, "left")


def test_restart_in_the_get_ready_starts_it_again(clock: FakeClock) -> None:
    engine = Engine(timeline_of(TWO_STEPS), clock)
    engine.start()
    clock.advance(3)
    engine.tick()
    engine.restart_set()
    assert (engine.segment.kind, engine.snapshot().remaining) == ("get-ready", 5)


def test_a_set_done_again_is_counted_once(clock: FakeClock) -> None:
    text = (
        'format = 1\nname = "t"\nlead_in = 0\n[[step]]\nexercise = "cat-cow"\nreps = 3\ntempo = 2\n'
    )
    engine = Engine(timeline_of(text), clock)
    engine.start()
    clock.advance(4.5)
    engine.tick()
    assert engine.segment.rep == 3
    engine.restart_set()
    assert (engine.segment.rep, engine.snapshot().remaining) == (1, 2)
    run_to_end(engine, clock)
    assert engine.tallies[0].reps_done == 3  # rep 1 and 2 were done twice: still three reps
    assert engine.tallies[0].seconds_done == 6


def test_self_paced_reps_wait_for_the_person(clock: FakeClock) -> None:
    text = 'format = 1\nname = "t"\nlead_in = 0\n[[step]]\nexercise = "cat-cow"\nreps = 3\n'
    engine = Engine(timeline_of(text), clock)
    engine.start()
    clock.advance(1000)
    engine.tick()
    assert (engine.segment.rep, engine.snapshot().remaining) == (1, None)
    engine.pause()
    assert engine.rep_done() == []  # not counted while paused
    engine.resume()
    events = engine.rep_done()
    assert isinstance(events[0], RepDone) and engine.segment.rep == 2
    engine.rep_done()
    engine.rep_done()
    assert engine.status == "finished"
    assert engine.tallies[0].reps_done == 3


def test_side_switches_are_announced(clock: FakeClock) -> None:
    events = run_to_end(Engine(builtin("eight-contenders"), clock), clock)
    sides = [e.side for e in events if isinstance(e, SideSwitch)]
    # suitcase carry changes hands each set; split squat and piriformis switch once
    assert sides == ["right", "left", "right", "right", "right"]


def test_stop_keeps_what_was_done_and_ends_the_run(clock: FakeClock) -> None:
    engine = Engine(builtin("back-durability"), clock)
    engine.start()
    engine.next()
    clock.advance(20)
    engine.pause()
    clock.advance(5)
    assert engine.stop() == []  # nothing more happens: the run ends where it stood
    assert engine.status == "stopped"
    assert engine.tallies[0].seconds_done == pytest.approx(20)
    assert engine.paused_seconds() == pytest.approx(5)
    assert engine.next() == [] and engine.resume() == []


def test_a_run_can_start_at_a_later_step_with_earlier_tallies(clock: FakeClock) -> None:
    first = Engine(builtin("back-durability"), clock)
    first.start()
    first.next()
    clock.advance(45)
    first.tick()
    first.stop()
    resumed = Engine(first.timeline, clock, first_step=1, tallies=first.tallies)
    resumed.start()
    assert resumed.step == 1 and resumed.segment.kind == "rest"
    assert resumed.tallies[0].seconds_done == pytest.approx(45)


def test_a_session_saved_mid_segment_counts_the_seconds_of_it(clock: FakeClock) -> None:
    """A journal written 20 s into a 30 s hold (at a pause, or on a signal) says 20 s."""
    text = 'format = 1\nname = "t"\nlead_in = 5\n[[step]]\nexercise = "cat-cow"\nhold = 30\n'
    engine = Engine(timeline_of(text), clock)
    engine.start()
    for _ in range(50):  # 25 s: the get-ready and 20 s of the hold
        clock.advance(0.5)
        engine.tick()
    assert engine.tallies[0].seconds_done == 20
    engine.pause()
    clock.advance(60)
    assert engine.tallies[0].seconds_done == 20  # a pause adds nothing
