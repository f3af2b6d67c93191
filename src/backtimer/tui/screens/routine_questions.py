"""The questions asked before a routine is opened or started: the person's copy of a
built-in, or a second one; a routine another window of backtimer is running now."""

from __future__ import annotations

from datetime import datetime

from backtimer.storage.library import RoutineEntry
from backtimer.tui.screens.confirm import Confirm


def copy_question(builtin: RoutineEntry, copy: RoutineEntry) -> Confirm:
    """ctrl+e on a built-in the person has a copy of: yes, that copy; no, a second one;
    Escape, neither (one copy, not two made by accident)."""
    return Confirm(
        f"You have your own {builtin.name}",
        f"{copy.name} ({copy.id}) is your copy of it; programmes run it."
        " Change that copy, or make a second one?",
        yes="Change my copy",
        no="A second copy",
        cancel="Neither",
    )


def elsewhere_question(entry: RoutineEntry, began: datetime) -> Confirm:
    """Starting a routine another window runs now (``began``, local time)."""
    return Confirm(
        f"{entry.name} is under way in another window",
        f"Another backtimer started it at {began:%H:%M} and it has not ended."
        " Two at once would count as two sessions of the same programme slot."
        " Start it here as well?",
        yes="Start here too",
        no="Not now",
    )
