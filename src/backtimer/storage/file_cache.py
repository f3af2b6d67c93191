"""What the caches kept beside the history files share: the key, the folders, the prune.

Two caches derive data from each history file: its sessions' digests
(`digest_cache`, for ``stats`` and the history pane) and its whole sessions
(`session_cache`, for ``history --json`` and ``--csv``). Each keeps one JSON
file per history file, named after it, in a folder of its own under
``cache/``: ``2025-03.toml`` → ``cache/history/2025-03.json`` and
``cache/sessions/2025-03.json``. They stay two files, not one holding both: a
warm ``stats`` reads only the digests, 3.3 MB for ten years against 7.8 MB of
whole sessions.

A cache file holds the key of the history file it was made from: its size,
modification time and inode (`key`). A file whose key changed is read again.
backtimer writes a new history file beside the old one before replacing it, so
two versions of a file in a row never share an inode: their keys differ even
when written within one tick of the clock and of the same size.

Both are never authoritative: what cannot be read or does not match is
ignored and rebuilt, and a cache file is written without fsync (`keep`), since
one torn by a crash is simply rebuilt.

The modules that only check keys (the quick ``today --exit-code``) import this
one, so it imports nothing heavy: the writing code is imported when it writes.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from backtimer.storage import locations

DIGESTS = "history"
"""The folder of `digest_cache` (named before there was a second cache)."""
SESSIONS = "sessions"
"""The folder of `session_cache`."""
KINDS = (DIGESTS, SESSIONS)


def key(status: os.stat_result) -> list[int]:
    """A history file's key: its size, modification time (ns) and inode."""
    return [status.st_size, status.st_mtime_ns, status.st_ino]


def folder(kind: str) -> Path:
    return locations.cache_dir() / kind


def cache_path(kind: str, source: Path) -> Path:
    """``history.toml`` → ``cache/<kind>/history.json``; ``2025-03.toml`` → ``…/2025-03.json``."""
    return folder(kind) / f"{source.stem}.json"


def keep(path: Path, text: str) -> None:
    """Write a cache file, without fsync; a cache that cannot be written only costs speed."""
    from backtimer.storage.files import write_atomic

    with contextlib.suppress(OSError):
        write_atomic(path, text, durable=False)  # a torn one is rebuilt


def prune(sources: list[Path]) -> None:
    """Drop the cache files, of every kind, whose history file no longer exists."""
    wanted = {f"{source.stem}.json" for source in sources}
    for kind in KINDS:
        with contextlib.suppress(OSError):
            for path in folder(kind).glob("*.json"):
                if path.name not in wanted:
                    path.unlink()
