"""A quick look at the programme under way, for ``backtimer today`` and ``--exit-code``.

Reads only what the answer needs, without pydantic (see `backtimer.domain.programmes.due`
for why): ``program.toml``, the programme's file, the names of the slots' routines
and the history files that can hold a session of this programme week. Every file
is read as every other file is (`safe_read`: a pipe or a device is never opened,
a file is read up to its kind's limit; `load_toml`: nesting and long numbers are
refused), and its tables are taken only when plainly valid
(`backtimer.domain.history.plain_tables`). Whenever something is not, it gives up
(`NotPlain`), and the caller takes the full path, which reads everything, says
what is wrong, and gives the same answer the quick look would have given.

The person's own routines are not read here: whether one loads takes the whole
routine model. Whenever they are read in full, those that load are noted
(`backtimer.storage.routine_notes`), and the quick look takes a routine as
loading only while its file is exactly as noted. So a programme that runs the
person's copy of a routine (``[copies]`` in ``program.toml``) stays quick; a
copy of a routine the programme does not run is not looked at. It never
writes a file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from backtimer.domain.history.plain_tables import (
    NotPlain,
    QuickSession,
    plain_session,
    plain_state,
)
from backtimer.domain.parsing.safe_parse import ShapeError, load_toml
from backtimer.domain.programmes.due import QuickProgramme, QuickSlot, quick_programme
from backtimer.storage import file_cache, history_index, locations
from backtimer.storage.routine_notes import file_key, noted_routines
from backtimer.storage.safe_read import KIB, MIB, read_bytes

STATE_MAX_BYTES = MIB
"""As `backtimer.storage.programmes.STATE_MAX_BYTES` (a test checks that they agree)."""
PROGRAMME_MAX_BYTES = 64 * KIB
"""As `backtimer.domain.programmes.programme.MAX_FILE_BYTES`."""
HISTORY_MAX_BYTES = 64 * MIB
"""As `backtimer.storage.history_file.HISTORY_MAX_BYTES`."""


@dataclass(frozen=True)
class QuickPlan:
    """The programme under way (by its id), when it started, and its routines' names."""

    program_id: str
    program: QuickProgramme
    start: date
    names: dict[str, str]
    aliases: dict[str, str] = field(default_factory=dict)
    """Built-in routines whose sessions fill the slots of the person's copy."""


@dataclass(frozen=True)
class QuickLook:
    """The programme under way, when it started, its recent sessions and routine names."""

    program: QuickProgramme
    start: date
    sessions: list[QuickSession]
    names: dict[str, str]
    aliases: dict[str, str] = field(default_factory=dict)
    """Built-in routines whose sessions fill the slots of the person's copy."""


def _table(path: Path, limit: int) -> dict[str, Any]:
    """A TOML file's table.

    Raises:
        FileNotFoundError: it is not there.
        NotPlain: it cannot be read or is not TOML backtimer reads.
    """
    try:
        raw = read_bytes(path, limit)
    except FileNotFoundError:
        raise
    except OSError:
        raise NotPlain from None
    try:
        return load_toml(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ShapeError):
        raise NotPlain from None


def _programme_table(program_id: str) -> dict[str, Any]:
    builtin = locations.builtin_programmes() / f"{program_id}.toml"
    if builtin.is_file():
        return tomllib.loads(builtin.read_text("utf-8"))  # shipped with backtimer
    try:
        return _table(locations.programmes_dir() / f"{program_id}.toml", PROGRAMME_MAX_BYTES)
    except FileNotFoundError:
        raise NotPlain from None  # the full path says that it is not there any more


# ------------------------------------------------------------ routines and their names


class _Routines:
    """The names of routines that load, looked up as the full path would find them."""

    def __init__(self) -> None:
        self._noted: dict[str, dict[tuple[int, ...], str]] | None = None

    def name(self, routine_id: str) -> str | None:
        """The routine's name, or None when there is no such routine.

        Raises:
            NotPlain: it is the person's and not known to load as its file is now.
        """
        builtin = locations.builtin_routines() / f"{routine_id}.toml"
        if builtin.is_file():
            name = tomllib.loads(builtin.read_text("utf-8")).get("name")
            if type(name) is not str:
                raise NotPlain
            return name
        try:
            key = file_key(locations.routines_dir() / f"{routine_id}.toml")
        except OSError:
            raise NotPlain from None
        if key is None:
            return None
        if self._noted is None:
            self._noted = noted_routines()
        name = self._noted.get(routine_id, {}).get(tuple(key))
        if name is None:
            raise NotPlain
        return name


def _followed(
    program: QuickProgramme, copies: dict[str, str], routines: _Routines
) -> tuple[QuickProgramme, dict[str, str], dict[str, str]]:
    """The programme as the full path runs it: its slots' routines must load, and a slot
    of a built-in routine runs the person's copy of it when the copy loads. Returns the
    programme, the names of its routines, and the copies whose sessions fill its slots."""
    own = {slot.routine for slot in program.slot}
    for routine in own:
        if routines.name(routine) is None:
            raise NotPlain  # the full path says the programme does not load

    def live(copy: str) -> bool:
        return routines.name(copy) is not None

    followed = {b: c for b, c in copies.items() if b in own and live(c)}
    slots = tuple(QuickSlot(s.time, followed.get(s.routine, s.routine)) for s in program.slot)
    # A copy matters only to the slots of its built-in routine or of itself (their
    # sessions fill those slots): the others are not looked at.
    runs = own | {slot.routine for slot in slots}
    aliases = {b: c for b, c in copies.items() if (b in runs or c in runs) and live(c)}
    program = replace(program, slot=slots)
    names = {}
    for slot in slots:
        name = routines.name(slot.routine)
        assert name is not None  # a copy followed loads; an own slot was checked above
        names[slot.routine] = name
    return program, names, aliases


# ------------------------------------------------------------ the history


def _history_files(since: datetime) -> list[Path]:
    """The history files that can hold a session started from ``since`` on, in the order
    the full path reads them (a session in two files: the later file wins).

    Sessions live in their UTC month's file (``history/YYYY-MM.toml``), this
    month's in ``history.toml``, which is always read, as is every file that sorts
    after the first month of ``since``. A file of an earlier month could still
    hold one, written there by hand: it is skipped only while it is as noted at
    the last full read of the history (`history_index`) with nothing that late.

    Raises:
        NotPlain: an earlier month's file is not known to hold nothing that late.
    """
    first_month = f"{since.astimezone(UTC):%Y-%m}"
    try:
        entries = list(os.scandir(locations.archive_dir()))
    except (FileNotFoundError, NotADirectoryError):
        entries = []
    except OSError:
        raise NotPlain from None
    found: list[Path] = []
    earlier: list[Path] = []
    for entry in entries:
        if entry.name.startswith(".") or not entry.name.endswith(".toml"):
            continue  # as glob("*.toml") lists them in the full path
        path = Path(entry.path)
        (found if entry.name.removesuffix(".toml") >= first_month else earlier).append(path)
    if earlier:
        noted = history_index.noted()
        for path in earlier:
            try:
                key = file_cache.key(os.stat(path))
            except FileNotFoundError:
                continue
            except OSError:
                raise NotPlain from None
            known = noted.get(str(path))
            if known is None or known[0] != key:
                raise NotPlain  # changed since the history was last read in full
            if known[1] is not None and known[1] >= since.timestamp():
                raise NotPlain  # holds a session of this week: the full path reads it
    return [*sorted(found), locations.history_file()]


def _sessions(since: datetime) -> list[QuickSession]:
    by_id: dict[str, QuickSession] = {}
    for path in _history_files(since):
        try:
            tables = _table(path, HISTORY_MAX_BYTES).get("session", [])
        except FileNotFoundError:
            continue
        if type(tables) is not list:
            raise NotPlain
        for table in tables:
            session = plain_session(table)
            if session is None:
                raise NotPlain
            by_id[session.id] = session  # a later file wins, as in the full path
    return [session for session in by_id.values() if session.started_at >= since]


def quick_plan() -> QuickPlan | None:
    """The programme under way and its routines' names, as the full path has them, or
    None when no programme is under way (``today`` reads the history itself).

    Raises:
        NotPlain: a file is missing, unreadable or not plainly valid; the full
            path then reads everything and says what is wrong.
    """
    try:
        state = plain_state(_table(locations.program_file(), STATE_MAX_BYTES))
    except FileNotFoundError:
        return None
    if state.active is None:
        return None
    program_id, start = state.active
    program = quick_programme(_programme_table(program_id))
    if program is None:
        raise NotPlain
    program, names, aliases = _followed(program, state.copies, _Routines())
    return QuickPlan(program_id, program, start, names, aliases)


def quick_look(now: datetime, zone: tzinfo) -> QuickLook | None:
    """The programme under way and what is needed to say what it asks now, or None.

    Raises:
        NotPlain: a file is missing, unreadable or not plainly valid; the full
            path then reads everything and says what is wrong.
    """
    plan = quick_plan()
    if plan is None:
        return None
    program, start, names, aliases = plan.program, plan.start, plan.names, plan.aliases
    today = now.astimezone(zone).date()
    week_start = today - timedelta(days=(today - start).days % 7)
    # This programme week's sessions, and those of its days of rest (which can reach
    # back into last week: a session yesterday leaves today a day off).
    first = min(week_start, today - timedelta(days=program.rest_days))
    since = datetime.combine(max(start, first), time(), zone)
    return QuickLook(program, start, _sessions(since), names, aliases)
