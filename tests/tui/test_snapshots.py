"""Snapshots of each screen at a comfortable size (100 x 30) and the smallest (60 x 20).

Regenerate after a deliberate change with ``pytest --snapshot-update`` and look
at every changed SVG before committing it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from backtimer.domain.routines.settings import Settings
from backtimer.tui.app import BacktimerApp
from backtimer.tui.themes import OFFERED
from tests.fakes import FakeClock
from tests.tui.scenes import SCENES

SIZES = [(100, 30), (60, 20)]
QUIET = Settings(sound=False, flash=False)  # a flash would depend on real time


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCENES))
def test_screen(
    name: str,
    size: tuple[int, int],
    snap_compare: Any,
    make_app: Callable[..., BacktimerApp],
    clock: FakeClock,
) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await SCENES[name](pilot, clock)

    assert snap_compare(make_app(QUIET), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", [(200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", ["hold", "mat"])
def test_large_terminal(
    name: str,
    size: tuple[int, int],
    snap_compare: Any,
    make_app: Callable[..., BacktimerApp],
    clock: FakeClock,
) -> None:
    """From across a room: the clock and the mat view at 200 x 50."""

    async def run_before(pilot: Pilot[None]) -> None:
        await SCENES[name](pilot, clock)

    assert snap_compare(make_app(QUIET), run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("theme", [theme for theme in OFFERED if theme != QUIET.theme])
def test_theme(
    theme: str,
    snap_compare: Any,
    make_app: Callable[..., BacktimerApp],
    clock: FakeClock,
) -> None:
    """The workout screen in each theme the settings offer (the default is test_screen's)."""

    async def run_before(pilot: Pilot[None]) -> None:
        await SCENES["hold"](pilot, clock)

    settings = QUIET.model_copy(update={"theme": theme})
    assert snap_compare(make_app(settings), run_before=run_before, terminal_size=(100, 30))


def test_no_color(
    snap_compare: Any,
    make_app: Callable[..., BacktimerApp],
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The workout screen in grey, as NO_COLOR asks, in the default theme."""
    monkeypatch.setenv("NO_COLOR", "1")

    async def run_before(pilot: Pilot[None]) -> None:
        await SCENES["hold"](pilot, clock)

    assert snap_compare(make_app(QUIET), run_before=run_before, terminal_size=(100, 30))
