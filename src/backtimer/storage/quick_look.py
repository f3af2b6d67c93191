"""A quick look at the programme under way, for ``backtimer today --exit-code``.

Reads only what the answer needs, with `tomllib` and no pydantic (see
`backtimer.domain.reminder` for why): ``program.toml``, the programme's file,
the slots' routine files (for their names) and the history files that can hold
a session of this programme week. Whenever something is not plainly valid it
gives up, and the caller takes the full path, which reads everything and says
what is wrong. It never writes a file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from backtimer.domain.reminder import (
    NotPlain,
    QuickProgram,
    QuickSession,
    quick_enrolment,
    quick_program,
    quick_session,
)
from backtimer.storage import locations


@dataclass(frozen=True)
class QuickLook:
    """The programme under way, when it started, its recent sessions and routine names."""

    program: QuickProgram
    start: date
    sessions: list[QuickSession]
    names: dict[str, str]


def _table(read: bytes) -> dict[str, Any]:
    try:
        return tomllib.loads(read.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        raise NotPlain from None


def _program_table(program_id: str) -> dict[str, Any]:
    builtin = locations.builtin_programs() / f"{program_id}.toml"
    if builtin.is_file():
        return _table(builtin.read_bytes())
    try:
        return _table((locations.programs_dir() / f"{program_id}.toml").read_bytes())
    except OSError:
        raise NotPlain from None


def _routine_name(routine_id: str) -> str:
    builtin = locations.builtin_routines() / f"{routine_id}.toml"
    try:
        data = builtin.read_bytes() if builtin.is_file() else _user_routine(routine_id)
    except OSError:
        raise NotPlain from None  # a slot names a routine there is not: the full path says so
    name = _table(data).get("name")
    if not isinstance(name, str):
        raise NotPlain
    return name


def _user_routine(routine_id: str) -> bytes:
    return (locations.routines_dir() / f"{routine_id}.toml").read_bytes()


def history_files_since(moment: datetime, now: datetime) -> list[Path]:
    """The history files that can hold a session started between ``moment`` and ``now``.

    Sessions live in their UTC month's file (``history/YYYY-MM.toml``), this
    month's in ``history.toml``, which may still hold an earlier month's until
    the next session is recorded: so ``history.toml`` is always read.
    """
    first, last = moment.astimezone(UTC), now.astimezone(UTC)
    files = []
    month = date(first.year, first.month, 1)
    while (month.year, month.month) < (last.year, last.month):
        files.append(locations.archive_dir() / f"{month:%Y-%m}.toml")
        month = (month + timedelta(days=32)).replace(day=1)
    return [*files, locations.history_file()]


def _sessions(since: datetime, now: datetime) -> list[QuickSession]:
    by_id: dict[object, QuickSession] = {}
    for path in history_files_since(since, now):
        try:
            tables = _table(path.read_bytes()).get("session", [])
        except FileNotFoundError:
            continue
        except OSError:
            raise NotPlain from None
        if not isinstance(tables, list):
            raise NotPlain
        for table in tables:
            session = quick_session(table)
            if session is None:
                raise NotPlain
            if session.started_at >= since:
                by_id[table.get("id")] = session  # a later file wins, as in the full path
    return list(by_id.values())


def quick_look(now: datetime, zone: tzinfo) -> QuickLook | None:
    """The programme under way and what is needed to say what it asks now, or None.

    Raises:
        NotPlain: a file is missing, unreadable or not plainly valid; the full
            path then reads everything and says what is wrong.
    """
    try:
        state = _table(locations.program_file().read_bytes())
    except FileNotFoundError:
        return None
    except OSError:
        raise NotPlain from None
    if state.get("copies"):
        raise NotPlain  # slots that run the person's copies: the full path follows them
    enrolment = quick_enrolment(state)
    if enrolment is None:
        return None
    program_id, start = enrolment
    program = quick_program(_program_table(program_id))
    if program is None:
        raise NotPlain
    names = {slot.routine: _routine_name(slot.routine) for slot in program.slot}
    today = now.astimezone(zone).date()
    week_start = today - timedelta(days=(today - start).days % 7)
    since = datetime.combine(max(start, week_start), time(), zone)
    return QuickLook(program, start, _sessions(since, now), names)
