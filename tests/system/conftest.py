"""What the system tests share: ``backtimer ARGS`` run as a person runs it.

`backtimer()` runs the command line's `main` in this process, with the data folder, the
PATH and the working folder the person would have, and what it prints captured as a
pipe would take it: a process per call cost the suite more CPU than all its other
command-line tests together. `in_a_process()` runs the installed command in a process
of its own, for what only a process shows (the entry point, signals, imports).
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from backtimer.cli import main
from tests.factories import NOW


def _environment(home: Path | None, path: str | None) -> dict[str, str]:
    env = dict(os.environ)
    if home is not None:
        env["BACKTIMER_HOME"] = str(home)
    if path is not None:
        env["PATH"] = path
    return env


def in_a_process(
    *args: str, cwd: Path | None = None, home: Path | None = None, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``backtimer ARGS`` in a new process; its exit code, stdout and stderr (as text).

    The process gets this one's environment (so BACKTIMER_HOME and TZ as the test set
    them), with ``home`` as its data folder and ``path`` as its PATH when they are given.
    """
    return subprocess.run(
        [sys.executable, "-m", "backtimer", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=_environment(home, path),
    )


@contextlib.contextmanager
def _as_a_person_runs_it(env: dict[str, str], cwd: Path | None) -> Iterator[None]:
    """This process with ``env`` as its environment (the time zone too) and ``cwd`` as its
    working folder, until the block ends."""
    before = Path.cwd()
    with mock.patch.dict(os.environ, env, clear=True):
        time.tzset()
        if cwd is not None:
            os.chdir(cwd)
        try:
            yield
        finally:
            os.chdir(before)
    time.tzset()


def backtimer(
    *args: str, cwd: Path | None = None, home: Path | None = None, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``backtimer ARGS`` (its `main`, in this process); its exit code, and stdout and
    stderr as text, each as a pipe would take it (UTF-8, not a terminal).

    The command sees this process's environment (so BACKTIMER_HOME and TZ as the test
    set them), with ``home`` as its data folder and ``path`` as its PATH when given, and
    `tests.factories.NOW` as the time: never the real date.
    """
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    with (
        _as_a_person_runs_it(_environment(home, path), cwd),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(list(args), now=lambda: NOW)
        except SystemExit as exc:  # argparse: --help, --version and usage errors
            code = exc.code if isinstance(exc.code, int) else 1 if exc.code else 0
    texts = []
    for stream in (out, err):
        stream.flush()
        assert isinstance(stream.buffer, io.BytesIO)
        texts.append(stream.buffer.getvalue().decode("utf-8"))
    return subprocess.CompletedProcess(["backtimer", *args], code, *texts)


@dataclass
class Ran:
    code: int
    out: str
    err: str


def run(*argv: str) -> Ran:
    """Run ``backtimer ARGV`` in this process (`backtimer`); its exit
    code, stdout and stderr."""
    result = backtimer(*argv)
    return Ran(result.returncode, result.stdout, result.stderr)
