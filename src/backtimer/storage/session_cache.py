"""A disposable cache of whole sessions, one JSON file per history file.

``history --json`` and ``--csv`` need every session in full; tomllib, pure
Python, took 80 % of the 2.6 s they spent on ten years (10,000 sessions). So,
as the digests are (`digest_cache`), each history file's sessions are kept in
``cache/sessions/<file>.json`` with the file's key (`file_cache`), and read
from there while the key holds. Only what reads the history (`HistoryStore.each_file`
and `HistoryStore.load`) uses it: whatever writes a history file parses the
TOML itself, and keeps the text of a damaged part byte for byte, which this
cache does not hold (only the lines that say what is wrong).

A cache file is two lines: a small JSON object (the version, the key and the
problems of the file's damaged parts), checked first and cheaply, then a JSON
list of the sessions, each validated again by the full model (one pydantic
``validate_json`` a file), so a cache file changed by anything else can never
bring in a session the TOML reader would refuse. Anything wrong with it
(missing, stale, damaged, another version, too large, not a file) sends the
read to the TOML file, which writes it again.

A session is written as ``model_dump(mode="json")`` gives it, but with the
fields as they were in the file (not the defaults) and its times exactly as
read (the model writes them in UTC, to the second). A file whose sessions would
not come back equal (a field this version does not know holding a TOML date,
say) is not cached: it is parsed at every read, as before.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from backtimer.storage import file_cache
from backtimer.storage.history_file import HISTORY_MAX_BYTES, HistoryFile
from backtimer.storage.safe_read import check_regular, read_bytes, read_file

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from backtimer.domain.history.session import Session

VERSION = 1
"""Bumped whenever the layout below or the session model changes; older caches are rebuilt."""

Parse = Callable[[bytes, str], HistoryFile]
"""Turns a history file's bytes (and its name, for messages) into sessions."""


@cache
def _sessions() -> TypeAdapter[list[Session]]:
    from pydantic import TypeAdapter

    from backtimer.domain.history.session import Session

    return TypeAdapter(list[Session])


def cache_path(source: Path) -> Path:
    """``2025-03.toml`` → ``cache/sessions/2025-03.json``."""
    return file_cache.cache_path(file_cache.SESSIONS, source)


def sessions_of(source: Path, parse: Parse) -> tuple[list[Session], list[str]]:
    """One history file's sessions and the problems of its damaged parts: cached, or parsed
    (and cached). None of it when the file is not there.

    Raises:
        OSError: it cannot be read at all (not a regular file, too large); nothing
            is cached then.
    """
    try:
        key = file_cache.key(check_regular(source))
        cached = _cached(source, key)
        if cached is not None:
            return cached
        raw, status = read_file(source, HISTORY_MAX_BYTES)
    except FileNotFoundError:
        return [], []
    parsed = parse(raw, str(source))
    problems = parsed.problems()
    text = _text(file_cache.key(status), parsed.sessions, problems)  # the key of the bytes read
    if text is not None:
        file_cache.keep(cache_path(source), text)
    return parsed.sessions, problems


def _cached(source: Path, key: list[int]) -> tuple[list[Session], list[str]] | None:
    """The cached sessions and problems of ``source`` when the cache matches its key."""
    try:
        raw = read_bytes(cache_path(source), HISTORY_MAX_BYTES)
        head, _, body = raw.partition(b"\n")
        header = json.loads(head)
        if type(header) is not dict or header.get("version") != VERSION:
            return None
        problems = header.get("problems")
        if header.get("key") != key or type(problems) is not list:
            return None
        if not all(type(line) is str for line in problems):
            return None
        return _sessions().validate_json(body), problems  # a ValidationError is a ValueError
    except (OSError, ValueError, RecursionError):
        return None  # missing, stale or damaged: read from the TOML file and rebuilt


def _plain(session: Session) -> dict[str, Any]:
    """A session as JSON values, with the fields the file gave and its times as read."""
    data = session.model_dump(mode="json", exclude_unset=True)
    data["started_at"] = session.started_at.isoformat()
    data["ended_at"] = session.ended_at.isoformat()
    return data


def _text(key: list[int], sessions: list[Session], problems: list[str]) -> str | None:
    """A cache file's text; None when the sessions would not be read back exactly."""
    header = {"version": VERSION, "key": key, "problems": problems}
    try:
        body = json.dumps([_plain(s) for s in sessions], separators=(",", ":"), allow_nan=False)
        if _sessions().validate_json(body) != sessions:
            return None
    except ValueError:
        return None
    return json.dumps(header, separators=(",", ":")) + "\n" + body
