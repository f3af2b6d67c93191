"""Shared fixtures: every test gets its own empty data directory and a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fakes import FakeClock

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point BACKTIMER_HOME at a fresh folder so no test sees real data."""
    folder = tmp_path / "home"
    monkeypatch.setenv("BACKTIMER_HOME", str(folder))
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
