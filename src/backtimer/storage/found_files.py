"""Finding the routine and programme files: those shipped with backtimer and the person's
own, read tolerantly (a file that cannot be read becomes a problem, never an error)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Collection, Iterable
from importlib.resources.abc import Traversable
from pathlib import Path

from backtimer.domain.parsing.ids import ID_PATTERN
from backtimer.domain.parsing.problems import Problem
from backtimer.domain.routines.routine import MAX_FILE_BYTES as ROUTINE_MAX_BYTES
from backtimer.storage.safe_read import FileTooLarge, NotARegularFile, read_bytes


def shipped_files(folder: Traversable) -> list[Traversable]:
    """The ``.toml`` files of a folder of the package, by name."""
    return sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)


def own_files(folder: Path) -> list[Path]:
    """The ``.toml`` files of a folder of the person's, by name (none when it is missing)."""
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def read_or_problem(path: Path, max_bytes: int) -> bytes | Problem:
    """The file's bytes, or what stops them being read (not a file, too large, unreadable)."""
    try:
        return read_bytes(path, max_bytes)
    except (NotARegularFile, FileTooLarge) as exc:
        return Problem("", str(exc.strerror))
    except OSError as exc:
        return Problem("", f"cannot be read: {exc.strerror or exc}")


def name_problem(path: Path, shipped_ids: Collection[str], what: str, like: str = "") -> str:
    """What is wrong with the name of a person's file (its id), or "" when nothing is.

    Args:
        what: "routine" or "programme".
        like: an example of a good name, for the message.
    """
    if not re.fullmatch(ID_PATTERN, path.stem):
        example = f", like {like}" if like else ""
        return f"the file name must be a {what} id: lowercase letters, digits and hyphens{example}"
    if path.stem in shipped_ids:
        return f"'{path.stem}' is the id of a built-in {what}; rename the file"
    return ""


_PROGRAMME_LINE = re.compile(rb"^[ \t]*(?:\[\[[ \t]*slot[ \t]*\]\]|weeks[ \t]*=)", re.M)
_STEP_LINE = re.compile(rb"^[ \t]*\[\[[ \t]*step[ \t]*\]\]", re.M)


def is_programme_file(path: Path) -> bool:
    """A programme file has [[slot]] tables (or weeks) where a routine has [[step]].

    Told from the lines, not by parsing: the file is parsed once, by the check
    that fits it, after its size and kind are checked. A file that cannot be read
    is taken for a routine (whose check says what is wrong with it).
    """
    data = read_or_problem(path, ROUTINE_MAX_BYTES)
    if isinstance(data, Problem):
        return False
    return bool(_PROGRAMME_LINE.search(data)) and not _STEP_LINE.search(data)


def looks(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """How files look from outside (name, size, time of change; missing ones left out):
    cheap to take every few seconds, and different as soon as one is written."""
    seen = []
    for path in paths:
        with contextlib.suppress(OSError):
            status = path.stat()
            seen.append((str(path), status.st_size, status.st_mtime_ns))
    return tuple(seen)
