"""The figure moves with the timer: a view of the engine's snapshot on the fake clock."""

from __future__ import annotations

import pytest

from backtimer.domain.figure.canvas import render
from backtimer.domain.figure.motion import GET_INTO, Scene, key_frames, scene_at
from backtimer.domain.figure.stage import Line, draw
from backtimer.domain.routines.routine import parse_routine
from backtimer.domain.routines.timeline import compile_timeline
from backtimer.domain.timer.engine import Engine
from backtimer.storage import library
from tests.fakes import FakeClock

BOOK = library.figures()


def engine_for(body: str, clock: FakeClock, lead_in: int = 0) -> Engine:
    text = f'format = 1\nname = "Test"\nlead_in = {lead_in}\nrest_between_steps = 10\n{body}'
    moves = library.exercises()
    engine = Engine(compile_timeline(parse_routine(text, moves, "test.toml"), moves), clock)
    engine.start()
    return engine


def scene(engine: Engine) -> Scene:
    engine.tick()
    found = scene_at(engine.snapshot(), BOOK)
    assert found is not None
    return found


def picture(found: Scene) -> tuple[object, ...]:
    """What the figure looks like: its drawing on a small canvas."""
    return render(draw(found.figures[0]), 30, 12)


CAT_COW = """
[[step]]
exercise = "cat-cow"
reps = 2
phases = [{ cue = "Round up", seconds = 3 }, { cue = "Chest up", seconds = 3 }]
"""


def test_a_phase_starts_in_its_start_pose_and_ends_in_its_end_pose(clock: FakeClock) -> None:
    engine = engine_for(CAT_COW, clock)
    cat_cow = BOOK.moves["cat-cow"]
    assert scene(engine).figures[0].pose == cat_cow.pose("table")  # rep 1 starts from the table
    clock.advance(1.5)
    halfway = scene(engine)
    assert halfway.moving
    assert halfway.figures[0].pose not in (cat_cow.pose("table"), cat_cow.pose("cat"))
    clock.advance(1.5 - 1e-6)  # the end of phase 1: rounded up
    assert scene(engine).figures[0].pose.angles == pytest.approx(cat_cow.pose("cat").angles)
    clock.advance(1e-6)  # phase 2 starts where phase 1 ended
    assert scene(engine).figures[0].pose == cat_cow.pose("cat")
    clock.advance(3)  # rep 2 starts from where rep 1 ended: the cow
    assert scene(engine).figures[0].pose == cat_cow.pose("cow")
    assert engine.snapshot().segment.rep == 2


def test_paused_the_figure_does_not_move(clock: FakeClock) -> None:
    engine = engine_for(CAT_COW, clock)
    clock.advance(1)
    engine.pause()
    paused = scene(engine)
    clock.advance(30)
    assert scene(engine) == paused
    assert not paused.moving
    engine.resume()
    clock.advance(0.5)
    assert scene(engine).figures[0].pose != paused.figures[0].pose


HOLDS = """
[[step]]
exercise = "banded-glute-bridge"
reps = 3
hold = 5
release = 2
"""


def test_a_hold_draws_nothing_new_and_a_release_goes_down_and_back_up(
    clock: FakeClock,
) -> None:
    engine = engine_for(HOLDS, clock)
    bridge = BOOK.moves["banded-glute-bridge"]
    first = scene(engine)
    assert first.figures[0].pose == bridge.pose("up") and not first.moving
    drawn = picture(first)
    for _ in range(9):
        clock.advance(0.5)
        during = scene(engine)
        assert not during.moving and picture(during) == drawn
    clock.advance(0.5 + 1.0)  # the middle of the release: hips down
    middle = scene(engine)
    assert engine.snapshot().segment.kind == "release"
    assert middle.moving and middle.figures[0].pose.angles == pytest.approx(
        bridge.pose("down").angles
    )
    clock.advance(1.0)  # the next hold: hips up again
    assert scene(engine).figures[0].pose == bridge.pose("up")


SIDES = """
[[step]]
exercise = "atg-split-squat"
reps = 1
tempo = 4
sides = "each"
"""


def test_a_side_switch_changes_which_side_works(clock: FakeClock) -> None:
    engine = engine_for(SIDES, clock)
    left = scene(engine)
    assert left.figures[0].side == "left"
    clock.advance(4 + 1)  # into the switch
    switching = scene(engine)
    assert engine.snapshot().segment.kind == "switch"
    assert switching.figures[0].side == "right"
    assert switching.figures[0].pose == BOOK.moves["atg-split-squat"].pose("top")
    assert toes(left) > 0 > toes(switching)  # turned round: the front foot points the other way


def toes(found: Scene) -> float:
    """Which way the working foot points: its sole, the working line lowest down, heel to toe."""
    lines = [s for s in draw(found.figures[0]).shapes if isinstance(s, Line) and s.ink == "work"]
    sole = min(lines, key=lambda line: line.a[1] + line.b[1])
    return sole.b[0] - sole.a[0]


def test_legs_taking_turns_swap_which_leg_works_and_keep_the_view(clock: FakeClock) -> None:
    engine = engine_for('[[step]]\nexercise = "elephant-walk"\nreps = 1\ntempo = 2\n', clock)
    left = scene(engine)
    clock.advance(2)
    right = scene(engine)
    assert (left.figures[0].side, right.figures[0].side) == ("left", "right")
    assert draw(left.figures[0]).box == draw(right.figures[0]).box  # not turned round
    left_work = {s for s in draw(left.figures[0]).shapes if s.ink == "work"}
    right_work = {s for s in draw(right.figures[0]).shapes if s.ink == "work"}
    assert left_work != right_work


def test_a_rest_shows_the_next_moves_start_pose(clock: FakeClock) -> None:
    engine = engine_for(
        CAT_COW + '\n[[step]]\nexercise = "atg-split-squat"\nreps = 1\ntempo = 4\n', clock
    )
    clock.advance(12)  # both cat-cow reps done: the rest before the split squat
    rest = scene(engine)
    assert engine.snapshot().segment.kind == "rest"
    squat = BOOK.moves["atg-split-squat"]
    assert rest.figures[0].figure is squat
    assert rest.figures[0].pose == squat.pose("top") and rest.figures[0].side == "left"
    assert not rest.moving


def test_the_get_ready_ends_by_moving_into_the_first_hold(clock: FakeClock) -> None:
    engine = engine_for(HOLDS, clock, lead_in=5)
    bridge = BOOK.moves["banded-glute-bridge"]
    ready = scene(engine)
    assert ready.figures[0].pose == bridge.pose("down") and not ready.moving
    assert ready.starts_moving_in == pytest.approx(5 - GET_INTO)
    clock.advance(5 - GET_INTO / 2)
    getting_into = scene(engine)
    assert getting_into.moving
    assert getting_into.figures[0].pose not in (bridge.pose("down"), bridge.pose("up"))


def test_a_self_paced_rep_shows_both_poses_without_a_tempo(clock: FakeClock) -> None:
    engine = engine_for('[[step]]\nexercise = "cat-cow"\nreps = 3\n', clock)
    shown = scene(engine)
    cat_cow = BOOK.moves["cat-cow"]
    assert [staged.pose for staged in shown.figures] == [cat_cow.pose("cat"), cat_cow.pose("cow")]
    clock.advance(20)
    assert scene(engine) == shown and not shown.moving


def test_timed_work_walks_for_a_carry_and_keeps_still_for_a_massage(clock: FakeClock) -> None:
    engine = engine_for('[[step]]\nexercise = "suitcase-carry"\nwork = 30\n', clock)
    walking = []
    for _ in range(4):
        clock.advance(0.4)
        walking.append(scene(engine).figures[0].pose)
    assert len(set(walking)) == 4 and scene(engine).moving
    engine = engine_for('[[step]]\nexercise = "ql-massage"\nwork = 45\n', clock)
    massage = scene(engine)
    clock.advance(20)
    assert scene(engine) == massage and not massage.moving


def test_a_move_of_ones_own_borrows_a_figure_or_has_none(clock: FakeClock) -> None:
    own = """
[[step]]
exercise = "bridge-march"
reps = 2
tempo = 4

[[exercise]]
id = "bridge-march"
name = "Bridge march"
figure = "banded-glute-bridge"
"""
    engine = engine_for(own, clock)
    assert scene(engine).figures[0].figure is BOOK.moves["banded-glute-bridge"]
    plain = engine_for(own.replace('figure = "banded-glute-bridge"\n', ""), clock)
    plain.tick()
    assert scene_at(plain.snapshot(), BOOK) is None


def test_the_still_frames_of_a_step_show_where_it_starts_and_each_pose_it_reaches() -> None:
    moves = library.catalogue().exercises
    bridge, squat, carry = (
        moves[m] for m in ("banded-glute-bridge", "atg-split-squat", "suitcase-carry")
    )
    hold = key_frames(bridge.default_step(), bridge, BOOK)
    assert [caption for caption, _ in hold] == ["start", "Hips up, squeeze and hold"]
    tempo = key_frames(squat.default_step(), squat, BOOK)
    assert [caption for caption, _ in tempo] == ["start", "bottom", "top"]
    assert {staged.side for _, staged in tempo} == {"left"}  # a move done on each side
    walk = key_frames(carry.default_step(), carry, BOOK)
    assert [caption for caption, _ in walk] == ["stand", "walking"]
    own = bridge.model_copy(update={"id": "mine"})
    assert key_frames(bridge.default_step(), own, BOOK) == []
