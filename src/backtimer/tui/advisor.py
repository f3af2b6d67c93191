"""The progression rules for the routine just done: what the summary suggests, and saving it.

The summary asks an `Advisor` (off the UI thread) what the rules say about
the session as rated so far; the next-time screen asks it to save the changes
the person accepts. The history is read once, then each new rating only
replaces this session's. While the person has said a red flag applies (and
not yet that it was checked), the rules suggest no growth.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from backtimer.domain.coaching.progression import StepAdvice
from backtimer.domain.history.digest import SessionDigest, digest
from backtimer.domain.history.session import Session
from backtimer.storage import coaching, progression
from backtimer.storage.library import RoutineEntry
from backtimer.storage.progression import Accepted
from backtimer.tui.services import Services


@dataclass
class Advisor:
    """The rules' advice on one routine, for the session just done."""

    services: Services
    entry: RoutineEntry
    """The routine as it was run."""
    _history: list[SessionDigest] | None = field(default=None, repr=False)
    _copies: dict[str, str] = field(default_factory=dict, repr=False)
    _red_flag_open: bool = field(default=False, repr=False)

    def read(self) -> None:
        """Read the history, the copies programmes follow and whether a red flag is open
        (blocking: call from a thread)."""
        if self._history is None:
            self._history = self.services.store.load_digests().sessions
            self._copies = progression.copies()
            self._red_flag_open = coaching.red_flag_open()

    def advise(self, session: Session) -> list[StepAdvice]:
        """What the rules say with ``session`` as rated now (blocking: call from a thread)."""
        if not progression.can_change(self.entry):
            return []
        self.read()
        assert self._history is not None
        others = [s for s in self._history if s.id != session.id]
        history = sorted([*others, digest(session)], key=lambda s: s.started_at)
        return progression.advise_on(
            self.entry,
            history,
            self.services.now(),
            self.services.zone,
            self._copies,
            red_flag_open=self._red_flag_open,
        )

    def accept(self, chosen: list[StepAdvice]) -> Accepted:
        """Save the accepted changes (blocking: call from a thread).

        Raises:
            SaveRefused, StorageError: nothing was saved; the message says why.
        """
        return progression.accept(self.entry, chosen)
