"""Saving a routine from the builder: the file is written off the UI thread; a
hand-written file would lose its comments, so the person is asked first and the old
file is kept beside the new one. (What opening a routine means, `Opened`, is in
`backtimer.storage.routine_files`.)"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.app import App

from backtimer.storage.files import StorageError
from backtimer.storage.progression import adopt_copy
from backtimer.storage.routine_files import (
    Opened,
    SaveRefused,
    backup_path,
    save_routine,
    shown,
)
from backtimer.tui.screens.confirm import Confirm


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
    if opened.copy_of is not None:  # a built-in's first copy: the one programmes run
        try:
            await asyncio.to_thread(adopt_copy, opened.copy_of, opened.routine_id)
        except StorageError as exc:
            app.notify(f"Programmes still run the built-in: {exc}", severity="warning")
        opened.copy_of = None
    app.notify(f"Saved {shown(path)}{kept}.")
    opened.original, opened.hand_written, opened.note = text, False, ""
    return path
