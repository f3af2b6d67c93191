"""How fast the data commands answer, against Python doing nothing and importing Textual.

    python benchmarks/cli_startup.py [ROUNDS]      (default 7)

Runs each command as a fresh process, round after round, the commands in
turn, with an empty data folder (``stats`` and ``routines`` after a first run
that fills the caches, as on any computer where backtimer ran before), and
prints the median wall time of each with its ratio to ``import textual.app``
(the issue's floor) and to ``python -c pass``. The goal is at most 0.12 s.
The data commands import neither Textual nor anything else they do not need.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from floors import alternate, median, run

ROUTINE = Path(__file__).resolve().parent.parent / "routines" / "back-durability.toml"
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
GOALS = {
    "routines --json",
    "exercises --json",
    "validate back-durability.toml",
    "today",
    "stats",
}


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "BACKTIMER_HOME": home}
        for args in COMMANDS.values():  # a first run of each fills the caches
            run([sys.executable, *args], env)
        runs = {
            label: lambda args=args: run([sys.executable, *args], env).seconds
            for label, args in COMMANDS.items()
        }
        results = alternate(runs, rounds)
    print(f"median of {rounds} alternating rounds, an empty data folder, caches filled")
    floor, nothing = median(results[TEXTUAL]), median(results[NOTHING])
    for label in COMMANDS:
        value = median(results[label])
        line = f"  {label:<30} {value:6.3f} s   {value / floor:5.2f}x import textual.app"
        line += f"   {value / nothing:5.1f}x python -c pass"
        if label in GOALS:
            line += "   goal <= 0.12 s" + ("" if value <= 0.12 else " (not met)")
        print(line)


if __name__ == "__main__":
    main()
