"""What of the history was set aside as damaged, and whether the person has looked at it.

A history file with a damaged session is read all the same, the damaged
session left out and named; the next write of that file keeps the damaged
text, byte for byte, in a file beside it (``history.toml.unreadable-…``) and
says so once. Said once was too little: every later read was silent, and the
session seemed simply gone. So every read says, in one line, what is kept
aside, until the person has looked (``backtimer history --damaged``, which
notes the files it showed in ``.damage-seen``). The files are never changed or
removed by backtimer: the person deletes them once they are no longer needed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection
from pathlib import Path

from backtimer.storage import locations
from backtimer.storage.files import StorageError, write_atomic
from backtimer.storage.safe_read import KIB, read_bytes

SEEN_MAX_BYTES = 64 * KIB


def seen_file() -> Path:
    return locations.data_dir() / ".damage-seen"


def kept_aside() -> list[Path]:
    """Every file of damaged history text kept aside, oldest name first in each folder."""
    found = sorted(locations.data_dir().glob(f"{locations.history_file().name}.unreadable-*"))
    for folder in (locations.archive_dir(), locations.journal_dir()):
        found += sorted(folder.glob("*.unreadable-*"))
    return found


def _seen() -> set[str]:
    try:
        return set(read_bytes(seen_file(), SEEN_MAX_BYTES).decode("utf-8", "replace").splitlines())
    except OSError:
        return set()


def _name(path: Path) -> str:
    return str(path.relative_to(locations.data_dir()))


def notice(said: Collection[Path] = ()) -> list[str]:
    """One line when damaged text is kept aside that the person has not looked at (other
    than the files ``said`` just now)."""
    seen = _seen()
    unseen = [path for path in kept_aside() if _name(path) not in seen and path not in said]
    if not unseen:
        return []
    if len(unseen) == 1:
        what = f"1 damaged part of the history is kept aside, exactly as it was ({unseen[0]})"
        return [f"{what}: see it with `backtimer history --damaged`"]
    what = f"{len(unseen)} damaged parts of the history are kept aside, exactly as they were"
    return [f"{what} ({unseen[0]}, …): see them with `backtimer history --damaged`"]


def mark_seen(paths: list[Path]) -> None:
    """Note that the person has looked at these files (reads stop mentioning them)."""
    names = sorted({_name(path) for path in paths if path.exists()})
    with contextlib.suppress(StorageError):
        write_atomic(seen_file(), "".join(f"{name}\n" for name in names))
