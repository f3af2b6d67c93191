"""How fast the data commands answer, against Python doing nothing.

    python benchmarks/cli_startup.py

Runs each command 7 times as a fresh process and prints the median wall time.
The data commands import neither Textual nor anything else they do not need.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS = [
    ["-c", "pass"],
    ["-m", "backtimer", "--version"],
    ["-m", "backtimer", "routines", "--json"],
    ["-m", "backtimer", "exercises"],
    ["-m", "backtimer", "show", "eight-contenders"],
    ["-m", "backtimer", "history", "--json"],
    ["-c", "import textual.app"],
]


def median_ms(args: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "BACKTIMER_HOME": home}
        for args in COMMANDS:
            label = " ".join(args[2:]) if args[0] == "-m" else f"python {' '.join(args)}"
            print(f"{label:<32} {median_ms(args, env):7.0f} ms")


if __name__ == "__main__":
    main()
