"""Messages the screens send to the app (braindrop's ``app/messages`` is the pattern)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from backtimer.storage.library import RoutineEntry


@dataclass
class StartRoutine(Message):
    """Start this routine: asked by the picker, the pain guide, the builder ("try it") and
    the programmes screen; the app alone handles it, handing it to the workout flow
    (`flow.start_asked`)."""

    entry: RoutineEntry
