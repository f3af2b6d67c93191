"""`n` on the first side of a two-sided step goes to the other side, and the footer says so."""

from __future__ import annotations

from collections.abc import Callable

from backtimer.tui.app import BacktimerApp
from tests.fakes import FakeClock
from tests.tui.helpers import advance, footer_words, start_routine, text, until, workout

Make = Callable[..., BacktimerApp]


async def test_n_on_the_left_side_moves_to_the_right_side_not_past_it(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk reset")
        screen = workout(app)
        assert "Skip rest" in footer_words(app)  # the get-ready
        await advance(pilot, clock, 5)
        await advance(pilot, clock, 6)  # 6 s into the left side of the piriformis stretch
        assert (text(app, "#exercise"), screen.segment and screen.segment.side) == (
            "Seated piriformis stretch",
            "left",
        )
        await until(pilot, lambda: "Other side" in footer_words(app))
        assert "Next step" not in footer_words(app)
        await pilot.press("n")
        segment = screen.segment
        assert segment is not None
        assert (segment.step, segment.kind, segment.side) == (0, "switch", "right")
        await pilot.press("n")  # the switch cut short
        segment = screen.segment
        assert segment is not None and (segment.kind, segment.side) == ("hold", "right")
        await until(pilot, lambda: "Next step" in footer_words(app))
        await pilot.press("n")
        assert text(app, "#step-label") == "Step 2 of 6"
        assert (text(app, "#exercise"), screen.segment and screen.segment.kind) == (
            "Seated good morning",
            "rest",
        )


async def test_a_burst_of_two_n_on_the_left_side_ends_on_the_right_side(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk reset")
        screen = workout(app)
        await pilot.press("n")  # past the get-ready
        await advance(pilot, clock, 3)
        await pilot.press("n", "n")  # the other side, and its switch cut short
        segment = screen.segment
        assert segment is not None
        assert (segment.step, segment.kind, segment.side) == (0, "hold", "right")
