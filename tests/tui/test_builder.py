"""The routine builder, driven with keys only: building, checking, saving, copying, trying."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from backtimer.domain.routines.routine import parse_routine
from backtimer.storage import library, locations
from backtimer.storage.history import HistoryStore
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.builder import BuilderScreen
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.screens.workout import WorkoutScreen
from backtimer.tui.widgets.field import Field
from tests.conftest import FIXTURES
from tests.tui.helpers import (
    answer,
    builder,
    keys,
    on_top,
    open_routine,
    routines_listed,
    shown,
    typed,
    work_done,
)

Make = Callable[..., BacktimerApp]


async def field(pilot: Pilot[None], text: str) -> None:
    """Tab to the next field and replace what it holds (selected on focus) with ``text``."""
    await keys(pilot, "tab")
    assert isinstance(pilot.app.focused, Input)
    await keys(pilot, *(typed(text) or ["backspace"]))


def problems_shown(app: App[None]) -> dict[str, str]:
    return {
        f.place: shown(f.query_one(".field-error"))
        for f in app.screen.query(Field)
        if f.has_class("-invalid")
    }


async def build_the_fixture(pilot: Pilot[None]) -> None:
    """Hips after work: phased cat-cow, a piriformis hold, and a dead bug of one's own."""
    await keys(pilot, "ctrl+n", *typed("Hips after work"))
    await keys(pilot, "tab")  # the id follows the name
    await field(pilot, "After the desk.")
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
    await keys(pilot, "ctrl+n", *typed("pirif stretch"), "enter")
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
    await keys(pilot, *typed("Opposite arm and leg away"), "ctrl+s")
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
        await work_done(app)
        await pilot.pause()
    saved = (home / "routines" / "hips-after-work.toml").read_text()
    fixture = (FIXTURES / "builder-made.toml").read_text()
    moves = library.exercises()
    assert parse_routine(saved, moves, "saved") == parse_routine(fixture, moves, "fixture")
    assert saved == fixture


async def test_editing_a_builtin_saves_a_copy_and_leaves_the_builtin(
    make_app: Make, home: Path
) -> None:
    builtin = (locations.builtin_routines() / "desk-reset.toml").read_text()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_routine(pilot, "desk")
        assert "the built-in stays" in shown(screen.query_one("#save-note"))
        await keys(pilot, "down", "down", "tab", "tab")  # step 2, past its kind to its reps
        await keys(pilot, "ctrl+u", "ctrl+k", "1", "2", "ctrl+s")
        await work_done(app)
        await pilot.pause()
        assert "Saved as routines/my-desk-reset.toml" in [
            shown(label) for label in screen.query(".form-note")
        ]
    assert (locations.builtin_routines() / "desk-reset.toml").read_text() == builtin
    copy = library.find_routine("my-desk-reset")
    original = library.find_routine("desk-reset")
    assert copy.routine is not None and original.routine is not None
    assert copy.name == "Desk reset (mine)"
    assert copy.routine.step[1].reps == 12 != original.routine.step[1].reps
    assert copy.routine.step[2:] == original.routine.step[2:]


async def test_an_invalid_value_is_shown_at_its_field_and_not_saved(
    make_app: Make, home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_routine(pilot, "durab")
        await keys(pilot, "down", "down", "tab", "tab", "tab")  # the bridge: kind, reps, sets
        await keys(pilot, "tab", "minus", "5")  # hold
        assert problems_shown(app) == {"step[2].hold": "⚠ must be at least 1 second (got -5)"}
        await keys(pilot, "tab", "x")  # release
        assert problems_shown(app)["step[2].release"] == "⚠ must be a whole number (got 'x')"
        assert "2 to fix" in shown(screen.query_one("#builder-status"))
        await keys(pilot, "ctrl+s")
        await work_done(app)
        assert not (home / "routines").exists()
        await keys(pilot, "backspace", "3")
        status = shown(screen.query_one("#builder-status"))
        assert "1 to fix" in status
        await keys(pilot, "shift+tab", "backspace", "5")
        assert problems_shown(app) == {}
        assert "in all" in shown(screen.query_one("#builder-status"))


async def test_steps_reorder_duplicate_and_delete_and_the_time_follows(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_routine(pilot, "durab")

        def order() -> list[str]:
            return [step.exercise for step in screen.draft.steps]

        def status() -> str:
            return shown(screen.query_one("#builder-status"))

        before = order()
        total = status()
        await keys(pilot, "down", "ctrl+down")
        assert order() == [before[1], before[0], *before[2:]]
        assert screen.selected == 2
        await keys(pilot, "ctrl+up", "ctrl+d")
        assert order() == [before[0], before[0], *before[1:]]
        assert status() != total  # a step more takes longer
        await keys(pilot, "ctrl+x")  # it asks first
        await answer(pilot, "y")
        assert order() == before and status() == total
        await keys(pilot, "tab", "tab", "tab", "9")  # the carry's work: 45 → 9, as you type
        assert status() != total


async def test_a_hand_written_file_is_kept_as_a_backup_after_asking(
    make_app: Make, home: Path
) -> None:
    hand = "# my physio's plan\n" + (FIXTURES / "builder-made.toml").read_text()
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "physio.toml").write_text(hand)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_routine(pilot, "physio")
        assert "Written by hand" in shown(screen.query_one("#save-note"))
        await keys(pilot, "tab", "end", *typed(" again"), "ctrl+s")
        assert isinstance(app.screen, Confirm)
        assert "physio.toml.bak" in shown(app.screen.query_one(".dialog-detail"))
        await answer(pilot, "y")
        await work_done(app)
    assert (home / "routines" / "physio.toml.bak").read_text() == hand
    assert library.find_routine("physio").name == "Hips after work again"


async def test_a_new_routine_never_takes_another_routines_id(make_app: Make, home: Path) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "hips.toml").write_text((FIXTURES / "builder-made.toml").read_text())
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await keys(pilot, "ctrl+n", *typed("Hips"))
        screen = builder(app)
        assert screen.routine_id == "hips-2"
        await keys(pilot, "tab", "ctrl+u", "ctrl+k", *typed("hips"))
        assert problems_shown(app) == {
            "id": "⚠ another routine is called 'hips'; choose another id"
        }


async def test_try_it_saves_and_starts_the_routine(make_app: Make, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_routine(pilot, "desk")
        await keys(pilot, "ctrl+t")
        await work_done(app)
        await answer(pilot, "enter")  # no pain rating
        await on_top(pilot, WorkoutScreen)
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.workout.timeline.routine.name == "Desk reset (mine)"
        await keys(pilot, "q")
        await answer(pilot, "y")
        await work_done(app)
        await answer(pilot, "ctrl+s")  # the summary, saved as it is
        await on_top(pilot, BuilderScreen)
        await keys(pilot, "escape", "escape")  # to the list, then out: nothing unsaved
        assert isinstance(app.screen, PickerScreen)
    assert [s.routine for s in HistoryStore().load().sessions] == ["my-desk-reset"]


async def test_leaving_with_changes_and_deleting_a_routine_both_ask(
    make_app: Make, home: Path
) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "hips.toml").write_text((FIXTURES / "builder-made.toml").read_text())
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_routine(pilot, "hips")
        await keys(pilot, "tab", "x", "escape", "escape")
        assert isinstance(app.screen, Confirm)
        await answer(pilot, "y")
        assert isinstance(app.screen, PickerScreen)
        await keys(pilot, "ctrl+x")
        assert isinstance(app.screen, Confirm)
        await answer(pilot, "n")
        assert (home / "routines" / "hips.toml").exists()
        await keys(pilot, "ctrl+x")
        await answer(pilot, "y")
        await work_done(app)
        await pilot.pause()
        assert not (home / "routines" / "hips.toml").exists()
        options = app.screen.query_one("#routines", OptionList)
        listed = {options.get_option_at_index(i).id for i in range(options.option_count)}
        assert "hips" not in listed and "back-durability" in listed  # filter: hips


def rows(screen: BuilderScreen) -> list[str]:
    """What the builder's list shows, row by row."""
    options = screen.query_one("#builder-steps", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_a_step_with_a_problem_keeps_its_number_in_the_list(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_routine(pilot, "desk")
        assert rows(screen)[4].startswith(" 4. Banded glute bridge")
        await keys(pilot, "down", "down", "down", "down", *["tab"] * 4)  # kind, reps, sets, hold
        await keys(pilot, "ctrl+u", "ctrl+k", "0")
        assert problems_shown(app) == {"step[4].hold": "⚠ must be at least 1 second (got 0)"}
        assert rows(screen)[4].startswith(" 4. ⚠ Banded glute bridge")
        assert [row[:3] for row in rows(screen)[1:]] == [f"{n:>2}." for n in range(1, 7)]


async def test_deleting_a_step_asks_first(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_routine(pilot, "desk")
        before = [step.exercise for step in screen.draft.steps]
        await keys(pilot, "down", "down", "down", "ctrl+x")
        assert isinstance(app.screen, Confirm)
        assert shown(app.screen.query_one(".dialog-title")) == "Delete step 3, ATG split squat?"
        await answer(pilot, "n")
        assert builder(app) is screen and [s.exercise for s in screen.draft.steps] == before
        await keys(pilot, "ctrl+x")
        await answer(pilot, "y")
        assert builder(app) is screen
        assert [step.exercise for step in screen.draft.steps] == before[:2] + before[3:]
        assert screen.selected == 3 and rows(screen)[3].startswith(" 3. Banded glute bridge")


async def test_a_move_of_ones_own_can_look_like_a_built_in_move(make_app: Make, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await keys(pilot, "ctrl+n", *typed("Marching"))
        await keys(pilot, "ctrl+o", *typed("Bridge march"))
        await keys(pilot, *["tab"] * 7)  # id, kind, sides, muscles, equipment, cues, looks like
        await keys(pilot, *["right"] * 6)  # no figure, then the catalogue's moves in order
        await keys(pilot, "ctrl+s")
        await field(pilot, "8")  # reps
        await keys(pilot, "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    saved = (home / "routines" / "marching.toml").read_text()
    assert 'id = "bridge-march"' in saved
    assert 'figure = "banded-glute-bridge"' in saved
