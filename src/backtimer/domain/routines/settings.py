"""The person's preferences, kept in ``settings.toml``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:  # the settings load without the routine format
    from backtimer.domain.routines.routine import Routine


class Settings(BaseModel):
    """What the person can change in the settings screen or by hand."""

    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)

    weekly_goal: Annotated[int, Field(ge=1, le=21)] = 3
    """Sessions a week to aim for."""
    sound: bool = True
    """Ring the terminal bell at each change of segment."""
    flash: bool = True
    """Flash the screen at each change of segment."""
    voice: bool = False
    """Speak cues aloud, when a speech program is installed."""
    speech_program: Annotated[str, Field(max_length=200)] | None = None
    """The speech program to use; the first one found when left out."""
    cue_sounds: bool | None = None
    """Play a short sound for each cue through a sound program; left out: on when
    `sound_program` names one."""
    sound_program: Annotated[str, Field(max_length=200)] | None = None
    """The program that plays the cue sounds (paplay, aplay, afplay…); the first one
    found when left out."""
    mat_view: bool = False
    """Start workouts in the mat view: only the clock and what to read from the mat, large."""
    lead_in: Annotated[int, Field(ge=0, le=120)] | None = None
    """Seconds of get-ready before a workout, instead of each routine's own."""
    theme: Annotated[str, Field(max_length=60)] = "textual-dark"
    """The colour theme."""

    @property
    def plays_sounds(self) -> bool:
        """Whether cue sounds are on: as `cue_sounds` says, or when a sound program is named."""
        return self.sound_program is not None if self.cue_sounds is None else self.cue_sounds

    def applied_to(self, routine: Routine) -> Routine:
        """The routine as a workout runs it: with the get-ready of the settings, if set."""
        if self.lead_in is None:
            return routine
        return routine.model_copy(update={"lead_in": self.lead_in})
