"""The summary asks one thing at a time: the back now, the leg question, the note.

A key only picks an answer and Enter gives it; what cannot be the start of an
answer is words, and words go to the note, whole. So "tight hip" is a note
(never pain 10 and "ight hip"), "2nd set hurt" too (never pain 2), and a
rating key never lands in the note.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from backtimer.domain.coaching.red_flags import LEG_QUESTION
from backtimer.domain.history.session import Session
from backtimer.storage.history import HistoryStore
from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.next_time import NextTimeScreen
from backtimer.tui.screens.picker import PickerScreen
from backtimer.tui.screens.summary import NOTE_THEN_ASKED, SummaryScreen
from backtimer.tui.widgets.pain_scale import PainScale
from tests.fakes import FakeClock
from tests.tui.helpers import (
    advance,
    answer,
    burst,
    read_the_question,
    screen_lines,
    start_routine,
    text,
    toasts,
    work_done,
)
from tests.tui.scenes import three_easy_sessions

Make = Callable[..., BacktimerApp]
KEY_GAP = 0.12
"""A person typing steadily: 120 ms a key."""


async def on_the_summary(pilot: Pilot[None], clock: FakeClock, pain: str = "3") -> SummaryScreen:
    """Start the desk routine, stop it 12 s in; its summary, read and ready for keys."""
    await start_routine(pilot, "desk", pain=pain)
    await advance(pilot, clock, 12)
    await pilot.press("q")
    await answer(pilot, "y")
    await work_done(pilot.app)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SummaryScreen)
    await read_the_question(pilot)
    return screen


async def typed_steadily(pilot: Pilot[None], clock: FakeClock, words: str) -> None:
    for character in words:
        await pilot.press("space" if character == " " else character)
        clock.advance(KEY_GAP)


def asked(app: BacktimerApp) -> str:
    return text(app, "#summary-ask")


def note(app: BacktimerApp) -> str:
    return app.screen.query_one("#note", Input).value


async def saved(pilot: Pilot[None]) -> Session:
    """The session as saved, once the summary has gone (changes for next time kept)."""
    await work_done(pilot.app)
    await pilot.pause()
    if isinstance(pilot.app.screen, NextTimeScreen):
        await answer(pilot, "escape")
        await work_done(pilot.app)
        await pilot.pause()
    assert isinstance(pilot.app.screen, PickerScreen)
    (session,) = HistoryStore().load().sessions
    return session


async def test_one_question_at_a_time_then_saved(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await on_the_summary(pilot, clock)
        assert asked(app) == "How does your back feel now? Before the workout: 3."
        assert not app.screen.query_one("#note").display
        await pilot.press("4")
        assert app.screen.query_one(PainScale).value == 4  # chosen, not given yet
        assert asked(app).startswith("How does your back feel now?")
        await pilot.press("enter")
        assert asked(app) == LEG_QUESTION
        await answer(pilot, "n", "enter")
        assert asked(app) == "A note for next time (optional)"
        await answer(pilot, *"stiff", "enter")
        session = await saved(pilot)
    assert (session.pain_after, session.leg_symptoms, session.note) == (4, False, "stiff")


async def test_tight_hip_typed_steadily_is_a_note_and_the_rating_is_asked_again(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await on_the_summary(pilot, clock)
        await typed_steadily(pilot, clock, "tight hip")
        await pilot.pause()
        assert note(app) == "tight hip"
        assert app.screen.query_one(PainScale).value is None  # the "t" was never a 10
        assert asked(app) == "A note for next time (optional)"
        assert text(app, "#summary-hint") == NOTE_THEN_ASKED
        await answer(pilot, "enter")
        assert asked(app).startswith("How does your back feel now?")  # asked, not guessed
        await answer(pilot, "2", "enter")
        await answer(pilot, "enter")  # the leg question skipped
        session = await saved(pilot)
    assert (session.pain_after, session.leg_symptoms, session.note) == (2, None, "tight hip")


async def test_tight_hip_typed_in_one_burst_is_the_note_whole(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await on_the_summary(pilot, clock)
        await burst(pilot, *"tight", "space", *"hip", "enter")
        await pilot.pause()
        assert note(app) == "tight hip"
        assert asked(app).startswith("How does your back feel now?")
        await answer(pilot, "ctrl+s")
        session = await saved(pilot)
    assert (session.pain_after, session.note) == (None, "tight hip")


async def test_tight_hip_pasted_is_the_note_whole(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await on_the_summary(pilot, clock)
        await burst(pilot, events.Paste("tight hip"))
        assert note(app) == "tight hip"
        assert app.screen.query_one(PainScale).value is None
        await burst(pilot, *" now")
        assert note(app) == "tight hip now"


async def test_2nd_set_hurt_is_a_note_not_pain_2(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await on_the_summary(pilot, clock)
        await typed_steadily(pilot, clock, "2nd set hurt")
        await answer(pilot, "enter")  # the note given: back to the rating
        await answer(pilot, "ctrl+s")
        session = await saved(pilot)
    assert (session.pain_after, session.note) == (None, "2nd set hurt")


async def test_10_and_t_both_rate_ten(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await on_the_summary(pilot, clock)
        await pilot.press("1", "0")
        assert app.screen.query_one(PainScale).value == 10
        await pilot.press("backspace", "backspace", "T")
        assert app.screen.query_one(PainScale).value == 10
        await pilot.press("enter")
        await answer(pilot, "ctrl+s")
        session = await saved(pilot)
    assert session.pain_after == 10


async def test_a_rating_key_typed_on_never_lands_in_the_note_nor_rerates(
    make_app: Make, clock: FakeClock
) -> None:
    """Keys typed faster than the next question can be read are for the question gone."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await on_the_summary(pilot, clock)
        await burst(pilot, "4", "enter", "4", "y", "enter", "4")
        assert asked(app) == LEG_QUESTION
        await answer(pilot, "y", "enter")
        await answer(pilot, *"sharp twinge")
        assert note(app) == "sharp twinge"
        await pilot.press("enter")
        session = await saved(pilot)
    assert (session.pain_after, session.leg_symptoms, session.note) == (4, True, "sharp twinge")


async def test_a_note_never_changes_the_rating(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await on_the_summary(pilot, clock)
        await answer(pilot, "3", "enter")
        await answer(pilot, "n", "enter")
        await answer(pilot, *"t10 t 7", "enter")
        session = await saved(pilot)
    assert (session.pain_after, session.leg_symptoms, session.note) == (3, False, "t10 t 7")


async def test_a_yes_to_the_leg_question_is_kept_and_says_what_it_means(
    make_app: Make, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await on_the_summary(pilot, clock)
        await answer(pilot, "enter")  # the rating skipped
        await answer(pilot, "y", "enter")
        assert any("no step grows" in line for line in toasts(app))
        await answer(pilot, "enter")
        session = await saved(pilot)
    assert (session.pain_after, session.leg_symptoms) == (None, True)


async def test_ctrl_s_saves_from_any_question(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await on_the_summary(pilot, clock)
        await answer(pilot, "5", "enter")
        await answer(pilot, "ctrl+s")
        session = await saved(pilot)
    assert (session.pain_after, session.leg_symptoms, session.note) == (5, None, "")


def whole_screen(app: BacktimerApp) -> str:
    return "\n".join(screen_lines(app, app.screen.region))


async def each_question_fits(pilot: Pilot[None], wanted: list[str]) -> None:
    """Every question, its hint and the save key, on the screen and not cut, at each step."""
    app = pilot.app
    assert isinstance(app, BacktimerApp)
    for keys in (["4", "enter"], ["n", "enter"], []):
        shown = whole_screen(app)
        flat = " ".join(shown.split())
        for words in [asked(app), text(app, "#summary-hint"), *wanted]:
            assert " ".join(words.split()) in flat, f"{words!r} is not all on the screen"
        assert "Save and finish" in shown
        questions = app.screen.query_one("#summary-questions").region
        assert questions.bottom <= app.size.height - 1  # above the footer
        if keys:
            await answer(pilot, *keys)


async def test_every_question_fits_at_60_by_20(make_app: Make, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await on_the_summary(pilot, clock)
        await each_question_fits(pilot, ["Workout stopped early"])


async def test_every_question_fits_at_100_by_30_with_suggestions(
    make_app: Make, clock: FakeClock
) -> None:
    three_easy_sessions()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await on_the_summary(pilot, clock, pain="2")
        await work_done(app)
        await pilot.pause()
        assert "For next time" in whole_screen(app)
        await each_question_fits(pilot, ["For next time"])
