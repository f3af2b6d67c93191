"""How the history scales: 10, 1,000 and 10,000 sessions (ten years of heavy use).

Run ``python benchmarks/history_scale.py``; it is never run as a test. For
each size it makes a temporary data directory, records the sessions (one
``record_many``, which writes each month's file once), then measures, each in
a fresh process so memory figures do not mix:

- recording one more session (median of 5);
- reading every session with the statistics: the first time (TOML parsed, the
  digest cache built), at a next start (from the disk cache) and again in the
  same process (only the files' keys checked), medians of 5;
- reading every full session (``HistoryStore.load``, as ``history --json`` does): the
  first time (TOML parsed, the sessions' cache built) and next (from that cache);
- the peak memory (ru_maxrss) of a process that reads and computes the statistics;
- the memory the sessions hold (tracemalloc) as digests and as full records;
- in the app (headless, 100 x 30): the picker's first frame; the history pane
  from F2 until its statistics and sessions are shown, F2 pressed 1.5 s after
  the routines are listed ("pane") and at once ("pane at once"); the app's
  peak memory.

Then, with 10,000 sessions, the figures the issue sets goals for, in rounds
that alternate (median of ROUNDS, default 3): ``stats --json`` with no cache
(the first run) and warm, ``history --json`` with no cache and warm, and
``--csv`` (wall time and peak memory of the process), and the history pane
after F2 (warm, pressed at once, and with no cache), each with its floor:
``python -c pass`` for the commands, the same pane with 10 sessions for the pane.

    python benchmarks/history_scale.py [ROUNDS]

The machine may be shared and noisy: compare the rows of one run, not runs.
"""

from __future__ import annotations

import asyncio
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from floors import Figure, alternate, report
from floors import run as run_command

from backtimer.domain.history.session import Session, StepRecord

SIZES = [10, 1_000, 10_000]
NOW = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
MOVES = [("suitcase-carry", 2, 0, 90.0), ("banded-glute-bridge", 1, 10, 70.0)]
MOVES += [("atg-split-squat", 1, 16, 64.0), ("pelvic-tilt", 1, 10, 60.0)]


def make_session(started: datetime, number: int, rng: random.Random) -> Session:
    steps = [
        StepRecord(
            exercise=move,
            sets_done=sets,
            reps_done=reps,
            seconds_done=seconds,
            planned_sets=sets,
            planned_reps=reps or None,
        )
        for move, sets, reps, seconds in MOVES
    ]
    before = rng.randint(2, 7)
    return Session(
        id=f"{started:%Y%m%dT%H%M%SZ}-{number:06x}",
        routine="back-durability",
        routine_name="Back durability",
        started_at=started,
        ended_at=started + timedelta(minutes=6),
        status="completed",
        active_seconds=324.0,
        paused_seconds=20.0,
        pain_before=before,
        pain_after=max(0, before - rng.randint(0, 3)),
        note="fine" if number % 7 == 0 else "",
        steps=steps,
    )


def fill(count: int) -> None:
    """``count`` sessions evenly over ten years (or fewer days for small counts) up to NOW."""
    from backtimer.storage.history import HistoryStore

    rng = random.Random(count)
    span = timedelta(days=min(3650, count * 0.365 + 1))
    first = NOW - span
    sessions = [make_session(first + span / count * n, n, rng) for n in range(count)]
    HistoryStore(lambda: NOW).record_many(sessions)


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    """Median wall-clock seconds of ``repeat`` runs of ``action()``."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# ------------------------------------------------------------ measurements, each in its own process


def measure_store() -> None:
    """Print: record one more; read + statistics the first time, at a next start, and again
    in the same process; the full load, first and next; the peak memory (before the full
    load)."""
    from backtimer.domain.history.stats import statistics as stats_of
    from backtimer.storage.history import HistoryStore

    def read_with_stats(store: HistoryStore) -> None:
        stats_of(store.load_digests().sessions, NOW.date(), UTC, 3)

    first = timed(lambda: read_with_stats(HistoryStore(lambda: NOW)))  # builds the disk cache
    next_start = timed(lambda: read_with_stats(HistoryStore(lambda: NOW)), repeat=5)
    store = HistoryStore(lambda: NOW)
    read_with_stats(store)
    again = timed(lambda: read_with_stats(store), repeat=5)  # what the app does at F2
    rng = random.Random(1)
    numbers = iter(range(10**6, 10**7))

    def record_one() -> None:
        number = next(numbers)
        store.record(make_session(NOW + timedelta(minutes=number % 1000), number, rng))

    record = timed(record_one, repeat=5)
    peak = maxrss_mib()
    full = timed(HistoryStore(lambda: NOW).load)  # the first time: builds the sessions' cache
    full_warm = timed(HistoryStore(lambda: NOW).load, repeat=5)
    digests_mib = held_mib(lambda: HistoryStore(lambda: NOW).load_digests().sessions)
    sessions_mib = held_mib(lambda: HistoryStore(lambda: NOW).load().sessions)
    print(
        f"{record} {first} {next_start} {again} {full} {full_warm} {peak}"
        f" {digests_mib} {sessions_mib}"
    )


def held_mib(make: Callable[[], object]) -> float:
    """MiB still allocated (tracemalloc) while what ``make`` returns is kept."""
    tracemalloc.start()
    kept = make()
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return held / 2**20


def measure_app(wait: float) -> None:
    """Print: seconds to the picker's first frame, F2 to the pane's statistics, peak MiB.

    F2 is pressed ``wait`` seconds after the routines are listed; the app reads the
    history ahead in a thread after its first frame (the disk cache is warm: the
    store measurement ran first).
    """
    from textual.widgets import OptionList

    from backtimer.domain.routines.settings import Settings
    from backtimer.tui.app import BacktimerApp
    from backtimer.tui.screens.history import HistoryScreen
    from backtimer.tui.services import Services

    async def run() -> tuple[float, float]:
        services = Services(now=lambda: NOW, settings=Settings(sound=False, flash=False))
        app = BacktimerApp(services, greet=False)  # the picker alone, as on any day
        start = time.perf_counter()
        async with app.run_test(size=(100, 30)) as pilot:
            first_frame = time.perf_counter() - start
            while not app.screen.query_one("#routines", OptionList).option_count:
                await pilot.pause(0.01)
            await asyncio.sleep(wait)
            start = time.perf_counter()
            await pilot.press("f2")
            while not (isinstance(app.screen, HistoryScreen) and app.screen.ready):
                await asyncio.sleep(0.002)
            return first_frame, time.perf_counter() - start

    first_frame, ready = asyncio.run(run())
    print(f"{first_frame} {ready} {maxrss_mib()}")


def child(kind: str, home: str, *args: str) -> list[float]:
    env = os.environ | {"BACKTIMER_HOME": home}
    out = subprocess.run(
        [sys.executable, __file__, kind, *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [float(x) for x in out.split()]


def uncache(home: Path, command: str) -> None:
    """Remove what ``command`` reads from the cache: the sessions' for ``history``, the
    rest for ``stats`` (so that each figure with no cache leaves the other's warm)."""
    cache = home / "cache"
    kept = "history" if command == "history" else "sessions"
    for path in cache.glob("*") if cache.is_dir() else []:
        if path.name == kept:
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink()


def goals(rounds: int) -> None:
    """The figures with goals, 10,000 sessions, alternating rounds."""
    with tempfile.TemporaryDirectory() as big, tempfile.TemporaryDirectory() as small:
        for home, count in ((big, 10_000), (small, 10)):
            env = os.environ | {"BACKTIMER_HOME": home}
            subprocess.run([sys.executable, __file__, "fill", str(count)], env=env, check=True)
        env = os.environ | {"BACKTIMER_HOME": big}
        backtimer = [sys.executable, "-m", "backtimer"]
        peaks: dict[str, list[float]] = {"history --json": [], "history --csv": []}

        def command(args: list[str], cold: bool = False) -> float:
            if cold:
                uncache(Path(big), args[0])
            done = run_command([*backtimer, *args], env)
            if args[0] == "history" and not cold:
                peaks[" ".join(args)].append(done.peak_mib)
            return done.seconds

        def pane(home: str, wait: str, cold: bool = False) -> float:
            if cold:
                shutil.rmtree(Path(home) / "cache", ignore_errors=True)
            return child("app", home, wait)[1]

        command(["stats"])  # the cache warm for the first round
        child("app", small, "1.5")
        results = alternate(
            {
                "python -c pass": lambda: run_command([sys.executable, "-c", "pass"]).seconds,
                "stats --json, no cache": lambda: command(["stats", "--json"], cold=True),
                "stats --json": lambda: command(["stats", "--json"]),
                "history --json, no cache": lambda: command(["history", "--json"], cold=True),
                "history --json": lambda: command(["history", "--json"]),
                "history --csv": lambda: command(["history", "--csv"]),
                "pane, 10 sessions": lambda: pane(small, "1.5"),
                "pane (F2)": lambda: pane(big, "1.5"),
                "pane, F2 at once": lambda: pane(big, "0"),
                "pane, no cache": lambda: pane(big, "0", cold=True),
            },
            rounds,
        )
    results |= {f"{name}, peak": values for name, values in peaks.items()}
    nothing, small_pane = "python -c pass", "pane, 10 sessions"
    print("10,000 sessions (the pane: headless, 100 x 30)")
    report(
        [
            Figure(nothing),
            Figure("stats --json, no cache", nothing, "<= 1.5 s"),
            Figure("stats --json", nothing, "<= 0.3 s"),
            Figure("history --json, no cache", nothing),
            Figure("history --json", nothing, "<= 1.0 s"),
            Figure("history --json, peak", goal="<= 80 MiB", unit="MiB"),
            Figure("history --csv", nothing, "<= 1.0 s"),
            Figure("history --csv, peak", goal="<= 80 MiB", unit="MiB"),
            Figure(small_pane),
            Figure("pane (F2)", small_pane, "<= 0.3 s"),
            Figure("pane, F2 at once", small_pane, "<= 0.5 s"),
            Figure("pane, no cache", small_pane, "<= 1.5 s"),
        ],
        results,
        rounds,
    )


def main() -> None:
    store_rows, app_rows = [], []
    for count in SIZES:
        with tempfile.TemporaryDirectory() as home:
            subprocess.run(
                [sys.executable, __file__, "fill", str(count)],
                env=os.environ | {"BACKTIMER_HOME": home},
                check=True,
            )
            measured = child("store", home)
            record, first, next_start, again, full, full_warm, peak, digests, sessions = measured
            first_frame, ready, app_peak = child("app", home, "1.5")
            _, at_once, _ = child("app", home, "0")
        store_rows.append(
            f"| {count:,} | {record * 1000:.1f} ms | {first:.2f} s | {next_start * 1000:.0f} ms"
            f" | {again * 1000:.0f} ms | {full:.2f} s | {full_warm:.2f} s | {peak:.0f} MiB"
            f" | {digests:.1f} MiB | {sessions:.1f} MiB |"
        )
        app_rows.append(
            f"| {count:,} | {first_frame:.2f} s | {ready:.2f} s | {at_once:.2f} s"
            f" | {app_peak:.0f} MiB |"
        )
    print(
        "| sessions | record one more | read + statistics, first time | at a next start"
        " | again in the app | full load, first time | full load, next | peak memory"
        " | held: digests | held: full records |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(store_rows))
    print()
    print("| sessions | picker's first frame | history pane (F2) | F2 at once | app peak memory |")
    print("|---:|---:|---:|---:|---:|")
    print("\n".join(app_rows))


if __name__ == "__main__":
    if len(sys.argv) == 1 or sys.argv[1].isdigit():
        main()
        print()
        goals(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
    elif sys.argv[1] == "fill":
        fill(int(sys.argv[2]))
    elif sys.argv[1] == "store":
        measure_store()
    elif sys.argv[1] == "app":
        measure_app(float(sys.argv[2]))
