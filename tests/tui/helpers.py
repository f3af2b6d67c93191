"""Helpers for pilot tests: reading what a widget shows, moving the fake clock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Digits, OptionList, Static

from backtimer.tui.app import FLOW, BacktimerApp
from backtimer.tui.screens.builder import BuilderScreen
from backtimer.tui.screens.history import HistoryScreen
from backtimer.tui.screens.question import GUARD_SECONDS, Question
from backtimer.tui.screens.workout import WorkoutScreen
from backtimer.tui.widgets.big_text import BigText
from backtimer.tui.widgets.hanging_text import HangingText
from tests.fakes import FakeClock


def shown(widget: Widget) -> str:
    """The plain text a widget shows."""
    if isinstance(widget, Digits):
        return widget.value
    if isinstance(widget, BigText):
        return widget.text
    if isinstance(widget, HangingText):
        return widget.plain
    if isinstance(widget, Static):
        return widget.visual.plain if hasattr(widget.visual, "plain") else str(widget.visual)
    raise TypeError(f"cannot read {widget!r}")


def text(app: BacktimerApp, selector: str) -> str:
    return shown(app.screen.query_one(selector))


def workout(app: BacktimerApp) -> WorkoutScreen:
    screen = app.screen
    assert isinstance(screen, WorkoutScreen), f"on {type(screen).__name__}, not the workout"
    return screen


async def advance(pilot: Pilot[None], clock: FakeClock, seconds: float, step: float = 0.5) -> None:
    """Let ``seconds`` pass on the fake clock, looking at it every ``step`` like the app does."""
    screen = workout(pilot.app)  # type: ignore[arg-type]
    left = seconds
    while left > 1e-9:
        moved = min(step, left)
        clock.advance(moved)
        left -= moved
        screen.tick()
    await pilot.pause()


async def work_done(app: App[None]) -> None:
    """Wait for the app's work under way (reading, saving), but not for a flow: a flow
    waits for the person at each screen (`backtimer.tui.flow`), so it ends only when the
    test has answered every one."""
    busy = [worker for worker in app.workers if worker.group != FLOW]
    if busy:  # an empty list would mean every worker to Textual
        await app.workers.wait_for_complete(busy)


async def until(pilot: Pilot[None], condition: Callable[[], bool], tries: int = 200) -> None:
    """Let the app run until ``condition`` holds (or ``tries`` pauses have passed: the
    test's own assertion then says what is wrong). A loaded machine can need more than
    one pause for a message to be handled and the screen laid out again."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.01)


async def on_top(pilot: Pilot[None], kind: type[Screen[Any]]) -> None:
    """Wait until a ``kind`` screen is on top and shown (a question: stamped by the app, so
    that moving the clock on afterwards is time the person spent reading it)."""

    def shown() -> bool:
        screen = pilot.app.screen
        stamped = not isinstance(screen, Question) or screen.shown_at is not None
        return isinstance(screen, kind) and screen.is_mounted and stamped

    await until(pilot, shown)
    assert shown(), f"on {type(pilot.app.screen).__name__}, not {kind.__name__}"


async def routines_listed(pilot: Pilot[None]) -> None:
    """Wait until the picker has read the routine files (a worker does it)."""
    options = pilot.app.screen.query_one("#routines", OptionList)
    for _ in range(500):
        if options.option_count:
            return
        await pilot.pause(0.01)
    raise AssertionError("the routines never appeared")


async def start_routine(pilot: Pilot[None], query: str, pain: str = "enter") -> None:
    """From the picker: filter to one routine, start it, answer the pain question."""
    await routines_listed(pilot)
    await pilot.press(*["space" if char == " " else char for char in query], "enter")
    await pilot.pause()
    await answer(pilot, pain)


READING_SECONDS = 1.0
"""How long a person takes to read a question before answering it."""
assert READING_SECONDS > GUARD_SECONDS

QUESTION_TRIES = 1000
"""How many short pauses a question may take to come to the top (a loaded machine can
take seconds to push and lay out a screen)."""


_answered: WeakKeyDictionary[object, float] = WeakKeyDictionary()
"""Each question `answer` has pressed keys into, with its stamp then: a question stamped
again since (the summary and the next-time screen restamp as they move on) is new."""


def new_question(app: App[Any]) -> Question | None:
    """The question on top, once it is mounted and stamped by the app as shown, and is not
    one `answer` has answered already (still on top as it goes)."""
    screen = app.screen
    if not isinstance(screen, Question) or not screen.is_mounted or screen.shown_at is None:
        return None
    return screen if _answered.get(screen) != screen.shown_at else None


async def read_the_question(pilot: Pilot[None], again: bool = False) -> Question:
    """Wait until a new question is on top (pushed, mounted and stamped by the app), then
    let the clock move on as a person reads it, past the moment in which it ignores keys.

    The clock moves only once the question is there: moved before, the reading would be
    time spent on the screen before (or on the question just answered, still on top as
    it goes), and the key that follows would fall in the new question's guard and be
    dropped (the builder's "try it" failed so under load). ``again``: the question
    answered last, which the test has seen stay on top, is read once more."""
    if again:
        _answered.pop(pilot.app.screen, None)
    await until(pilot, lambda: new_question(pilot.app) is not None, tries=QUESTION_TRIES)
    question = new_question(pilot.app)
    assert question is not None, f"no new question came up (on {type(pilot.app.screen).__name__})"
    app = pilot.app
    assert isinstance(app, BacktimerApp)
    clock = app.services.clock
    assert isinstance(clock, FakeClock), "the app runs on the fake clock in tests"
    clock.advance(READING_SECONDS)
    return question


async def answer(pilot: Pilot[None], *keys: str, again: bool = False) -> None:
    """Answer the question coming to the top, as a person who has read it: once it is on
    screen, after the guard. What comes next (a flow pushes it) may take a moment: wait
    for it with `on_top` before asserting on it. ``again``: answer the same question once
    more (one the test has seen stay on top)."""
    question = await read_the_question(pilot, again)
    assert question.shown_at is not None
    _answered[question] = question.shown_at
    await pilot.press(*keys)
    await pilot.pause()


async def history_shown(pilot: Pilot[None]) -> HistoryScreen:
    """Wait until the history pane shows the sessions and statistics it read."""
    for _ in range(2000):
        await work_done(pilot.app)
        await pilot.pause()
        screen = pilot.app.screen
        if isinstance(screen, HistoryScreen) and screen.ready:
            return screen
    raise AssertionError(f"the history never appeared (on {type(pilot.app.screen).__name__})")


async def open_history(pilot: Pilot[None]) -> HistoryScreen:
    """From the picker: F2, then wait for the pane."""
    await routines_listed(pilot)
    await pilot.press("f2")
    return await history_shown(pilot)


def screen_lines(app: BacktimerApp, region: Region) -> list[str]:
    """The text the screen shows inside ``region``, line by line, as a person reads it."""
    strips = app.screen._compositor.render_strips()
    return [strip.text[region.x : region.right] for strip in strips[region.y : region.bottom]]


def footer_words(app: BacktimerApp) -> list[str]:
    """What the footer of the screen on top says each key does, left to right."""
    from textual.widgets._footer import FooterKey  # Textual keeps the key widget private

    return [key.description for key in app.screen.query(FooterKey)]


def toasts(app: App[Any], title: str | None = None) -> list[str]:
    """The toasts on show, their messages (only those with ``title`` when given): the one
    place the tests read the app's notifications."""
    return [str(n.message) for n in app._notifications if title is None or n.title == title]


def told(app: BacktimerApp) -> list[str]:
    """What the app has told the person: its toasts on show, and every notice the workout
    on screen has said in its status line (in place of a toast)."""
    from backtimer.tui.widgets.status_line import StatusLine

    lines = app.screen.query(StatusLine)
    return toasts(app) + ([str(n.message) for n in lines.first().said] if lines else [])


def on_show(app: BacktimerApp) -> list[str]:
    """What the app is telling now: its toasts, and the notice in a workout's status line."""
    from backtimer.tui.widgets.status_line import StatusLine

    lines = app.screen.query(StatusLine)
    notice = lines.first().notice if lines else None
    return toasts(app) + ([str(notice.message)] if notice is not None else [])


# ------------------------------------------------------------ keys and the builder


async def burst(pilot: Pilot[None], *presses: str | events.Paste) -> None:
    """Hand the app every key (or paste) at once, as a terminal does; then let it catch up."""
    app = pilot.app
    assert app._driver is not None
    for press in presses:
        event: events.Event
        if isinstance(press, str):
            character = " " if press == "space" else press if len(press) == 1 else None
            event = events.Key(press, character)
        else:
            event = press
        event.set_sender(app)
        app._driver.send_message(event)
    for _ in range(3):
        await pilot.pause()


async def keys(pilot: Pilot[None], *presses: str) -> None:
    """Press keys, then let the screen catch up (a step's form is rebuilt at times)."""
    await pilot.press(*presses)
    await pilot.pause()


def typed(text: str) -> list[str]:
    return ["space" if char == " " else char for char in text]


def builder(app: App[None]) -> BuilderScreen:
    screen = app.screen
    assert isinstance(screen, BuilderScreen), f"on {type(screen).__name__}, not the builder"
    return screen


async def open_routine(pilot: Pilot[None], query: str) -> BuilderScreen:
    """From the picker: filter to one routine and open it in the builder."""
    await routines_listed(pilot)
    await keys(pilot, *typed(query), "ctrl+e")
    return builder(pilot.app)
