"""A note of the person's routines that load, for the quick ``today --exit-code``.

Whether a routine file loads takes the whole routine model (pydantic, the
catalogue), which the quick answer before a shell prompt cannot afford. So
whenever the person's routines are read in full, the ids of those that load
are noted in ``cache/routines.json`` with their names and what changes whenever
their file does (size, modification and change times, inode, device), under
this version of backtimer (whose checks and built-in routines they passed).
`backtimer.storage.plain_programme` takes a routine as loading only while its file
is exactly as noted; anything else sends it to the full path, which notes it
again. The note is a cache: never authoritative, rebuilt whenever it is
missing, damaged or stale, and a failure to write it costs only speed.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from backtimer import __version__
from backtimer.storage import locations
from backtimer.storage.safe_read import MIB, read_bytes

NOTE_MAX_BYTES = MIB


def notes_file() -> Path:
    return locations.cache_dir() / "routines.json"


def file_key(path: Path) -> list[int] | None:
    """What changes whenever the file does (its change time even when its modification
    time is set back); None when there is no file.

    Raises:
        OSError: it could not be looked at.
    """
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev]


def _read() -> object:
    try:
        return json.loads(read_bytes(notes_file(), NOTE_MAX_BYTES))
    except (OSError, ValueError, RecursionError):
        return None


def noted_routines() -> dict[str, dict[tuple[int, ...], str]]:
    """The routines noted as loading: by id, the key of the file as it loaded and its name.

    Empty when the note is missing, damaged or from another version of backtimer.
    """
    noted = _read()
    if type(noted) is not dict or noted.get("version") != __version__:
        return {}
    routines = noted.get("routines")
    if type(routines) is not dict:
        return {}
    found = {}
    for routine_id, entry in routines.items():
        if type(entry) is dict and type(entry.get("name")) is str:
            key = entry.get("key")
            if type(key) is list and all(type(part) is int for part in key):
                found[routine_id] = {tuple(key): entry["name"]}
    return found


def note_routines(loaded: Iterable[tuple[str, Path, str]]) -> None:
    """Note the person's routines that load, (id, file, name) of each, when the note
    says otherwise (it is written only when something changed)."""
    routines = {}
    for routine_id, path, name in loaded:
        try:
            key = file_key(path)
        except OSError:
            continue
        if key is not None:
            routines[routine_id] = {"key": key, "name": name}
    wanted = {"version": __version__, "routines": routines}
    if _read() == wanted or (not routines and not notes_file().exists()):
        return
    from backtimer.storage.files import StorageError, write_atomic

    with contextlib.suppress(StorageError):
        write_atomic(notes_file(), json.dumps(wanted, ensure_ascii=False), durable=False)
