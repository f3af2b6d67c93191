"""How fast ``backtimer today --exit-code`` answers: fit for a shell prompt (goal: 150 ms).

    python benchmarks/remind_speed.py

Runs each case 15 times as a fresh process, through the installed ``backtimer``
script as a prompt would, and prints the median and the slowest wall time and the median CPU time.
Each case has its own data directory: no programme; a programme under way
with ten years of heavy use behind it (10,000 sessions, this month's file with
about 80 of them); the same with a ``[copies]`` table in ``program.toml`` (a copy
of a routine the programme does not run, and one its slot runs: issue 21, point
10 measured 0.2-0.35 s there); the same through the full path (``today`` without the flag,
which loads every routine and the whole history); and a programme file the
quick reading does not take (an unknown key), so the full path answers and
names the problem. The machine may be shared and noisy: compare rows of one run.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from history_scale import make_session  # noqa: E402  (a script beside this one)

RUNS = 15
SCRIPT = Path(sys.executable).with_name("backtimer")
NOW = datetime.now(UTC)


def timings_ms(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Median and slowest wall time of ``command``, and its median CPU time, in milliseconds.

    The CPU time (user and system) is what the command itself costs; the wall
    time adds the waiting that a busy machine imposes.
    """
    walls, cpus = [], []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True)
        walls.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        cpus.append(used * 1000)
    return statistics.median(walls), max(walls), statistics.median(cpus)


def ten_years(home: Path) -> None:
    from backtimer.storage.history import HistoryStore

    rng = random.Random(10_000)
    span = timedelta(days=3650)
    first = NOW - span
    sessions = [make_session(first + span / 10_000 * n, n, rng) for n in range(10_000)]
    HistoryStore(lambda: NOW).record_many(sessions)


def start(program: str) -> None:
    subprocess.run([str(SCRIPT), "programs", "start", program], check=True, capture_output=True)


def under_way(home: Path) -> None:
    start("back-durability-6wk")


def not_plain(home: Path) -> None:
    """A programme of the person's own, started, then given a key programmes do not have."""
    folder = home / "programs"
    folder.mkdir()
    text = (
        Path(__file__).parents[1] / "src" / "backtimer" / "programs" / "back-durability-6wk.toml"
    ).read_text()
    (folder / "mine.toml").write_text(text)
    start("mine")
    (folder / "mine.toml").write_text(text.replace("weeks = 6", 'weeks = 6\ncolour = "blue"'))


def copied(routine: str) -> Callable[[Path], None]:
    """The person's copy of a built-in routine, remembered in program.toml's [copies] (as
    accepting a progression suggestion leaves it), and the routines once read in full."""

    def make(home: Path) -> None:
        folder = home / "routines"
        folder.mkdir(exist_ok=True)
        text = (
            Path(__file__).parents[1] / "src" / "backtimer" / "routines" / f"{routine}.toml"
        ).read_text()
        (folder / f"my-{routine}.toml").write_text(text)
        state = home / "program.toml"
        state.write_text(state.read_text() + f'\n[copies]\n{routine} = "my-{routine}"\n')
        subprocess.run([str(SCRIPT), "routines"], check=True, capture_output=True)

    return make


CASES: list[tuple[str, list[str], list[Callable[[Path], None]]]] = [
    ("python -c pass", [sys.executable, "-c", "pass"], []),
    ("today --exit-code, no programme", [str(SCRIPT), "today", "--exit-code"], []),
    (
        "today --exit-code, 10,000 sessions",
        [str(SCRIPT), "today", "--exit-code"],
        [ten_years, under_way],
    ),
    (
        "today --exit-code, a copy not run",
        [str(SCRIPT), "today", "--exit-code"],
        [ten_years, under_way, copied("desk-reset")],
    ),
    (
        "today --exit-code, a slot runs a copy",
        [str(SCRIPT), "today", "--exit-code"],
        [ten_years, under_way, copied("back-durability")],
    ),
    ("today (full), 10,000 sessions", [str(SCRIPT), "today"], [ten_years, under_way]),
    (
        "today --exit-code, file not plain",
        [str(SCRIPT), "today", "--exit-code"],
        [not_plain],
    ),
]


def main() -> None:
    print(f"{'case':<38} {'median':>9} {'slowest':>9} {'CPU':>9}")
    for label, command, setup in CASES:
        with tempfile.TemporaryDirectory() as folder:
            home = Path(folder)
            os.environ["BACKTIMER_HOME"] = folder
            for step in setup:
                step(home)
            subprocess.run(command, env=dict(os.environ), capture_output=True)  # warm the cache
            median, slowest, cpu = timings_ms(command, dict(os.environ))
        print(f"{label:<38} {median:6.0f} ms {slowest:6.0f} ms {cpu:6.0f} ms")


if __name__ == "__main__":
    main()
