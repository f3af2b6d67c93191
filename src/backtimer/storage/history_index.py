"""When each history file's latest session started, for the quick ``today --exit-code``.

The quick answer reads only this programme week's history files (this month's,
and last month's across its end). A session could still sit in an older
month's file (written there by hand) and count this week for the full answer.
So whenever the whole history is read (`HistoryStore.load_digests`), each
file's key (size, modification time, inode: `file_cache.key`) is noted with
the start of its latest session, in ``cache/history-latest.json``. The quick
answer skips an older file only while it is exactly as noted and holds nothing
from this week; otherwise it leaves the question to the full path, which notes
it again. A cache like the digests': never authoritative, rebuilt when missing
or damaged, and a failure to write it costs only speed.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from backtimer.storage import locations
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
