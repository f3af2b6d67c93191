"""The app ends when its terminal is gone or frozen, never running on for ever.

Closing the terminal just after the first frame sometimes left the process
running for ever, deaf to SIGTERM and SIGHUP: the output thread died on the
closed terminal, the app then blocked handing it the next frame, and its
event loop, where the signals were handled, never ran again.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

from backtimer.tui.screens.question import GUARD_SECONDS
from tests.system.terminal import THIRTY, Terminal, journal, wait_until

ENDED_WITHIN = 8.0
"""Seconds a stopping signal may take to end the app, however stuck its output."""


def test_closing_the_terminal_just_after_the_first_frame_ends_the_app(home: Path) -> None:
    for attempt in range(3):  # the hang came one time in four or so
        terminal = Terminal(home / str(attempt), controlling=True)
        try:
            terminal.wait_for("Choose a routine")
            terminal.hang_up()  # the window closed: the kernel sends SIGHUP
            code = terminal.process.wait(timeout=ENDED_WITHIN)
        finally:
            terminal.close()
        assert code == 128 + signal.SIGHUP, f"attempt {attempt}"


def test_the_app_still_ends_after_painting_to_a_closed_terminal(home: Path) -> None:
    terminal = Terminal(home)  # not its controlling terminal: no SIGHUP when it closes
    try:
        terminal.wait_for("Choose a routine")
        terminal.hang_up()  # writing to it now fails
        for _ in range(60):  # the app paints again: it may not block on the dead output
            terminal.process.send_signal(signal.SIGWINCH)
            time.sleep(0.02)
        terminal.process.send_signal(signal.SIGTERM)
        code = terminal.process.wait(timeout=ENDED_WITHIN)
    finally:
        terminal.close()
    assert code == 128 + signal.SIGTERM


def test_a_signal_ends_a_workout_whose_terminal_no_longer_reads_and_keeps_it(
    home: Path,
) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "thirty.toml").write_text(THIRTY)
    terminal = Terminal(home, "start", "thirty")
    try:
        terminal.wait_for("How much does your back hurt")
        time.sleep(GUARD_SECONDS)  # a question ignores keys as it appears
        terminal.press("\r")
        wait_until(lambda: list(home.glob("in-progress/*.toml")), what="the workout's journal")
        terminal.stop_reading()  # a frozen terminal: the app's writes block
        for width in range(100, 160):  # each size is painted whole
            terminal.resize(width, 30 + width % 10)
            time.sleep(0.05)
        terminal.process.send_signal(signal.SIGTERM)
        code = terminal.process.wait(timeout=ENDED_WITHIN)
    finally:
        terminal.close()
    assert code == 128 + signal.SIGTERM
    kept = journal(home)
    assert kept["status"] == "interrupted"
    assert float(str(kept["active_seconds"])) >= 2  # the seconds of the resizes counted
