"""Single behaviours of the screens: filtering, bad files, resuming, help, small terminals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, OptionList

from backtimer.domain.history.session import Session, StepRecord
from backtimer.storage import library, locations
from backtimer.storage.files import write_atomic
from backtimer.storage.history import HistoryStore
from backtimer.storage.history_file import dump
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.screens.help import HelpScreen
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.widgets.routine_preview import RoutinePreview
from backtimer.tui.widgets.too_small import TooSmall
from tests.fakes import FakeClock
from tests.tui.conftest import START
from tests.tui.helpers import (
    advance,
    answer,
    routines_listed,
    shown,
    start_routine,
    text,
    work_done,
    workout,
)

Make = Callable[..., BacktimerApp]


def preview(app: BacktimerApp) -> str:
    return shown(app.screen.query_one(RoutinePreview).query_one("#preview-text"))


async def test_typing_filters_the_routines_and_the_preview_follows(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await work_done(app)
        await pilot.pause()
        options = app.screen.query_one("#routines", OptionList)
        assert options.option_count == 6
        assert "Back durability" in preview(app)
        await pilot.press(*"massage")  # matches the moves in a routine too
        assert options.option_count == 2
        await pilot.press("space", *"chair")  # and what they need
        assert options.option_count == 1
        assert "Desk reset" in preview(app)
        await pilot.press("escape", *"culprit")
        assert options.option_count == 1
        assert "Culprit massage" in preview(app)
        assert "You need: massage tool" in preview(app)
        await pilot.press("escape")  # every routine again, the highlight kept
        assert options.option_count == 6
        assert "Culprit massage" in preview(app)
        await pilot.press("down")
        assert "Desk reset" in preview(app)
        await pilot.press(*"zzz")
        assert options.option_count == 0
        assert "No routine matches" in preview(app)


async def test_the_safety_note_is_on_the_picker(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)):
        assert "sharp or radiating pain" in text(app, "#safety")


async def test_a_broken_user_routine_is_listed_with_its_problem(make_app: Make, home: Path) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "mine.toml").write_text(
        'format = 1\nname = "Mine"\n[[step]]\nexercise = "cat-cow"\nhold = -5\n'
    )
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await work_done(app)
        await pilot.pause()
        assert app.screen.query_one("#routines", OptionList).option_count == 7
        await pilot.press(*"mine")
        assert "step[1].hold: must be at least 1 second (got -5)" in preview(app)
        await pilot.press("enter")
        assert isinstance(app.screen, PickerScreen)  # not started, and no crash


async def test_a_long_gap_between_ticks_pauses_the_workout(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "durab")
        await advance(pilot, clock, 3)
        clock.advance(120)  # the laptop slept
        workout(app).tick()
        await pilot.pause()
        assert workout(app).workout.engine.status == "paused"
        assert text(app, "#clock") == "7"
        assert "PAUSED" in text(app, "#status")


def interrupted_session() -> Session:
    started = START - timedelta(days=1)
    return Session(
        id="20261123T073000Z-abcdef",
        routine="back-durability",
        routine_name="Back durability",
        started_at=started,
        ended_at=started + timedelta(minutes=2),
        status="interrupted",
        active_seconds=120,
        paused_seconds=0,
        pain_before=5,
        stopped_at_step=2,
        steps=[
            StepRecord(exercise="suitcase-carry", sets_done=2, reps_done=0, seconds_done=90),
            StepRecord(exercise="banded-glute-bridge", sets_done=0, reps_done=3, seconds_done=20),
            StepRecord(exercise="atg-split-squat", sets_done=0, reps_done=0, seconds_done=0),
            StepRecord(exercise="seated-good-morning", sets_done=0, reps_done=0, seconds_done=0),
        ],
    )


async def test_a_killed_session_is_recorded_and_can_be_resumed(
    make_app: Make, clock: FakeClock
) -> None:
    orphan = interrupted_session()
    write_atomic(locations.journal_dir() / f"{orphan.id}.toml", dump([orphan]))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await work_done(app)
        await pilot.pause()
        assert [s.status for s in HistoryStore().load().sessions] == ["interrupted"]
        assert isinstance(app.screen, Confirm)
        assert "cut short at step 2 of 4" in shown(app.screen.query_one(".dialog-detail"))
        await answer(pilot, "y")
        screen = workout(app)
        assert (text(app, "#kind"), text(app, "#exercise")) == ("REST", "Banded glute bridge")
        await pilot.press("q")
        await answer(pilot, "y")
        await work_done(app)
    (session,) = HistoryStore().load().sessions  # the same session, carried on
    assert session.id == orphan.id and session.status == "stopped"
    assert session.steps[0].sets_done == 2 and session.pain_before == 5
    assert session.active_seconds == 120 + screen.workout.engine.active_seconds()


async def test_question_mark_lists_the_keys_of_the_screen(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = dict(app.screen.keys)
        assert keys["space"] == "Pause the workout"
        assert keys["n, →"].startswith("End a rest")
        assert keys["q, esc"].startswith("Stop the workout")
        await pilot.press("escape")
        workout(app)


async def test_m_mutes_the_cues(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk")
        await pilot.press("m")
        assert workout(app).cues.muted
        await pilot.press("m")
        assert not workout(app).cues.muted


async def test_a_tiny_terminal_gets_a_message_not_a_crash(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        notice = app.screen.query_one(TooSmall)
        assert notice.display
        assert "Make the terminal larger" in shown(notice)
    roomy = make_app()
    async with roomy.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert not roomy.screen.query_one(TooSmall).display


async def test_the_pain_guide_leads_from_a_complaint_to_a_workout(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await work_done(app)
        await pilot.press("f4")
        advice = app.screen.query_one("#advice")
        assert "Often involved: Quadratus lumborum (QL)" in shown(advice)
        await pilot.press("down", "down", "down")  # the tailbone: its second muscle
        assert "▶ Often involved: Piriformis" in shown(advice)
        assert "Often involved: Gluteus medius (Glute med)" in shown(advice)  # to compare
        assert "Seated piriformis stretch" in shown(advice)
        await pilot.press("enter")  # start the routine it built
        await answer(pilot, "enter")  # skip the pain question
        assert text(app, "#exercise") == "Piriformis massage"
        assert workout(app).workout.routine_id == "guide-tailbone-piriformis"


async def test_the_filter_keeps_the_focus_and_the_arrows_move_the_list(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        search = app.screen.query_one("#filter", Input)
        options = app.screen.query_one("#routines", OptionList)
        assert app.focused is search
        await pilot.press(*"desk")
        assert options.option_count == 1
        await pilot.press("escape")
        assert app.focused is search and options.option_count == 6
        await pilot.press("end")
        assert "Flexible back: morning" in preview(app)
        await pilot.press("up", "pageup")
        assert "Back durability" in preview(app)
        await pilot.press("down", "pagedown", "home", "down", "down")
        assert "Desk reset" in preview(app)
        assert app.focused is search and search.value == ""


async def test_a_users_own_routine_is_listed_as_theirs(make_app: Make, home: Path) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "mine.toml").write_text(
        'format = 1\nname = "Mine"\n[[step]]\nexercise = "cat-cow"\nhold = 5\n'
    )
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await work_done(app)
        await pilot.pause()
        await pilot.press(*"mine")
        options = app.screen.query_one("#routines", OptionList)
        assert str(options.get_option_at_index(0).prompt).startswith("Mine  0:10  yours")


async def test_the_guides_routine_can_be_saved_as_ones_own(make_app: Make, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await work_done(app)
        await pilot.press("f4", "ctrl+s")
        await work_done(app)
    saved = {entry.id: entry for entry in library.user_routines(set())}
    assert set(saved) == {"guide-low-back-ache"}  # saving again: see test_names_apart.py
    routine = saved["guide-low-back-ache"].routine
    assert routine is not None and routine.step[0].exercise == "ql-massage"
