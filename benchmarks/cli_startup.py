"""How fast the data commands answer, against Python doing nothing and importing Textual.

    python benchmarks/cli_startup.py [ROUNDS]      (default 7)

Runs each command as a fresh process, round after round, the commands in
turn, with an empty data folder (``stats`` and ``routines`` after a first run
that fills the caches, as on any computer where backtimer ran before), and
prints the median wall time of each with its ratio to ``import textual.app``
(the issue's floor) and to ``python -c pass``. The goal is at most 0.12 s.
The data commands import neither Textual nor anything else they do not need.

Two more rows run in a second data folder, like ten years of heavy use: 10,000
sessions and a programme under way (``back-durability-6wk``), the caches
filled: ``today`` giving its full answer (goal 0.25 s) and ``stats`` warm
(goal 0.3 s), against the same floors.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from floors import alternate, median, run

HERE = Path(__file__).resolve().parent
ROUTINE = HERE.parent / "src" / "backtimer" / "routines" / "back-durability.toml"
NOTHING = "python -c pass"
TEXTUAL = "python -c 'import textual.app'"
COMMANDS = {
    NOTHING: ["-c", "pass"],
    TEXTUAL: ["-c", "import textual.app"],
    "--version": ["-m", "backtimer", "--version"],
    "routines --json": ["-m", "backtimer", "routines", "--json"],
    "exercises --json": ["-m", "backtimer", "exercises", "--json"],
    "validate back-durability.toml": ["-m", "backtimer", "validate", str(ROUTINE)],
    "today": ["-m", "backtimer", "today"],
    "stats": ["-m", "backtimer", "stats"],
    "show eight-contenders": ["-m", "backtimer", "show", "eight-contenders"],
    "history --json": ["-m", "backtimer", "history", "--json"],
}
FULL = {
    "today, a programme, 10,000 sessions": ["-m", "backtimer", "today"],
    "stats warm, 10,000 sessions": ["-m", "backtimer", "stats"],
}
GOALS = {
    "routines --json": 0.12,
    "exercises --json": 0.12,
    "validate back-durability.toml": 0.12,
    "today": 0.12,
    "stats": 0.12,
    "today, a programme, 10,000 sessions": 0.25,
    "stats warm, 10,000 sessions": 0.3,
}


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as full:
        env = {**os.environ, "BACKTIMER_HOME": home}
        full_env = {**os.environ, "BACKTIMER_HOME": full}
        fill = [sys.executable, str(HERE / "history_scale.py"), "fill", "10000"]
        subprocess.run(fill, env=full_env, check=True)
        start = [sys.executable, "-m", "backtimer", "programs", "start", "back-durability-6wk"]
        subprocess.run(start, env=full_env, check=True, capture_output=True)
        homes = {label: env for label in COMMANDS} | {label: full_env for label in FULL}
        every = COMMANDS | FULL
        for label, args in every.items():  # a first run of each fills the caches
            run([sys.executable, *args], homes[label])
        runs = {
            label: lambda args=args, label=label: run([sys.executable, *args], homes[label]).seconds
            for label, args in every.items()
        }
        results = alternate(runs, rounds)
    print(f"median of {rounds} alternating rounds, an empty data folder, caches filled")
    floor, nothing = median(results[TEXTUAL]), median(results[NOTHING])
    for label in every:
        value = median(results[label])
        line = f"  {label:<36} {value:6.3f} s   {value / floor:5.2f}x import textual.app"
        line += f"   {value / nothing:5.1f}x python -c pass"
        if label in GOALS:
            goal = GOALS[label]
            line += f"   goal <= {goal} s" + ("" if value <= goal else " (not met)")
        print(line)


if __name__ == "__main__":
    main()
