"""The command palette (ctrl+p): find a routine, a programme, a screen or an action by name."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList

from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.builder import BuilderScreen
from backtimer.tui.screens.history import HistoryScreen
from backtimer.tui.screens.pain import PainQuestion
from backtimer.tui.screens.programmes import ProgrammesScreen
from backtimer.tui.screens.routine_card import RoutineCard
from tests.tui.helpers import answer, routines_listed, until, work_done, workout

MakeApp = Callable[..., BacktimerApp]


async def found(pilot: Pilot[None], query: str) -> list[str]:
    """Open the palette, type ``query`` and wait for what it finds, best first."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    await pilot.press(*["space" if char == " " else char for char in query])
    await pilot.pause()
    await work_done(pilot.app)  # the palette searches in a worker
    await pilot.pause()
    commands = palette.query_one(CommandList)
    prompts = [commands.get_option_at_index(i).prompt for i in range(commands.option_count)]
    return [str(prompt).split("\n")[0] for prompt in prompts]


async def test_a_routine_found_by_a_few_letters_starts_and_then_only_its_actions_are_offered(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        hits = await found(pilot, "start durab")
        assert hits[0] == "Start Back durability"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PainQuestion)
        await answer(pilot, "3")
        screen = workout(app)
        assert screen.workout.routine_name == "Back durability"
        assert screen.workout.pain_before == 3

        # During the workout: the workout's own actions, and no second workout.
        assert await found(pilot, "pause") == ["Pause"]
        assert await found(pilot, "start") == []
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"pause", "enter")  # in one burst
        await until(pilot, lambda: screen.workout.engine.status == "paused")
        assert screen.workout.engine.status == "paused"


async def test_screens_actions_cards_and_programmes_are_in_the_palette(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        assert (await found(pilot, "histo"))[0] == "History"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        await pilot.pause()
        hits = await found(pilot, "clear filter")
        assert hits[0] == "Clear the filter"  # one of the picker's keys (Escape)
        await pilot.press("escape")

        assert (await found(pilot, "show desk"))[0] == "Show Desk reset"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RoutineCard) and app.screen.entry.id == "desk-reset"
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, BuilderScreen)
        await pilot.press("escape")
        await pilot.pause()

        assert (await found(pilot, "programme flexible"))[0] == "Programme: Flexible back"
        await pilot.press("enter")
        for _ in range(200):
            await pilot.pause(0.01)
            options = app.screen.query(OptionList)
            if (
                isinstance(app.screen, ProgrammesScreen)
                and options
                and options.first().option_count
            ):
                break
        assert isinstance(app.screen, ProgrammesScreen)
        highlighted = app.screen.query_one("#program-list", OptionList).highlighted_option
        assert highlighted is not None and highlighted.id == "flexible-back-3wk"
