"""Word left beside the journals that a recovered workout is still to be offered for resuming.

Any command recovers the journal of a killed workout into the history
(`HistoryStore.recover`), a data command too, so that its listing holds the
session. The offer to carry it on is the app's to make: so recovering leaves
an empty ``in-progress/<id>.resume``, and the app's next start offers the
latest such session (`take`), whichever command recovered it. Before, a
``backtimer history`` run first swallowed the offer.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from backtimer.storage import locations
from backtimer.storage.files import StorageError, write_atomic

if TYPE_CHECKING:
    from backtimer.domain.history.session import Session
    from backtimer.storage.history import HistoryStore

SUFFIX = ".resume"


def _word(session_id: str) -> Path:
    return locations.journal_dir() / f"{session_id}{SUFFIX}"


def keep(session_id: str) -> None:
    """Leave word that this recovered session is still to be offered (best effort: on a
    disk that cannot be written, it is not offered, and stays in the history)."""
    with contextlib.suppress(StorageError):
        write_atomic(_word(session_id), "")


def take(store: HistoryStore) -> list[Session]:
    """The sessions recovered and not offered yet, oldest end first; each is offered once
    (its word is taken away), and one no longer in the history is passed over."""
    folder = locations.journal_dir()
    if not folder.is_dir():
        return []
    found = []
    for word in sorted(folder.glob(f"*{SUFFIX}")):
        session = store.find(word.name.removesuffix(SUFFIX))
        if session is not None:
            found.append(session)
        with contextlib.suppress(OSError):
            word.unlink()
    return sorted(found, key=lambda s: s.ended_at)
