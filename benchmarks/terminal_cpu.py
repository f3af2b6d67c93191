"""CPU per minute of a running hold, and of a moving figure, in a real terminal, against
termdown counting down.

    python benchmarks/terminal_cpu.py [SECONDS] [ROUNDS]     (default 60 s, 3 rounds)

Both programs are installed in this benchmark's own virtual environment
(``$BACKTIMER_BENCH_VENV``, by default ``~/.cache/backtimer-benchmarks/venv``):
termdown from PyPI, backtimer from this checkout (``pip install .``, so the
installed app is measured, not the editable one). Each runs in a tmux pane of
100 x 30: termdown counting down from 10 minutes, backtimer in a hold of 10
minutes (a routine of one hold, no lead-in, bell and flash off). After 5 s of
settling, the CPU time the process uses (user and system, from /proc) is
measured for SECONDS and scaled to a minute. A third program is backtimer in
a step whose figure never stops moving (split squats at 4 s a rep, 150 reps):
its goal is at most 1.5 times the hold's figure before the figure existed
(0.41 s/min, 1.17x termdown, measured in the same way). Rounds alternate; the
medians and the ratios are printed. The goal of the hold is at most 0.5x termdown.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

from floors import Figure, alternate, report
from tmux_pane import Pane

ROOT = Path(__file__).resolve().parent.parent
HOLD = """format = 1
name = "Long hold"
lead_in = 0

[[step]]
exercise = "seated-piriformis-stretch"
hold = 600
sides = "none"
"""
MOVING = """format = 1
name = "Long squats"
lead_in = 0

[[step]]
exercise = "atg-split-squat"
reps = 150
tempo = 4
sides = "none"
"""
SETTLE = 5.0


def bench_venv() -> Path:
    """This benchmark's virtual environment, with termdown and this checkout installed."""
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    folder = Path(os.environ.get("BACKTIMER_BENCH_VENV", cache / "backtimer-benchmarks" / "venv"))
    pip = folder / "bin" / "pip"
    if not pip.exists():
        venv.create(folder, with_pip=True)
    if not (folder / "bin" / "termdown").exists():
        subprocess.run([pip, "install", "-q", "termdown"], check=True)
    print("installing backtimer from this checkout into", folder, file=sys.stderr)
    subprocess.run([pip, "install", "-q", "--force-reinstall", "--no-deps", str(ROOT)], check=True)
    subprocess.run([pip, "install", "-q", str(ROOT)], check=True)  # its dependencies
    return folder / "bin"


def cpu_per_minute(pane: Pane, seconds: float) -> float:
    time.sleep(SETTLE)
    before, start = pane.cpu_seconds(), time.perf_counter()
    time.sleep(seconds)
    used, wall = pane.cpu_seconds() - before, time.perf_counter() - start
    return used / wall * 60


def termdown(bin_dir: Path, seconds: float) -> float:
    pane = Pane([str(bin_dir / "termdown"), "10m"], name="termdown")
    pane.start()
    try:
        return cpu_per_minute(pane, seconds)
    finally:
        pane.stop()


def backtimer(bin_dir: Path, home: Path, seconds: float, routine: str = "long-hold") -> float:
    pane = Pane(
        [str(bin_dir / "backtimer"), "start", routine], {"BACKTIMER_HOME": str(home)}, name="bt"
    )
    pane.start()
    try:
        pane.wait_for("How much does your back hurt", 30)
        time.sleep(1.0)  # a question takes no key for its first 0.75 s
        pane.keys("Enter")
        pane.wait_for("Step 1 of 1", 10)
        return cpu_per_minute(pane, seconds)
    finally:
        pane.stop()


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    bin_dir = bench_venv()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        (home / "routines").mkdir()
        (home / "routines" / "long-hold.toml").write_text(HOLD)
        (home / "routines" / "long-squats.toml").write_text(MOVING)
        (home / "settings.toml").write_text("sound = false\nflash = false\n")
        # not a first start: the red flags were shown before
        (home / "coaching.toml").write_text("red_flags_shown = 2026-01-01T00:00:00Z\n")
        results = alternate(
            {
                "termdown 10m": lambda: termdown(bin_dir, seconds),
                "backtimer, a hold": lambda: backtimer(bin_dir, home, seconds),
                "backtimer, figure moving": lambda: backtimer(
                    bin_dir, home, seconds, "long-squats"
                ),
            },
            rounds,
        )
    print(f"CPU seconds per minute, measured over {seconds:.0f} s, tmux 100 x 30")
    report(
        [
            Figure("termdown 10m", unit="s/min"),
            Figure("backtimer, a hold", "termdown 10m", "<= 0.5x", unit="s/min"),
            Figure("backtimer, figure moving", "termdown 10m", "<= 1.76x", unit="s/min"),
        ],
        results,
        rounds,
    )


if __name__ == "__main__":
    main()
