"""A disposable cache of session digests, one small JSON file per history file.

Parsing TOML is slow (about 2 s for 10,000 sessions), so each history file's
digests are kept in ``cache/history/<file>.json`` beside a key made of the
file's size, modification time and inode. A load parses only the files whose
key changed (in practice this month's), and reads the rest from the cache;
within one process, digests already read are kept in memory (a ``Memo``) and
only the keys are checked again.

The cache is never authoritative: the TOML files are. A cache file that is
missing, stale, unreadable or of another version is ignored and rebuilt, and
failing to write one only costs speed. backtimer writes a new file beside
the old one before replacing it, so two versions of a history file in a row
never share an inode: their keys differ even when written within one tick of
the clock and of the same size.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from backtimer.domain.digest import SessionDigest, StepDigest, digest
from backtimer.domain.history import Session
from backtimer.storage import locations
from backtimer.storage.files import write_atomic

VERSION = 1
"""Bumped whenever the row layout below changes; older caches are rebuilt."""

Parse = Callable[[bytes, str], list[Session]]
"""Turns a history file's bytes (and its name, for messages) into sessions."""


def folder() -> Path:
    return locations.cache_dir() / "history"


def cache_path(source: Path) -> Path:
    """``history.toml`` → ``cache/history/history.json``; ``2025-03.toml`` → ``…/2025-03.json``."""
    return folder() / f"{source.stem}.json"


def _key(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino]


def _row(session: SessionDigest) -> list[Any]:
    return [
        session.id,
        session.routine,
        session.routine_name,
        session.started_at.timestamp(),
        session.ended_at.timestamp(),
        session.status,
        session.active_seconds,
        session.paused_seconds,
        session.pain_before,
        session.pain_after,
        session.note,
        [list(step) for step in session.steps],
    ]


def _from_row(row: list[Any]) -> SessionDigest:
    (id_, routine, name, started, ended, status, active, paused, before, after, note, steps) = row
    return SessionDigest(
        id=id_,
        routine=sys.intern(routine),
        routine_name=sys.intern(name),
        started_at=datetime.fromtimestamp(started, UTC),
        ended_at=datetime.fromtimestamp(ended, UTC),
        status=sys.intern(status),  # type: ignore[arg-type]  # written from a valid Session
        active_seconds=active,
        paused_seconds=paused,
        pain_before=before,
        pain_after=after,
        note=note,
        steps=tuple(map(_step_from_row, steps)),
    )


def _step_from_row(row: list[Any]) -> StepDigest:
    row[0] = sys.intern(row[0])  # the same few exercise ids, thousands of times
    return StepDigest._make(row)


def _cached(source: Path, key: list[int]) -> list[SessionDigest] | None:
    """The cached digests of ``source`` when the cache matches its key, else None."""
    try:
        data = json.loads(cache_path(source).read_bytes())
        if data["version"] != VERSION or data["key"] != key:
            return None
        return [_from_row(row) for row in data["sessions"]]
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None  # missing or damaged: rebuilt from the TOML file


Memo = dict[Path, tuple[list[int], list[SessionDigest]]]
"""Digests already read by this process, with the key of the file they came from."""


def digests_of(source: Path, parse: Parse, memo: Memo) -> list[SessionDigest]:
    """The digests of one history file: kept from the last read, cached, or parsed.

    Raises:
        FileNotFoundError: the file is gone.
        Whatever ``parse`` raises for a file that cannot be read (nothing is cached then).
    """
    key = _key(source.stat())
    kept = memo.get(source)
    if kept is not None and kept[0] == key:
        return kept[1]
    cached = _cached(source, key)
    if cached is not None:
        memo[source] = (key, cached)
        return cached
    with source.open("rb") as handle:
        key = _key(os.fstat(handle.fileno()))  # the key of exactly the bytes read
        raw = handle.read()
    digests = [digest(session) for session in parse(raw, str(source))]
    memo[source] = (key, digests)
    payload = {"version": VERSION, "key": key, "sessions": [_row(d) for d in digests]}
    with contextlib.suppress(OSError):  # a cache that cannot be written only costs speed
        write_atomic(cache_path(source), json.dumps(payload, separators=(",", ":")))
    return digests


def prune(sources: list[Path]) -> None:
    """Drop cache files whose history file no longer exists."""
    wanted = {cache_path(source).name for source in sources}
    with contextlib.suppress(OSError):
        for path in folder().glob("*.json"):
            if path.name not in wanted:
                path.unlink()
