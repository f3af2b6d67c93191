"""A data folder on a broken disk: full, or read-only, for the tests of issue 11 (point 6).

Where the tests may mount file systems (root, with ``mount`` working, as on
the machine these were written on), the folder is a small tmpfs, filled to
the last byte or remounted read-only: the kernel's own ENOSPC and EROFS, at
every call that meets them. Elsewhere (or with ``BACKTIMER_TEST_NO_MOUNT=1``)
a fault-injecting double stands in at the storage boundary: for a full disk,
every fsync of a file fails with ENOSPC (what a full disk does to a write
that is flushed); for a read-only one, every way ``storage/`` creates,
changes or removes something under the folder fails with EROFS.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import pytest

Kind = Literal["full", "read-only"]
FILLER = ".filler"


@functools.cache
def can_mount() -> bool:
    """Whether this process may mount a tmpfs (tried once, on a scratch folder)."""
    if os.environ.get("BACKTIMER_TEST_NO_MOUNT") or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    with tempfile.TemporaryDirectory() as scratch:
        tried = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", scratch])
        if tried.returncode != 0:
            return False
        subprocess.run(["umount", scratch], check=True)
    return True


def _fill(folder: Path) -> None:
    """Write until the disk has no byte left."""
    with open(folder / FILLER, "wb", buffering=0) as filler:
        for size in (64 * 1024, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    filler.write(b"\0" * size)


_FULL: set[Path] = set()
"""Folders the double keeps full, until `free_space`."""


def free_space(home: Path) -> None:
    """Make room on a full disk again (the person deleted something)."""
    (home / FILLER).unlink(missing_ok=True)
    _FULL.discard(home)


@contextlib.contextmanager
def _mounted(folder: Path, kind: Kind, prepare: Callable[[Path], None]) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs", str(folder)], check=True
    )
    try:
        prepare(folder)
        if kind == "full":
            _fill(folder)
        else:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)]).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)])


def _under(folder: Path, path: Any) -> bool:
    try:
        return Path(os.fsdecode(path)).resolve().is_relative_to(folder.resolve())
    except (TypeError, ValueError, OSError):
        return False


@contextlib.contextmanager
def _double(
    folder: Path, kind: Kind, prepare: Callable[[Path], None], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    prepare(folder)
    broken = errno.ENOSPC if kind == "full" else errno.EROFS

    def fail(path: Any = None) -> OSError:
        return OSError(broken, os.strerror(broken), os.fsdecode(path) if path else None)

    if kind == "full":
        real_fsync = os.fsync
        _FULL.add(folder)

        def fsync(fd: int) -> None:
            if folder in _FULL and stat.S_ISREG(os.fstat(fd).st_mode):
                raise fail()
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", fsync)
        yield folder
        _FULL.discard(folder)
        return

    def guard(real: Callable[..., Any], writes: Callable[..., bool]) -> Callable[..., Any]:
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if writes(*args, **kwargs):
                raise fail(args[0])
            return real(*args, **kwargs)

        return guarded

    changing = os.O_CREAT | os.O_WRONLY | os.O_RDWR | os.O_TRUNC
    monkeypatch.setattr(
        os,
        "open",
        guard(os.open, lambda path, flags, *a, **k: _under(folder, path) and flags & changing),
    )
    for name in ("replace", "rename", "unlink", "mkdir"):
        monkeypatch.setattr(
            os, name, guard(getattr(os, name), lambda p, *a, **k: _under(folder, p))
        )
    monkeypatch.setattr(
        tempfile, "mkstemp", guard(tempfile.mkstemp, lambda *a, dir=None, **k: _under(folder, dir))
    )
    yield folder


@contextlib.contextmanager
def broken_home(
    folder: Path,
    kind: Kind,
    monkeypatch: pytest.MonkeyPatch,
    prepare: Callable[[Path], None] = lambda home: None,
) -> Iterator[Path]:
    """``folder`` as the data directory on a disk that is ``kind``, after ``prepare(folder)``."""
    monkeypatch.setenv("BACKTIMER_HOME", str(folder))
    if can_mount():
        with _mounted(folder, kind, prepare) as home:
            yield home
    else:
        with _double(folder, kind, prepare, monkeypatch) as home:
            yield home


def how() -> str:
    """Which kind of broken disk the tests use here, for the report."""
    return "a real tmpfs" if can_mount() else "a fault-injecting double"
