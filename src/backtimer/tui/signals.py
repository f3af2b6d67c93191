"""SIGTERM, SIGHUP and SIGINT end the app without losing the session under way.

Without this, ``kill`` or closing the terminal window ends the process
where it stands: the journal keeps the last step change, so 20 s into a 30 s
step the session was recorded with nothing of that step done. Here each of
these signals brings the journal up to date first (`leaving.keep_for_signal`),
then ends the app with the shell's usual status for a signal (128 + its
number). The next start records the session as interrupted and offers to
resume it.
"""

from __future__ import annotations

import asyncio
import signal
from typing import Any

from textual.app import App

from backtimer.tui.leaving import keep_for_signal
from backtimer.tui.unsaved import as_printed

STOPPING = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


def install_signal_handlers(app: App[Any]) -> None:
    """Handle the stopping signals on the app's event loop (so never mid-update)."""
    loop = asyncio.get_running_loop()
    for signum in STOPPING:
        loop.add_signal_handler(signum, stopped, app, signum)


def stopped(app: App[Any], signum: int) -> None:
    """Keep every session where the next start finds it, then end the app."""
    told = keep_for_signal(app.screen_stack)
    name = signal.Signals(signum).name
    message = "\n".join(f"backtimer: stopped by {name}: {line}" for line in told)
    app.error_console.soft_wrap = True  # printed whole, never cut to the width
    app.exit(return_code=128 + signum, message=as_printed(message) if message else None)
