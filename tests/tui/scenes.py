"""Named moments in the app, reached with keys and fake time.

The snapshot tests compare each scene with its baseline; ``screenshots/make.py``
saves each one as an SVG for the README. Add a scene here when a screen is added.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from tests.fakes import FakeClock
from tests.tui.helpers import advance, open_history, routines_listed, start_routine
from tests.tui.histories import a_few_weeks, ten_years

Scene = Callable[[Pilot[None], FakeClock], Awaitable[None]]


async def settled(pilot: Pilot[None]) -> None:
    """Wait for workers (loading, saving) and the screen to catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def picker(pilot: Pilot[None], clock: FakeClock) -> None:
    await routines_listed(pilot)
    await pilot.pause()


async def hold(pilot: Pilot[None], clock: FakeClock) -> None:
    await start_routine(pilot, "durab", pain="4")
    await pilot.press("n", "n", "n")  # past the get-ready, the carry and the rest
    await advance(pilot, clock, 1.5)


async def rest(pilot: Pilot[None], clock: FakeClock) -> None:
    await start_routine(pilot, "durab")
    await pilot.press("n", "n")
    await advance(pilot, clock, 4)


async def side(pilot: Pilot[None], clock: FakeClock) -> None:
    await start_routine(pilot, "desk")
    await advance(pilot, clock, 5 + 20 + 2)  # get ready, the left side, into the switch


async def self_paced(pilot: Pilot[None], clock: FakeClock) -> None:
    await start_routine(pilot, "contenders")
    await pilot.press(*["n"] * 7, "enter", "enter")


async def summary(pilot: Pilot[None], clock: FakeClock) -> None:
    await start_routine(pilot, "desk", pain="5")
    await advance(pilot, clock, 30)
    await pilot.press("n", "n")
    await advance(pilot, clock, 12)
    await pilot.press("q", "y")
    await settled(pilot)
    await pilot.press("3")


async def keys(pilot: Pilot[None], clock: FakeClock) -> None:
    await start_routine(pilot, "desk")
    await pilot.press("question_mark")


async def history_empty(pilot: Pilot[None], clock: FakeClock) -> None:
    await open_history(pilot)


async def history(pilot: Pilot[None], clock: FakeClock) -> None:
    a_few_weeks()
    await open_history(pilot)
    await pilot.press("down", "down", "down", "down", "down", "down")  # the one stopped early


async def history_progress(pilot: Pilot[None], clock: FakeClock) -> None:
    a_few_weeks()
    await open_history(pilot)
    await pilot.press("p")


async def history_10k(pilot: Pilot[None], clock: FakeClock) -> None:
    ten_years()
    await open_history(pilot)


async def settings(pilot: Pilot[None], clock: FakeClock) -> None:
    await routines_listed(pilot)
    await pilot.press("f3")
    await settled(pilot)


SCENES: dict[str, Scene] = {
    "picker": picker,
    "hold": hold,
    "rest": rest,
    "side": side,
    "self_paced": self_paced,
    "summary": summary,
    "keys": keys,
    "history_empty": history_empty,
    "history": history,
    "history_progress": history_progress,
    "history_10k": history_10k,
    "settings": settings,
}
