"""Thousands of hostile files against every way backtimer reads one; prints what went wrong.

    python benchmarks/fuzz_inputs.py [--files 2000] [--processes 60] [--tui 40]

The cases, each a file of one kind (a routine, a programme, settings.toml,
program.toml, history.toml, an archived month, a journal, an import):

- the inputs of issues 11 and 22 exactly (tests/hostile.py): nesting in every
  shape TOML and JSON have, numbers far too long in every base, a history nested
  over 100,000 lines, one imported session of 200,000 steps, a 15 MB file;
- a named pipe, a link to /dev/zero and to /dev/urandom, a folder and a dangling
  link in each place a file is read, and given on the command line;
- ``--files`` more made by `tests.fuzzing.mutate` from a good file of each kind.

Each is given to ``validate``, ``routines import`` and ``history import`` (as fits
its kind), and dropped where its kind lives in a data folder that has a programme
under way and a week of sessions; then ``routines``, ``programs``, ``history
--json`` and ``--csv``, ``stats``, ``today`` and ``today --exit-code`` run. The
quick answer of ``today --exit-code`` is compared with the full one (the quick
look either agrees or hands over). Commands run in this process through
``backtimer.cli.main`` (a traceback is an exception out of it), each under a
`HANG_SECONDS` alarm. Every issue case and ``--processes`` generated ones also
run as real processes: a crash by a signal, a traceback in stderr, a run over
`HANG_SECONDS`, each process's own peak memory (over `MEMORY_MIB` counts), and
the quick and full exit codes of ``today`` compared. ``--tui`` data folders are
opened in the app, headless. Prints the counts, the slowest run and the peaks.
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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backtimer.cli import main as backtimer  # noqa: E402
from tests.fuzzing import GOOD, TARGETS, mutate  # noqa: E402
from tests.hostile import (  # noqa: E402
    DEEP_SHAPES,
    EXPLODING,
    HUGE_NUMBERS,
    JSON_CASES,
    JSON_DEEP_SHAPES,
    JSON_HUGE_NUMBERS,
    TOML_LINES,
    exploding,
    export,
    program_with,
    routine_with,
    session_table,
    with_line,
)

HANG_SECONDS = 10
MEMORY_MIB = 300
DATA_COMMANDS = [
    ["routines"],
    ["programs"],
    ["history", "--json"],
    ["history", "--csv"],
    ["stats"],
    ["today"],
    ["today", "--exit-code"],
]
PROCESS_COMMANDS = [["history", "--json"], ["stats"], ["today", "--exit-code"]]
SPECIALS = [
    "a named pipe",
    "a link to /dev/zero",
    "a link to /dev/urandom",
    "a folder",
    "a dangling link",
]


@dataclass(frozen=True)
class Case:
    label: str
    kind: str
    data: bytes = b""
    special: str = ""
    """One of `SPECIALS`: the file is not a file at all."""


class Hung(Exception):
    """A command took longer than `HANG_SECONDS`."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hung


@dataclass
class Tally:
    runs: int = 0
    tracebacks: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    wrong_codes: list[str] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)
    over_memory: list[str] = field(default_factory=list)
    handed_over: int = 0
    compared: int = 0
    slowest: tuple[float, str] = (0.0, "")
    peak: tuple[float, str] = (0.0, "")

    def timed(self, began: float, label: str) -> None:
        took = time.monotonic() - began
        if took > self.slowest[0]:
            self.slowest = (took, label)

    def line(self) -> str:
        said = [
            f"{self.runs} runs: {len(self.tracebacks)} tracebacks",
            f"{len(self.signals)} crashes by a signal",
            f"{len(self.hangs)} hangs over {HANG_SECONDS} s",
            f"{len(self.wrong_codes)} wrong exit codes",
        ]
        if self.compared or self.handed_over:
            said.append(
                f"{len(self.disagreements)} quick/full disagreements of today"
                f" ({self.compared} compared, {self.handed_over} handed over to the full path)"
            )
        if self.peak[0]:
            said.append(
                f"{len(self.over_memory)} runs over {MEMORY_MIB} MiB, the largest peak"
                f" {self.peak[0]:.0f} MiB ({self.peak[1]})"
            )
        return ", ".join(said) + f"; slowest {self.slowest[0]:.2f} s ({self.slowest[1]})"


@contextlib.contextmanager
def home() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["BACKTIMER_HOME"] = folder
        yield Path(folder)


def place(path: Path, case: Case) -> None:
    """Put the case's file at ``path``, or the thing that is not a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    if case.special == "a named pipe":
        os.mkfifo(path)
    elif case.special.startswith("a link to "):
        path.symlink_to(case.special.removeprefix("a link to "))
    elif case.special == "a folder":
        path.mkdir()
    elif case.special == "a dangling link":
        path.symlink_to(path.with_name("nothing-here"))
    else:
        path.write_bytes(case.data)


def under_way(folder: Path) -> None:
    """A programme started ten days ago, and a week of its sessions."""
    start = date.today() - timedelta(days=10)
    (folder / "program.toml").write_text(
        f'[active]\nprogram = "back-durability-6wk"\nstart = {start.isoformat()}\n'
    )
    (folder / "history.toml").write_text(GOOD["recent-history"])


def given_file(kind: str) -> tuple[str, list[tuple[list[str], set[int]]]]:
    """The name a file of this kind is given as, and the commands that take it."""
    if kind == "export":
        return "given.json", [(["history", "import"], {0, 1, 2})]
    if kind in ("routine", "small-routine", "programme"):
        return "given.toml", [
            (["validate"], {0, 1, 2}),
            (["routines", "import", "--force"], {0, 1, 2}),
        ]
    return "given.toml", [(["validate"], {0, 1, 2})]


def attempt(tally: Tally, argv: list[str], allowed: set[int], label: str) -> str:
    """Run ``backtimer ARGV`` here, as the command line would; count what went wrong.
    Returns what it printed."""
    tally.runs += 1
    began = time.monotonic()
    signal.alarm(HANG_SECONDS)
    out, err = io.StringIO(), io.StringIO()
    where = f"{label}: {' '.join(argv[:2])}"
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = backtimer(argv)
            except SystemExit as exc:
                code = int(exc.code or 0)
    except Hung:
        tally.hangs.append(where)
        return ""
    except BaseException:
        tally.tracebacks.append(f"{where}\n{traceback.format_exc(limit=4)}")
        return ""
    finally:
        signal.alarm(0)
    tally.timed(began, where)
    if code not in allowed:
        tally.wrong_codes.append(f"{where} exited {code}")
    return out.getvalue()


def agree(tally: Tally, label: str) -> None:
    """The quick look answers as the full reading does, or hands over."""
    from backtimer.cli.due_check import BROKEN
    from backtimer.cli.programmes import standing_now
    from backtimer.domain.history.plain_tables import NotPlain
    from backtimer.domain.programmes.due import due_now, reminder_line
    from backtimer.domain.programmes.schedule import progress
    from backtimer.storage.plain_programme import quick_look

    now = datetime.now(UTC)
    zone = now.astimezone().tzinfo
    assert zone is not None
    local = now.astimezone(zone)
    signal.alarm(HANG_SECONDS)
    try:
        try:
            look = quick_look(now, zone)
        except NotPlain:
            tally.handed_over += 1
            return
        with contextlib.redirect_stderr(io.StringIO()):
            plan, names, broken = standing_now(now)
    except Hung:
        tally.hangs.append(f"{label}: the quick look")
        return
    except BaseException:
        tally.tracebacks.append(f"{label}: the quick look\n{traceback.format_exc(limit=4)}")
        return
    finally:
        signal.alarm(0)
    tally.compared += 1
    full = BROKEN if broken else reminder_line(plan, due_now(plan, local) if plan else None, names)
    if look is None:
        quick = reminder_line(None, None, {})
    else:
        quick_plan = progress(look.program, look.start, look.sessions, now, zone, look.aliases)
        quick = reminder_line(quick_plan, due_now(quick_plan, local), look.names)
    if quick != full:
        tally.disagreements.append(f"{label}: quick {quick!r}, full {full!r}")


def run_case(tally: Tally, case: Case) -> None:
    name, commands = given_file(case.kind)
    with home() as folder:
        path = folder / name
        place(path, case)
        for command, allowed in commands:
            attempt(tally, [*command, str(path)], allowed, case.label)
    target = TARGETS[case.kind].place
    if target is None:
        return
    with home() as folder:
        under_way(folder)
        place(target(), case)
        for command in DATA_COMMANDS:
            attempt(tally, command, {0, 1}, case.label)
        agree(tally, case.label)


def _value_replaced(text: str, number: str) -> str:
    """The file with its first number value replaced by ``number``."""
    import re

    changed = re.sub(
        r"(?m)^(\s*[a-z_]+\s*=\s*)-?[0-9][0-9._]*\s*$", rf"\g<1>{number}", text, count=1
    )
    return changed if changed != text else with_line(text, f"x = {number}")


def issue_cases() -> Iterator[Case]:
    """The inputs of issues 11 and 22, in every kind of file they can be in."""
    for name, line in TOML_LINES.items():
        yield Case(f"issue 11: routine with {name}", "routine", routine_with(line).encode())
        yield Case(f"issue 11: programme with {name}", "programme", program_with(line).encode())
    for name, text in JSON_CASES.items():
        yield Case(f"issue 11: export with {name}", "export", text.encode())
    yield Case("issue 11: 486 bytes, 500,050 parts", "routine", EXPLODING.encode())
    yield Case("issue 11: 10 such steps", "routine", exploding(10).encode())
    yield Case("issue 11: 15 MB", "routine", routine_with("# " + "x" * 15_000_000).encode())
    toml_kinds = [kind for kind in sorted(GOOD) if kind != "export"]
    for kind in toml_kinds:
        for name, line in DEEP_SHAPES.items():
            yield Case(
                f"issue 22: {kind}, nesting: {name}", kind, with_line(GOOD[kind], line).encode()
            )
        for name, number in HUGE_NUMBERS.items():
            text = _value_replaced(GOOD[kind], number)
            yield Case(f"issue 22: {kind}, a number: {name}", kind, text.encode())
    for name, shape in JSON_DEEP_SHAPES.items():
        text = export(session_table(1)).replace('"steps": [', f'"deep": {shape}, "steps": [')
        yield Case(f"issue 22: export, nesting: {name}", "export", text.encode())
    for name, number in JSON_HUGE_NUMBERS.items():
        text = export(session_table(1)).replace("394.0", number)
        yield Case(f"issue 22: export, a number: {name}", "export", text.encode())
    history = "x = " + "[\n" * 100_000 + "1" + "\n]" * 100_000 + "\n"
    yield Case("issue 22: history nested over 100,000 lines", "history", history.encode())
    step = {"exercise": "cat-cow", "sets_done": 1, "reps_done": 10, "seconds_done": 60.0}
    long = export(session_table(1, steps=[step] * 200_000)).encode()
    yield Case("issue 22: one session of 200,000 steps", "export", long)
    for kind in sorted(GOOD):
        for special in SPECIALS:
            yield Case(f"issue 22: {kind} is {special}", kind, special=special)


def cases(count: int) -> Iterator[Case]:
    yield from issue_cases()
    kinds = sorted(GOOD)
    for number in range(count):
        kind = kinds[number % len(kinds)]
        yield Case(f"generated #{number} ({kind})", kind, mutate(kind, random.Random(number)))


PEAK_SAID = (
    "import atexit, sys\n"
    "def said():\n"
    "    status = open('/proc/self/status').read()\n"
    "    print('VmHWM', status.split('VmHWM:')[1].split()[0], file=sys.stderr)\n"
    "atexit.register(said)\n"
    "from backtimer.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)
"""``backtimer ARGV`` as ``python -m backtimer`` runs it, saying its own peak memory as it
ends: the kernel's figure for a child (ru_maxrss) starts from the size of the process
that forked it (this one, 200 MiB after the runs in process)."""


def in_a_process(tally: Tally, argv: list[str], allowed: set[int], label: str) -> int | None:
    """Run ``backtimer ARGV`` as a process; count a crash by a signal, a traceback, a hang,
    its own peak memory. Returns its exit code (None when it hung)."""
    tally.runs += 1
    where = f"{label}: {' '.join(argv[:2])}"
    began = time.monotonic()
    try:
        ran = subprocess.run(
            [sys.executable, "-c", PEAK_SAID, *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=HANG_SECONDS + 5,  # the start of Python included
        )
    except subprocess.TimeoutExpired:
        tally.hangs.append(where)
        return None
    stderr = ran.stderr.decode("utf-8", "replace")
    tally.timed(began, where)
    said = [line for line in stderr.splitlines() if line.startswith("VmHWM ")]
    stderr = "\n".join(line for line in stderr.splitlines() if not line.startswith("VmHWM "))
    peak = int(said[-1].split()[1]) / 1024 if said else 0.0
    if peak > tally.peak[0]:
        tally.peak = (peak, where)
    if peak > MEMORY_MIB:
        tally.over_memory.append(f"{where}: {peak:.0f} MiB")
    if ran.returncode < 0:
        tally.signals.append(f"{where}: killed by signal {-ran.returncode}")
    elif "Traceback" in stderr:
        tally.tracebacks.append(f"{where}\n{stderr[-800:]}")
    elif ran.returncode not in allowed:
        tally.wrong_codes.append(f"{where} exited {ran.returncode}")
    return ran.returncode


def as_processes(samples: list[Case]) -> Tally:
    tally = Tally()
    for case in samples:
        name, commands = given_file(case.kind)
        with home() as folder:
            path = folder / name
            place(path, case)
            for command, allowed in commands:
                in_a_process(tally, [*command, str(path)], allowed, case.label)
        target = TARGETS[case.kind].place
        if target is None:
            continue
        with home() as folder:
            under_way(folder)
            place(target(), case)
            for command in PROCESS_COMMANDS:
                in_a_process(tally, command, {0, 1}, case.label)
            quick = in_a_process(tally, ["today", "--exit-code"], {0, 1}, case.label)
            full = in_a_process(tally, ["today", "--json", "--exit-code"], {0, 1}, case.label)
            tally.compared += 1
            if quick != full:
                tally.disagreements.append(f"{case.label}: exit {quick} quick, {full} full")
    return tally


async def open_app(case: Case) -> None:
    """The app on a data folder holding the file: picker, history pane, programmes, quit."""
    from backtimer.tui.app import BacktimerApp

    target = TARGETS[case.kind].place
    assert target is not None
    place(target(), case)
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


def in_the_app(samples: list[Case]) -> Tally:
    tally = Tally()
    for case in samples:
        tally.runs += 1
        began = time.monotonic()
        with home() as folder:
            under_way(folder)
            try:
                asyncio.run(asyncio.wait_for(open_app(case), timeout=APP_SECONDS))
            except TimeoutError:
                tally.hangs.append(case.label)
            except Exception:
                tally.tracebacks.append(f"{case.label}\n{traceback.format_exc(limit=6)}")
        tally.timed(began, case.label)
    return tally


def report(title: str, tally: Tally) -> None:
    print(f"{title}: {tally.line()}")
    problems = (
        tally.tracebacks
        + tally.signals
        + tally.hangs
        + tally.over_memory
        + tally.wrong_codes
        + tally.disagreements
    )
    for problem in problems[:10]:
        print("   ", problem.replace("\n", "\n    "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000, help="generated files (default 2000)")
    parser.add_argument("--processes", type=int, default=60, help="generated ones as processes")
    parser.add_argument("--tui", type=int, default=40, help="data folders opened in the app")
    parser.add_argument(
        "--only", choices=["in-process", "processes", "app"], help="run one part alone"
    )
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    every = list(cases(args.files))
    print(f"{len(every)} files: {dict(sorted(Counter(c.kind for c in every).items()))}")
    if args.only in (None, "in-process"):
        tally = Tally()
        began = time.monotonic()
        for case in every:
            run_case(tally, case)
        report(f"in process, {time.monotonic() - began:.0f} s", tally)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"    this process peaked at {peak:.0f} MiB, every run above included")
    issue = [case for case in every if case.label.startswith("issue")]
    rng = random.Random(22)
    generated = [case for case in every if not case.label.startswith("issue")]
    sample = issue + rng.sample(generated, min(args.processes, len(generated)))
    if args.only in (None, "processes"):
        report(f"as processes ({len(sample)} files)", as_processes(sample))
    in_folders = [c for c in every if TARGETS[c.kind].place is not None]
    opened = [c for c in in_folders if c.label.startswith("issue 22") and not c.special][:20]
    opened += [c for c in in_folders if c.special][:10]
    opened += rng.sample([c for c in in_folders if c in generated], args.tui)
    if args.only in (None, "app"):
        report(f"in the app ({len(opened)} data folders)", in_the_app(opened))


if __name__ == "__main__":
    main()
