"""What the app needs from the outside world, gathered so tests can swap it.

The app reads time only from `Services.clock` (monotonic, for the timer)
and `Services.now` (the wall clock, for records); tests pass fakes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from backtimer.domain.routines.settings import Settings
from backtimer.domain.timer.engine import Clock
from backtimer.storage.history import HistoryStore
from backtimer.storage.workout_slot import WorkoutSlot


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """Clocks, storage and settings for one run of the app."""

    clock: Clock = time.monotonic
    now: Callable[[], datetime] = _utc_now
    store: HistoryStore = field(default_factory=HistoryStore)
    settings: Settings = field(default_factory=Settings)
    zone: tzinfo = UTC
    """The time zone for local dates (programme days); the computer's own when run for real."""
    problems: list[str] = field(default_factory=list)
    """Problems met while loading, to show once the app is up."""
    speech: list[str] | None = None
    """The command that speaks cues, or None for no voice."""
    sound_player: list[str] | None = None
    """The command that plays cue sounds (the file's path comes last), or None for none."""
    workout_slot: WorkoutSlot | None = None
    """Served to browsers: the one workout at a time among the served copies (else None)."""

    @classmethod
    def load(cls) -> Services:
        """The real clocks, the settings from the data directory, a voice and a sound program
        if there are."""
        from backtimer.domain.programmes.standing import local_zone
        from backtimer.storage.settings import load_settings
        from backtimer.tui.sound import find_player
        from backtimer.tui.speaker import find_program

        settings, problems = load_settings()
        speech = find_program(settings.speech_program)
        if settings.speech_program and speech is None:
            problems.append(f"The speech program '{settings.speech_program}' was not found.")
        player = find_player(settings.sound_program)  # a look on the PATH, used only when on
        if settings.sound_program and settings.plays_sounds and player is None:
            problems.append(f"The sound program '{settings.sound_program}' was not found.")
        store = HistoryStore(_utc_now)
        return cls(
            settings=settings,
            problems=problems,
            store=store,
            zone=local_zone(_utc_now()),
            speech=speech,
            sound_player=player,
        )
