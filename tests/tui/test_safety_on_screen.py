"""What the mat shows: the safety line whole on every side, the next move in a rest, PAUSED.

Read off the screen as a person reads it (`screen_lines`), in both views and at
the sizes people use: a safety line that is cut, scrolled away or under the
instructions does not count as shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from backtimer.domain.routines.cautions import skip_sentence
from backtimer.tui.app import BacktimerApp
from tests.fakes import FakeClock
from tests.tui.helpers import advance, screen_lines, start_routine, text, workout

Make = Callable[..., BacktimerApp]
SIZES = [(100, 30), (80, 24), (60, 20)]


def on_screen(app: BacktimerApp) -> str:
    """Everything the screen shows, as one line of words."""
    return re.sub(r"\s+", " ", " ".join(screen_lines(app, app.screen.region)))


def shown_whole(app: BacktimerApp, sentence: str) -> bool:
    return re.sub(r"\s+", " ", sentence) in on_screen(app)


async def to_the_rest_before(pilot: Pilot[None], move_id: str) -> None:
    """Press n until the rest before ``move_id`` (whatever n does on a side of a step)."""
    screen = workout(pilot.app)  # type: ignore[arg-type]
    for _ in range(40):
        segment = screen.segment
        if segment is not None and segment.kind == "rest" and segment.exercise.id == move_id:
            return
        await pilot.press("n")
        await pilot.pause()
    raise AssertionError(f"never reached the rest before {move_id}")


async def view(pilot: Pilot[None], mat: bool) -> None:
    if mat != workout(pilot.app).mat:  # type: ignore[arg-type]
        await pilot.press("v")
        await pilot.pause()


@pytest.mark.parametrize("mat", [False, True], ids=["keyboard", "mat"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_each_massage_shows_its_safety_line_whole_before_it_and_on_each_side(
    make_app: Make, clock: FakeClock, size: tuple[int, int], mat: bool
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start_routine(pilot, "culprit")
        await view(pilot, mat)
        screen = workout(app)
        for step, plan in enumerate(screen.workout.timeline.steps):
            move = plan.exercise
            assert move.safety is not None
            where = f"{move.id} at {size}, {'mat' if mat else 'keyboard'} view"
            if step:  # the rest before the step, when the person gets into position
                assert screen.segment is not None and screen.segment.kind == "rest"
                assert shown_whole(app, move.safety), f"{where}, in the rest before it"
                if move.skip_if:
                    assert shown_whole(app, skip_sentence(move)), where
            await pilot.press("n")  # the get-ready or the rest cut short
            for side in ("left", "right"):
                await advance(pilot, clock, 1)
                assert screen.segment is not None and screen.segment.side == side
                assert shown_whole(app, move.safety), f"{where}, {side} side"
                if side == "left":
                    await advance(pilot, clock, 44 + 5)  # the left side, the switch
            await advance(pilot, clock, 44)  # into the rest before the next step


async def test_the_rest_before_a_belly_massage_says_who_should_skip_it_then_stops_saying_it(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        screen = workout(app)
        await to_the_rest_before(pilot, "psoas-massage")
        assert screen.segment is not None
        psoas = screen.segment.exercise
        assert "pregnant" in (psoas.skip_if or "")
        assert shown_whole(app, skip_sentence(psoas))
        await pilot.press("n")
        await advance(pilot, clock, 1)
        assert not shown_whole(app, skip_sentence(psoas))  # said before, not all through
        assert shown_whole(app, psoas.safety or "")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_rest_in_the_mat_view_shows_the_next_move_and_its_side_not_rest_twice(
    make_app: Make, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start_routine(pilot, "desk")
        await view(pilot, mat=True)
        stretch = "Seated piriformis stretch, left ankle over the right knee"
        assert text(app, "#cue-large") == stretch
        assert text(app, "#moment #kind") == "READY"
        assert text(app, "#moment #side") == "LEFT"
        await advance(pilot, clock, 5 + 20 + 5 + 20 + 1, step=1)  # the stretch, each side
        assert text(app, "#moment #kind") == "REST"
        assert text(app, "#cue-large") == "Seated good morning"  # done with both sides at once
        assert text(app, "#moment #side") == ""
        await advance(pilot, clock, 9 + 8 * 4 + 1, step=1)  # the good morning's 8 reps
        assert text(app, "#moment #kind") == "REST"
        assert text(app, "#cue-large") == "ATG split squat, left foot forward"
        assert text(app, "#moment #side") == "LEFT"


@pytest.mark.parametrize("mat", [False, True], ids=["keyboard", "mat"])
@pytest.mark.parametrize("size", [(100, 30), (60, 20)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_paused_is_the_big_label_in_both_views(
    make_app: Make, clock: FakeClock, size: tuple[int, int], mat: bool
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start_routine(pilot, "desk")
        await view(pilot, mat)
        await advance(pilot, clock, 7)
        assert text(app, "#moment #kind") == "HOLD"
        await pilot.press("space")
        assert text(app, "#moment #kind") == "PAUSED"
        assert text(app, "#moment #side") == "LEFT"  # which side it paused on, still
        await pilot.press("space")
        assert text(app, "#moment #kind") == "HOLD"
