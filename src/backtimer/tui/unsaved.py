"""Sessions the disk would not take: how they are named, and where else they can go.

A full or read-only disk must cost nothing: the session stays in memory, the
person is told where backtimer tried to write and why it failed, and is
offered to try again or to write it to another file (`NotSavedScreen`). If
the person quits anyway, the session is printed after the app ends, as JSON
that ``backtimer history import`` takes back (`exit_message`). `leaving` does
the saving on the way out, for ctrl+q and for signals.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text

from backtimer.domain.history.session import Session, session_json
from backtimer.domain.routines.describe import duration
from backtimer.storage.files import StorageError
from backtimer.storage.history_file import write_export


@dataclass
class Unsaved:
    """A session not in the history yet, and why."""

    session: Session
    problem: str
    """What went wrong, naming the file backtimer tried to write."""


def describe(session: Session) -> str:
    """The session in a few words: "Back durability, started 2026-11-24 07:30, 5 min done"."""
    started = session.started_at.astimezone()
    return (
        f"{session.routine_name}, started {started:%Y-%m-%d %H:%M},"
        f" {duration(session.active_seconds)} done"
    )


def fallback_path(session: Session) -> Path:
    """Where a session goes when the data folder will not take it and no one can be asked."""
    return Path(tempfile.gettempdir()) / f"backtimer-unsaved-{session.id}.json"


def elsewhere(session: Session, problem: str) -> str:
    """Write a session the data folder would not take to `fallback_path`; say where."""
    path = fallback_path(session)
    try:
        write_export(path, [session])
    except StorageError as exc:
        return f"NOT SAVED: {describe(session)}: {problem}; and {exc}"
    return (
        f"{describe(session)}: {problem}; it was written to {path} instead:"
        f" `backtimer history import {path}` puts it in the history"
    )


def exit_message(unsaved: Sequence[Unsaved]) -> str:
    """What the terminal shows after quitting with sessions not saved: each, and its JSON."""
    lines = [f"backtimer: NOT SAVED: {describe(u.session)}: {u.problem}" for u in unsaved]
    lines.append(
        "backtimer: to keep it, put the line below in a file and run"
        " `backtimer history import FILE` once the disk takes it:"
    )
    lines.append(json.dumps([session_json(u.session) for u in unsaved], ensure_ascii=False))
    return "\n".join(lines)


def as_printed(message: str) -> Text:
    """A message for after the app ends, printed as it is: never wrapped or cut, so the
    JSON in it can be copied whole."""
    return Text(message, no_wrap=True, overflow="ignore")
