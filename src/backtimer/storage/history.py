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
(`digest_cache`), so it parses only the files that changed since last time.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from backtimer.domain.digest import SessionDigest
from backtimer.domain.history import Session, derived_session_id
from backtimer.domain.problems import Problem, problem_for
from backtimer.storage import digest_cache, locations
from backtimer.storage.files import HeldLock, locked, set_aside, write_atomic

HEADER = (
    "# backtimer history: one [[session]] table per workout, times in UTC.\n"
    "# Written by backtimer; safe to read with any TOML parser.\n\n"
)


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


class UnreadableFile(ValueError):
    """A history file that does not parse or holds an invalid session."""


def _month(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y-%m}"


def _dump(sessions: Iterable[Session]) -> str:
    ordered = sorted(sessions, key=lambda s: s.started_at)
    tables = [s.model_dump(mode="python", exclude_none=True) for s in ordered]
    return HEADER + (tomli_w.dumps({"session": tables}) if tables else "")


def parse_file(raw: bytes, source: str) -> list[Session]:
    """The sessions in one history file's bytes.

    Raises:
        UnreadableFile: naming the file and the problem.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile(f"{source}: is not UTF-8 text") from None
    return parse_sessions(text, source)


def parse_sessions(text: str, source: str) -> list[Session]:
    """The sessions in one history file's text.

    Raises:
        UnreadableFile: naming the file and the problem.
    """
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UnreadableFile(f"{source}: not valid TOML: {exc}") from None
    tables = data.get("session", [])
    if not isinstance(tables, list):
        raise UnreadableFile(f"{source}: 'session' must be a list of [[session]] tables")
    sessions = []
    for index, table in enumerate(tables, start=1):
        try:
            sessions.append(Session.model_validate(table))
        except ValidationError as exc:
            first = _session_problems(exc)[0]
            raise UnreadableFile(f"{source}: {_session_label(index, table)}: {first}") from None
    return sessions


def _session_label(index: int, table: object) -> str:
    """``session 3 (id 'abc')``: how a problem names the session it is in (counted from 1)."""
    given = table.get("id") if isinstance(table, dict) else None
    return f"session {index}" + ("" if given is None else f" (id {given!r})")


MAX_IMPORT_PROBLEMS = 10
"""A rejected import tells this many problems; a file wrong throughout needs no more."""


def read_export(path: Path) -> list[Session]:
    """The sessions in a file written by ``backtimer history --json`` (or made like one).

    A session's id may be any of `SESSION_ID_PATTERN`; a session without one gets
    `derived_session_id`, the same at every import of the file.

    Raises:
        OSError: the file cannot be opened (FileNotFoundError when it is not there).
        UnreadableFile: it is not such an export; the message has a line per problem
            (up to `MAX_IMPORT_PROBLEMS`), each naming the file, the session and the field.
    """
    raw = path.read_bytes()
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise UnreadableFile(f"{path}: is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise UnreadableFile(f"{path}: not valid JSON: {exc}") from None
    if not isinstance(data, list):
        raise UnreadableFile(
            f"{path}: expected a list of sessions, as `backtimer history --json` writes"
        )
    sessions = []
    problems: list[str] = []
    for index, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            problems.append(
                f"{path}: session {index}: must be an object with a session's fields,"
                " as `backtimer history --json` writes"
            )
            continue
        label = _session_label(index, item)
        if item.get("id") is None:
            item = {**item, "id": derived_session_id(item)}
        try:
            sessions.append(Session.model_validate(item))
        except ValidationError as exc:
            problems += [f"{path}: {label}: {p}" for p in _session_problems(exc)]
    if problems:
        more = len(problems) - MAX_IMPORT_PROBLEMS
        shown = problems[:MAX_IMPORT_PROBLEMS]
        if more > 0:
            shown.append(f"{path}: and {more} more problems; nothing was imported")
        raise UnreadableFile("\n".join(shown))
    return sessions


def _session_problems(exc: ValidationError) -> list[Problem]:
    """A session's validation errors in plain words (``steps[2].sets_done: ...``)."""
    return [
        Problem("id", f"must be 1 to 64 printable characters without '/' (got {error['input']!r})")
        if error["loc"] == ("id",) and error["type"] == "string_pattern_mismatch"
        else problem_for(error, {})
        for error in exc.errors(include_url=False)
    ]


class HistoryStore:
    """Reads and writes the history in the data directory."""

    def __init__(self, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._now = now
        self._digests: digest_cache.Memo = {}
        self._reading = threading.Lock()
        """One `load_digests` at a time: a second caller waits, then finds the work done."""

    # ------------------------------------------------------------ reading

    def files(self) -> list[Path]:
        """Every history file, oldest month first, the current month last."""
        archive = locations.archive_dir()
        months = sorted(archive.glob("*.toml")) if archive.is_dir() else []
        current = locations.history_file()
        return months + ([current] if current.exists() else [])

    def load(self) -> HistoryLoad:
        """Every session, oldest first; an unreadable file is reported and skipped."""
        result = HistoryLoad()
        by_id: dict[str, Session] = {}
        for path in self.files():
            try:
                sessions = self._read(path)
            except (UnreadableFile, OSError) as exc:
                result.problems.append(str(exc))
                continue
            for session in sessions:
                by_id[session.id] = session  # a later file wins after an interrupted move
        result.sessions = sorted(by_id.values(), key=lambda s: s.started_at)
        return result

    def load_digests(self) -> DigestLoad:
        """Every session's digest, oldest first, parsing only files changed since last time.

        This store keeps the digests it read (about 1.2 KiB a session), so the
        next call only checks that each file is unchanged.
        """
        with self._reading:
            return self._load_digests()

    def _load_digests(self) -> DigestLoad:
        result = DigestLoad()
        by_id: dict[str, SessionDigest] = {}
        files = self.files()
        for path in files:
            try:
                digests = digest_cache.digests_of(path, parse_file, self._digests)
            except FileNotFoundError:
                continue  # moved by another copy of the app while we looked
            except (UnreadableFile, OSError) as exc:
                result.problems.append(str(exc))
                continue
            for session in digests:
                by_id[session.id] = session  # as in `load`, a later file wins
        digest_cache.prune(files)
        for gone in set(self._digests) - set(files):
            self._digests.pop(gone, None)
        result.sessions = sorted(by_id.values(), key=lambda s: s.started_at)
        return result

    def _read(self, path: Path) -> list[Session]:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return []
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

    # ------------------------------------------------------------ writing

    def record(self, session: Session) -> list[str]:
        """Add a session, or replace the one with its id; returns problems met.

        Sessions from earlier months found in ``history.toml`` move to their
        month's file on the way.
        """
        with locked(locations.lock_file()):
            return self._record_locked([session])

    def record_many(self, sessions: Iterable[Session]) -> list[str]:
        with locked(locations.lock_file()):
            return self._record_locked(list(sessions))

    def add_new(self, sessions: Iterable[Session]) -> tuple[list[Session], list[str]]:
        """Record the sessions whose ids are not in the history yet (an import).

        Returns:
            The sessions added, and problems met.
        """
        with locked(locations.lock_file()):
            known = {s.id for s in self.load_digests().sessions}
            new = list({s.id: s for s in sessions if s.id not in known}.values())
            return new, self._record_locked(new) if new else []

    def delete(self, session_id: str) -> Session | None:
        """Remove a session; returns it (for undo), or None when there was none."""
        with locked(locations.lock_file()):
            for path in self._likely_files(session_id):
                with contextlib.suppress(UnreadableFile, OSError):
                    sessions = self._read(path)
                    kept = [s for s in sessions if s.id != session_id]
                    if len(kept) != len(sessions):
                        write_atomic(path, _dump(kept))
                        return next(s for s in sessions if s.id == session_id)
        return None

    def _load_for_write(self, path: Path, problems: list[str]) -> list[Session]:
        """A file's sessions before changing it; an unreadable file is set aside first."""
        try:
            return self._read(path)
        except (UnreadableFile, OSError) as exc:
            kept = set_aside(path)
            problems.append(f"{exc} (kept as {kept.name}; a new {path.name} was started)")
            return []

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
        for month, incoming in sorted(moves.items()):
            path = locations.archive_dir() / f"{month}.toml"
            merged = {s.id: s for s in self._load_for_write(path, problems)} | incoming
            write_atomic(path, _dump(merged.values()))
        write_atomic(current_path, _dump(current.values()))
        return problems

    # ------------------------------------------------------------ sessions under way

    def journal(self, session_id: str) -> Journal:
        """Start keeping a session under way (see `Journal`)."""
        return Journal(self, session_id)

    def recover(self) -> tuple[list[Session], list[str]]:
        """Move journals left by dead processes into the history, as interrupted.

        Returns:
            The recovered sessions, and problems with journals that could not be read
            (those are set aside, never deleted).
        """
        folder = locations.journal_dir()
        if not folder.is_dir():
            return [], []
        recovered: list[Session] = []
        problems: list[str] = []
        for path in sorted(folder.glob("*.toml")):
            lock = HeldLock(path.with_suffix(".lock"))
            if not lock.acquire():
                continue  # another copy of the app is running this session
            try:
                if not path.exists():
                    continue  # its process finished it while we looked
                try:
                    sessions = self._read(path)
                except (UnreadableFile, OSError) as exc:
                    kept = set_aside(path)
                    problems.append(f"{exc} (kept as {kept.name})")
                    continue
                problems += self.record_many(sessions)
                recovered += sessions
                path.unlink()
            finally:
                with contextlib.suppress(OSError):
                    lock.path.unlink()
                lock.release()
        return recovered, problems


class Journal:
    """The file of one session under way, locked by this process while it lives."""

    def __init__(self, store: HistoryStore, session_id: str) -> None:
        self._store = store
        self.path = locations.journal_dir() / f"{session_id}.toml"
        self._lock = HeldLock(self.path.with_suffix(".lock"))
        if not self._lock.acquire():
            raise RuntimeError(f"{self.path}: this session is open in another copy of backtimer")

    def save(self, session: Session) -> None:
        """Keep the session as it stands (it says ``interrupted`` until it ends)."""
        write_atomic(self.path, _dump([session]))

    def finish(self, session: Session) -> list[str]:
        """Move the ended session into the history and drop the journal."""
        problems = self._store.record(session)
        self.close()
        return problems

    def close(self) -> None:
        """Drop the journal (its session is in the history) and release the lock."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        with contextlib.suppress(FileNotFoundError):
            self._lock.path.unlink()
        self._lock.release()
