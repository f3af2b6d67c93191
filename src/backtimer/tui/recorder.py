"""Saving a workout's session as it goes, off the UI thread and in order.

The disk may be full or read-only from the start, or fail half way: the
workout goes on regardless, the session stays in memory, and each save tries
again. The person hears once when saving fails (with the file and the
reason) and once when it works again, never at every step.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from backtimer.domain.history.session import Session
from backtimer.storage.files import StorageError
from backtimer.storage.history import HistoryStore, Journal

KEEP_NOW_SECONDS = 5.0
"""How long a signal waits for the journal to be written before the app ends anyway."""


class SessionRecorder:
    """Writes one session's journal on a single background thread.

    One thread keeps the writes in the order they were asked for, so an older
    state never overwrites a newer one. The journal is opened on that thread
    at the first save, and again at the next save if that failed.
    """

    def __init__(
        self,
        store: HistoryStore,
        session_id: str,
        on_error: Callable[[str], None],
        on_saved: Callable[[str], None] | None = None,
    ) -> None:
        self._store = store
        self._session_id = session_id
        self._journal: Journal | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="backtimer-save")
        self._on_error = on_error
        self._on_saved = on_saved
        self.failure: str | None = None
        """Why the last save failed; None while saving works."""
        self.closed = False

    def _keep(self, session: Session) -> None:
        if self._journal is None:
            self._journal = self._store.journal(self._session_id)
        self._journal.save(session)

    def _keep_and_report(self, session: Session) -> None:
        """`_keep`, telling the person when saving fails and when it works again.

        Runs on the saving thread, so the callbacks always come from there (a
        future's done-callback may run on the thread that added it).
        """
        try:
            self._keep(session)
        except Exception as error:  # the workout must go on whatever the disk does
            message = str(error) if isinstance(error, StorageError) else f"could not save: {error}"
            self._failed(message)
            return
        if self.failure is not None:
            self.failure = None
            if self._on_saved is not None:
                self._on_saved("Saving works again: the session is safe on disk.")

    def _failed(self, message: str) -> None:
        if message != self.failure:
            self.failure = message
            self._on_error(
                f"{message}. The workout goes on; backtimer keeps the session and tries again"
                " at each step."
            )

    def save(self, session: Session) -> None:
        """Keep the session under way (queued; returns at once)."""
        if not self.closed:
            self._executor.submit(self._keep_and_report, session)

    def flush(self) -> None:
        """Wait for the saves asked for so far (for tests, and before reading the journal)."""
        if not self.closed:
            self._executor.submit(lambda: None).result()

    def keep_now(self, session: Session) -> str | None:
        """Bring the journal up to date here and now, after the saves queued before it.

        For a signal that ends the app: the session stays in the journal as it is
        (``interrupted``, with the time done so far), for the next start to recover.

        Returns:
            Why it could not be written, or None when it was.
        """
        if self.closed:
            return None
        future = self._executor.submit(self._keep, session)
        try:
            future.result(timeout=KEEP_NOW_SECONDS)
        except FutureTimeout:
            return "the disk did not answer in time"
        except StorageError as exc:
            return str(exc)
        return None

    def _finish(self, session: Session) -> list[str]:
        if self._journal is not None:
            return self._journal.finish(session)
        return self._store.record(session)  # the journal could never be written

    async def finish(self, session: Session) -> list[str]:
        """Move the ended session into the history, waiting without blocking the UI.

        Raises:
            StorageError: it could not be recorded; the journal, if one was
                written, stays until the session is recorded (and recording it
                later, from the summary, drops it).
        """
        future = self._executor.submit(self._finish, session)
        try:
            return await asyncio.wrap_future(future)
        finally:
            self._shutdown()

    def finish_now(self, session: Session) -> list[str]:
        """The same as `finish`, waiting here: for quitting, when there is no later."""
        try:
            return self._executor.submit(self._finish, session).result()
        finally:
            self._shutdown()

    def _shutdown(self) -> None:
        self.closed = True
        with contextlib.suppress(RuntimeError):
            self._executor.shutdown(wait=True)
