"""When each history file's latest session started, for the readings of recent sessions.

``today`` needs only the sessions since the programme's start and of the last
days (`HistoryStore.load_digests_since`); ``today --exit-code`` only this
programme week's (`storage.plain_programme`). Both read the history files that
can hold one (this month's, and the months since), but a session could still
sit in an older month's file (written there by hand) and count for the full
answer. So whenever the whole history is read (`HistoryStore.load_digests`),
each file's key (size, modification time, inode: `file_cache.key`) is noted
with the start of its latest session, in ``cache/history-latest.json``; a file
with a damaged part is not noted (its problem is said at every reading). An
older file is skipped only while it is exactly as noted and holds nothing that
late; otherwise the reading reads it. A cache like the digests': never
authoritative, rebuilt when missing or damaged, and a failure to write it costs
only speed.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from backtimer.storage import file_cache, locations
from backtimer.storage.safe_read import MIB, read_bytes

INDEX_MAX_BYTES = MIB
Noted = dict[str, tuple[list[int], float | None]]
"""By the history file's path: its key, and the start (a POSIX timestamp) of its latest
session (None when it holds none that can be read)."""


def index_file() -> Path:
    return locations.cache_dir() / "history-latest.json"


def noted() -> Noted:
    """What was noted at the last full read (empty when missing or damaged)."""
    try:
        data = json.loads(read_bytes(index_file(), INDEX_MAX_BYTES))
    except (OSError, ValueError, RecursionError):
        return {}
    if type(data) is not dict:
        return {}
    found: Noted = {}
    for path, entry in data.items():
        if type(entry) is not list or len(entry) != 2:
            continue
        key, latest = entry
        plain_key = type(key) is list and all(type(part) is int for part in key)
        if plain_key and (latest is None or type(latest) in (int, float)):
            found[path] = (key, latest)
    return found


def note(files: Mapping[Path, tuple[list[int], datetime | None]]) -> None:
    """Note each history file's key and the start of its latest session, when that
    differs from what is noted."""
    wanted = {
        str(path): [key, None if latest is None else latest.timestamp()]
        for path, (key, latest) in files.items()
    }
    as_read = {path: [key, latest] for path, (key, latest) in noted().items()}
    if wanted == as_read:
        return
    from backtimer.storage.files import StorageError, write_atomic

    with contextlib.suppress(StorageError):
        write_atomic(index_file(), json.dumps(wanted, separators=(",", ":")), durable=False)


def unneeded(files: Sequence[Path], since: datetime) -> int:
    """How many of ``files`` (in the order they are read), from the first, hold no
    session started from ``since`` on: each exactly as noted (so with no damaged
    part), its latest session earlier. Only a leading run is skipped, so that no
    skipped file comes after a file read (a session in two files: the later wins)."""
    known = noted()
    bound = since.timestamp()
    count = 0
    for path in files:
        entry = known.get(str(path))
        if entry is None or (entry[1] is not None and entry[1] >= bound):
            break
        try:
            key = file_cache.key(os.stat(path))
        except OSError:
            break
        if key != entry[0]:
            break
        count += 1
    return count
