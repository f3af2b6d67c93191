"""A person's whole path, keys only: picker, pain question, workout, summary, history."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets._footer import FooterKey

from backtimer.storage import locations
from backtimer.storage.history import HistoryStore
from backtimer.storage.history_file import parse_sessions
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.confirm import Confirm
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.screens.summary import SummaryScreen
from tests.fakes import FakeClock
from tests.tui.helpers import (
    READING_SECONDS,
    advance,
    answer,
    start_routine,
    text,
    work_done,
    workout,
)

Make = Callable[..., BacktimerApp]


async def test_from_the_picker_to_the_summary_with_every_key(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "contenders", pain="3")
        screen = workout(app)
        assert screen.workout.pain_before == 3
        assert text(app, "#kind") == "READY"
        assert text(app, "#exercise") == "Elephant walk"
        assert text(app, "#step-label") == "Step 1 of 8"
        assert text(app, "#clock") == "10"

        await advance(pilot, clock, 4)
        assert text(app, "#clock") == "6"

        # Pause: time passes, the clock does not move.
        await pilot.press("space")
        assert "PAUSED" in text(app, "#status")
        await advance(pilot, clock, 30)
        assert text(app, "#clock") == "6"
        await pilot.press("space")
        assert text(app, "#status") == ""

        # Elephant walk: legs in turn, LEFT then RIGHT for each rep.
        await advance(pilot, clock, 6)
        assert (text(app, "#kind"), text(app, "#counts")) == ("REP", "Rep 1 of 20")
        assert text(app, "#side") == "LEFT"
        await advance(pilot, clock, 2)
        assert (text(app, "#counts"), text(app, "#side")) == ("Rep 1 of 20", "RIGHT")

        # Next skips the rest of the step, to the rest before the next one.
        await pilot.press("n")
        assert (text(app, "#kind"), text(app, "#exercise")) == ("REST", "Cat-cow")
        assert text(app, "#step-label") == "Step 2 of 8"
        await pilot.press("right")
        assert (text(app, "#kind"), text(app, "#counts")) == ("REP", "Rep 1 of 10 · Phase 1 of 2")
        assert text(app, "#cue") == "Breathe out, round up"
        await advance(pilot, clock, 3)
        assert text(app, "#cue").startswith("Breathe in")
        await advance(pilot, clock, 3)
        assert text(app, "#counts") == "Rep 2 of 10 · Phase 1 of 2"

        # Again: back to the first rep of this set.
        await pilot.press("r")
        assert (text(app, "#counts"), text(app, "#clock")) == ("Rep 1 of 10 · Phase 1 of 2", "3")

        # Previous, at the start of a step: back to the previous step's work.
        await pilot.press("p")
        assert (text(app, "#kind"), text(app, "#exercise")) == ("REP", "Elephant walk")

        # On to the self-paced good mornings: Enter counts each rep.
        await pilot.press("n", "n", "n", "left", "right", "n")
        assert (text(app, "#kind"), text(app, "#exercise")) == ("REP", "Pelvic tilt")
        assert text(app, "#counts") == "Rep 1 of 10 · Phase 1 of 4"
        await pilot.press("n", "n")
        assert text(app, "#exercise") == "Seated good morning"
        assert (text(app, "#kind"), text(app, "#count")) == ("REP", "1/10")
        assert text(app, "#status") == "Press Enter after each rep · rep 1 of 10"
        await advance(pilot, clock, 20)
        assert text(app, "#clock") == "1"  # waits for the person
        await pilot.press("enter", "enter", "enter")
        assert (text(app, "#clock"), text(app, "#counts")) == ("4", "Rep 4 of 10")
        await pilot.press(*["enter"] * 7)
        assert (text(app, "#kind"), text(app, "#exercise")) == ("REST", "Suitcase carry")

        # Suitcase carry changes hands each set: the side switch.
        await pilot.press("n")
        assert (text(app, "#side"), text(app, "#counts")) == ("LEFT", "Set 1 of 4")
        assert text(app, "#clock") == "1:00"
        await advance(pilot, clock, 60)
        assert text(app, "#kind") == "REST"
        assert text(app, "#up-next") == "Up next: Set 2 of 4 · weight in the right hand"
        await pilot.press("n")
        assert (text(app, "#side"), text(app, "#counts")) == ("RIGHT", "Set 2 of 4")
        await advance(pilot, clock, 10)
        assert text(app, "#clock") == "50"

        # Stop early: asked first, then the summary.
        await pilot.press("q")
        assert isinstance(app.screen, Confirm)
        await answer(pilot, "y")
        await work_done(app)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert text(app, "#summary-title") == "Workout stopped early"
        steps = text(app, "#summary-steps").splitlines()
        assert steps[0] == "◐ 1. Elephant walk: 1 of 40 reps, 2 s (part done)"
        assert steps[3].startswith("✓ 4. Seated good morning: 10 of 10 reps")
        assert steps[4].startswith("◐ 5. Suitcase carry: 1 of 4 sets, 1 min 10 s")
        assert steps[7].startswith("· 8. Seated piriformis stretch")
        await answer(pilot, "2", "enter")
        await answer(pilot, "n", "enter")
        await answer(pilot, *"stiff hips", "enter")
        await work_done(app)
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)

    (session,) = HistoryStore().load().sessions
    assert (session.status, session.routine, session.stopped_at_step) == (
        "stopped",
        "eight-contenders",
        5,
    )
    assert (session.pain_before, session.pain_after, session.note) == (3, 2, "stiff hips")
    assert session.leg_symptoms is False
    by_move = {s.exercise: s for s in session.steps}
    assert by_move["elephant-walk"].outcome == "partly"
    assert by_move["elephant-walk"].reps_done == 1
    assert by_move["seated-good-morning"].reps_done == 10
    assert by_move["suitcase-carry"].sets_done == 1
    assert by_move["suitcase-carry"].seconds_done == 70
    assert session.paused_seconds == 30 + READING_SECONDS  # and the stop question's reading


async def test_a_whole_routine_is_recorded_as_completed(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "durab")
        timeline = workout(app).workout.timeline
        await advance(pilot, clock, timeline.estimated_seconds + 1, step=1.0)
        await work_done(app)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert text(app, "#summary-title") == "Workout complete. Well done!"
        # Already recorded before any key is pressed on the summary.
        (session,) = HistoryStore().load().sessions
        assert session.status == "completed"
        assert session.active_seconds == timeline.estimated_seconds
        assert session.pain_before is None
        assert all(step.complete for step in session.steps)


async def test_ctrl_q_mid_workout_saves_it_as_stopped(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "desk", pain="6")
        await advance(pilot, clock, 20)
        await pilot.press("ctrl+q")
        await answer(pilot, "y")  # "Quit backtimer?"
    (session,) = HistoryStore().load().sessions
    assert (session.status, session.pain_before, session.stopped_at_step) == ("stopped", 6, 1)
    assert session.active_seconds == 20


async def test_the_journal_is_written_as_the_workout_goes(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "massage")
        screen = workout(app)
        await advance(pilot, clock, 15 + 45 + 5 + 45 + 2)  # into the second step
        screen.flush_saves()
        assert HistoryStore().load().sessions == []  # nothing is finished yet
        (journal,) = locations.journal_dir().glob("*.toml")
        (session,) = parse_sessions(journal.read_text(), str(journal))
        assert session.status == "interrupted"  # what it would be after a crash
        assert session.stopped_at_step == 2
        assert session.steps[0].sets_done == 1
        assert journal.stat().st_mode & 0o777 == 0o600


def footer(app: BacktimerApp) -> list[str]:
    """The descriptions the footer shows, in order."""
    return [key.description for key in app.screen.query(FooterKey)]


async def test_the_footer_offers_resume_while_paused_and_unmute_while_muted(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await start_routine(pilot, "durab")
        assert "Pause" in footer(app) and "Resume" not in footer(app)
        assert "Mute" in footer(app) and "Unmute" not in footer(app)
        await pilot.press("space", "m")
        assert "Resume" in footer(app) and "Pause" not in footer(app)
        assert "Unmute" in footer(app) and "Mute" not in footer(app)
        assert workout(app).cues.muted
        await pilot.press("space", "m")
        assert ("Pause" in footer(app), "Mute" in footer(app)) == (True, True)
        assert workout(app).workout.engine.status == "running" and not workout(app).cues.muted


async def test_a_rest_says_what_comes_next_once(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_routine(pilot, "durab")
        await advance(pilot, clock, 10 + 45)  # the carry's first set done: a rest between sets
        assert text(app, "#kind") == "REST"
        assert text(app, "#up-next") == "Up next: Set 2 of 2 · weight in the right hand"
        await advance(pilot, clock, 15 + 45)  # the rest before the glute bridge
        assert text(app, "#step-label") == "Step 2 of 4"
        assert text(app, "#up-next") == (
            "Up next: Banded glute bridge — 8 holds of 5 s, 2 s between"
        )
        said = "\n".join(text(app, selector) for selector in ("#instructions", "#cue"))
        assert "Next" not in said and "next" not in said
        assert text(app, "#instructions").startswith("You need: loop band, mat")
