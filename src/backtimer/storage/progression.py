"""Progression on disk: a routine and its sessions for the rules, and accepted changes saved.

The rules are `backtimer.domain.coaching.progression`; this module finds what they
need (the routine, which sessions are its own) and writes what the person
accepts:

- A change to one of the person's routines is written into its file, the
  value alone on its line, so comments and layout stay (`routine_edit`).
- A change to a built-in routine goes into the person's copy of it: the one
  programmes run, or the one the builder made (``my-<id>``, "<name> (mine)");
  with none, a copy is made from the built-in file. ``program.toml`` then
  remembers the copy (`ProgrammeState.copies`): every programme slot that ran the
  built-in runs the copy, and the built-in's sessions count for the copy's slots
  and for its progression. The builder's first copy of a built-in is remembered
  the same way (`adopt_copy`). A later change to the built-in goes into the same
  copy, as long as the copy still has those steps as they were; otherwise into a
  new one, under a name of its own ("<name> (mine 2)").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from backtimer.domain.coaching.pain_reading import RatedSession
from backtimer.domain.coaching.progression import StepAdvice, advise, own_sessions_of
from backtimer.domain.routines.draft import propose_copy_name, propose_id
from backtimer.domain.routines.routine import Routine, Step
from backtimer.domain.routines.routine_edit import edit_routine
from backtimer.domain.routines.routine_toml import routine_toml
from backtimer.storage import locations
from backtimer.storage.library import RoutineEntry, all_routines, catalogue, exercises
from backtimer.storage.programmes import live_copies, load_state, record_copy
from backtimer.storage.routine_files import SaveRefused, save_routine


def copies() -> dict[str, str]:
    """Built-in routine ids and the person's copy of each that programmes run."""
    return dict(load_state()[0].copies)


def advise_on(
    entry: RoutineEntry,
    sessions: Sequence[RatedSession],
    now: datetime,
    zone: tzinfo,
    copied: Mapping[str, str] | None = None,
    red_flag_open: bool = False,
) -> list[StepAdvice]:
    """What the rules say about each step of a routine that loaded."""
    assert entry.routine is not None
    copied = copies() if copied is None else copied
    return advise(
        entry.routine,
        sessions,
        routine_ids=own_sessions_of(entry.id, copied),
        now=now,
        zone=zone,
        moves=exercises(),
        ladders=catalogue().ladders,
        red_flag_open=red_flag_open,
    )


def followed(
    entry: RoutineEntry,
    routines: Iterable[RoutineEntry],
    copied: Mapping[str, str] | None = None,
) -> RoutineEntry:
    """The routine that stands in for ``entry``: its live copy when it has one, else itself."""
    copy = (copies() if copied is None else copied).get(entry.id)
    return next((r for r in routines if r.id == copy and r.ok), entry) if copy else entry


def own_copy(
    builtin: RoutineEntry, routines: Iterable[RoutineEntry], copied: Mapping[str, str] | None = None
) -> RoutineEntry | None:
    """The person's copy of a built-in routine: the one programmes run, else the one the
    builder made under its first id (``my-<id>``) before copies were remembered; or None."""
    routines = list(routines)
    followed_now = followed(builtin, routines, copied)
    if followed_now is not builtin:
        return followed_now
    first = f"my-{builtin.id}"
    return next((r for r in routines if r.id == first and r.ok and _own_file(r)), None)


def adopt_copy(builtin: str, copy: str) -> None:
    """A copy of a built-in routine was made in the builder: programmes run it, unless
    they run another copy of it that is still there (one copy is the one followed)."""
    if live_copies({entry.id for entry in all_routines() if entry.ok}).get(builtin) is None:
        record_copy(builtin, copy)


@dataclass(frozen=True)
class Accepted:
    """Where accepted changes were written."""

    routine_id: str
    path: Path
    copy_of: str | None = None
    """The built-in routine this is a copy of, when the changes went into a copy."""
    rewritten: bool = False
    """The file was written anew (it could not be changed in place); the old one is kept
    beside it as ``.bak``."""


def _own_file(entry: RoutineEntry) -> bool:
    return entry.source == "user" and Path(entry.path).parent == locations.routines_dir()


def can_change(entry: RoutineEntry) -> bool:
    """Whether accepted changes have somewhere to go: a built-in (into a copy) or one of
    the person's routine files (not a file elsewhere, nor a routine not saved yet)."""
    return entry.ok and (entry.source == "built-in" or _own_file(entry))


def _fits(copy: RoutineEntry, base: Routine, indexes: Collection[int]) -> bool:
    """The copy still has the steps the changes start from, where they start from."""
    if copy.routine is None or len(copy.routine.step) != len(base.step):
        return False
    return all(copy.routine.step[i] == base.step[i] for i in indexes)


def accept(entry: RoutineEntry, chosen: Iterable[StepAdvice]) -> Accepted:
    """Write the changes of ``chosen`` into the routine's file, or into the person's copy.

    Raises:
        SaveRefused: the routine is not one of the person's files nor a built-in,
            or its file changed since it was read.
        StorageError: the file could not be written; nothing was changed.
    """
    routine = entry.routine
    assert routine is not None
    steps = {item.number - 1: item.notch.after for item in chosen if item.notch is not None}
    if entry.source == "built-in":
        everything = all_routines()
        copy = own_copy(entry, everything)
        if copy is not None and _fits(copy, routine, steps):
            accepted = _accept_own(copy, steps, copy_of=entry.id)
            record_copy(entry.id, copy.id)
            return accepted
        taken = {other.id for other in everything}
        copy_id = propose_id(f"my {entry.id}", taken)
        name = propose_copy_name(routine.name, [other.name for other in everything if other.ok])
        text = edit_routine(entry.text, routine, steps, exercises(), name=name)
        if text is None:
            text = routine_toml(_with(routine, steps).model_copy(update={"name": name}))
        path = save_routine(copy_id, text)
        record_copy(entry.id, copy_id)
        return Accepted(copy_id, path, copy_of=entry.id)
    if not _own_file(entry):
        raise SaveRefused(
            f"{entry.path} is not in your routines folder; import it first"
            " (backtimer routines import FILE)"
        )
    return _accept_own(entry, steps)


def _with(routine: Routine, steps: Mapping[int, Step]) -> Routine:
    return routine.model_copy(
        update={"step": [steps.get(i, step) for i, step in enumerate(routine.step)]}
    )


def _accept_own(
    entry: RoutineEntry, steps: Mapping[int, Step], copy_of: str | None = None
) -> Accepted:
    routine = entry.routine
    assert routine is not None
    text = edit_routine(entry.text, routine, steps, exercises())
    rewritten = text is None
    if text is None:
        text = routine_toml(_with(routine, steps))
    path = save_routine(entry.id, text, replacing=entry.text, backup=rewritten)
    return Accepted(entry.id, path, copy_of=copy_of, rewritten=rewritten)
