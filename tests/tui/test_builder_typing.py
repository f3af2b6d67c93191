"""Typing into the builder as fast as a terminal sends keys: nothing dropped, nothing reverted.

A terminal hands over a burst of keys (a fast typist, a held key, a paste) in
one read, so they reach the app together. `burst` sends them that way: all at
once, unlike `pilot.press`, which waits for the app between keys and so never
shows what happens when keys queue up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from backtimer.storage import library
from backtimer.tui.app import BacktimerApp
from backtimer.tui.widgets.field import Field
from backtimer.tui.widgets.step_editor import StepEditor
from tests.tui.helpers import (
    builder,
    burst,
    keys,
    open_routine,
    routines_listed,
    shown,
    typed,
    work_done,
)

Make = Callable[..., BacktimerApp]


def focused_value(pilot: Pilot[None]) -> str:
    focused = pilot.app.focused
    if isinstance(focused, TextArea):
        return focused.text
    assert isinstance(focused, Input), f"{focused!r} has the focus, not a field"
    return focused.value


async def reps_of_the_squat(pilot: Pilot[None]) -> None:
    """Desk reset in the builder, the focus in its squat's reps."""
    await open_routine(pilot, "desk")
    await keys(pilot, "down", "down", "down", "tab", "tab")  # step 3: kind, reps


async def set_to(pilot: Pilot[None], value: str) -> None:
    """Type ``value`` into the focused field, at human speed, over what it held."""
    await keys(pilot, "ctrl+u", "ctrl+k", *value)
    assert focused_value(pilot) == value


BURSTS: list[tuple[str, list[str | events.Paste], str]] = [
    ("150", ["backspace", "backspace", "backspace", "4"], "4"),
    ("4", ["backspace", "7"], "7"),
    ("78", ["backspace", "backspace", "5"], "5"),
    ("12", ["left", "3", "end", "backspace", "9"], "139"),
    ("150", ["backspace", "backspace", "backspace", events.Paste("42")], "42"),
]
"""What the field held, the keys (or paste) sent in one burst, and what it must hold then."""


async def test_a_burst_of_keys_or_a_paste_in_reps_is_kept_in_order(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await reps_of_the_squat(pilot)
        for before, presses, after in BURSTS:
            await set_to(pilot, before)
            await burst(pilot, *presses)
            assert focused_value(pilot) == after, f"{before} then {presses}"
            assert builder(app).draft.steps[2].values["reps"] == after


async def test_a_burst_in_a_cue_is_kept_in_order(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_routine(pilot, "desk")
        await keys(pilot, "down", "down", *["tab"] * 8)  # step 2: kind, reps … its cue
        cue = "Cross your arms over your chest."
        await burst(pilot, "ctrl+u", "ctrl+k", *typed("Cross your arms oevr"), "backspace")
        await burst(pilot, "backspace", "backspace", *typed("ver your chest."))
        assert focused_value(pilot) == cue
        assert screen.draft.steps[1].values["cue"] == cue


async def test_a_new_routines_name_typed_in_a_burst_and_its_id_follow(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await keys(pilot, "ctrl+n")
        screen = builder(app)
        await burst(pilot, *typed("Hips aftr"), "backspace", *typed("er wrok"), "left")
        await burst(pilot, "end", "backspace", "backspace", "backspace", *typed("ork"))
        assert focused_value(pilot) == "Hips after work"
        assert screen.draft.name == "Hips after work"
        assert screen.routine_id == "hips-after-work"


async def test_a_burst_in_a_moves_cues_is_kept_in_order(make_app: Make, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await keys(pilot, "ctrl+n", *typed("Core"), "ctrl+o")
        await keys(pilot, *["tab"] * 6)  # name, id, kind, sides, muscles, equipment, cues
        await burst(pilot, *typed("Back flta"), "backspace", "backspace", *typed("at"), "enter")
        await burst(pilot, *typed("Armss"), "backspace", *typed(" up"))
        assert focused_value(pilot) == "Back flat\nArms up"


async def test_keys_typed_just_before_saving_are_saved(make_app: Make, home: Path) -> None:
    """Seen in a terminal too: "12" then ctrl+s at once saved 12, then showed "not saved",
    as the reports of "" and "1" arrived after the save and put those back for a moment."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await reps_of_the_squat(pilot)
        await burst(pilot, "backspace", "1", "2", "ctrl+s")
        await work_done(app)
        await pilot.pause()
        saved = library.find_routine("my-desk-reset").routine
        assert saved is not None and saved.step[2].reps == 12
        screen = builder(app)
        field = next(f for f in screen.query(Field) if f.place == "step[3].reps")
        field.post_message(Field.Edited(field, "step[3].reps", "1"))  # a late report
        await pilot.pause()
        assert screen.draft.steps[2].values["reps"] == "12" == focused_value(pilot)
        assert shown(screen.query_one("#builder-status")).endswith(" · saved")


async def test_the_kind_held_down_steps_through_each_kind(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await reps_of_the_squat(pilot)
        await keys(pilot, "shift+tab")  # the kind: tempo reps
        kind = app.focused
        await burst(pilot, "right", "right", "right")  # self-paced, timed work, holds
        assert builder(app).draft.steps[2].kind == "hold"
        assert app.focused is kind
        fields = [field.place for field in app.screen.query_one(StepEditor).query(Field)]
        assert fields[:3] == ["step[3].kind", "step[3].reps", "step[3].sets"]  # a hold's


async def test_a_step_moved_just_after_typing_keeps_what_was_typed(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await reps_of_the_squat(pilot)
        await burst(pilot, "backspace", "9", "ctrl+up", "backspace", "7")
        steps = builder(app).draft.steps
        assert [steps[1].exercise, steps[1].values["reps"]] == ["atg-split-squat", "7"]
        assert [steps[2].exercise, steps[2].values["reps"]] == ["seated-good-morning", "8"]


async def test_a_move_searched_and_chosen_in_a_burst_is_the_one_added(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_routine(pilot, "desk")
        await keys(pilot, "ctrl+n")
        await burst(pilot, *typed("cat-cow"), "enter")
        screen = builder(app)
        assert [step.exercise for step in screen.draft.steps].count("cat-cow") == 1


async def test_keys_after_tab_or_escape_in_a_burst_go_where_the_focus_went(
    make_app: Make,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await reps_of_the_squat(pilot)
        await burst(pilot, "backspace", "5", "tab", "3", "tab", "tab", "right")
        step = builder(app).draft.steps[2]
        assert (step.values["reps"], step.values.get("sets"), step.sides) == (
            "5",
            "3",
            "alternate-reps",
        )
        await burst(pilot, "escape", "down")  # back to the list, then the next step
        assert builder(app).selected == 4
        assert step.values["reps"] == "5"


async def test_keys_typed_before_ctrl_n_stay_in_their_field(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await keys(pilot, "ctrl+n")
        screen = builder(app)
        await burst(pilot, *typed("Hips after work"), "ctrl+n")
        assert type(app.screen).__name__ == "MovePicker"
        assert app.screen.query_one("#move-filter", Input).value == ""
        await keys(pilot, "escape")
        assert screen.draft.name == "Hips after work" == focused_value(pilot)


async def test_an_id_typed_in_the_same_burst_as_the_name_is_kept(make_app: Make) -> None:
    """Seen in a terminal: "Hips", Tab, "xyz" at once left the id "hips", the id made
    from the name written over the id typed, whose report had not arrived yet."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await keys(pilot, "ctrl+n")
        screen = builder(app)
        await burst(pilot, *typed("Hips"), "tab", *typed("xyz"))
        id_field = next(f for f in screen.query(Field) if f.place == "id")
        field = next(f for f in screen.query(Field) if f.place == "name")
        field.post_message(Field.Edited(field, "name", "Hips"))  # a report arriving late
        await pilot.pause()
        assert (screen.draft.name, screen.routine_id, id_field.text) == ("Hips", "xyz", "xyz")


async def test_tabs_typed_just_before_ctrl_n_move_through_the_fields_first(
    make_app: Make,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await keys(pilot, "ctrl+n")
        screen = builder(app)
        await burst(pilot, *typed("Hips"), "tab", "tab", *typed("After work"), "ctrl+n")
        assert app.screen.query_one("#move-filter", Input).value == ""
        await keys(pilot, "escape")
        assert (screen.draft.name, screen.draft.description) == ("Hips", "After work")


async def test_ctrl_s_after_keys_that_move_the_focus_saves_them_all(
    make_app: Make, home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await reps_of_the_squat(pilot)
        await burst(pilot, "backspace", "5", "tab", "3", *["tab"] * 3, "4", "5", "ctrl+s")
        await work_done(app)
        await pilot.pause()
        saved = library.find_routine("my-desk-reset").routine
        assert saved is not None
        assert (saved.step[2].reps, saved.step[2].sets, saved.step[2].rest) == (5, 3, 45)
