"""The person's preferences, kept in ``settings.toml``."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    """What the person can change in the settings screen or by hand."""

    model_config = ConfigDict(extra="forbid", strict=True, use_attribute_docstrings=True)

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
    lead_in: Annotated[int, Field(ge=0, le=120)] | None = None
    """Seconds of get-ready before a workout, instead of each routine's own."""
    theme: Annotated[str, Field(max_length=60)] = "textual-dark"
    """The colour theme."""
