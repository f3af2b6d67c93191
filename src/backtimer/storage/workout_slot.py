"""One workout at a time among the copies of the app served to browsers.

textual-serve starts a copy of the app for each browser that connects, all on
the same data directory. Each would happily run its own workout, and two
timers would then record two sessions of one person at once. So a served copy
takes the slot (a lock the kernel drops if the process dies) before it asks
about pain, and gives it back when the workout ends; a copy that cannot take
it says that a workout is under way elsewhere. Copies run in a terminal do not
take part: two terminals stay two people's business, as before.
"""

from __future__ import annotations

from backtimer.storage import locations
from backtimer.storage.files import HeldLock


class WorkoutSlot:
    """The right to run the one workout; held by at most one process at a time."""

    def __init__(self) -> None:
        self._lock: HeldLock | None = None

    @property
    def held(self) -> bool:
        return self._lock is not None

    def take(self) -> bool:
        """Take the slot; False when another process holds it."""
        if self._lock is not None:
            return True
        lock = HeldLock(locations.journal_dir() / "served-workout.lock")
        if not lock.acquire():
            return False
        self._lock = lock
        return True

    def give_back(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def free(self) -> bool:
        """Whether the slot could be taken now (another process may take it next moment)."""
        if self._lock is not None:
            return True
        taken = self.take()
        self.give_back()
        return taken
