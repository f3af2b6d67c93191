"""Saving a workout's session as it goes, off the UI thread and in order."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from backtimer.domain.history import Session
from backtimer.storage.files import StorageError
from backtimer.storage.history import HistoryStore, Journal


class SessionRecorder:
    """Writes one session's journal on a single background thread.

    One thread keeps the writes in the order they were asked for, so an older
    state never overwrites a newer one.
    """

    def __init__(
        self, store: HistoryStore, session_id: str, on_error: Callable[[str], None]
    ) -> None:
        self._journal: Journal = store.journal(session_id)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="backtimer-save")
        self._on_error = on_error
        self.closed = False

    def _report(self, future: Future[None]) -> None:
        error = future.exception()
        if isinstance(error, StorageError):
            self._on_error(f"{error}. The workout goes on; backtimer will try again.")
        elif error is not None:
            self._on_error(f"Could not save the session: {error}")

    def save(self, session: Session) -> None:
        """Keep the session under way (queued; returns at once)."""
        if not self.closed:
            self._executor.submit(self._journal.save, session).add_done_callback(self._report)

    def flush(self) -> None:
        """Wait for the saves asked for so far (for tests, and before reading the journal)."""
        if not self.closed:
            self._executor.submit(lambda: None).result()

    async def finish(self, session: Session) -> list[str]:
        """Move the ended session into the history, waiting without blocking the UI."""
        future = self._executor.submit(self._journal.finish, session)
        try:
            return await asyncio.wrap_future(future)
        finally:
            self._shutdown()

    def finish_now(self, session: Session) -> list[str]:
        """The same as `finish`, waiting here: for quitting, when there is no later."""
        try:
            return self._executor.submit(self._journal.finish, session).result()
        finally:
            self._shutdown()

    def _shutdown(self) -> None:
        self.closed = True
        self._executor.shutdown(wait=True)
