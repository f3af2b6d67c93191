"""A program in a real terminal (a tmux pane) for the benchmarks: start it, watch it, time it.

Each pane gets a tmux session of its own, named after this process, so that
benchmarks never clash with another person's tmux sessions.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Pane:
    """A command running in a tmux pane of a given size."""

    def __init__(
        self,
        command: Sequence[str],
        env: Mapping[str, str] | None = None,
        size: tuple[int, int] = (100, 30),
        name: str = "",
    ) -> None:
        self.session = f"bench-{os.getpid()}-{name or 'pane'}"
        self._env = dict(env or {})
        self._command = list(command)
        self._size = size
        self.started = 0.0
        self.pid = 0

    def start(self) -> None:
        """Start the command; `started` is the moment just before tmux was asked to."""
        subprocess.run(["tmux", "kill-session", "-t", self.session], capture_output=True)
        # tmux does not pass this process's environment to the program: set it in the command.
        setting = [f"{key}={value}" for key, value in self._env.items()]
        shell = "exec " + shlex.join(["env", "TERM=xterm-256color", *setting, *self._command])
        width, height = self._size
        self.started = time.perf_counter()
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height)]
            + [shell],
            check=True,
        )
        shown = subprocess.run(
            ["tmux", "display", "-p", "-t", self.session, "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        )
        self.pid = int(shown.stdout.strip())

    def screen(self) -> str:
        """What the terminal shows now."""
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.session],
            capture_output=True,
            text=True,
        ).stdout

    def wait_for(self, pattern: str, seconds: float = 30.0, poll: float = 0.005) -> float:
        """Seconds from `start` until the screen shows ``pattern`` (a regular expression)."""
        wanted = re.compile(pattern)
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            if wanted.search(self.screen()):
                return time.perf_counter() - self.started
            time.sleep(poll)
        raise TimeoutError(f"{self._command[0]}: no /{pattern}/ in {seconds} s:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.session, *keys], check=True)

    def cpu_seconds(self) -> float:
        """CPU time (user and system) the program has used so far."""
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime

    def stop(self) -> None:
        """Close the terminal, and wait (up to 10 s) for the program to be gone.

        One still there is killed and named on stderr: closed just after its first
        frame, the app sometimes hangs in Textual's shutdown (its output queue full,
        the terminal gone), and left running it would weigh on the next runs.
        """
        subprocess.run(["tmux", "kill-session", "-t", self.session], capture_output=True)
        deadline = time.perf_counter() + 10
        while os.path.exists(f"/proc/{self.pid}") and time.perf_counter() < deadline:
            time.sleep(0.01)
        if os.path.exists(f"/proc/{self.pid}"):
            print(
                f"({self.session}: still running 10 s after its terminal closed; killed)",
                file=sys.stderr,
            )
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
