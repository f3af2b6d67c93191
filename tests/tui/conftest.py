"""Fixtures for driving the app headless: fake clocks, no blinking cursor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual import constants
from textual.widgets import Input

from backtimer.domain.routines.settings import Settings
from backtimer.storage.history import HistoryStore
from backtimer.tui.app import BacktimerApp
from backtimer.tui.services import Services
from tests.fakes import FakeClock
from tests.tui.headless import draw_when_looked_at, parse_each_stylesheet_once

parse_each_stylesheet_once()


class FakeWallClock:
    """A wall clock that follows a `FakeClock`, from a fixed date."""

    def __init__(self, clock: FakeClock, start: datetime) -> None:
        self._clock = clock
        self._origin = clock.now
        self._start = start

    def __call__(self) -> datetime:
        return self._start + timedelta(seconds=self._clock.now - self._origin)


START = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def no_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make snapshots depend on timing."""
    monkeypatch.setattr(Input, "cursor_blink", False)


@pytest.fixture(autouse=True)
def headless_draws(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A headless app draws only when the test looks (`tests.tui.headless`), unless the
    test is about what is drawn again after a change."""
    if request.node.get_closest_marker("draws_each_frame") is None:
        draw_when_looked_at(monkeypatch)


@pytest.fixture(autouse=True)
def no_animation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Things move to where they end at once (as with TEXTUAL_ANIMATIONS=none): these tests
    check where things end up, and a glide drew frames and held up each key after it.
    The tests that run the app in a terminal of its own keep Textual's animations."""
    monkeypatch.setattr(constants, "TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def wall(clock: FakeClock) -> FakeWallClock:
    return FakeWallClock(clock, START)


@pytest.fixture
def make_app(clock: FakeClock, wall: FakeWallClock) -> Callable[..., BacktimerApp]:
    """Build the app with fake clocks; keyword arguments go to `BacktimerApp`. It asks
    nothing as it starts (the red flags, the morning after) unless ``greet=True``."""

    def make(settings: Settings | None = None, **kwargs: object) -> BacktimerApp:
        kwargs.setdefault("greet", False)
        services = Services(
            clock=clock,
            now=wall,
            store=HistoryStore(wall),
            settings=settings or Settings(),
            zone=UTC,  # dates on screen are the same wherever the tests run
        )
        return BacktimerApp(services, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture(scope="session", autouse=True)
def shared_folder(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A folder every test process of this run shares (pytest-xdist gives each worker a
    folder of its own inside it): the 10,000 sessions are made there once."""
    from tests.tui import histories

    base = tmp_path_factory.getbasetemp()
    folder = base if worker_id == "master" else base.parent
    histories.SHARED[:] = [folder]
    return folder
