"""Snapshots of each screen at a comfortable size (100 x 30) and the smallest (60 x 20).

Regenerate after a deliberate change with ``pytest --snapshot-update`` and look
at every changed SVG before committing it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from backtimer.domain.settings import Settings
from backtimer.tui.app import BacktimerApp
from tests.fakes import FakeClock
from tests.tui.helpers import advance, routines_listed, start_routine

SIZES = [(100, 30), (60, 20)]
QUIET = Settings(sound=False, flash=False)  # a flash would depend on real time


async def ready(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def picker(pilot: Pilot[None]) -> None:
    await routines_listed(pilot)
    await pilot.pause()


def scene(clock: FakeClock, name: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """The keys and time that bring the app to a named moment."""

    async def hold(pilot: Pilot[None]) -> None:
        await start_routine(pilot, "durab", pain="4")
        await pilot.press("n", "n", "n")  # past the get-ready, the carry and the rest
        await advance(pilot, clock, 1.5)

    async def rest(pilot: Pilot[None]) -> None:
        await start_routine(pilot, "durab")
        await pilot.press("n", "n")
        await advance(pilot, clock, 4)

    async def self_paced(pilot: Pilot[None]) -> None:
        await start_routine(pilot, "contenders")
        await pilot.press(*["n"] * 7, "enter", "enter")

    async def summary(pilot: Pilot[None]) -> None:
        await start_routine(pilot, "desk", pain="5")
        await advance(pilot, clock, 30)
        await pilot.press("n", "n")
        await advance(pilot, clock, 12)
        await pilot.press("q", "y")
        await ready(pilot)
        await pilot.press("3")

    return {
        "picker": picker,
        "hold": hold,
        "rest": rest,
        "self_paced": self_paced,
        "summary": summary,
    }[name]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", ["picker", "hold", "rest", "self_paced", "summary"])
def test_screen(
    name: str,
    size: tuple[int, int],
    snap_compare: Any,
    make_app: Callable[..., BacktimerApp],
    clock: FakeClock,
) -> None:
    assert snap_compare(make_app(QUIET), run_before=scene(clock, name), terminal_size=size)
