"""A disposable cache of session digests, one small JSON file per history file.

Parsing TOML is slow (about 2 s for 10,000 sessions), so each history file's
digests are kept in ``cache/history/<file>.json`` beside a key made of the
file's size, modification time and inode. A load parses only the files whose
key changed (in practice this month's), and reads the rest from the cache;
within one process, digests already read are kept in memory (a ``Memo``) and
only the keys are checked again.

The cache is never authoritative: the TOML files are. A cache file that is
missing, stale, unreadable or of another version is ignored and rebuilt, and
failing to write one only costs speed. So it is written without fsync: a file
torn by a crash is simply rebuilt. The key, the folders and the prune are
shared with the cache of whole sessions (`file_cache`).
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from backtimer.domain.history.digest import SessionDigest, StepDigest, digest
from backtimer.domain.history.plain_tables import STATUSES
from backtimer.storage import file_cache
from backtimer.storage.history_file import HISTORY_MAX_BYTES, HistoryFile
from backtimer.storage.safe_read import read_bytes, read_file

VERSION = 3
"""Bumped whenever the layout below changes; older caches are rebuilt.
2: the problems of the file's damaged parts are kept with its digests.
3: the answer about leg symptoms and the next morning's rating."""

Parse = Callable[[bytes, str], HistoryFile]
"""Turns a history file's bytes (and its name, for messages) into sessions."""


@dataclass(frozen=True)
class Digested:
    """One history file's digests, and the problems with the parts that could not be read."""

    key: list[int]
    sessions: list[SessionDigest]
    problems: list[str]


def folder() -> Path:
    return file_cache.folder(file_cache.DIGESTS)


def cache_path(source: Path) -> Path:
    """``history.toml`` → ``cache/history/history.json``; ``2025-03.toml`` → ``…/2025-03.json``."""
    return file_cache.cache_path(file_cache.DIGESTS, source)


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
        session.leg_symptoms,
        session.next_morning,
    ]


_NUMBER = (int, float)
_ROW_SHAPES = frozenset(
    (str, str, str, float, float, str, active, paused)
    for active, paused in itertools.product(_NUMBER, repeat=2)
)
"""The types of a row's first eight values, exactly (looked up in one step: a cache of
ten years is checked in tens of milliseconds)."""
_STEP_SHAPES = frozenset(
    (str, int, int, seconds, bool, *planned)
    for seconds in _NUMBER
    for planned in itertools.product((type(None), int), repeat=3)
)
"""The types of a step's eight values, exactly."""
_PAINS = frozenset([None, *range(11)])


def _checked(row: list[Any]) -> list[Any]:
    """The row, when every value has its type: a cache file is only ever trusted that far.

    Raises:
        ValueError: it does not (the file was changed by something else).
    """
    if type(row) is not list or len(row) != 14:
        raise ValueError("not a row")
    if tuple(map(type, row[:8])) not in _ROW_SHAPES or row[5] not in STATUSES:
        raise ValueError("not a row")
    if type(row[10]) is not str or type(row[11]) is not list:
        raise ValueError("not a row")
    if type(row[12]) not in (type(None), bool):
        raise ValueError("not a row")
    for pain in (row[8], row[9], row[13]):
        if type(pain) not in (type(None), int) or pain not in _PAINS:
            raise ValueError("not a row")
    for step in row[11]:
        if type(step) is not list or tuple(map(type, step)) not in _STEP_SHAPES:
            raise ValueError("not a step")
    return row


def _from_row(row: list[Any]) -> SessionDigest:
    (
        id_,
        routine,
        name,
        started,
        ended,
        status,
        active,
        paused,
        before,
        after,
        note,
        steps,
        legs,
        morning,
    ) = _checked(row)
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
        leg_symptoms=legs,
        next_morning=morning,
    )


def _step_from_row(row: list[Any]) -> StepDigest:
    row[0] = sys.intern(row[0])  # the same few exercise ids, thousands of times
    return StepDigest._make(row)


def _cached(source: Path, key: list[int]) -> Digested | None:
    """The cached digests of ``source`` when the cache matches its key, else None."""
    try:
        data = json.loads(read_bytes(cache_path(source), HISTORY_MAX_BYTES))
        if data["version"] != VERSION or data["key"] != key:
            return None
        problems = data["problems"]
        if not all(isinstance(line, str) for line in problems):
            return None
        return Digested(key, [_from_row(row) for row in data["sessions"]], problems)
    except (OSError, ValueError, KeyError, TypeError, IndexError, OverflowError, RecursionError):
        return None  # missing or damaged: rebuilt from the TOML file


Memo = dict[Path, Digested]
"""Digests already read by this process, with the key of the file they came from."""


def digests_of(source: Path, parse: Parse, memo: Memo) -> Digested:
    """The digests of one history file: kept from the last read, cached, or parsed.

    Raises:
        FileNotFoundError: the file is gone.
        OSError: it cannot be read at all (not a regular file, too large); nothing
            is cached then.
    """
    key = file_cache.key(source.stat())
    kept = memo.get(source)
    if kept is not None and kept.key == key:
        return kept
    cached = _cached(source, key)
    if cached is not None:
        memo[source] = cached
        return cached
    raw, status = read_file(source, HISTORY_MAX_BYTES)
    key = file_cache.key(status)  # the key of exactly the bytes read
    parsed = parse(raw, str(source))
    read = Digested(key, [digest(session) for session in parsed.sessions], parsed.problems())
    memo[source] = read
    payload = {
        "version": VERSION,
        "key": key,
        "sessions": [_row(d) for d in read.sessions],
        "problems": read.problems,
    }
    file_cache.keep(cache_path(source), json.dumps(payload, separators=(",", ":")))
    return read
