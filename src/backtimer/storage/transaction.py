"""Changing several history files at once, all of them or none, whatever stops the process.

Recording a session rewrites one month; an import may rewrite a dozen. Were
each file replaced in turn, a kill part way would leave part of an import in
(575 of 3,030 sessions, in one test) and a temporary file behind. So
`replace_all` writes every new file beside its old one first, then writes a
small commit record (``.commit``) naming them, and only then moves them into
place, one ``os.replace`` each, and removes the record:

- stopped before the record is written: no file changed; the temporary files
  are removed (at once on an interrupt or SIGTERM, at the next start after
  ``kill -9``);
- SIGTERM, SIGHUP and SIGINT are held back from the record to the last move
  (a few renames), so only ``kill -9`` can stop it there; then
  `finish_interrupted`, run under the same lock at the next start or write,
  moves the remaining files into place, so the change is whole.

Callers hold the data directory's lock (`files.locked`) throughout.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path

from backtimer.storage import locations
from backtimer.storage.files import (
    TEMPORARY_SUFFIX,
    StorageError,
    fsync_dir,
    signals_held,
    write_atomic,
    write_temporary,
)
from backtimer.storage.safe_read import KIB, read_bytes

COMMIT_NAME = ".commit"
_NAMES = re.compile(
    r"(?:history/)?(?:\.(?P<temp_of>history\.toml|[0-9]{4}-[0-9]{2}\.toml)\.[A-Za-z0-9_]+"
    + re.escape(TEMPORARY_SUFFIX)
    + r"|history\.toml|[0-9]{4}-[0-9]{2}\.toml)"
)
"""The only names a commit record may hold: history files and their temporary files."""


def commit_path() -> Path:
    return locations.data_dir() / COMMIT_NAME


def _relative(path: Path) -> str:
    return str(path.relative_to(locations.data_dir()))


def replace_all(contents: Mapping[Path, str]) -> None:
    """Replace every file named with its text, so that either all change or none does.

    Raises:
        StorageError: a file could not be written; then none was changed (or, if
            the moves into place failed part way, the next `finish_interrupted`
            completes them).
    """
    if len(contents) == 1:
        ((path, text),) = contents.items()
        write_atomic(path, text)
        return
    pairs: list[tuple[Path, Path]] = []
    try:
        for path, text in contents.items():
            pairs.append((write_temporary(path, text), path))
    except BaseException:
        _remove(pairs)
        raise
    record = [[_relative(temp), _relative(path)] for temp, path in pairs]
    with signals_held():  # from the record to the last move: a few renames, never cut
        try:
            write_atomic(commit_path(), json.dumps(record))
        except BaseException:
            _remove(pairs)
            raise
        _move_into_place(pairs)
        _drop_commit()


def _remove(pairs: list[tuple[Path, Path]]) -> None:
    for temp, _ in pairs:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _move_into_place(pairs: list[tuple[Path, Path]]) -> None:
    for temp, path in pairs:
        try:
            os.replace(temp, path)
        except FileNotFoundError:
            continue  # moved already, by a run that was stopped after it
        except OSError as exc:
            raise StorageError(f"could not write {path}: {exc.strerror or exc}") from exc
    for folder in {path.parent for _, path in pairs}:
        fsync_dir(folder)


def _drop_commit() -> None:
    with contextlib.suppress(FileNotFoundError):
        commit_path().unlink()
    fsync_dir(locations.data_dir())


def _recorded_pairs() -> list[tuple[Path, Path]] | None:
    """The moves a commit record asks for, or None when it cannot be trusted."""
    try:
        record = json.loads(read_bytes(commit_path(), 64 * KIB))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(record, list):
        return None
    home = locations.data_dir()
    pairs = []
    for item in record:
        if not (
            isinstance(item, list) and len(item) == 2 and all(isinstance(i, str) for i in item)
        ):
            return None
        temp, final = item
        found = _NAMES.fullmatch(temp)
        if (
            found is None
            or found["temp_of"] is None
            or _NAMES.fullmatch(final) is None
            or Path(temp).parent != Path(final).parent
            or found["temp_of"] != Path(final).name
        ):
            return None
        pairs.append((home / temp, home / final))
    return pairs


def _strays() -> list[Path]:
    """Temporary files left in the history's folders by a process that was killed."""
    found: list[Path] = []
    for folder in (locations.data_dir(), locations.archive_dir()):
        if folder.is_dir():
            found += folder.glob(f".*{TEMPORARY_SUFFIX}")
    return found


def interrupted() -> bool:
    """Whether a stopped process left something to finish (checked without the lock)."""
    return os.path.lexists(commit_path()) or bool(_strays())


def finish_interrupted() -> list[str]:
    """Complete a change a stopped process committed to, and remove stray temporary files.

    Run under the data directory's lock. Returns what was done, for the person
    to hear about (an import cut short and now finished, say).

    Raises:
        StorageError: the change could not be completed (a read-only disk).
    """
    told = []
    if os.path.lexists(commit_path()):
        pairs = _recorded_pairs()
        if pairs is None:
            told.append(
                f"{commit_path()}: not a record backtimer wrote; removed, no file was changed"
            )
        else:
            _move_into_place([(t, p) for t, p in pairs if os.path.lexists(t)])
            told.append(
                f"a change to {len(pairs)} history files (an import, say) was cut short"
                " when backtimer was stopped; it is now complete"
            )
        _drop_commit()
    for stray in _strays():
        with contextlib.suppress(OSError):
            stray.unlink()
    return told
