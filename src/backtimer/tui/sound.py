"""Cue sounds through a sound program, for when the terminal bell is silenced.

The program is the one named by ``sound_program`` in the settings, or the
first of paplay, pw-play, aplay, afplay and play found; any program that plays
the file named by its last argument works. Playing never holds up the timer:
the UI only puts the sound's name on a queue, and a background thread starts
the program without waiting for it.

A new sound cuts the one still playing short. Every sound is shorter than the
shortest gap between two cues (one second), so with a working program nothing
is ever cut; the rule is there for a slow or stuck one, so that at most one
player runs at a time and a stuck one cannot pile up (one is stopped after
`PLAY_LIMIT` seconds in any case). The first problem (a program that cannot
start, fails or hangs) is kept for the UI to show once.
"""

from __future__ import annotations

import contextlib
import queue
import shlex
import shutil
import subprocess
import threading
import time
from collections.abc import Sequence

from backtimer.domain.routines.settings import Settings
from backtimer.sounds import FOLDER

KNOWN: dict[str, list[str]] = {
    "paplay": ["paplay"],
    "pw-play": ["pw-play"],
    "aplay": ["aplay", "-q"],
    "afplay": ["afplay"],
    "play": ["play", "-q"],
}
"""Sound programs tried in order (PulseAudio or PipeWire, PipeWire, ALSA, macOS, SoX),
with the arguments that come before the file."""
FIX = "install pulseaudio-utils"
"""What gets a Linux computer a sound program (paplay); macOS has afplay."""
PLAY_LIMIT = 10.0
"""Seconds a program may take over a sound of at most one second before it is stopped."""
POLL = 0.05
"""Seconds between looks at the program while it plays (real time, not the timer's)."""


def find_player(preferred: str | None = None) -> list[str] | None:
    """The command to play sounds with: the preferred program if it exists, else the first found.

    Args:
        preferred: a name from `KNOWN`, or the name or path of another program
            that plays the file named by its last argument.
    """
    if preferred:
        return list(KNOWN.get(preferred, [preferred])) if shutil.which(preferred) else None
    return next((list(command) for name, command in KNOWN.items() if shutil.which(name)), None)


def _fix(preferred: str | None) -> str:
    if preferred:
        return "install it (or change sound_program in settings.toml)"
    return f"{FIX} (or set sound_program in settings.toml)"


def player_name(command: Sequence[str] | None, preferred: str | None) -> str:
    """Which program plays the sounds, or what to do when none can (for the settings screen).

    Args:
        command: the command found at start (`find_player`), or None.
        preferred: the ``sound_program`` setting, if any.
    """
    if command:
        return preferred or command[0]
    return (
        f"'{preferred}' not found: {_fix(preferred)}" if preferred else f"none found: {_fix(None)}"
    )


def no_player(command: Sequence[str] | None, settings: Settings) -> str:
    """What to tell a person who wants cue sounds when nothing can play them ("" if it can)."""
    if command or not settings.plays_sounds:
        return ""
    preferred = settings.sound_program
    missing = f"'{preferred}' was not found" if preferred else "no sound program was found"
    return f"Cue sounds are on, but {missing}: {_fix(preferred)}."


class SoundPlayer:
    """Plays one cue sound at a time in the background."""

    def __init__(self, command: Sequence[str]) -> None:
        self.command = list(command)
        self._names: queue.SimpleQueue[str] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._problem = ""
        self._told = False

    def play(self, name: str) -> None:
        """Queue the sound called ``name`` (one of `backtimer.sounds.NAMES`); return at once."""
        with self._lock:
            self._names.put(name)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="backtimer-sounds", daemon=True
                )
                self._thread.start()

    def problem(self) -> str:
        """The first problem met while playing, once; "" when none, or when told already."""
        with self._lock:
            if not self._problem or self._told:
                return ""
            self._told = True
            return self._problem

    def _run(self) -> None:
        playing: subprocess.Popen[bytes] | None = None
        name, started = "", 0.0
        while True:
            try:
                wanted: str | None = self._names.get(timeout=POLL)
            except queue.Empty:
                wanted = None
            if playing is not None:
                if playing.poll() is not None:
                    self._check(playing, name)
                    playing = None
                elif wanted is not None or time.monotonic() - started > PLAY_LIMIT:
                    if wanted is None:
                        self._fail(
                            f"The sound program '{self.command[0]}' was still playing {name}.wav"
                            f" after {PLAY_LIMIT:.0f} s and was stopped; {self._try(name)}."
                        )
                    self._stop(playing)
                    playing = None
            if wanted is not None:
                playing, name, started = self._start(wanted), wanted, time.monotonic()
            elif playing is None:
                with self._lock:  # nothing to do: end; the next play() starts a new thread
                    if self._names.empty():
                        self._thread = None
                        return

    def _start(self, name: str) -> subprocess.Popen[bytes] | None:
        try:
            return subprocess.Popen(
                [*self.command, str(FOLDER / f"{name}.wav")],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # the terminal's keys and signals are not its business
            )
        except OSError as exc:
            self._fail(f"The sound program '{self.command[0]}' could not start: {exc.strerror}.")
            return None

    def _check(self, finished: subprocess.Popen[bytes], name: str) -> None:
        if finished.returncode != 0:
            self._fail(
                f"The sound program '{self.command[0]}' failed (exit status"
                f" {finished.returncode}) playing {name}.wav; {self._try(name)}."
            )

    def _try(self, name: str) -> str:
        command = shlex.join([*self.command, str(FOLDER / f"{name}.wav")])
        return f"try `{command}` in a terminal to see why"

    def _fail(self, problem: str) -> None:
        with self._lock:
            self._problem = self._problem or problem

    @staticmethod
    def _stop(playing: subprocess.Popen[bytes]) -> None:
        playing.terminate()
        try:
            playing.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(OSError):
                playing.kill()
            playing.wait()
