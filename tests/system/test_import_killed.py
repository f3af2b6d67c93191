"""A real ``history import`` killed part way: all of it or none, and no temporary file.

13 of 20 kills once left part of the file imported. Here the import is killed
(-9, and TERM) at several moments through its run; after each, the next
command sees all of the sessions or none of them, and no temporary file.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from backtimer.storage.history import HistoryStore
from tests.hostile import session_table

SESSIONS = 600


def export(folder: Path) -> Path:
    """600 sessions over 24 months: 25 files to write."""
    tables = []
    for number in range(SESSIONS):
        month = number % 24
        started = f"{2024 + month // 12}-{month % 12 + 1:02d}-{number % 28 + 1:02d}T07:00:00+00:00"
        tables.append(session_table(number, started_at=started, ended_at=started))
    path = folder / "export.json"
    path.write_text(json.dumps(tables))
    return path


def start_import(home: Path, path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "BACKTIMER_HOME": str(home)}
    command = [sys.executable, "-m", "backtimer", "history", "import", str(path)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def temporaries(home: Path) -> list[str]:
    return [p.name for p in home.rglob("*.tmp")]


def kill_when(home: Path, running: subprocess.Popen[bytes], moment: str, kill: int) -> None:
    """Kill the import as soon as it reaches ``moment``: its first temporary month file
    (it is writing them), or its commit record (it is moving them into place)."""
    deadline = time.monotonic() + 60
    while running.poll() is None and time.monotonic() < deadline:
        if moment == "writing" and list((home / "history").glob(".*.tmp")):
            break
        if moment == "moving" and (home / ".commit").exists():
            break
    running.send_signal(kill)
    running.wait(timeout=30)


def test_a_killed_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    path = export(tmp_path)
    counts = {}
    for number, (moment, kill) in enumerate(
        [
            ("writing", signal.SIGKILL),
            ("moving", signal.SIGKILL),
            ("writing", signal.SIGTERM),
            ("moving", signal.SIGTERM),
        ]
    ):
        home = tmp_path / f"home{number}"
        running = start_import(home, path)
        kill_when(home, running, moment, kill)
        if kill == signal.SIGTERM:
            assert temporaries(home) == []  # removed on the way out, at once
        os.environ["BACKTIMER_HOME"] = str(home)
        HistoryStore().recover()  # what the next command does first
        count = len(HistoryStore().load().sessions)
        assert count in (0, SESSIONS), f"killed while {moment}: {count} sessions imported"
        assert temporaries(home) == [] and not (home / ".commit").exists()
        counts[f"{signal.Signals(kill).name} while {moment}"] = count
    print("sessions after each kill:", counts)
