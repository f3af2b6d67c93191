"""The programme commands: ``programs``, ``programs start``, ``programs leave``.

``today`` lives in `backtimer.cli.today`; when a file is not plainly valid it reads
the programmes here, in full (`full_today`).
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from backtimer.cli.exits import EXIT_OK
from backtimer.cli.lookup import loaded_programme
from backtimer.cli.output import error, print_json, table
from backtimer.cli.today import Today, progress_json
from backtimer.domain.programmes.programme import ProgrammeEntry
from backtimer.domain.programmes.schedule import Progress
from backtimer.domain.programmes.standing import (
    Situation,
    Standing,
    history_needed_from,
    local_zone,
)
from backtimer.storage import programmes as programs
from backtimer.storage.history import HistoryStore
from backtimer.storage.library import RoutineEntry

MARKS = {"done": "✓", "missed": "✗", "due": "•", "upcoming": "·"}


def _local_today(now: datetime) -> date:
    """The date at ``now`` where the person is."""
    return now.astimezone(local_zone(now)).date()


def _found(now: datetime, store: HistoryStore | None = None) -> Situation[RoutineEntry]:
    """Every programme, where the active one stands, the routines; problems reported."""
    found = programs.situation(store or HistoryStore(), now, local_zone(now))
    for problem in found.problems:
        error(problem)
    return found


def _situation(
    now: datetime,
) -> tuple[list[ProgrammeEntry], Standing, dict[str, str]]:
    """Every programme, where the active one stands, and the routine names by id."""
    found = _found(now)
    return found.programs, found.standing, found.names


def programme_json(
    entry: ProgrammeEntry, standing: Standing, names: dict[str, str]
) -> dict[str, Any]:
    data: dict[str, Any] = {"id": entry.id, "name": entry.name, "source": entry.source}
    active = standing.enrolment is not None and standing.enrolment.program == entry.id
    if entry.program is None:
        return data | {"active": active, "path": entry.path, "problems": entry.problem_lines()}
    program = entry.program
    data |= {
        "description": program.description,
        "weeks": program.weeks,
        "schedule": program.schedule_text(),
        "slots": [{"time": slot.time, "routine": slot.routine} for slot in program.slot],
        "sessions": program.total_days * len(program.slot),
        "active": active,
        "path": entry.path,
        "problems": [],
    }
    if active and standing.progress is not None:
        data["progress"] = progress_json(standing.progress, names)
    return data


def list_programmes(args: argparse.Namespace) -> int:
    entries, standing, names = _situation(args.now())
    if args.json:
        print_json([programme_json(entry, standing, names) for entry in entries])
        return EXIT_OK
    rows = [["ID", "NAME", "SOURCE", "SCHEDULE", "SESSIONS", ""]]
    for entry in entries:
        active = standing.enrolment is not None and standing.enrolment.program == entry.id
        if entry.program is None:
            rows.append([entry.id, "(does not load; see below)", entry.source, "-", "-", ""])
            continue
        sessions = str(entry.program.total_days * len(entry.program.slot))
        schedule = entry.program.schedule_text()
        mark = "active" if active else ""
        rows.append([entry.id, entry.name, entry.source, schedule, sessions, mark])
    print(table(rows))
    if standing.progress is not None:
        print()
        _print_progress(standing.progress, names)
    for entry in entries:
        for line in entry.problem_lines():
            error(line)
    return EXIT_OK


def _print_progress(plan: Progress, names: dict[str, str]) -> None:
    print(plan.headline(names))
    for week, row in enumerate(plan.weeks_grid(), start=1):
        print(f"  week {week}  " + " ".join(MARKS[mark] for mark in row))
    print("  ✓ done  ✗ missed  • due today  · to come")


def _why_it_does_not_load(standing: Standing) -> None:
    if standing.entry is not None and standing.entry.program is None:
        for line in standing.entry.problem_lines():
            error(line)


def full_today(now: datetime) -> Today:
    """What ``today`` says, read in full: every programme and routine through their
    models, each problem reported (the quick reading hands over to this)."""
    store = HistoryStore()  # one store: the recent digests are read once, for both questions
    found = _found(now, store)
    standing = found.standing
    _why_it_does_not_load(standing)
    entry, enrolment = standing.entry, standing.enrolment
    start = enrolment.start if enrolment else None
    since = history_needed_from(start, now, local_zone(now))
    return Today(
        standing.progress,
        found.names,
        entry.id if entry else "",
        entry.name if entry else "",
        found.easier,
        store.load_digests_since(since).sessions,
    )


def standing_now(now: datetime) -> tuple[Progress | None, dict[str, str], bool]:
    """Where the programme under way stands, read in full; problems are reported, and
    the last value says whether there were any."""
    _, standing, names = _situation(now)
    _why_it_does_not_load(standing)
    troubled = standing.enrolment is not None and standing.progress is None
    return standing.progress, names, troubled


def start(args: argparse.Namespace) -> int:
    entry = loaded_programme(programs.all_programmes(), args.program)
    assert entry.program is not None  # loaded_programme returns only programmes that loaded
    state, _ = programs.load_state()
    today_local = _local_today(args.now())
    for problem in programs.start_programme(entry.id, today_local):
        error(problem)
    if state.active is not None:
        print(f"Left '{state.active.program}' (its sessions stay in the history).")
    print(f"Started {entry.name} today: {entry.program.schedule_text()}.")
    print("See what is due with `backtimer today`.")
    return EXIT_OK


def leave(args: argparse.Namespace) -> int:
    left = programs.leave_programme(_local_today(args.now()))
    if left is None:
        print("No programme is under way.")
    else:
        print(f"Left '{left.program}'; its sessions stay in the history.")
    return EXIT_OK
