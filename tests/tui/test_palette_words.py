"""The command palette says what the footer says: each key's action once, in the footer's
words, and nothing the person did not put there (a text box's editing keys, Textual's own)."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets._footer import FooterKey

from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.builder import BuilderScreen
from backtimer.tui.screens.settings import SettingsScreen
from tests.fakes import FakeClock
from tests.tui.helpers import (
    advance,
    open_history,
    routines_listed,
    start_routine,
    until,
    work_done,
)

Make = Callable[..., BacktimerApp]


async def palette(pilot: Pilot[None], query: str = "") -> list[tuple[str, str]]:
    """Open the palette, type ``query``; (name, help) of each line it offers, in order."""
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    screen = pilot.app.screen
    await pilot.press(*["space" if char == " " else char for char in query])
    await pilot.pause()
    await work_done(pilot.app)  # the palette searches in a worker
    await pilot.pause()
    commands = screen.query_one(CommandList)
    lines = []
    for index in range(commands.option_count):
        name, _, help_text = str(commands.get_option_at_index(index).prompt).partition("\n")
        lines.append((name, help_text))
    await pilot.press("escape")
    await pilot.pause()
    return lines


def footer(app: BacktimerApp) -> list[tuple[str, str]]:
    """(key as shown, words) of each key in the footer of the screen on top."""
    return [
        (key.key_display, key.description)
        for key in app.screen.query(FooterKey)
        if key.key != "ctrl+p"  # "^p Find": the palette itself
    ]


async def same_words(pilot: Pilot[None]) -> None:
    """Every key of the footer is in the palette, under the footer's words and its key."""
    app = pilot.app
    assert isinstance(app, BacktimerApp)
    keys = footer(app)
    assert keys, "a footer with keys"
    offered = await palette(pilot)
    names = [name for name, _ in offered]
    assert len(names) == len(set(names)), f"offered twice: {names}"
    helps = dict(offered)
    for key, words in keys:
        assert words in helps, f"{key} {words!r} is not in the palette: {names}"
        assert helps[words].split(" · ")[0] == key, (key, words, helps[words])


async def test_the_palette_and_the_footer_say_the_same_words_for_each_key(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:  # room for every key of every footer
        await routines_listed(pilot)
        await same_words(pilot)  # the picker
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, BuilderScreen))
        await same_words(pilot)
        await pilot.press("escape", "escape")
        await open_history(pilot)
        await same_words(pilot)
        await pilot.press("escape")
        await start_routine(pilot, "desk")
        await same_words(pilot)  # the get-ready: n skips it
        await advance(pilot, clock, 6)
        await same_words(pilot)  # a left side: n goes to the other side


async def test_an_empty_query_offers_each_screen_once_and_no_editing_keys(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        names = [name for name, _ in await palette(pilot)]
        assert names.count("Settings") == 1 and names.count("History") == 1
        assert "Where it hurts" in names and "New" in names
        for noise in (
            "Move cursor left",
            "Delete character left",
            "Focus Next",
            "Copy selected text",
        ):
            assert noise not in names


async def test_settings_are_found_by_what_they_set(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        for word in ("theme", "voice", "goal"):
            hits = await palette(pilot, word)
            assert hits and hits[0][0] == "Settings", (word, hits)
        await pilot.press("ctrl+p", *"theme", "enter")
        await until(pilot, lambda: isinstance(app.screen, SettingsScreen))
        assert isinstance(app.screen, SettingsScreen)


async def test_in_a_workout_the_palette_starts_with_the_workouts_own_actions(
    make_app: Make,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        names = [name for name, _ in await palette(pilot)]
        assert names[0] == "Pause"
        assert "Focus Next" not in names and "Copy selected text" not in names
        assert "Quit" in names and "Keys" in names
        assert "History" not in names  # one workout at a time: no other screen from here
