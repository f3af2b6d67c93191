"""Safe file writing: atomic replacement, a lock between processes, private permissions.

Every file backtimer writes goes through `write_atomic`: a temporary file in
the same folder, flushed and fsynced, moved over the old one with
`os.replace`, and the folder fsynced, so a crash or a full disk leaves either
the old file or the new one, never a torn one. Writers that read, change and
write a shared file hold `locked` on a separate lock file while they do.

A cache (``durable=False``) is written the same way but never synced: it is
never authoritative, a torn one is rebuilt, and syncing a file and its folder
for each of 120 months cost seconds of a first read of ten years of history.

Whatever goes wrong on the disk (full, read-only, gone) comes out of here as a
`StorageError` whose message names the file and says why in plain words; a
temporary file is removed on any failure, a kill included, except ``kill -9``:
`transaction.finish_interrupted` removes those at the next start.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


class StorageError(OSError):
    """A file could not be written; the message names it and says why."""


def _reason(exc: OSError) -> str:
    """Why a file operation failed, in words (``No space left on device``)."""
    return exc.strerror or str(exc)


def ensure_private_dir(folder: Path) -> None:
    """Create a folder, and any missing parents, readable by the user alone.

    Raises:
        StorageError: it could not be made (a read-only disk, say).
    """
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"could not make the folder {path}: {_reason(exc)}") from exc


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


TEMPORARY_SUFFIX = ".tmp"
HELD_SIGNALS = {signal.SIGTERM, signal.SIGHUP, signal.SIGINT}


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGTERM, SIGHUP and SIGINT back until the block is done (they come after it).

    For the few steps that must not be cut in two: a temporary file made and
    known by name, the moves of an import into place (only ``kill -9`` can stop
    those, and the next start completes them).
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def write_temporary(path: Path, content: str | bytes, durable: bool = True) -> Path:
    """Write ``content`` to a new temporary file beside ``path``, on disk, and name it.

    With ``durable`` (the default) it is flushed to the disk before this returns.

    The caller moves it into place (`os.replace`). On any failure, an interrupt
    included, the temporary file is removed before the error goes on.

    Raises:
        StorageError: naming the file and the reason (a full disk, say).
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    ensure_private_dir(path.parent)
    temporary: Path | None = None
    try:
        # Signals wait while the file is made and named (else it could be left behind);
        # one that came meanwhile is raised as the block ends, and cleaned up below.
        with signals_held():
            fd, name = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX
            )
            temporary = Path(name)
            handle = os.fdopen(fd, "wb")
        with handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(temporary, PRIVATE_FILE)
    except BaseException as exc:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        if isinstance(exc, OSError):
            raise StorageError(f"could not write {path}: {_reason(exc)}") from exc
        raise
    return temporary


def write_atomic(path: Path, content: str | bytes, durable: bool = True) -> None:
    """Replace ``path`` with ``content`` so that it is never seen half-written.

    Without ``durable`` (for caches) nothing is synced: a crash may leave the old
    file, the new one, or a torn one, which its reader must take as missing.

    Raises:
        StorageError: naming the file and the reason (a full disk, say); the
            old file is then untouched.
    """
    temporary = write_temporary(path, content, durable)
    try:
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise StorageError(f"could not write {path}: {_reason(exc)}") from exc
        raise
    if durable:
        fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a folder's new names last; the write itself is done, so a failure is no error."""
    with contextlib.suppress(OSError):
        _fsync_dir(folder)


@contextlib.contextmanager
def locked(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_path`` (waiting for it) for the block.

    Raises:
        StorageError: the lock file cannot be made or opened (a read-only disk).
    """
    ensure_private_dir(lock_path.parent)
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK, PRIVATE_FILE)
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError as exc:
        raise StorageError(f"could not write in {lock_path.parent}: {_reason(exc)}") from exc
    try:
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
        """Take the lock without waiting; False when another process holds it.

        Raises:
            StorageError: the lock file cannot be made or opened (a read-only disk).
        """
        ensure_private_dir(self.path.parent)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK, PRIVATE_FILE)
        except OSError as exc:
            raise StorageError(f"could not write in {self.path.parent}: {_reason(exc)}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        except OSError as exc:
            os.close(fd)
            raise StorageError(f"could not lock {self.path}: {_reason(exc)}") from exc
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def set_aside(path: Path) -> Path:
    """Rename a file that cannot be read to a new name beside it, and return that name.

    The file is kept exactly as it was, for the person to look at or repair.

    Raises:
        StorageError: it could not be renamed.
    """
    target = aside_name(path)
    try:
        os.replace(path, target)
    except OSError as exc:
        raise StorageError(f"could not rename {path}: {_reason(exc)}") from exc
    return target


def aside_name(path: Path) -> Path:
    """A free name beside ``path`` for what could not be read of it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    counter = 1
    while os.path.lexists(target):
        counter += 1
        target = path.with_name(f"{path.name}.unreadable-{stamp}-{counter}")
    return target


def keep_aside(path: Path, raw: bytes) -> Path:
    """Write what could not be read of ``path``, byte for byte, to a new file beside it.

    Raises:
        StorageError: it could not be written (then nothing should replace ``path``).
    """
    target = aside_name(path)
    write_atomic(target, raw)
    return target
