"""Workarounds of Textual's private parts that no other test shows are still needed.

docs/development/textual.md lists every private part of Textual the code relies on,
each with the test that fails when its workaround goes (most of them elsewhere).
These are the tests for the two that had none: each fails if its workaround is
removed, or if Textual changes the private part under it; and one that fails when
Textual no longer needs the first.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable

import pytest
from textual.drivers._writer_thread import MAX_QUEUED_WRITES, WriterThread
from textual.screen import Screen
from textual.widgets import Input

from backtimer.tui.app import BacktimerApp
from backtimer.tui.driver import SturdyLinuxDriver, SturdyOutput
from backtimer.tui.widgets.text_input import TextInput
from tests.tui.helpers import routines_listed, until

Make = Callable[..., BacktimerApp]


class ClosedTerminal(io.StringIO):
    """A terminal that has gone: every write fails as a closed pty's does."""

    def write(self, text: str) -> int:
        raise OSError(5, "Input/output error")


async def test_the_driver_writes_through_an_output_that_survives_a_closed_terminal(
    make_app: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`SturdyLinuxDriver` swaps Textual's private ``LinuxDriver._file`` (the terminal its
    output thread writes to) for a `SturdyOutput`. Without it, or if Textual renames the
    attribute, the output thread dies on the first write to a closed terminal and the app
    hangs (tests/system/test_terminal_gone.py shows that in a real terminal)."""
    terminal = ClosedTerminal()
    monkeypatch.setattr("sys.__stderr__", terminal)
    driver = SturdyLinuxDriver(make_app())
    assert isinstance(driver._file, SturdyOutput)
    driver._file.write("a frame")  # dropped, not raised
    assert driver._file.gone


def test_textuals_output_thread_still_dies_on_a_closed_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Why `SturdyOutput` is there: Textual's output thread ends at the first write that
    fails, and the app then blocks handing it a frame once its queue is full. When this
    test fails, Textual keeps writing through a closed terminal and the workaround (and
    this test) can go."""
    monkeypatch.setattr(threading, "excepthook", lambda args: None)  # its death is expected
    thread = WriterThread(ClosedTerminal())
    thread.start()
    thread.write("a frame")
    thread.join(timeout=5)
    assert not thread.is_alive()
    for _ in range(MAX_QUEUED_WRITES):
        thread.write("a frame")  # nothing takes them now: the next one would block for ever
    assert thread._queue.full()


async def test_typing_into_a_field_repaints_it_without_laying_out_the_screen(
    make_app: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`TextInput` redeclares `virtual_size` (which Textual's `Input` sets a cell wider
    for each character) as a reactive that only repaints. Textual's own is a layout
    reactive: every key typed laid the whole builder out again."""
    layouts: list[Screen[object]] = []
    refresh_layout = Screen._refresh_layout

    def counted(screen: Screen[object], *args: object, **kwargs: object) -> None:
        layouts.append(screen)
        refresh_layout(screen, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await routines_listed(pilot)
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.focused, TextInput))
        field = app.focused
        assert isinstance(field, Input)
        await pilot.pause()
        layouts.clear()
        await pilot.press(*"Evening unwind")
        await until(pilot, lambda: field.value == "Evening unwind")
        await pilot.pause()
    assert len(layouts) <= 3, f"{len(layouts)} layouts for 14 keys"
