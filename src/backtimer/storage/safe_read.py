"""Reading a file that may not be what its name says: only regular files, bounded, never hanging.

A named pipe (FIFO) called ``settings.toml`` makes a plain read wait forever
for a writer; a link to ``/dev/zero`` in ``routines/`` reads until memory runs
out (12.5 GB in the picker). So every file backtimer reads goes through
`read_file`: the path is looked at first (following a link, as a person would
expect, but without opening what it points to), anything but a regular file
is refused unopened, the file is opened without waiting (``O_NONBLOCK``) and
looked at again through the open descriptor (so a swap in between is caught
too), and at most ``limit`` bytes are read.
"""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from backtimer.domain.parsing.safe_parse import ShapeError, load_toml

KIB = 1024
MIB = 1024 * KIB

_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


class NotARegularFile(OSError):
    """The path is a folder, a pipe, a device or a socket: nothing to read as a file."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"is {kind}, not a file; it was not read", str(path))

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


class FileTooLarge(OSError):
    """The file is larger than any file of its kind may be."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(
            errno.EFBIG,
            f"is {size_text(size)}; a file of this kind may be at most {size_text(limit)},"
            " so it was not read",
            str(path),
        )

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


def size_text(size: int) -> str:
    """A size as people say it: "900 bytes", "256 KiB", "15 MiB"."""
    if size < KIB:
        return f"{size} bytes"
    if size < MIB:
        return f"{size // KIB} KiB"
    return f"{size // MIB} MiB"


def _kind(mode: int) -> str | None:
    """None for a regular file, else what it is in words."""
    if stat.S_ISREG(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def check_regular(path: Path) -> os.stat_result:
    """The path's status, when it is a regular file (a link to one counts).

    Raises:
        FileNotFoundError: nothing is there.
        NotARegularFile: something is, but not a file.
    """
    status = os.stat(path)
    kind = _kind(status.st_mode)
    if kind is not None:
        raise NotARegularFile(path, kind)
    return status


def read_file(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes, and its status as read, at most ``limit`` bytes of it.

    Raises:
        FileNotFoundError: the file is not there.
        NotARegularFile: it is a folder, pipe, device or socket (never opened
            when that is seen first).
        FileTooLarge: it holds more than ``limit`` bytes.
        OSError: any other reason it could not be read.
    """
    check_regular(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        status = os.fstat(fd)
        kind = _kind(status.st_mode)
        if kind is not None:  # swapped for something else since we looked
            raise NotARegularFile(path, kind)
        if status.st_size > limit:
            raise FileTooLarge(path, status.st_size, limit)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, MIB))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:  # grew while being read
            raise FileTooLarge(path, len(data), limit)
        return data, status
    finally:
        os.close(fd)


def read_bytes(path: Path, limit: int) -> bytes:
    """`read_file`, without the status."""
    return read_file(path, limit)[0]


class UnusableFile(ValueError):
    """A file that is there but cannot be used; the message names it and says why."""


def read_toml(path: Path, limit: int) -> dict[str, Any]:
    """The tables and values of a small TOML file (settings, the programme state).

    Raises:
        FileNotFoundError: the file is not there.
        UnusableFile: it is not a regular file, too large, not UTF-8 or not TOML
            backtimer can read; one line naming the file and the place.
    """
    try:
        raw = read_bytes(path, limit)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise UnusableFile(f"{path}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnusableFile(
            f"{path}: is not UTF-8 text (byte {exc.start + 1} is not valid)"
        ) from None
    try:
        return load_toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise UnusableFile(f"{path}: not valid TOML: {exc}") from None
    except ShapeError as exc:
        raise UnusableFile(f"{path}: {exc}") from None
