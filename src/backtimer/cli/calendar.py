"""``backtimer programs ics [ID]``: a programme's training slots as an iCalendar file."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime

from backtimer.cli.exits import EXIT_OK, UsageError
from backtimer.cli.lookup import loaded_programme
from backtimer.cli.output import error
from backtimer.domain.programmes.calendar_ics import RoutineFacts, programme_calendar
from backtimer.domain.programmes.standing import local_zone
from backtimer.storage import library
from backtimer.storage import programmes as programs


def _local_today(now: datetime) -> date:
    """The date at ``now`` where the person is."""
    return now.astimezone(local_zone(now)).date()


def ics(args: argparse.Namespace) -> int:
    """Print the programme under way (or the one named) as an ``.ics`` file."""
    routines = {entry.id: entry for entry in library.all_routines() if entry.ok}
    entries = programs.all_programmes(set(routines))
    state, problems = programs.load_state()
    for problem in problems:
        error(problem)
    wanted = args.program or (state.active.program if state.active else None)
    if wanted is None:
        raise UsageError(
            "no programme is under way: name one (backtimer programs ics ID),"
            " or start one with `backtimer programs start ID`"
        )
    entry = loaded_programme(entries, wanted)
    assert entry.program is not None  # loaded_programme returns only programmes that loaded
    active = state.active is not None and state.active.program == entry.id
    start = args.start or (
        state.active.start if active and state.active else _local_today(args.now())
    )
    facts = {
        slot.routine: RoutineFacts(
            routines[slot.routine].name, routines[slot.routine].timeline.estimated_seconds
        )
        for slot in entry.program.slot
        if slot.routine in routines
    }
    stamp = args.now().astimezone(UTC).replace(microsecond=0)
    sys.stdout.buffer.write(programme_calendar(entry.program, entry.id, start, facts, stamp))
    sys.stdout.flush()
    return EXIT_OK
