"""What the system tests share: ``backtimer ARGS`` run as a person runs it, in a process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def backtimer(
    *args: str, cwd: Path | None = None, home: Path | None = None, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``backtimer ARGS`` in a new process; its exit code, stdout and stderr (as text).

    The process gets this one's environment (so BACKTIMER_HOME and TZ as the test set
    them), with ``home`` as its data folder and ``path`` as its PATH when they are given.
    """
    env = dict(os.environ)
    if home is not None:
        env["BACKTIMER_HOME"] = str(home)
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [sys.executable, "-m", "backtimer", *args], capture_output=True, text=True, cwd=cwd, env=env
    )
