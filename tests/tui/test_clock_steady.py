"""The clock keeps its size through a workout: the rows around it do not grow and shrink
with what they say (a longer "up next", the get-ready's "You need" line, a notice)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backtimer.tui.app import BacktimerApp
from tests.fakes import FakeClock
from tests.tui.helpers import advance, start_routine, workout

Make = Callable[..., BacktimerApp]


@pytest.mark.parametrize("size", [(100, 30), (60, 20)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("routine", ["desk", "durab"])
async def test_the_clock_is_as_tall_in_the_get_ready_the_work_and_the_rests(
    make_app: Make, clock: FakeClock, routine: str, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await start_routine(pilot, routine)
        screen = workout(app)
        heights: dict[str, set[int]] = {}
        for _ in range(40):  # the first four minutes, every 6 s
            await pilot.pause()
            segment = screen.segment
            assert segment is not None
            heights.setdefault(segment.kind, set()).add(screen.query_one("#clock").size.height)
            await advance(pilot, clock, 6)
        await pilot.press("m")  # a notice ("Cues off") says so in its line: nothing moves
        await pilot.pause()
        heights.setdefault("notice", set()).add(screen.query_one("#clock").size.height)
        assert len(set().union(*heights.values())) == 1, heights
