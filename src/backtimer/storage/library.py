"""Reading the catalogue and routine files: the built-in ones and the user's own.

A routine that fails to load is still listed, with its problems, so one bad
file never hides the good ones and never stops the app.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from backtimer.domain.figure.moves import FigureBook, parse_figures
from backtimer.domain.parsing.problems import Problem, ProblemsError, nearest
from backtimer.domain.routines.catalogue import Catalogue, parse_catalogue
from backtimer.domain.routines.exercise import Exercise
from backtimer.domain.routines.routine import MAX_FILE_BYTES, Routine, Source, parse_routine_bytes
from backtimer.domain.routines.routine_length import routine_length, total
from backtimer.domain.routines.timeline import Timeline, compile_timeline
from backtimer.storage import locations
from backtimer.storage.found_files import (
    looks,
    name_problem,
    own_files,
    read_or_problem,
    shipped_files,
)
from backtimer.storage.routine_notes import note_routines


@cache
def catalogue() -> Catalogue:
    """The catalogue shipped with the package (read once)."""
    return parse_catalogue(locations.catalogue_resource().read_text("utf-8"))


@cache
def figures() -> FigureBook:
    """How each built-in move is drawn, shipped with the package (read once)."""
    return parse_figures(locations.poses_resource().read_text("utf-8"))


def exercises() -> dict[str, Exercise]:
    """The catalogue's moves by id, as routine checking wants them."""
    return dict(catalogue().exercises)


@dataclass(frozen=True)
class RoutineEntry:
    """A routine file as found on disk: its routine, or why it could not be read."""

    id: str
    source: Source
    path: str
    """Where the file is, for messages."""
    text: str = ""
    """The file's text as read (empty when it could not be read)."""
    routine: Routine | None = None
    problems: tuple[Problem, ...] = ()
    _catalogue: dict[str, Exercise] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.routine is not None

    @property
    def name(self) -> str:
        return self.routine.name if self.routine else self.id

    @cached_property
    def estimated_seconds(self) -> int:
        """How long the routine takes (as its timeline says), by arithmetic: no compiling."""
        if self.routine is None:
            raise ValueError(f"{self.path} did not load")
        return total(routine_length(self.routine, self._catalogue)).seconds

    @cached_property
    def timeline(self) -> Timeline:
        """The compiled routine (only for an entry that loaded)."""
        if self.routine is None:
            raise ValueError(f"{self.path} did not load")
        return compile_timeline(self.routine, self._catalogue)

    def problem_lines(self) -> list[str]:
        return [f"{self.path}: {problem}" for problem in self.problems]


def read_routine(path: Path, source: Source = "user") -> RoutineEntry:
    """Load one routine file; problems are kept in the entry, never raised."""
    moves = exercises()
    routine_id = path.stem
    data = read_or_problem(path, MAX_FILE_BYTES)
    if isinstance(data, Problem):
        return RoutineEntry(routine_id, source, str(path), problems=(data,))
    return _entry(routine_id, source, str(path), data, moves)


def _entry(
    routine_id: str, source: Source, where: str, data: bytes, moves: dict[str, Exercise]
) -> RoutineEntry:
    text = data.decode("utf-8", errors="replace")
    try:
        routine = parse_routine_bytes(data, moves, where)
    except ProblemsError as exc:
        return RoutineEntry(routine_id, source, where, text, problems=exc.problems)
    return RoutineEntry(routine_id, source, where, text, routine, _catalogue=moves)


def builtin_routines() -> list[RoutineEntry]:
    """The routines that ship with backtimer."""
    moves = exercises()
    return [
        _entry(
            f.name.removesuffix(".toml"), "built-in", f"built-in {f.name}", f.read_bytes(), moves
        )
        for f in shipped_files(locations.builtin_routines())
    ]


def user_routines(builtin_ids: set[str]) -> list[RoutineEntry]:
    """The user's routine files, each checked, bad ones included with their problems;
    in the order of the names the picker shows (a file's name is its id, which may be
    far from its routine's name: "my-desk-reset" is "Desk reset (mine)").

    Those that load are noted for the quick ``today --exit-code`` (`routine_notes`).
    """
    entries = []
    for path in own_files(locations.routines_dir()):
        entry = read_routine(path)
        wrong = name_problem(path, builtin_ids, "routine", like="my-evening.toml")
        entries.append(_with_problem(entry, wrong) if wrong else entry)
    if builtin_ids:  # the ids given are the built-in routines': their clashes are known
        note_routines((e.id, Path(e.path), e.name) for e in entries if e.ok)
    return sorted(entries, key=lambda entry: (entry.name.casefold(), entry.id))


def _with_problem(entry: RoutineEntry, message: str) -> RoutineEntry:
    return RoutineEntry(
        entry.id,
        entry.source,
        entry.path,
        entry.text,
        problems=(*entry.problems, Problem("", message)),
    )


def all_routines() -> list[RoutineEntry]:
    """Built-in routines first, then the user's, each group in the order of their names."""
    builtins = builtin_routines()
    return builtins + user_routines({entry.id for entry in builtins})


class RoutineNotFound(LookupError):
    """No routine has that id, and no file has that path."""


def find_routine(ref: str) -> RoutineEntry:
    """A routine by id, or by the path of a routine file.

    Raises:
        RoutineNotFound: with a message that suggests the nearest id (an id or
            a name mistyped), or else lists the ids there are.
    """
    path = Path(ref)
    if ref.endswith(".toml") or path.is_file():
        if not path.exists():
            raise RoutineNotFound(f"{ref}: no such file")
        return read_routine(path)  # a pipe or a folder is reported there, never read
    entries = all_routines()
    for entry in entries:
        if entry.id == ref:
            return entry
    by_name: dict[str, str] = {}
    for entry in entries:
        by_name.setdefault(entry.name.casefold(), entry.id)
    close = nearest(ref.lower(), [entry.id for entry in entries])
    if close is None and (name := nearest(ref.casefold(), by_name)) is not None:
        close = by_name[name]
    if close is not None:
        raise RoutineNotFound(f"no routine '{ref}' (did you mean {close}?)")
    ids = ", ".join(entry.id for entry in entries)
    raise RoutineNotFound(f"no routine '{ref}'; there are: {ids}")


def unsaved_entry(routine_id: str, routine: Routine) -> RoutineEntry:
    """An entry for a routine made in the app (by the pain guide), not read from a file."""
    return RoutineEntry(
        routine_id, "user", "(not saved yet)", routine=routine, _catalogue=exercises()
    )


def routines_look() -> Hashable:
    """How the person's routine files and programme files look on disk now, and the
    history beside them: changes when any is written, added or removed (`looks`)."""
    folders = [locations.routines_dir(), locations.programmes_dir()]
    files = [path for folder in folders for path in own_files(folder)]
    files += [locations.program_file(), locations.history_file()]
    return looks([*folders, *files])
