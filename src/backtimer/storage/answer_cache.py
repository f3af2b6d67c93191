"""A disposable cache of the listing commands' answers, beside the look of what they read.

``backtimer routines`` and ``backtimer exercises`` (with or without ``--json``)
read every routine file through the full models: importing pydantic and
building the models took most of their 0.2 s. Their answer depends only on
those files, the catalogue and the version of backtimer, so it is kept in
``cache/answers/<command>.json`` beside a key: the version, and the size, times
of change and inode of every routine file (the built-in ones and the person's),
of the catalogue and of the person's routine folder (whose time changes when a
file is added, removed or renamed). While the key is the same, the answer is
the one the models gave, byte for byte, and nothing else is read or imported.

Whenever anything changed, the command runs in full (every file validated by
the models, every problem named), and its answer is kept again. As with the
history digests (`backtimer.storage.digest_cache`), the cache is never
authoritative: a file missing, torn, of another version or with another key is
ignored and rebuilt, and failing to write one only costs speed.

A file's time of change is only as fine as the file system's clock (a few
milliseconds on some): a file written twice within one tick, at the same size
and in place, would look unchanged. So no answer is kept or taken while any
file it read changed less than `SETTLED_SECONDS` ago (as git treats a file
changed in the same second as its index as changed).
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from backtimer import __version__
from backtimer.storage import locations
from backtimer.storage.files import write_atomic
from backtimer.storage.safe_read import MIB, read_bytes

VERSION = 1
"""Bumped whenever the layout below or the way a key is taken changes."""
ANSWER_MAX_BYTES = 16 * MIB
SETTLED_SECONDS = 2
"""A file changed more recently than this may change again within the same tick."""


@dataclass(frozen=True)
class Answer:
    """What a command printed, on each stream, and its exit code."""

    stdout: str
    stderr: str
    code: int


def cache_path(command: str) -> Path:
    return locations.cache_dir() / "answers" / f"{command}.json"


def _look(path: Path) -> list[int]:
    status = path.stat()
    if status.st_mtime_ns > time.time_ns() - SETTLED_SECONDS * 1_000_000_000:
        raise _Unsettled(path)
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]


class _Unsettled(Exception):
    """A file changed just now: it might change again without looking changed."""


def _shipped() -> Iterator[Path]:
    """The package's routine files and catalogue, as paths (an unusual install that
    keeps them in a zip has none: its answers are then not kept)."""
    folder = locations.builtin_routines()
    catalogue = locations.catalogue_resource()
    if not isinstance(folder, Path) or not isinstance(catalogue, Path):
        raise OSError("the package's files are not in a folder")
    yield catalogue
    yield from sorted(folder.glob("*.toml"))


def routines_key() -> list[object] | None:
    """How every file the listing commands read looks now; None when one cannot be
    looked at or changed just now (the answer is then worked out in full, and not kept)."""
    folder = locations.routines_dir()
    try:
        key: list[object] = [VERSION, __version__, str(folder)]
        key += [[path.name, *_look(path)] for path in _shipped()]
        if folder.is_dir():
            key.append(_look(folder))
            key += [[path.name, *_look(path)] for path in sorted(folder.glob("*.toml"))]
    except (OSError, _Unsettled):
        return None
    return key


def recall(command: str, key: list[object]) -> Answer | None:
    """The answer kept for ``command`` while everything it read looked as ``key`` says."""
    try:
        data = json.loads(read_bytes(cache_path(command), ANSWER_MAX_BYTES))
        if data["key"] != key:
            return None
        stdout, stderr, code = data["stdout"], data["stderr"], data["code"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if isinstance(stdout, str) and isinstance(stderr, str) and type(code) is int:
        return Answer(stdout, stderr, code)
    return None


def remember(command: str, key: list[object], answer: Answer) -> None:
    """Keep the answer (quietly not, when the cache cannot be written)."""
    payload = {"key": key, "stdout": answer.stdout, "stderr": answer.stderr, "code": answer.code}
    with contextlib.suppress(OSError):  # StorageError is one
        write_atomic(cache_path(command), json.dumps(payload, ensure_ascii=False), durable=False)
