"""The routine builder, driven with keys only: building, checking, saving, copying, trying."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from backtimer.domain.routine import parse_routine
from backtimer.storage import library
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.builder import BuilderScreen
from backtimer.tui.widgets.field import Field
from tests.conftest import FIXTURES
from tests.tui.helpers import routines_listed, shown

Make = Callable[..., BacktimerApp]


async def keys(pilot: Pilot[None], *presses: str) -> None:
    """Press keys, then let the screen catch up (a step's form is rebuilt at times)."""
    await pilot.press(*presses)
    await pilot.pause()


def typed(text: str) -> list[str]:
    return ["space" if char == " " else char for char in text]


async def field(pilot: Pilot[None], text: str) -> None:
    """Tab to the next field and replace what it holds with ``text``."""
    await keys(pilot, "tab")
    if isinstance(pilot.app.focused, Input):
        await keys(pilot, "ctrl+u", "ctrl+k")
    await keys(pilot, *typed(text))


def builder(app: BacktimerApp) -> BuilderScreen:
    screen = app.screen
    assert isinstance(screen, BuilderScreen), f"on {type(screen).__name__}, not the builder"
    return screen


def problems_shown(app: BacktimerApp) -> dict[str, str]:
    return {
        f.place: shown(f.query_one(".field-error"))
        for f in app.screen.query(Field)
        if f.has_class("-invalid")
    }


async def build_the_fixture(pilot: Pilot[None]) -> None:
    """Hips after work: phased cat-cow, a piriformis hold, and a dead bug of one's own."""
    await keys(pilot, "ctrl+n", *typed("Hips after work"))
    await keys(pilot, "tab")  # the id follows the name
    await field(pilot, "Loosen up after a day at the desk.")
    await field(pilot, "evening, hips")
    await field(pilot, "10")
    await field(pilot, "20")
    await keys(pilot, "ctrl+n", *typed("cat-cow"), "enter")  # focus on the step's kind
    await field(pilot, "6")  # reps
    await keys(pilot, "tab")  # sets
    await field(pilot, "Round up")
    await field(pilot, "4")
    await field(pilot, "Sink down")
    await field(pilot, "4")
    await keys(pilot, "ctrl+n", *typed("piriformis stretch"), "enter")
    await field(pilot, "")  # reps: one hold a side
    await keys(pilot, "tab")  # sets
    await field(pilot, "30")  # hold
    await field(pilot, "")  # release
    await keys(pilot, "tab", "right", "right")  # sides: default, none, each
    await keys(pilot, "ctrl+o", *typed("Dead bug"))
    await keys(pilot, "tab", "tab", "tab", "right", "right")  # id, kind, sides: alternate-reps
    await field(pilot, "core")
    await field(pilot, "mat")
    await keys(pilot, "tab", *typed("Back flat on the mat"), "enter")
    await keys(pilot, *typed("Reach the opposite arm and leg away"), "ctrl+s")
    await field(pilot, "8")  # reps
    await field(pilot, "2")  # sets
    await keys(pilot, "tab")  # sides
    await field(pilot, "45")  # rest between sets


async def test_a_routine_built_with_keys_saves_as_the_fixture(make_app: Make, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await build_the_fixture(pilot)
        assert problems_shown(app) == {}
        await keys(pilot, "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    saved = (home / "routines" / "hips-after-work.toml").read_text()
    fixture = (FIXTURES / "builder-made.toml").read_text()
    moves = library.exercises()
    assert parse_routine(saved, moves, "saved") == parse_routine(fixture, moves, "fixture")
    assert saved == fixture
