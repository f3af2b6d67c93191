"""Histories for pilot tests, snapshots and screenshots, written into BACKTIMER_HOME.

`a_few_weeks` records a dozen varied sessions through the store; `ten_years`
writes 10,000 sessions straight into month files (recording them one by one
would take minutes), the way backtimer itself lays them out. It makes them,
and their caches (digests and whole sessions), once a run (one test process
makes them, the others wait), and links them into each test's data directory.
`ten_years_export` is what ``history --json`` must say of them, worked out once
a run from the TOML text.
"""

from __future__ import annotations

import atexit
import fcntl
import json
import os
import random
import shutil
import tempfile
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from backtimer.domain.history.session import Session, session_json
from backtimer.storage import digest_cache, locations, session_cache
from backtimer.storage.files import write_atomic
from backtimer.storage.history import HistoryStore
from backtimer.storage.history_file import HEADER, HistoryFile, parse_file
from tests.factories import DURABILITY
from tests.factories import durability_session as session
from tests.tui.conftest import START


def a_few_weeks() -> list[Session]:
    """Twelve sessions over five weeks up to START (Tuesday 24 November 2026), recorded."""
    day = timedelta(days=1)
    sessions = [
        session(START - 33 * day, before=6, after=5, number=1),
        session(START - 31 * day, before=6, after=4, number=2),
        session(START - 26 * day, before=5, after=4, number=3),
        session(START - 24 * day, before=5, after=3, number=4),
        session(START - 22 * day, before=5, after=4, number=5),
        session(START - 17 * day, status="stopped", before=4, steps_done=2, number=6),
        session(START - 15 * day, before=4, after=3, number=7),
        session(START - 10 * day, status="stopped", steps_done=0, number=8),
        session(START - 8 * day, before=4, after=2, note="left hip tight", number=9),
        session(START - 2 * day, before=3, after=2, number=10),
        session(START - day, status="interrupted", steps_done=3, number=11),
        session(START - timedelta(hours=1), before=3, after=1, note="easier today", number=12),
    ]
    HistoryStore(lambda: START).record_many(sessions)
    return sessions


@cache
def _ten_years_files() -> dict[str, str]:
    """File names (relative to the data directory) and their text, made once."""
    rng = random.Random(10_000)
    first = START - timedelta(days=3650)
    gap = timedelta(days=3650) / 10_000
    months: dict[str, list[str]] = {}
    for number in range(10_000):
        started = first + gap * number
        before = rng.randint(2, 7)
        months.setdefault(f"{started:%Y-%m}", []).append(
            _table(started, number, before, max(0, before - rng.randint(0, 3)))
        )
    current = f"{START:%Y-%m}"
    return {
        ("history.toml" if month == current else f"history/{month}.toml"): HEADER + "".join(tables)
        for month, tables in months.items()
    }


def _table(started: datetime, number: int, before: int, after: int) -> str:
    stamp = f"{started:%Y-%m-%d %H:%M:%S}+00:00"
    ended = f"{started + timedelta(minutes=6):%Y-%m-%d %H:%M:%S}+00:00"
    text = (
        f'[[session]]\nid = "{started:%Y%m%dT%H%M%SZ}-{number:06x}"\n'
        f'routine = "back-durability"\nroutine_name = "Back durability"\n'
        f"started_at = {stamp}\nended_at = {ended}\n"
        f'status = "completed"\nactive_seconds = 324.0\npaused_seconds = 20.0\n'
        f"pain_before = {before}\npain_after = {after}\n\n"
    )
    for move, sets, reps, seconds in DURABILITY:
        text += (
            f'[[session.steps]]\nexercise = "{move}"\nsets_done = {sets}\n'
            f"reps_done = {reps}\nseconds_done = {seconds}\nskipped = false\n"
            f"planned_sets = {sets}\n\n"
        )
    return text


SHARED: list[Path] = []
"""A folder all the test processes of a run share (set by tests/tui/conftest.py)."""


@cache
def _ten_years_folder() -> Path:
    """A data directory with the 10,000 sessions and their caches, made once a run (with
    the export they must give, beside it): by the first test process that needs it,
    while the others wait for it."""
    if SHARED:
        shared = SHARED[0]
    else:  # outside pytest (screenshots/make.py): a folder of this process's own
        shared = Path(tempfile.mkdtemp(prefix="backtimer-"))
        atexit.register(shutil.rmtree, shared, True)
    folder = shared / "ten-years"
    with open(shared / "ten-years.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "made").exists():
            shutil.rmtree(folder, ignore_errors=True)  # one left half made
            _make_ten_years(folder)
            (folder / "made").touch()
    return folder


def _export_of(folder: Path) -> Path:
    return folder.with_name(f"{folder.name}-export.json")


def _make_ten_years(folder: Path) -> None:
    """The files, their caches, and beside them what ``history --json`` must say of them.

    Each file is parsed once, here, from its text, and that reading gives both caches
    their content and the export its expected sessions: backtimer's own reading of the
    caches is what the tests hold against it (three parses of ten years took 9 s)."""
    parsed: dict[str, HistoryFile] = {}
    for name, text in _ten_years_files().items():
        write_atomic(folder / name, text)
        parsed[str(folder / name)] = parse_file(text.encode(), str(folder / name))
        assert not parsed[str(folder / name)].unreadable

    def already_parsed(raw: bytes, source: str) -> HistoryFile:
        return parsed[source]

    before = os.environ.get(locations.HOME_VARIABLE)
    os.environ[locations.HOME_VARIABLE] = str(folder)
    try:
        store = HistoryStore(lambda: START)
        files = store.files()  # oldest month first, as an export reads them
        for path in files:
            digest_cache.digests_of(path, already_parsed, {})
            session_cache.sessions_of(path, already_parsed)
        assert len(store.load_digests().sessions) == 10_000  # from the cache, noted
    finally:
        if before is None:
            del os.environ[locations.HOME_VARIABLE]
        else:
            os.environ[locations.HOME_VARIABLE] = before
    by_id = {s.id: s for path in files for s in parsed[str(path)].sessions}
    ordered = sorted(by_id.values(), key=lambda s: s.started_at)
    _export_of(folder).write_text(json.dumps([session_json(s) for s in ordered]))


@cache
def ten_years_export() -> list[dict[str, Any]]:
    """The 10,000 sessions of `ten_years` as ``history --json`` gives them, oldest first,
    worked out from the TOML files' text (never through the caches)."""
    exported: list[dict[str, Any]] = json.loads(_export_of(_ten_years_folder()).read_text())
    return exported


def ten_years() -> None:
    """10,000 completed sessions, one every 8.8 hours for ten years up to START.

    Hard links to the files made once (`_ten_years_folder`): the same inode, size and
    time, so the caches made with them hold. backtimer never writes a history
    file in place (it writes a new one and renames it), so a test that changes the
    history changes only its own.
    """
    made = _ten_years_folder()
    home = locations.data_dir()
    for path in sorted(made.rglob("*")):
        if path.is_file() and path.name != "made":
            target = home / path.relative_to(made)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, target)
            except OSError:  # another file system: a copy (the cache is then rebuilt)
                shutil.copy2(path, target)
