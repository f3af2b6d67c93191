"""Speaking cues through whatever speech program the computer has.

Detected at start, never required: espeak-ng, espeak, spd-say or macOS ``say``,
or the program named in the settings. Speaking never holds up the timer: the
UI only puts the words on a queue; a background thread starts the program
and stops the one still talking, so each cue cuts the previous one short.
"""

from __future__ import annotations

import contextlib
import queue
import shutil
import subprocess
import threading
from collections.abc import Sequence

KNOWN: dict[str, list[str]] = {
    "espeak-ng": ["espeak-ng", "-s", "165"],
    "espeak": ["espeak", "-s", "165"],
    "spd-say": ["spd-say", "--wait"],
    "say": ["say"],
}
"""Speech programs tried in order, with the arguments that come before the words."""


def available() -> list[str]:
    """The known speech programs installed on this computer."""
    return [name for name in KNOWN if shutil.which(name)]


def find_program(preferred: str | None = None) -> list[str] | None:
    """The command to speak with: the preferred program if it exists, else the first found.

    Args:
        preferred: a name from `KNOWN`, or the name or path of another program
            that takes the words as its last argument.
    """
    if preferred:
        return list(KNOWN.get(preferred, [preferred])) if shutil.which(preferred) else None
    found = available()
    return list(KNOWN[found[0]]) if found else None


def _fix(preferred: str | None) -> str:
    if preferred:
        return "install it (or change speech_program in settings.toml)"
    return "install espeak-ng (or set speech_program in settings.toml)"


def program_name(command: Sequence[str] | None, preferred: str | None) -> str:
    """Which program speaks, or what to do when none does (for the settings screen).

    Args:
        command: the command found at start (`find_program`), or None.
        preferred: the ``speech_program`` setting, if any.
    """
    if command:
        return preferred or command[0]
    return (
        f"'{preferred}' not found: {_fix(preferred)}" if preferred else f"none found: {_fix(None)}"
    )


def no_voice(command: Sequence[str] | None, preferred: str | None) -> str:
    """What to tell a person who wants spoken cues when nothing can speak them ("" if it can)."""
    if command:
        return ""
    missing = f"'{preferred}' was not found" if preferred else "no speech program was found"
    return f"Spoken cues are on, but {missing}: {_fix(preferred)}."


class Speaker:
    """Says one thing at a time in the background; a new phrase stops the old one."""

    def __init__(self, command: Sequence[str]) -> None:
        self.command = list(command)
        self._words: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self._talking: subprocess.Popen[bytes] | None = None
        self._finish_last = False
        self._thread = threading.Thread(target=self._run, name="backtimer-speech", daemon=True)
        self._thread.start()

    def say(self, words: str) -> None:
        """Queue the words and return at once."""
        self._words.put(words)

    def close(self, finish: bool = False) -> None:
        """End the background thread; stop talking, or with ``finish`` let the last phrase end.

        A workout that ends lets its last words ("Done. Well done!") be heard in
        full; one that is stopped or quit falls silent at once.
        """
        self._finish_last = finish
        self._words.put(None)
        self._thread.join(timeout=2)

    def _run(self) -> None:
        while True:
            words = self._words.get()
            if words is None:
                if not self._finish_last:
                    self._hush()
                return
            self._hush()
            with contextlib.suppress(OSError):
                self._talking = subprocess.Popen(
                    [*self.command, words],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )

    def _hush(self) -> None:
        talking, self._talking = self._talking, None
        if talking is None or talking.poll() is not None:
            return
        talking.terminate()
        try:
            talking.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            talking.kill()
            talking.wait()
