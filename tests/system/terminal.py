"""Run backtimer in a real pseudo-terminal, as a person's shell would."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from tests.hostile import GOOD_ROUTINE

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[A-Za-z~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\x1b\][^\x07]*\x07")


def wait_until(check: Callable[[], object], seconds: float = 20.0, what: str = "") -> object:
    """Poll ``check`` until it returns something truthy; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what or check}")


def _take_terminal() -> None:
    """In the child, after setsid: make its terminal (stdin) the controlling one."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def red_flags_seen(home: Path) -> None:
    """Write that the red flags were shown, as the first start does, unless the data
    folder says something of its own already."""
    home.mkdir(parents=True, exist_ok=True)
    state = home / "coaching.toml"
    if not state.exists():
        state.write_text("red_flags_shown = 2026-01-01T00:00:00Z\n")


class Terminal:
    """``backtimer ARGS`` on a pseudo-terminal of a given size, its output collected."""

    def __init__(
        self, home: Path, *args: str, size: tuple[int, int] = (100, 30), controlling: bool = False
    ) -> None:
        """Start it; with ``controlling``, the terminal is the process's controlling
        terminal, as a shell's is, so closing it (`hang_up`) sends SIGHUP. The red flags
        count as seen already (`red_flags_seen`): these tests are about something else."""
        red_flags_seen(home)
        master, slave = pty.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {**os.environ, "BACKTIMER_HOME": str(home), "TERM": "xterm-256color"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "backtimer", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
            preexec_fn=_take_terminal if controlling else None,
        )
        os.close(slave)
        self._master = master
        self._output = bytearray()
        self._reading = threading.Event()
        self._reading.set()
        self._closing = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        # Never blocked in read() for long: a read under way holds the terminal open
        # (closing its descriptor does not end the read), and the kernel hangs the
        # terminal up, SIGHUP and all, only once nothing holds it.
        while not self._closing.is_set():
            self._reading.wait()
            try:
                if not select.select([self._master], [], [], 0.05)[0]:
                    continue
                chunk = os.read(self._master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self._output += chunk

    def text(self) -> str:
        """Everything written so far, escape sequences removed."""
        return ANSI.sub(b"", bytes(self._output)).decode("utf-8", errors="replace")

    def wait_for(self, words: str, seconds: float = 20.0) -> None:
        wait_until(lambda: words in self.text(), seconds, f"{words!r} on the screen")

    def stop_reading(self) -> None:
        """Read no more of the output, as a frozen terminal: once its buffer is full,
        the program's writes block."""
        self._reading.clear()

    def resize(self, columns: int, rows: int) -> None:
        """Change the terminal's size, as dragging its window's corner does."""
        fcntl.ioctl(self._master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.killpg(self.process.pid, signal.SIGWINCH)

    def press(self, keys: str) -> None:
        os.write(self._master, keys.encode())

    def hang_up(self) -> None:
        """Close the terminal, as closing its window does: the kernel sends SIGHUP."""
        if self._master >= 0:
            self._closing.set()
            self._reading.set()
            self._reader.join()
            os.close(self._master)
            self._master = -1

    def close(self) -> None:
        self._reading.set()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        self.hang_up()


THIRTY = GOOD_ROUTINE.replace("reps = 5\ntempo = 3", "reps = 1\ntempo = 30").replace(
    'name = "Mine"', 'name = "Mine"\nlead_in = 0'
)
"""A routine of one rep of 30 s, with no lead-in: a step long enough to be cut."""


def journal(home: Path) -> dict[str, object]:
    """The one session in the journal of the workout under way (or cut short)."""
    (path,) = (home / "in-progress").glob("*.toml")
    (session,) = tomllib.loads(path.read_text())["session"]
    assert isinstance(session, dict)
    return session
