"""Thousands of hostile files against every way backtimer reads one; prints what went wrong.

    python benchmarks/fuzz_inputs.py [--files 2000] [--processes 40] [--tui 40]

The cases: the inputs of issue 11 exactly (tests/hostile.py), then ``--files``
more made by `tests.fuzzing.mutate` from a good file of each kind. Each is

- given to ``validate``, ``routines import`` and ``history import`` (as fits its kind);
- dropped into a fresh data folder where that kind lives, then ``routines``,
  ``programs``, ``history --json``, ``stats`` and ``today`` are run.

Commands run in this process through ``backtimer.cli.main`` (a traceback is an
exception out of it), each under a 2-second alarm (a hang); the exit code must
be 0 or 1 for a file given on the command line, 0 for the data-folder commands.
``--processes`` of the cases (the issue's own among them) also run as real
processes, to check that what a person sees agrees. ``--tui`` of the data
folders are opened in the app, headless: the picker, the history pane, the
programmes. Prints the counts, the slowest command and the peak memory.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backtimer.cli import main as backtimer  # noqa: E402
from tests.fuzzing import GOOD, TARGETS, mutate  # noqa: E402
from tests.hostile import (  # noqa: E402
    EXPLODING,
    JSON_CASES,
    TOML_LINES,
    exploding,
    program_with,
    routine_with,
)

HANG_SECONDS = 2
DATA_COMMANDS = [["routines"], ["programs"], ["history", "--json"], ["stats"], ["today"]]


class Hung(Exception):
    """A command took longer than `HANG_SECONDS`."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hung


@dataclass
class Tally:
    hang_seconds: float = HANG_SECONDS
    runs: int = 0
    tracebacks: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    wrong_codes: list[str] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    kinds: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        return (
            f"{self.runs} runs: {len(self.tracebacks)} tracebacks, {len(self.hangs)} hangs"
            f" over {self.hang_seconds:g} s, {len(self.wrong_codes)} wrong exit codes;"
            f" slowest {self.slowest[0]:.2f} s ({self.slowest[1]})"
        )


@contextlib.contextmanager
def home() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["BACKTIMER_HOME"] = folder
        yield Path(folder)


def attempt(tally: Tally, argv: list[str], allowed: set[int], label: str) -> None:
    """Run ``backtimer ARGV`` here, as the command line would, and count what went wrong."""
    tally.runs += 1
    began = time.monotonic()
    signal.alarm(HANG_SECONDS)
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = backtimer(argv)
            except SystemExit as exc:
                code = int(exc.code or 0)
    except Hung:
        tally.hangs.append(f"{label}: {' '.join(argv[:2])}")
        return
    except BaseException:
        tally.tracebacks.append(f"{label}: {' '.join(argv[:2])}\n{traceback.format_exc(limit=4)}")
        return
    finally:
        signal.alarm(0)
    took = time.monotonic() - began
    if took > tally.slowest[0]:
        tally.slowest = (took, f"{label}: {' '.join(argv[:2])}")
    if code not in allowed:
        tally.wrong_codes.append(f"{label}: {' '.join(argv[:2])} exited {code}")


def given_files(kind: str) -> list[tuple[list[str], set[int]]]:
    """The commands that take a file of this kind on the command line, and their exit codes."""
    if kind == "export":
        return [(["history", "import"], {0, 1})]
    if kind in ("routine", "small-routine", "programme"):
        return [(["validate"], {0, 1}), (["routines", "import", "--force"], {0, 1})]
    return [(["validate"], {0, 1})]


def run_case(tally: Tally, label: str, kind: str, data: bytes) -> None:
    tally.kinds[kind] += 1
    with home() as folder:
        path = folder / ("given.json" if kind == "export" else "given.toml")
        path.write_bytes(data)
        for command, allowed in given_files(kind):
            attempt(tally, [*command, str(path)], allowed, label)
    place = TARGETS[kind].place
    if place is None:
        return
    with home():
        target = place()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        for command in DATA_COMMANDS:
            attempt(tally, command, {0}, label)


def cases(count: int) -> Iterator[tuple[str, str, bytes]]:
    """(label, kind, bytes): the issue's own inputs, then ``count`` generated ones."""
    for name, line in TOML_LINES.items():
        yield f"issue: routine with {name}", "routine", routine_with(line).encode()
        yield f"issue: programme with {name}", "programme", program_with(line).encode()
        for kind in ("settings", "program-state"):
            yield f"issue: {kind} with {name}", kind, line.encode()
        session = GOOD["journal"].rstrip() + "\n" + line + "\n"
        yield f"issue: history with {name}", "history", session.encode()
        yield f"issue: journal with {name}", "journal", session.encode()
    for name, text in JSON_CASES.items():
        yield f"issue: export with {name}", "export", text.encode()
    yield "issue: 486 bytes, 500,050 parts", "routine", EXPLODING.encode()
    yield "issue: 10 such steps", "routine", exploding(10).encode()
    yield "issue: 200 such steps", "routine", exploding(200).encode()
    yield "issue: 15 MB", "routine", routine_with("# " + "x" * 15_000_000).encode()
    kinds = sorted(GOOD)
    for number in range(count):
        kind = kinds[number % len(kinds)]
        yield f"generated #{number} ({kind})", kind, mutate(kind, random.Random(number))


def as_processes(samples: list[tuple[str, str, bytes]]) -> Tally:
    """The same cases as real processes: a traceback is one in stderr.

    A process's time includes starting Python (about 0.3 s here).
    """
    tally = Tally(hang_seconds=HANG_SECONDS + 10)
    for label, kind, data in samples:
        with home() as folder:
            path = folder / ("given.json" if kind == "export" else "given.toml")
            path.write_bytes(data)
            for command, allowed in given_files(kind):
                tally.runs += 1
                began = time.monotonic()
                try:
                    ran = subprocess.run(
                        [sys.executable, "-m", "backtimer", *command, str(path)],
                        capture_output=True,
                        text=True,
                        timeout=HANG_SECONDS + 10,  # the start of a process included
                    )
                except subprocess.TimeoutExpired:
                    tally.hangs.append(label)
                    continue
                took = time.monotonic() - began
                if took > tally.slowest[0]:
                    tally.slowest = (took, f"{label}: {' '.join(command[:2])}")
                if "Traceback" in ran.stderr:
                    tally.tracebacks.append(f"{label}\n{ran.stderr[-800:]}")
                if ran.returncode not in allowed:
                    tally.wrong_codes.append(f"{label}: exited {ran.returncode}")
    return tally


async def open_app(kind: str, data: bytes) -> None:
    """The app on a data folder holding the file: picker, history pane, programmes, quit."""
    from backtimer.tui.app import BacktimerApp

    place = TARGETS[kind].place
    assert place is not None
    target = place()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    app = BacktimerApp(greet=False)  # straight to the picker: the files are the target
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("f2")
        await pilot.pause(0.3)
        await pilot.press("escape", "p")
        await pilot.pause(0.3)
        await pilot.press("ctrl+q")
    if app.return_code not in (0, None):
        raise RuntimeError(f"the app ended with {app.return_code}")


APP_SECONDS = 30
"""The app's own start and three screens take a few seconds; a hang is far longer."""


def in_the_app(samples: list[tuple[str, str, bytes]]) -> Tally:
    tally = Tally(hang_seconds=APP_SECONDS)
    for label, kind, data in samples:
        if TARGETS[kind].place is None:
            continue
        tally.runs += 1
        began = time.monotonic()
        with home():
            try:
                asyncio.run(asyncio.wait_for(open_app(kind, data), timeout=APP_SECONDS))
            except TimeoutError:
                tally.hangs.append(label)
            except Exception:
                tally.tracebacks.append(f"{label}\n{traceback.format_exc(limit=6)}")
        took = time.monotonic() - began
        if took > tally.slowest[0]:
            tally.slowest = (took, label)
    return tally


def report(title: str, tally: Tally) -> None:
    print(f"{title}: {tally.line()}")
    for problem in (tally.tracebacks + tally.hangs + tally.wrong_codes)[:10]:
        print("   ", problem.replace("\n", "\n    "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000, help="generated files (default 2000)")
    parser.add_argument("--processes", type=int, default=40, help="cases also run as processes")
    parser.add_argument("--tui", type=int, default=40, help="data folders opened in the app")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    every = list(cases(args.files))
    tally = Tally()
    began = time.monotonic()
    for label, kind, data in every:
        run_case(tally, label, kind, data)
    kinds = dict(sorted(tally.kinds.items()))
    print(f"{len(every)} files {kinds} in {time.monotonic() - began:.0f} s")
    report("in process", tally)
    issue = [case for case in every if case[0].startswith("issue:")]
    rng = random.Random(11)
    generated = [case for case in every if not case[0].startswith("issue:")]
    sample = issue + rng.sample(generated, min(args.processes, len(generated)))
    report(f"as processes ({len(sample)} files)", as_processes(sample))
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"    the largest of those processes peaked at {child:.0f} MiB")
    in_folders = [c for c in issue + generated if TARGETS[c[1]].place is not None]
    opened = [c for c in in_folders if c in issue]
    opened += rng.sample([c for c in in_folders if c not in issue], args.tui)
    report(f"in the app ({len(opened)} data folders)", in_the_app(opened))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process, every run above included: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
