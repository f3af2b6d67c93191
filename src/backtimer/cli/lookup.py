"""Finding what a command line names: a routine, a programme."""

from __future__ import annotations

from collections.abc import Sequence

from backtimer.cli.exits import NotValid, UsageError
from backtimer.domain.parsing.problems import nearest
from backtimer.domain.programmes.programme import ProgrammeEntry
from backtimer.storage import library


def loaded_routine(ref: str) -> library.RoutineEntry:
    """The routine with this id or path; it loaded.

    Raises:
        UsageError: there is no such routine (the message suggests the nearest id).
        NotValid: it does not load (its problems, one a line).
    """
    try:
        entry = library.find_routine(ref)
    except library.RoutineNotFound as exc:
        raise UsageError(str(exc)) from None
    if entry.routine is None:
        raise NotValid(entry.problem_lines())
    return entry


def loaded_programme(entries: Sequence[ProgrammeEntry], wanted: str) -> ProgrammeEntry:
    """The programme with this id among ``entries``; it loaded.

    Raises:
        UsageError: there is none (the message suggests the nearest id, or lists them).
        NotValid: it does not load (its problems, one a line).
    """
    entry = next((e for e in entries if e.id == wanted), None)
    if entry is None:
        ids = [e.id for e in entries]
        close = nearest(wanted, ids)
        hint = f" (did you mean {close}?)" if close else f"; there are: {', '.join(ids)}"
        raise UsageError(f"no programme '{wanted}'{hint}")
    if entry.program is None:
        raise NotValid(entry.problem_lines())
    return entry
