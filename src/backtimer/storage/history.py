"""The session history on disk, written so that no session is ever lost.

Finished sessions of the current month live in ``history.toml``; earlier
months move to ``history/YYYY-MM.toml``, so recording a session rewrites one
month at most, never years of history. A session under way is kept in its own
small journal file in ``in-progress/``, rewritten at every step change and
pause, and says ``interrupted`` until it ends: if the process is killed, the
next start finds the journal, sees that no live process holds its lock, and
moves it into the history as it stands.

Every write is atomic and done under one lock file, so two copies of the app
never lose each other's sessions. A history file that cannot be read is set
aside under a new name and reported, never overwritten.

Reading every session for the review goes through a cache of digests
(`digest_cache`), and reading every session in full (an export) through a cache
of whole sessions (`session_cache`), so either parses only the files that
changed since last time. Writing never uses them: it parses what it rewrites.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from backtimer.domain.history.digest import SessionDigest
from backtimer.storage import (
    digest_cache,
    file_cache,
    history_aside,
    history_index,
    locations,
    resume_offers,
    session_cache,
    transaction,
)
from backtimer.storage.files import (
    HeldLock,
    StorageError,
    keep_aside,
    locked,
    set_aside,
    write_atomic,
)
from backtimer.storage.history_file import (
    HISTORY_MAX_BYTES,
    JOURNAL_MAX_BYTES,
    HistoryFile,
    dump,
)
from backtimer.storage.history_file import parse_file as parse_file  # tests count its calls
from backtimer.storage.safe_read import read_bytes

if TYPE_CHECKING:  # the models are needed only to write or to read in full
    from backtimer.domain.history.session import Session


@dataclass
class HistoryLoad:
    """Every session found, oldest first, and any problem met on the way."""

    sessions: list[Session] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class DigestLoad:
    """Every session's digest, oldest first, and any problem met on the way."""

    sessions: list[SessionDigest] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _month(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y-%m}"


class HistoryStore:
    """Reads and writes the history in the data directory."""

    def __init__(self, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._now = now
        self._digests: digest_cache.Memo = {}
        self._reading = threading.Lock()
        """One `load_digests` at a time: a second caller waits, then finds the work done."""
        self._journals: dict[str, Journal] = {}
        """The journals this process keeps open, by session id: recording one drops it."""
        self._said_aside: set[Path] = set()
        """Files of damaged text this store set aside, and said so as it did."""

    # ------------------------------------------------------------ reading

    def files(self) -> list[Path]:
        """Every history file, oldest month first, the current month last."""
        archive = locations.archive_dir()
        months = sorted(archive.glob("*.toml")) if archive.is_dir() else []
        current = locations.history_file()
        return months + ([current] if current.exists() else [])

    def load(self) -> HistoryLoad:
        """Every session, oldest first; what cannot be read is reported and left out."""
        result = HistoryLoad()
        by_id: dict[str, Session] = {}
        for sessions, problems in self.each_file():
            result.problems += problems
            for session in sessions:
                by_id[session.id] = session  # a later file wins after an interrupted move
        result.sessions = sorted(by_id.values(), key=lambda s: s.started_at)
        result.problems += self.aside_notice()
        return result

    def aside_notice(self) -> list[str]:
        """One line about damaged text kept aside that the person has not looked at yet
        (none for what this store set aside itself: that was said as it was done)."""
        return history_aside.notice(self._said_aside)

    def _aside(self, path: Path) -> Path:
        self._said_aside.add(path)
        return path

    def each_file(self) -> Iterator[tuple[list[Session], list[str]]]:
        """Each history file's sessions and problems in turn, oldest month first: an
        export goes through ten years one file at a time, never holding them all.

        A session in two files (an interrupted move) is in both: the later wins. Only
        the files changed since the last read are parsed (`session_cache`).
        """
        files = self.files()
        for path in files:
            try:
                read = session_cache.sessions_of(path, parse_file)
            except OSError as exc:
                read = [], [_unreadable(path, exc)]
            yield read
        file_cache.prune(files)

    def load_digests(self) -> DigestLoad:
        """Every session's digest, oldest first, parsing only files changed since last time.

        This store keeps the digests it read (about 1.2 KiB a session), so the
        next call only checks that each file is unchanged.
        """
        with self._reading:
            return self._load_digests()

    def _load_digests(self) -> DigestLoad:
        files = self.files()
        result, latest = self._digests_of(files)
        file_cache.prune(files)
        history_index.note(latest)
        for gone in set(self._digests) - set(files):
            self._digests.pop(gone, None)
        return result

    def load_digests_since(self, since: datetime) -> DigestLoad:
        """The digests of the sessions started from ``since`` on, oldest first, and the
        problems: exactly what `load_digests` gives, its sessions cut to those.

        Only the files that can hold such a session are read: a leading run of
        files is skipped while each is as noted at the last full reading, with no
        damaged part and nothing that late (`history_index.unneeded`). Two sessions
        that started at the same moment are put in order by the files they were
        first seen in, some of which were skipped: then everything is read.
        """
        with self._reading:
            files = self.files()
            skip = history_index.unneeded(files, since)
            if skip:
                result, _ = self._digests_of(files[skip:])
                recent = [s for s in result.sessions if s.started_at >= since]
                if len({session.started_at for session in recent}) == len(recent):
                    return DigestLoad(recent, result.problems)
            result = self._load_digests()
            result.sessions = [s for s in result.sessions if s.started_at >= since]
            return result

    def _digests_of(
        self, files: list[Path]
    ) -> tuple[DigestLoad, dict[Path, tuple[list[int], datetime | None]]]:
        """The digests of these files, oldest first, and the latest session of each
        file read without a problem (for `history_index.note`)."""
        result = DigestLoad()
        by_id: dict[str, SessionDigest] = {}
        latest: dict[Path, tuple[list[int], datetime | None]] = {}
        for path in files:
            try:
                read = digest_cache.digests_of(path, parse_file, self._digests)
            except FileNotFoundError:
                continue  # moved by another copy of the app while we looked
            except OSError as exc:
                result.problems.append(_unreadable(path, exc))
                continue
            result.problems += read.problems
            for session in read.sessions:
                by_id[session.id] = session  # as in `load`, a later file wins
            if not read.problems:  # a damaged file is read every time, to say so
                starts = [session.started_at for session in read.sessions]
                latest[path] = (read.key, max(starts, default=None))
        result.problems += self.aside_notice()
        result.sessions = sorted(by_id.values(), key=lambda s: s.started_at)
        return result, latest

    def _read(self, path: Path, limit: int) -> HistoryFile:
        """A history file's sessions and damaged parts; an empty one when it is not there.

        Raises:
            OSError: it cannot be read at all (not a regular file, too large, an I/O error).
        """
        try:
            raw = read_bytes(path, limit)
        except FileNotFoundError:
            return HistoryFile(str(path))
        return parse_file(raw, str(path))

    def _likely_files(self, session_id: str) -> list[Path]:
        """Every history file, the ones that should hold this session first.

        An id the app made (or derived on import) starts with its start time in
        UTC, which names its month; any other id is looked for in every file.
        """
        made = re.match(r"([0-9]{4})([0-9]{2})[0-9]{2}T[0-9]{6}Z-", session_id)
        likely = [locations.history_file()]
        if made is not None:
            likely.insert(0, locations.archive_dir() / f"{made[1]}-{made[2]}.toml")
        return likely + [path for path in self.files() if path not in likely]

    def find(self, session_id: str) -> Session | None:
        """The session with this id, read from the file it should be in first; None when
        there is none (a file that cannot be read is passed over)."""
        for path in self._likely_files(session_id):
            try:
                parsed = self._read(path, HISTORY_MAX_BYTES)
            except OSError:
                continue
            found = next((s for s in reversed(parsed.sessions) if s.id == session_id), None)
            if found is not None:
                return found
        return None

    # ------------------------------------------------------------ writing

    def record(self, session: Session) -> list[str]:
        """Add a session, or replace the one with its id; returns problems met.

        Sessions from earlier months found in ``history.toml`` move to their
        month's file on the way.

        Raises:
            StorageError: it could not be written; nothing was changed.
        """
        return self.record_many([session])

    def record_many(self, sessions: Iterable[Session]) -> list[str]:
        """`record` for several sessions: all of them are written, or none."""
        sessions = list(sessions)
        with locked(locations.lock_file()):
            problems = transaction.finish_interrupted()
            problems += self._record_locked(sessions)
        self._close_journals(sessions)
        return problems

    def add_new(self, sessions: Iterable[Session]) -> tuple[list[Session], list[str]]:
        """Record the sessions whose ids are not in the history yet (an import).

        All of them are written or none: a kill part way leaves the history as
        it was, or (once past the point of no return) is completed at the next start.

        Returns:
            The sessions added, and problems met.
        """
        with locked(locations.lock_file()):
            problems = transaction.finish_interrupted()
            loaded = self.load_digests()
            problems += loaded.problems
            known = {s.id for s in loaded.sessions}
            new = list({s.id: s for s in sessions if s.id not in known}.values())
            if new:
                problems += self._record_locked(new)
            return new, problems

    def delete(self, session_id: str) -> Session | None:
        """Remove a session; returns it (for undo), or None when there was none."""
        with locked(locations.lock_file()):
            transaction.finish_interrupted()
            for path in self._likely_files(session_id):
                try:
                    parsed = self._read(path, HISTORY_MAX_BYTES)
                except OSError:
                    continue
                found = next((s for s in parsed.sessions if s.id == session_id), None)
                if found is not None:
                    self._keep_damage(path, parsed, [])
                    write_atomic(path, dump(s for s in parsed.sessions if s.id != session_id))
                    return found
        return None

    def _load_for_write(self, path: Path, problems: list[str]) -> list[Session]:
        """A file's sessions before changing it.

        What cannot be read of it is kept first, byte for byte, in a new file
        beside it; a file that cannot be read at all is renamed. Either way it
        is said where, and the sessions that could be read are kept.
        """
        try:
            parsed = self._read(path, HISTORY_MAX_BYTES)
        except OSError as exc:
            kept = self._aside(set_aside(path))
            problems.append(
                f"{_unreadable(path, exc)} (kept as {kept.name}; a new one was started)"
            )
            return []
        self._keep_damage(path, parsed, problems)
        return parsed.sessions

    def _keep_damage(self, path: Path, parsed: HistoryFile, problems: list[str]) -> None:
        """Keep what could not be read of a file, byte for byte, before it is rewritten."""
        if not parsed.unreadable:
            return
        aside = self._aside(keep_aside(path, parsed.raw_unreadable()))
        problems += [f"{path}: {part.problem}; kept in {aside.name}" for part in parsed.unreadable]
        count = len(parsed.sessions)
        problems.append(
            f"{path}: {count} session{'' if count == 1 else 's'} recovered; the text that could"
            f" not be read is in {aside.name}, exactly as it was"
        )

    def _record_locked(self, sessions: list[Session]) -> list[str]:
        problems: list[str] = []
        this_month = _month(self._now())
        current_path = locations.history_file()
        current = {s.id: s for s in self._load_for_write(current_path, problems)}
        moves: dict[str, dict[str, Session]] = {}
        for session in sessions:
            month = _month(session.started_at)
            if month == this_month:
                current[session.id] = session
            else:
                current.pop(session.id, None)
                moves.setdefault(month, {})[session.id] = session
        for session in [s for s in current.values() if _month(s.started_at) != this_month]:
            del current[session.id]
            moves.setdefault(_month(session.started_at), {})[session.id] = session
        contents: dict[Path, str] = {}
        for month, incoming in sorted(moves.items()):
            path = locations.archive_dir() / f"{month}.toml"
            merged = {s.id: s for s in self._load_for_write(path, problems)} | incoming
            contents[path] = dump(merged.values())
        contents[current_path] = dump(current.values())
        transaction.replace_all(contents)
        return problems

    def _close_journals(self, sessions: list[Session]) -> None:
        """Drop the journals of sessions now in the history: nothing is left to recover."""
        for session in sessions:
            journal = self._journals.get(session.id)
            if journal is not None:
                journal.close()

    def forget(self, journal: Journal) -> None:
        """A journal was closed: it is no longer this store's to drop."""
        if self._journals.get(journal.session_id) is journal:
            del self._journals[journal.session_id]

    # ------------------------------------------------------------ sessions under way

    def journal(self, session_id: str) -> Journal:
        """Start keeping a session under way (see `Journal`).

        Raises:
            StorageError: the journal's folder cannot be written (a read-only disk).
        """
        journal = Journal(self, session_id)
        self._journals[session_id] = journal
        return journal

    def recover(self) -> tuple[list[Session], list[str]]:
        """Move journals left by dead processes into the history, as interrupted.

        Also completes a change of the history files that a stopped process
        committed to, and removes the temporary files it left.

        Returns:
            The recovered sessions, and problems met: journals that could not be
            read (set aside, never deleted), or a data folder that cannot be written.
        """
        problems: list[str] = []
        try:
            if transaction.interrupted():  # reading alone never makes a folder or a lock
                with locked(locations.lock_file()):
                    problems += transaction.finish_interrupted()
        except StorageError as exc:
            problems.append(f"{exc}; backtimer finishes it once it can write there")
        folder = locations.journal_dir()
        if not folder.is_dir():
            return [], problems
        recovered: list[Session] = []
        for path in sorted(folder.glob("*.toml")):
            try:
                recovered += self._recover_one(path, problems)
            except StorageError as exc:
                problems.append(f"{path}: {exc}; it stays where it is until it can be saved")
        return recovered, problems

    def under_way_elsewhere(self) -> list[Session]:
        """The sessions other copies of backtimer are running now: their journals are
        locked by a live process (those of a killed one are `recover`'s)."""
        folder = locations.journal_dir()
        if not folder.is_dir():
            return []
        running: list[Session] = []
        for path in sorted(folder.glob("*.toml")):
            if path.stem in self._journals:
                continue  # this process's own
            lock = HeldLock(path.with_suffix(".lock"))
            try:
                free = lock.acquire()
            except StorageError:
                continue  # a folder it cannot lock in: no one else can run one there either
            lock.release()
            if not free:
                with contextlib.suppress(OSError):
                    running += self._read(path, JOURNAL_MAX_BYTES).sessions
        return running

    def _recover_one(self, path: Path, problems: list[str]) -> list[Session]:
        """Move one journal whose process is gone into the history (none when it lives)."""
        lock = HeldLock(path.with_suffix(".lock"))
        if not lock.acquire():
            return []  # another copy of the app is running this session
        try:
            for stray in path.parent.glob(f".{path.name}.*.tmp"):
                with contextlib.suppress(OSError):
                    stray.unlink()
            if not path.exists():
                return []  # its process finished it while we looked
            try:
                parsed = self._read(path, JOURNAL_MAX_BYTES)
            except OSError as exc:
                kept = self._aside(set_aside(path))
                problems.append(f"{_unreadable(path, exc)} (kept as {kept.name})")
                return []
            if parsed.unreadable:
                kept = self._aside(set_aside(path))
                problems += [f"{line} (kept as {kept.name})" for line in parsed.problems()]
                return []
            problems += self.record_many(parsed.sessions)
            for session in parsed.sessions:
                resume_offers.keep(session.id)  # the app offers to carry it on
            path.unlink()
            return parsed.sessions
        finally:
            with contextlib.suppress(OSError):
                lock.path.unlink()
            lock.release()


def _unreadable(path: Path, exc: OSError) -> str:
    """One line for a history file that could not be read at all."""
    return f"{path}: {exc.strerror or exc}" if not str(exc).startswith(str(path)) else str(exc)


class Journal:
    """The file of one session under way, locked by this process while it lives."""

    def __init__(self, store: HistoryStore, session_id: str) -> None:
        """Raises StorageError when the journal's folder cannot be written."""
        self._store = store
        self.session_id = session_id
        self.path = locations.journal_dir() / f"{session_id}.toml"
        self._lock = HeldLock(self.path.with_suffix(".lock"))
        if not self._lock.acquire():
            raise StorageError(f"{self.path}: this session is open in another copy of backtimer")

    def save(self, session: Session) -> None:
        """Keep the session as it stands (it says ``interrupted`` until it ends).

        Raises:
            StorageError: it could not be written; the last version written stays.
        """
        write_atomic(self.path, dump([session]))

    def finish(self, session: Session) -> list[str]:
        """Move the ended session into the history and drop the journal.

        Raises:
            StorageError: it could not be recorded; the journal stays, so the
                session is recovered at the next start if it is never recorded.
        """
        problems = self._store.record(session)
        self.close()
        return problems

    def close(self) -> None:
        """Drop the journal (its session is in the history) and release the lock."""
        self._store.forget(self)
        with contextlib.suppress(OSError):
            self.path.unlink()
        with contextlib.suppress(OSError):
            self._lock.path.unlink()
        self._lock.release()
