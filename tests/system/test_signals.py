"""Signals save the session (issue 11, point 7): the real process, in a real terminal.

SIGTERM and SIGHUP (closing the terminal window) used to end the process
with no last save: 20 s into a 30 s step, the session was recorded with 0 s
active. Each stopping signal, sent mid-step, must now leave the journal up to
date (interrupted, the time done so far) for the next start to record.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from backtimer.storage.history import HistoryStore
from backtimer.tui.screens.question import GUARD_SECONDS
from tests.system.terminal import THIRTY, Terminal, journal, wait_until

WAIT = 1.5
"""Seconds of the 30-second rep done before the signal."""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_mid_step_leaves_the_time_done_in_the_journal(home: Path, signum: int) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "thirty.toml").write_text(THIRTY)
    terminal = Terminal(home, "start", "thirty", controlling=True)
    try:
        terminal.wait_for("How much does your back hurt")
        time.sleep(GUARD_SECONDS)  # a question ignores keys as it appears
        terminal.press("\r")
        wait_until(lambda: list(home.glob("in-progress/*.toml")), what="the workout's journal")
        began = time.monotonic()
        time.sleep(WAIT)
        if signum == signal.SIGHUP:
            terminal.hang_up()  # the window closed: the kernel sends SIGHUP
        else:
            terminal.process.send_signal(signum)
        code = terminal.process.wait(timeout=20)
        done = time.monotonic() - began
    finally:
        terminal.close()
    assert code == 128 + signum
    kept = journal(home)
    assert kept["status"] == "interrupted"
    assert WAIT - 0.5 <= float(str(kept["active_seconds"])) <= done + 1
    steps = kept["steps"]
    assert isinstance(steps, list) and len(steps) == 1
    step_seconds = float(steps[0]["seconds_done"])  # the step under way counts too
    assert WAIT - 0.5 <= step_seconds <= done + 1
    (session,) = HistoryStore().recover()[0]  # the next start records it
    assert session.active_seconds == kept["active_seconds"]
