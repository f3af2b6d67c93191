"""SIGTERM, SIGHUP and SIGINT end the app without losing the session under way.

Without this, ``kill`` or closing the terminal window ends the process
where it stands: the journal keeps the last step change, so 20 s into a 30 s
step the session was recorded with nothing of that step done. Here each of
these signals brings the journal up to date first (`leaving.keep_for_signal`),
then ends the app with the shell's usual status for a signal (128 + its
number). The next start records the session as interrupted and offers to
resume it.

The signals are noticed by a thread of their own (reading the file the
interpreter writes each signal's number to), not by the event loop, and the
thread arms a last resort as each arrives: if the app cannot end (its output
stuck on a frozen terminal, its event loop blocked), the process ends
`GRACE_SECONDS` after the signal, once the journal is kept. It never runs on
for ever.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from types import FrameType
from typing import Any

from textual.app import App

from backtimer.tui.leaving import keep_for_signal
from backtimer.tui.unsaved import as_printed

STOPPING = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
GRACE_SECONDS = 4.0
"""Seconds the app has to end by itself after a stopping signal."""
KEEPING_SECONDS = 10.0
"""Seconds the last resort waits for the journal being kept on the event loop."""


def install_signal_handlers(app: App[Any]) -> Ending:
    """End the app on a stopping signal, whatever its event loop is doing.

    Returns:
        The handlers, to `Ending.uninstall` when the app has ended.
    """
    ending = Ending(app, asyncio.get_running_loop())
    ending.install()
    return ending


def stopped(app: App[Any], signum: int) -> None:
    """Keep every session where the next start finds it, then end the app."""
    Ending(app, asyncio.get_running_loop()).stop(signum)


def _noticed(signum: int, frame: FrameType | None) -> None:
    """The interpreter's handler: the number is already in the wakeup file."""


class Ending:
    """The app's end on a signal: on its event loop, or as a last resort."""

    def __init__(self, app: App[Any], loop: asyncio.AbstractEventLoop) -> None:
        self._app = app
        self._loop = loop
        self._keeping = threading.Lock()
        self._told: list[str] | None = None
        self._last_resort: threading.Timer | None = None
        self._restore: list[tuple[int, Any]] = []
        self._wakeup = -1
        self._previous_wakeup = -1

    def install(self) -> None:
        """Watch for the stopping signals on a thread of their own (from the main thread).

        The C-level handler writes each signal's number to the wakeup file
        whichever thread it interrupts, so the watcher sees it even when the
        main thread is blocked and never runs a Python handler.
        """
        read, self._wakeup = os.pipe()
        os.set_blocking(self._wakeup, False)
        self._restore = [(signum, signal.signal(signum, _noticed)) for signum in STOPPING]
        for signum in STOPPING:
            signal.siginterrupt(signum, False)
        self._previous_wakeup = signal.set_wakeup_fd(self._wakeup, warn_on_full_buffer=False)
        threading.Thread(target=self._watch, args=(read,), daemon=True, name="signals").start()

    def uninstall(self) -> None:
        """Put back the handlers found; the watcher ends (from the main thread)."""
        if self._wakeup < 0:
            return
        signal.set_wakeup_fd(self._previous_wakeup)
        for signum, handler in self._restore:
            signal.signal(signum, handler)
        os.close(self._wakeup)  # the watcher reads the end of the file, and ends
        self._wakeup = -1

    def _watch(self, read: int) -> None:
        with open(read, "rb", buffering=0) as wakeup:
            while numbers := wakeup.read(64):
                for signum in numbers:
                    if signum in STOPPING:
                        self._arm(signum)
                        with contextlib.suppress(RuntimeError):  # the loop has closed
                            self._loop.call_soon_threadsafe(self.stop, signum)

    def _arm(self, signum: int) -> None:
        """End the process `GRACE_SECONDS` from now, if the app has not ended by then."""
        if self._last_resort is None:
            self._last_resort = threading.Timer(GRACE_SECONDS, self.last_resort, (signum,))
            self._last_resort.daemon = True
            self._last_resort.start()

    def keep(self) -> tuple[list[str], bool]:
        """Keep every session once; returns what was told and whether this call kept them."""
        with self._keeping:
            if self._told is not None:
                return self._told, False
            self._told = keep_for_signal(self._app.screen_stack)
            return self._told, True

    def stop(self, signum: int) -> None:
        """Keep every session where the next start finds it, then end the app (on its loop)."""
        told, _ = self.keep()
        name = signal.Signals(signum).name
        message = "\n".join(f"backtimer: stopped by {name}: {line}" for line in told)
        self._app.error_console.soft_wrap = True  # printed whole, never cut to the width
        self._app.exit(return_code=128 + signum, message=as_printed(message) if message else None)

    def last_resort(self, signum: int) -> None:
        """The app did not end: keep the sessions (unless the loop did), then end the process."""
        if self._keeping.acquire(timeout=KEEPING_SECONDS):  # the loop may be keeping them
            self._keeping.release()
            told, kept_here = self.keep()
            name = signal.Signals(signum).name
            lines = "".join(f"backtimer: stopped by {name}: {line}\n" for line in told)
            if kept_here and lines:
                # the terminal may be gone: the lines name a file, and it is written
                with contextlib.suppress(OSError):
                    os.write(2, lines.encode())
        os._exit(128 + signum)
