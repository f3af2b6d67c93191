"""How quickly ``backtimer progress`` answers over 10,000 sessions (ten years of heavy use).

Run ``python benchmarks/progress_scale.py``; it is never run as a test. It
fills a temporary data directory with 10,000 sessions of ``back-durability``
recorded as the timer records them (tests/progress_histories.py), the pain
settling over the last weeks, then measures ``backtimer progress
back-durability --json`` and ``backtimer progress`` as a person runs them, a
new process each time:

- the first time, when the history's digest cache is built (every history
  file parsed: this happens once, whatever reads the history first);
- then the usual case, with the cache: the median of 5 runs;
- and in one process, the rules alone over the 10,000 digests (median of 5).

The machine may be shared and noisy: compare the figures of one run.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/ for the histories

COUNT = 10_000
NOW = datetime.now(UTC).replace(microsecond=0)


def fill() -> None:
    """10,000 sessions evenly over ten years up to an hour ago."""
    from backtimer.storage.history import HistoryStore
    from tests.progress_histories import durability, session_of

    routine = durability()
    rng = random.Random(COUNT)
    span = timedelta(days=3650)
    first = NOW - timedelta(hours=1) - span
    sessions = []
    for number in range(COUNT):
        before = rng.randint(1, 4)
        after = max(0, min(3, before + rng.choice((-1, 0, 1))))
        started = first + span / COUNT * number
        sessions.append(session_of(routine, started, before, after, number=number))
    HistoryStore(lambda: NOW).record_many(sessions)


def run(home: str, *args: str) -> float:
    """Wall-clock seconds of one ``backtimer`` process."""
    env = os.environ | {"BACKTIMER_HOME": home}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "backtimer", *args], env=env, check=True, capture_output=True
    )
    return time.perf_counter() - start


def rules_alone() -> float:
    """Median seconds of the rules over every digest, the history already read."""
    from backtimer.storage import library, progression
    from backtimer.storage.history import HistoryStore

    sessions = HistoryStore(lambda: NOW).load_digests().sessions
    entry = next(e for e in library.builtin_routines() if e.id == "back-durability")
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        progression.advise_on(entry, sessions, datetime.now(UTC), UTC, {})
        runs.append(time.perf_counter() - start)
    assert len(sessions) == COUNT, len(sessions)
    return statistics.median(runs)


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        os.environ["BACKTIMER_HOME"] = home
        start = time.perf_counter()
        fill()
        print(f"filled {COUNT:,} sessions in {time.perf_counter() - start:.1f} s")
        first = run(home, "progress", "back-durability", "--json")
        cached = statistics.median(
            run(home, "progress", "back-durability", "--json") for _ in range(5)
        )
        recent = statistics.median(run(home, "progress") for _ in range(5))
        version = statistics.median(run(home, "--version") for _ in range(5))
        alone = rules_alone()
    print(f"backtimer progress back-durability --json, first time (cache built): {first:.2f} s")
    print(f"backtimer progress back-durability --json (median of 5):            {cached:.2f} s")
    print(f"backtimer progress, every recent routine (median of 5):             {recent:.2f} s")
    print(f"backtimer --version, for comparison (median of 5):                  {version:.2f} s")
    print(f"the rules alone over {COUNT:,} digests (median of 5):                {alone:.3f} s")


if __name__ == "__main__":
    main()
