"""Writing the user's routine files: what opening one in the builder means (`Opened`),
saving what the builder made, importing, deleting.

Reading them is `library`'s job. Every write goes through `write_atomic`, under
a lock on ``routines/.lock``, and checks first what is on disk, so a routine is
never replaced without the caller saying so: not another routine with the same
id, and not a file that changed since the builder opened it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from backtimer.domain.parsing.ids import ID_PATTERN
from backtimer.domain.routines.draft import RoutineDraft, propose_copy_name, propose_id
from backtimer.domain.routines.routine import MAX_FILE_BYTES
from backtimer.domain.routines.routine_toml import routine_toml
from backtimer.storage import locations
from backtimer.storage.files import StorageError, locked, write_atomic
from backtimer.storage.library import RoutineEntry, builtin_routines
from backtimer.storage.safe_read import read_bytes


class SaveRefused(ValueError):
    """Saving would replace or misname a routine; the message says which."""


class RoutineExists(SaveRefused):
    """Another routine has this id already."""


def routine_path(routine_id: str) -> Path:
    """Where the user's routine with this id lives."""
    return locations.routines_dir() / f"{routine_id}.toml"


def backup_path(routine_id: str) -> Path:
    """Where the file as the person wrote it is kept when the builder rewrites it."""
    return locations.routines_dir() / f"{routine_id}.toml.bak"


def shown(path: Path) -> str:
    """A path as messages show it: relative to the data directory when inside it."""
    try:
        return str(path.relative_to(locations.data_dir()))
    except ValueError:
        return str(path)


def check_id(routine_id: str) -> None:
    """Refuse an id that cannot be a user routine's file name.

    Raises:
        SaveRefused: the id is malformed or belongs to a built-in routine.
    """
    if not re.fullmatch(ID_PATTERN, routine_id):
        raise SaveRefused(
            f"'{routine_id}' cannot be a routine id: it takes lowercase letters, digits and"
            " hyphens, like my-evening"
        )
    if routine_id in {entry.id for entry in builtin_routines()}:
        raise SaveRefused(f"'{routine_id}' is the id of a built-in routine")


def save_routine(
    routine_id: str,
    text: str,
    *,
    replacing: str | None = None,
    force: bool = False,
    backup: bool = False,
) -> Path:
    """Write a user routine file atomically, and return its path.

    Args:
        routine_id: the routine's id, which is its file name.
        text: the file's new text.
        replacing: the text the file had when it was opened for editing; the
            file is replaced only while it still has that text.
        force: replace whatever file has this id.
        backup: keep the file as it was in `backup_path` before replacing it.

    Raises:
        RoutineExists: another routine has the id (and neither replacing nor force was given).
        SaveRefused: the id cannot be used, or the file changed since it was opened.
        StorageError: the file could not be written; nothing was changed.
    """
    check_id(routine_id)
    path = routine_path(routine_id)
    with locked(locations.routines_dir() / ".lock"):
        current = _read(path)
        if current is not None and not force:
            if replacing is None:
                raise RoutineExists(f"{shown(path)} exists already")
            if current != replacing:
                raise SaveRefused(
                    f"{shown(path)} was changed by something else since the builder opened it;"
                    " nothing was saved. Open it again to see the change."
                )
        if backup and current is not None:
            write_atomic(backup_path(routine_id), current)
        write_atomic(path, text)
    return path


def _read(path: Path) -> str | None:
    """The file's text, or None when there is none; a pipe, a folder or a file too
    large to be a routine is refused (StorageError), never read nor replaced."""
    try:
        return read_bytes(path, MAX_FILE_BYTES).decode("utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(f"could not read {path}: {exc.strerror or exc}") from exc


def delete_routine(routine_id: str) -> None:
    """Remove a user routine's file.

    Raises:
        StorageError: it could not be removed.
    """
    path = routine_path(routine_id)
    with locked(locations.routines_dir() / ".lock"):
        try:
            path.unlink()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise StorageError(f"could not delete {path}: {exc.strerror or exc}") from exc


@dataclass
class Opened:
    """A routine as the builder opens it."""

    draft: RoutineDraft
    routine_id: str
    """Its id, or the one proposed for a new routine or a copy."""
    original: str | None = None
    """The file's text when the routine has a file of its own."""
    hand_written: bool = False
    """The file differs from what the builder would write (comments, layout)."""
    note: str = ""
    """What saving will do, when it is not the obvious."""
    copy_of: str | None = None
    """The built-in routine this is a new copy of."""


def open_for_building(
    entry: RoutineEntry | None, taken: set[str], names: Collection[str] = ()
) -> Opened:
    """What editing ``entry`` means; None builds a new routine.

    Args:
        entry: a routine that loaded, or None.
        taken: ids a copy must not take.
        names: the names of every routine, which a copy's name must not repeat.
    """
    if entry is None or entry.routine is None:
        return Opened(RoutineDraft(), "")
    draft = RoutineDraft.from_routine(entry.routine)
    if entry.source == "built-in":
        draft.name = propose_copy_name(entry.routine.name, names)
        note = f"A copy of the built-in '{entry.name}', saved as your own; the built-in stays."
        routine_id = propose_id(f"my {entry.id}", taken)
        return Opened(draft, routine_id, note=note, copy_of=entry.id)
    hand_written = entry.text != routine_toml(entry.routine)
    note = (
        f"Written by hand: saving rewrites it without its comments, and keeps the file"
        f" as it is now as {backup_path(entry.id).name}."
        if hand_written
        else ""
    )
    return Opened(draft, entry.id, entry.text, hand_written, note)
