"""Programme files (built-in and the user's) and ``program.toml``, the active programme.

``program.toml`` holds the programme under way and its start date, and the
programmes left before (id, start, the day they were left). Sessions stay in
the history whatever happens here: leaving a programme deletes nothing. A
broken ``program.toml`` is reported, treated as no programme active, and set
aside (never overwritten) the next time it is written.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import date, datetime, tzinfo
from pathlib import Path

from backtimer.domain.coaching.easier_week import easier_week
from backtimer.domain.parsing.problems import Problem, ProblemsError
from backtimer.domain.programmes.programme import (
    MAX_FILE_BYTES,
    Enrolment,
    Programme,
    ProgrammeEntry,
    ProgrammeState,
    check_routines,
    parse_programme_bytes,
)
from backtimer.domain.programmes.standing import Situation, history_needed_from, standing
from backtimer.domain.routines.routine import Source
from backtimer.storage import locations
from backtimer.storage.files import locked
from backtimer.storage.found_files import name_problem, own_files, read_or_problem, shipped_files
from backtimer.storage.history import HistoryStore
from backtimer.storage.library import RoutineEntry, all_routines
from backtimer.storage.model_file import load_model, save_model
from backtimer.storage.safe_read import (
    MIB,
)

HEADER = "# backtimer: the programme under way and those left before.\n\n"
STATE_MAX_BYTES = MIB
"""``program.toml`` holds a line or two a programme ever started: a megabyte is ages."""


def _entry(
    program_id: str, source: Source, where: str, data: bytes, routine_ids: set[str]
) -> ProgrammeEntry:
    try:
        program = parse_programme_bytes(data, where)
    except ProblemsError as exc:
        return ProgrammeEntry(program_id, source, where, problems=exc.problems)
    problems = check_routines(program, routine_ids)
    if problems:
        return ProgrammeEntry(program_id, source, where, problems=tuple(problems))
    return ProgrammeEntry(program_id, source, where, program)


def follow_copies(program: Programme, copies: Mapping[str, str]) -> Programme:
    """The programme with each slot of a built-in routine running the person's copy of it."""
    if not any(slot.routine in copies for slot in program.slot):
        return program
    slots = [
        slot.model_copy(update={"routine": copies.get(slot.routine, slot.routine)})
        for slot in program.slot
    ]
    return program.model_copy(update={"slot": slots})


def live_copies(routine_ids: Collection[str]) -> dict[str, str]:
    """The copies that programme slots follow (`ProgrammeState.copies`) whose routine is there."""
    state, _ = load_state()
    return {builtin: copy for builtin, copy in state.copies.items() if copy in routine_ids}


def all_programmes(routine_ids: set[str] | None = None) -> list[ProgrammeEntry]:
    """Built-in programmes first, then the user's, each group by file name.

    A slot that names a built-in routine the person has a progression copy of
    runs the copy (`live_copies`).

    Args:
        routine_ids: the routines there are (read from disk when not given).
    """
    if routine_ids is None:
        routine_ids = {entry.id for entry in all_routines() if entry.ok}
    copies = live_copies(routine_ids)
    entries = [
        _entry(
            f.name.removesuffix(".toml"),
            "built-in",
            f"built-in {f.name}",
            f.read_bytes(),
            routine_ids,
        )
        for f in shipped_files(locations.builtin_programmes())
    ]
    builtin_ids = {entry.id for entry in entries}
    for path in own_files(locations.programmes_dir()):
        entries.append(_user_entry(path, routine_ids, builtin_ids))
    return [
        replace(entry, program=follow_copies(entry.program, copies)) if entry.program else entry
        for entry in entries
    ]


def _user_entry(path: Path, routine_ids: set[str], builtin_ids: set[str]) -> ProgrammeEntry:
    data = read_or_problem(path, MAX_FILE_BYTES)
    if isinstance(data, Problem):
        return ProgrammeEntry(path.stem, "user", str(path), problems=(data,))
    entry = _entry(path.stem, "user", str(path), data, routine_ids)
    clash = name_problem(path, builtin_ids, "programme")
    if clash:
        problems = (*entry.problems, Problem("", clash))
        return ProgrammeEntry(entry.id, "user", entry.path, problems=problems)
    return entry


def validate_programme_file(path: Path) -> ProgrammeEntry:
    """Check one programme file, routines included (for ``validate``-like use)."""
    routine_ids = {entry.id for entry in all_routines() if entry.ok}
    return _user_entry(path, routine_ids, set())


def load_state() -> tuple[ProgrammeState, list[str]]:
    """The programme state, or none active and the reason when the file cannot be used."""
    path = locations.program_file()
    return load_model(path, ProgrammeState, STATE_MAX_BYTES, "no programme is taken as active")


def _save(state: ProgrammeState) -> list[str]:
    data = state.model_dump(exclude_none=True)
    if not data["copies"]:
        del data["copies"]  # a file without copies reads as it did before they existed
    return save_model(locations.program_file(), HEADER, data, lambda: not load_state()[1])


def start_programme(program_id: str, today: date) -> list[str]:
    """Make ``program_id`` the active programme from ``today``; the one under way is left."""
    with locked(locations.lock_file()):
        state, _ = load_state()
        if state.active is not None:
            state.past.append(state.active.model_copy(update={"left": today}))
        state.active = Enrolment(program=program_id, start=today)
        return _save(state)


def leave_programme(today: date) -> Enrolment | None:
    """Leave the active programme (its sessions stay in the history); returns it."""
    with locked(locations.lock_file()):
        state, _ = load_state()
        if state.active is None:
            return None
        left = state.active.model_copy(update={"left": today})
        state.past.append(left)
        state.active = None
        _save(state)
        return left


def situation(store: HistoryStore, now: datetime, zone: tzinfo) -> Situation[RoutineEntry]:
    """Read the routines, programmes, history and ``program.toml``; where things stand
    (`backtimer.domain.programmes.standing.standing` works it out), and whether the programme under
    way is in an easier week after a flare-up (`backtimer.domain.coaching.easier_week`)."""
    routines = {entry.id: entry for entry in all_routines() if entry.ok}
    entries = all_programmes(set(routines))
    state, problems = load_state()
    # The compact form, and only the sessions that can change the answer: fast at 10,000.
    start = state.active.start if state.active else None
    history = store.load_digests_since(history_needed_from(start, now, zone))
    found = standing(state, problems, history.sessions, now, zone, entries, set(routines))
    under_way = found.progress is not None and not found.progress.finished
    easier = easier_week(history.sessions, now, zone) if under_way else None
    return Situation(entries, routines, found, (*history.problems, *found.problems), easier)


def record_copy(builtin: str, copy: str) -> list[str]:
    """Remember that programme slots of the built-in routine ``builtin`` run ``copy`` now."""
    with locked(locations.lock_file()):
        state, _ = load_state()
        if state.copies.get(builtin) == copy:
            return []
        state.copies[builtin] = copy
        return _save(state)
