"""Wrapped lines hang under the start of their text: in the keys dialog, the pain guide
and the builder's move search."""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.geometry import Region

from backtimer.tui.app import BacktimerApp
from backtimer.tui.screens.help import HelpScreen
from backtimer.tui.screens.move_picker import MovePicker
from backtimer.tui.widgets.hanging_text import HangingText, hang
from tests.tui.helpers import routines_listed, screen_lines, start_routine, until

Make = Callable[..., BacktimerApp]


def continuations(widget: HangingText) -> list[tuple[int, str]]:
    """The wrapped parts of the widget's lines that should hang, with their indent."""
    width = widget.size.width
    assert width > 0
    return [
        (indent, part.plain)
        for markup, indent in widget.lines
        if indent
        for part in hang(Content.from_markup(markup), width, indent)[1:]
    ]


async def test_the_keys_dialog_hangs_what_a_key_does_under_its_words(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await start_routine(pilot, "desk")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.pause()
        wrapped = [line for text in app.screen.query(HangingText) for line in continuations(text)]
        assert wrapped, "a line long enough to wrap at 60 x 20"
        assert all(line.startswith(" " * indent) for indent, line in wrapped), wrapped


async def test_the_guide_hangs_its_wrapped_lines(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await routines_listed(pilot)
        await pilot.press("f4")
        await pilot.pause()
        advice = app.screen.query_one("#advice", HangingText)
        wrapped = continuations(advice)
        assert wrapped
        assert all(line.startswith(" " * indent) for indent, line in wrapped), wrapped


async def test_the_move_search_hangs_what_a_move_needs_under_what_it_is(make_app: Make) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await routines_listed(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, MovePicker))
        await pilot.pause()
        lines = screen_lines(app, Region(0, 0, 60, 20))
        first = next(i for i, line in enumerate(lines) if "mobility · hamstrings" in line)
        indent = lines[first].index("mobility")
        assert lines[first + 1][:indent].strip(" █") == ""  # "nothing" hangs under it
        assert lines[first + 1][indent:].startswith("nothing")
