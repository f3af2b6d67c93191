"""Cues: what the timer's events sound and look like.

Each kind of moment has its own rhythm of terminal bells and its own flash, so
a person on the mat can tell them apart without looking, and a bell always
means something:

- one bell for each beat within a set: the next rep, hold, let-go or phase,
  and the start of a rest (stop);
- two bells when work begins after a break (go);
- three to switch sides, four at the end;
- one bell for each of the last three seconds, only of a segment long enough
  for a countdown to help (see `COUNTDOWN_MIN_SECONDS`).

With a sound program (`backtimer.tui.sound`), each kind of moment also plays
its own short sound, in `backtimer.sounds`: a pip to count down, a soft tock for
a beat, two rising notes for go, three for a switch, a chime at the end.

``python benchmarks/cue_rhythm.py`` prints the bells per minute of each step.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from textual.screen import Screen

from backtimer.domain.routines.timeline import Segment, Timeline
from backtimer.domain.timer.events import Countdown, Event, Finished, SegmentStarted, SideSwitch
from backtimer.tui.sound import SoundPlayer
from backtimer.tui.speaker import Speaker

CueKind = Literal["countdown", "beat", "go", "switch", "finish"]

BELLS: dict[CueKind, int] = {"countdown": 1, "beat": 1, "go": 2, "switch": 3, "finish": 4}
BELL_GAP = 0.18
"""Seconds between the bells of one cue, so they are heard as a rhythm."""
FLASH_SECONDS = 0.35
FLASHED: dict[CueKind, str] = {
    "countdown": "#clock",
    "beat": "#clock",
    "go": "#workout",
    "switch": "#workout",
    "finish": "#workout",
}
"""The part of the workout screen each cue lights up: its class goes there, not on the
screen, so a flash restyles that part only."""
PRECEDENCE: tuple[CueKind, ...] = ("finish", "switch", "go", "beat", "countdown")
"""When several moments come at once, the first of these wins."""


def opens_block(segment: Segment, timeline: Timeline) -> bool:
    """Whether work starts here after a break: the first rep of a set or of a side."""
    return not segment.is_break and segment.index in timeline.steps[segment.step].blocks


def cue_for(events: Iterable[Event], timeline: Timeline) -> CueKind | None:
    """The one cue a batch of events deserves: the most important wins."""
    kinds: set[CueKind] = set()
    for event in events:
        if isinstance(event, Finished):
            kinds.add("finish")
        elif isinstance(event, SideSwitch):
            kinds.add("switch")
        elif isinstance(event, SegmentStarted):
            kinds.add("go" if opens_block(event.segment, timeline) else "beat")
        elif isinstance(event, Countdown):
            kinds.add("countdown")
    return next((kind for kind in PRECEDENCE if kind in kinds), None)


class CuePlayer:
    """Rings the bell, plays a sound, flashes a screen and speaks, for what is switched on."""

    def __init__(
        self,
        screen: Screen[Any],
        *,
        sound: bool,
        flash: bool,
        speaker: Speaker | None = None,
        sounds: SoundPlayer | None = None,
    ) -> None:
        self._screen = screen
        self.sound = sound
        self.flash = flash
        self.speaker = speaker
        self.sounds = sounds
        """Plays each cue's own sound through a sound program, when cue sounds are on."""
        self.muted = False

    def say(self, words: str) -> None:
        """Speak, in the background, when there is a voice and cues are on."""
        if self.speaker is not None and not self.muted:
            self.speaker.say(words)

    def play(self, kind: CueKind) -> None:
        if self.muted:
            return
        if self.sound:
            self._screen.app.bell()
            for number in range(1, BELLS[kind]):
                self._screen.set_timer(number * BELL_GAP, self._screen.app.bell)
        if self.sounds is not None:
            self.sounds.play(kind)
            problem = self.sounds.problem()  # met at an earlier cue, told once
            if problem:
                self._screen.notify(problem, title="Cue sounds", severity="warning", timeout=12)
        if self.flash:
            css_class = f"-flash-{kind}"
            lit = self._screen.query_one(FLASHED[kind])
            lit.add_class(css_class)
            self._screen.set_timer(FLASH_SECONDS, lambda: lit.remove_class(css_class))
