"""Safe file writing: atomic replacement, a lock between processes, private permissions.

Every file backtimer writes goes through `write_atomic`: a temporary file in
the same folder, flushed and fsynced, moved over the old one with
`os.replace`, and the folder fsynced, so a crash or a full disk leaves either
the old file or the new one, never a torn one. Writers that read, change and
write a shared file hold `locked` on a separate lock file while they do.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


class StorageError(OSError):
    """A file could not be written; the message names it and says why."""


def ensure_private_dir(folder: Path) -> None:
    """Create a folder, and any missing parents, readable by the user alone."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=PRIVATE_DIR, exist_ok=True)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that it is never seen half-written.

    Raises:
        StorageError: naming the file and the reason (a full disk, say); the
            old file is then untouched.
    """
    try:
        ensure_private_dir(path.parent)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise StorageError(f"could not write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, PRIVATE_FILE)
        os.replace(temporary, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise StorageError(f"could not write {path}: {exc.strerror or exc}") from exc


@contextlib.contextmanager
def locked(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_path`` (waiting for it) for the block."""
    ensure_private_dir(lock_path.parent)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


class HeldLock:
    """A lock a process keeps while it lives: the kernel drops it when the process dies.

    Used to tell a session that is under way in another copy of the app from
    one whose process was killed.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another process holds it."""
        ensure_private_dir(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def set_aside(path: Path) -> Path:
    """Rename a file that cannot be read to a new name beside it, and return that name.

    The file is kept exactly as it was, for the person to look at or repair.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.unreadable-{stamp}-{counter}")
    os.replace(path, target)
    return target
