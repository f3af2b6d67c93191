"""What the app needs from the outside world, gathered so tests can swap it.

The app reads time only from `Services.clock` (monotonic, for the timer)
and `Services.now` (the wall clock, for records); tests pass fakes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from backtimer.domain.engine import Clock
from backtimer.domain.settings import Settings
from backtimer.storage.history import HistoryStore


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """Clocks, storage and settings for one run of the app."""

    clock: Clock = time.monotonic
    now: Callable[[], datetime] = _utc_now
    store: HistoryStore = field(default_factory=HistoryStore)
    settings: Settings = field(default_factory=Settings)
    zone: tzinfo | None = None
    """The time zone of the dates shown and of the statistics' days; None: the computer's own."""
    problems: list[str] = field(default_factory=list)
    """Problems met while loading, to show once the app is up."""

    @classmethod
    def load(cls) -> Services:
        """The real clocks, and the settings from the data directory."""
        from backtimer.storage.settings import load_settings

        settings, problems = load_settings()
        return cls(settings=settings, problems=problems, store=HistoryStore(_utc_now))
