"""A disk that fails loses nothing and crashes nothing: the app (issue 11, points 4, 6 and 7).

Seen before: on a read-only data folder the app crashed as a workout
started; with the disk full through a whole workout, ctrl+q crashed with a
StorageError traceback and the session was lost. Now the workout goes on,
the session stays in memory, and the not-saved dialog says where backtimer
tried to write and why, and offers to try again or to write it elsewhere.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

from backtimer.domain.routines.routine import parse_routine
from backtimer.storage import library, locations
from backtimer.storage.history import HistoryStore
from backtimer.storage.history_file import parse_sessions, read_export
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.not_saved import NotSavedScreen
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.screens.summary import SummaryScreen
from backtimer.tui.signals import stopped
from tests.disks import broken_home, free_space
from tests.fakes import FakeClock
from tests.hostile import GOOD_ROUTINE
from tests.tui.helpers import advance, answer, told, work_done, workout

Make = Callable[..., BacktimerApp]
THIRTY = GOOD_ROUTINE.replace("reps = 5\ntempo = 3", "reps = 1\ntempo = 30")
"""After 5 s of get-ready, one 30-second rep."""


def quick(text: str = GOOD_ROUTINE) -> library.RoutineEntry:
    """Five 3-second reps after 5 s of get-ready: 20 s in all."""
    return library.unsaved_entry("quick", parse_routine(text, library.exercises(), "quick"))


def said(app: BacktimerApp) -> list[str]:
    return told(app)


async def settle(app: BacktimerApp) -> None:
    await work_done(app)
    for _ in range(3):
        await work_done(app)


async def test_a_read_only_disk_never_stops_a_workout_and_the_session_goes_elsewhere(
    make_app: Make, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "kept.json"
    with broken_home(tmp_path / "disk", "read-only", monkeypatch) as home:
        app = make_app(start=quick())
        async with app.run_test(size=(100, 30)) as pilot:
            await answer(pilot, "4")  # the pain before
            screen = workout(app)
            screen.flush_saves()
            await pilot.pause()
            (told,) = [m for m in said(app) if "The workout goes on" in m]
            assert str(home) in told and "Read-only file system" in told
            await advance(pilot, clock, 21)
            await settle(app)
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
            await answer(pilot, "2", "enter")  # the pain after
            await answer(pilot, "ctrl+s")  # save
            await settle(app)
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, NotSavedScreen)
            (unsaved,) = dialog.unsaved
            assert "Read-only file system" in unsaved.problem and str(home) in unsaved.problem
            dialog.query_one(Input).value = str(elsewhere)
            await answer(pilot, "w")
            await settle(app)
            await pilot.pause()
            assert isinstance(app.screen, PickerScreen)
    (session,) = read_export(elsewhere)
    assert (session.status, session.pain_before, session.pain_after) == ("completed", 4, 2)


async def test_a_full_disk_through_a_whole_workout_then_ctrl_q_loses_nothing(
    make_app: Make, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with broken_home(tmp_path / "disk", "full", monkeypatch) as home:
        app = make_app(start=quick())
        async with app.run_test(size=(100, 30)) as pilot:
            await answer(pilot, "enter")
            await advance(pilot, clock, 12)
            workout(app).flush_saves()
            assert any("No space left on device" in m for m in said(app))
            await pilot.press("ctrl+q", "ctrl+q")  # "Quit backtimer?" ctrl+q again: yes
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, NotSavedScreen) and dialog.quitting
            assert "No space left on device" in dialog.unsaved[0].problem
            await answer(pilot, "r")  # still full
            await settle(app)
            await pilot.pause()
            assert app.screen is dialog and app.is_running
            free_space(home)
            await answer(pilot, "r", again=True)
            await settle(app)
        assert app.return_code == 0
        (session,) = HistoryStore().load().sessions
        assert (session.status, session.active_seconds) == ("stopped", 12)


async def test_quitting_without_saving_says_what_was_not_saved(
    make_app: Make,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with broken_home(tmp_path / "disk", "full", monkeypatch):
        app = make_app(start=quick())
        async with app.run_test(size=(100, 30)) as pilot:
            await answer(pilot, "enter")
            await advance(pilot, clock, 7)
            await pilot.press("ctrl+q", "ctrl+q")  # "Quit backtimer?" ctrl+q again: yes
            await pilot.pause()
            assert isinstance(app.screen, NotSavedScreen)
            await pilot.press("ctrl+q")  # again: quit anyway
            await pilot.pause()
    assert app.return_code == 1
    lines = capsys.readouterr().err.splitlines()  # printed once the app has ended
    assert lines[0].startswith("backtimer: NOT SAVED: Mine, started ")
    assert "No space left on device" in lines[0]
    (tmp_path / "printed.json").write_text(lines[-1])
    (session,) = read_export(tmp_path / "printed.json")  # history import takes it back
    assert (session.status, session.active_seconds) == ("stopped", 7)


async def test_the_note_stops_at_its_limit_as_it_is_typed(make_app: Make, clock: FakeClock) -> None:
    app = make_app(start=quick())
    async with app.run_test(size=(100, 30)) as pilot:
        await answer(pilot, "enter")
        await advance(pilot, clock, 21)
        await settle(app)
        await pilot.pause()
        await answer(pilot, "enter")  # no rating
        await answer(pilot, "enter")  # nor an answer to the leg question: the note
        note = app.screen.query_one("#note", Input)
        assert note.has_focus
        note.value = "x" * 1998
        note.action_end()
        await answer(pilot, "a", "b", "c", "d")
        assert len(note.value) == 2000
        await pilot.press("enter")
        await settle(app)
        await pilot.pause()
    (session,) = HistoryStore().load().sessions
    assert session.note == "x" * 1998 + "ab"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
async def test_a_signal_mid_step_keeps_the_time_done(
    signum: int, make_app: Make, clock: FakeClock
) -> None:
    app = make_app(start=quick(THIRTY))
    async with app.run_test(size=(100, 30)) as pilot:
        await answer(pilot, "enter")
        await advance(pilot, clock, 5 + 20)  # 20 s into the 30 s rep
        stopped(app, signum)
        await pilot.pause()
    assert app.return_code == 128 + signum
    (journal,) = locations.journal_dir().glob("*.toml")
    (session,) = parse_sessions(journal.read_text(), str(journal))
    assert (session.status, session.active_seconds) == ("interrupted", 25)
    assert session.steps[0].seconds_done == 20  # the step under way counts its seconds too
