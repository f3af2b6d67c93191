"""Shared by the benchmarks: runs that alternate with their floor, medians, ratios.

The machine is shared and loaded: absolute times wander from one minute to the
next. So every figure is measured in the same run as its floor (the cheapest
thing that does the same job: Python doing nothing, a bare Textual app, another
timer), the two alternating round by round, and printed as the median of the
rounds and as a ratio to the floor's median.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass


@dataclass
class Figure:
    """One measured thing: its name, its floor's name (or None) and its goal ratio or value."""

    name: str
    floor: str | None = None
    goal: str = ""
    unit: str = "s"


def alternate(runs: Mapping[str, Callable[[], float]], rounds: int) -> dict[str, list[float]]:
    """Run each measurement once a round, in turn, for ``rounds`` rounds; their results."""
    results: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            results[name].append(run())
    return results


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def report(figures: Sequence[Figure], results: Mapping[str, list[float]], rounds: int) -> None:
    """One line a figure: the median, the runs, and the ratio to its floor's median."""
    print(f"median of {rounds} alternating rounds")
    width = max(len(f.name) for f in figures)
    for figure in figures:
        values = results[figure.name]
        shown = _value(median(values), figure.unit)
        runs = " ".join(_value(v, figure.unit) for v in values)
        line = f"  {figure.name:<{width}}  {shown:>9}   ({runs})"
        if figure.floor is not None:
            ratio = median(values) / median(results[figure.floor])
            line += f"   {ratio:5.2f}x {figure.floor}"
        if figure.goal:
            line += f"   goal {figure.goal}"
        print(line)


def _value(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:.2f} {unit}"


@dataclass
class Run:
    """A finished child process: its wall time, CPU time and peak memory."""

    seconds: float
    cpu: float
    peak_mib: float
    stdout: bytes


def run(command: Sequence[str], env: Mapping[str, str] | None = None) -> Run:
    """Run a command to its end; wall seconds, CPU seconds and peak memory (its own)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command), env=dict(env) if env else None, stdout=subprocess.PIPE
    )
    stdout = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} ended with {process.returncode}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout)
