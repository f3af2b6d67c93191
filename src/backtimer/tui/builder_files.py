"""What the routine builder does with files: what opening a routine means, and saving it.

Opening: a new routine, a copy of a built-in one (which is never changed), or
the person's own file, perhaps written by hand. Saving: the file is written off
the UI thread; a hand-written file would lose its comments, so the person is
asked first and the old file is kept beside the new one.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from textual.app import App

from backtimer.domain.draft import RoutineDraft, propose_id
from backtimer.domain.routine_toml import routine_toml
from backtimer.storage.files import StorageError
from backtimer.storage.library import RoutineEntry
from backtimer.storage.routine_files import SaveRefused, backup_path, save_routine, shown
from backtimer.tui.screens.confirm import Confirm


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


def open_for_building(entry: RoutineEntry | None, taken: set[str]) -> Opened:
    """What editing ``entry`` means; None builds a new routine.

    Args:
        entry: a routine that loaded, or None.
        taken: ids a copy must not take.
    """
    if entry is None or entry.routine is None:
        return Opened(RoutineDraft(), "")
    draft = RoutineDraft.from_routine(entry.routine)
    if entry.source == "built-in":
        draft.name = f"{entry.routine.name} (mine)"[:80]
        note = f"A copy of the built-in '{entry.name}', saved as your own; the built-in stays."
        return Opened(draft, propose_id(f"my {entry.id}", taken), note=note)
    hand_written = entry.text != routine_toml(entry.routine)
    note = (
        f"Written by hand: saving rewrites it without its comments, and keeps the file"
        f" as it is now as {backup_path(entry.id).name}."
        if hand_written
        else ""
    )
    return Opened(draft, entry.id, entry.text, hand_written, note)


async def save(app: App[None], opened: Opened, text: str) -> Path | None:
    """Save ``text`` as the routine's file, asking first if that loses a hand-written file.

    Updates ``opened`` to the saved file; returns its path, or None when it was
    not saved (the person said no, or the reason was shown).
    """
    backup = opened.hand_written
    if backup:
        name = f"{opened.routine_id}.toml"
        confirm = Confirm(
            f"Rewrite {name}?",
            f"{name} was written by hand; the builder writes it anew, without its comments."
            f" The file as it is now is kept as {backup_path(opened.routine_id).name}.",
            yes="Save",
            no="Cancel",
        )
        if not await app.push_screen_wait(confirm):
            return None
    try:
        path = await asyncio.to_thread(
            save_routine, opened.routine_id, text, replacing=opened.original, backup=backup
        )
    except (SaveRefused, StorageError) as exc:
        app.notify(f"Not saved: {exc}", severity="error", timeout=10)
        return None
    kept = f"; the old file is kept as {backup_path(opened.routine_id).name}" if backup else ""
    app.notify(f"Saved {shown(path)}{kept}.")
    opened.original, opened.hand_written, opened.note = text, False, ""
    return path
