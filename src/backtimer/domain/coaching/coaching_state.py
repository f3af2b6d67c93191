"""What backtimer has said and been told for its coaching, between runs.

Kept in ``coaching.toml`` in the data directory (`storage.coaching`): whether
the red flags have been shown at the first start, whether the person has
said one applies (and not yet that it has been checked), and which session's
morning the app last asked about.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_serializer


class CoachingState(BaseModel):
    """The coaching's memory. Fields a newer backtimer adds are kept as they are."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    red_flags_shown: AwareDatetime | None = None
    """When the red flags were first shown (at the first start); None: not yet."""
    red_flag_since: AwareDatetime | None = None
    """When the person said a red flag applies; None while none is open."""
    red_flag_checked: AwareDatetime | None = None
    """When the person last said the red flag had been checked."""
    red_flag_said: AwareDatetime | None = None
    """When the person last said a red flag applies, kept after it is checked (for the
    report to a physiotherapist)."""
    morning_asked: str | None = Field(default=None, max_length=64)
    """The session whose next morning the app last asked about (answered or skipped):
    it is asked once."""

    @property
    def red_flag_open(self) -> bool:
        """A red flag is open: the person said one applies and not yet that it was checked."""
        return self.red_flag_since is not None

    @field_serializer("red_flags_shown", "red_flag_since", "red_flag_checked", "red_flag_said")
    def _in_utc(self, value: datetime | None) -> datetime | None:
        return None if value is None else value.astimezone(UTC).replace(microsecond=0)
