"""Only regular files are read (issue 11, point 3).

A named pipe where a file should be made backtimer wait forever for a writer;
a link to /dev/zero in routines/ read until memory ran out. Each is now
reported and skipped, unopened, and everything else goes on.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from backtimer.storage import library
from backtimer.storage import programmes as programs
from backtimer.storage.history import HistoryStore
from backtimer.storage.settings import load_settings
from tests.factories import write
from tests.hostile import GOOD_ROUTINE
from tests.system.conftest import run

T = TypeVar("T")
PIPE = "is a named pipe (FIFO), not a file; it was not read"


def promptly(work: Callable[[], T], seconds: float = 10.0) -> T:
    """``work()``, failing the test (not hanging it) if it does not answer in time."""
    result: list[T] = []
    worker = threading.Thread(target=lambda: result.append(work()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "it hung"
    assert result, "it raised"
    return result[0]


def fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def test_pipes_in_the_folders_are_reported_and_the_rest_loads(home: Path) -> None:
    pipe = fifo(home / "routines" / "pipe.toml")
    write(home / "routines", "good.toml", GOOD_ROUTINE)
    entries = {e.id: e for e in promptly(lambda: library.user_routines(set()))}
    assert entries["good"].ok
    assert [str(p) for p in entries["pipe"].problems] == [PIPE]
    fifo(home / "programs" / "pipe.toml")
    found = {e.id: e for e in promptly(lambda: programs.all_programmes({"desk-reset"}))}
    assert [str(p) for p in found["pipe"].problems] == [PIPE]
    assert pipe.exists()  # reported, never removed


def test_a_link_to_a_device_is_never_read(home: Path) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "routines" / "zero.toml").symlink_to("/dev/zero")
    (entry,) = promptly(lambda: library.user_routines(set()))
    assert [str(p) for p in entry.problems] == ["is a device, not a file; it was not read"]


def test_settings_program_and_history_as_pipes(home: Path) -> None:
    for name in ("settings.toml", "program.toml", "history.toml"):
        fifo(home / name)
    fifo(home / "history" / "2025-01.toml")
    fifo(home / "in-progress" / "20250101T000000Z-aaaaaa.toml")
    fifo(home / "cache" / "history" / "history.json")
    settings, said = promptly(load_settings)
    assert said == [f"{home / 'settings.toml'}: {PIPE}; using the defaults"]
    state, said = promptly(programs.load_state)
    assert state.active is None and said[0].startswith(f"{home / 'program.toml'}: {PIPE}")
    store = HistoryStore()
    recovered, said = promptly(store.recover)
    assert recovered == [] and "kept as 20250101T000000Z-aaaaaa.toml.unreadable-" in said[0]
    loaded = promptly(store.load_digests)
    assert set(loaded.problems) == {
        f"{home / 'history' / '2025-01.toml'}: {PIPE}",
        f"{home / 'history.toml'}: {PIPE}",
    }


def test_the_commands_name_the_pipe_and_exit_1(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "pipe.toml")
    export = fifo(tmp_path / "export.json")
    ran = promptly(lambda: run("validate", str(pipe)))
    assert (ran.code, ran.out) == (1, f"{pipe}: {PIPE}\n")
    ran = promptly(lambda: run("routines", "import", str(pipe)))
    assert (ran.code, ran.err) == (1, f"backtimer: {pipe}: {PIPE}\n")
    ran = promptly(lambda: run("history", "import", str(export)))
    assert (ran.code, ran.err) == (1, f"backtimer: {export}: {PIPE}\n")
