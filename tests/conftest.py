"""Shared fixtures: every test gets its own empty data directory and a fake clock."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

from tests.fakes import FakeClock

FIXTURES = Path(__file__).parent / "fixtures"

# Bytecode is cached even where PYTHONDONTWRITEBYTECODE says not to: without it each of
# the suite's processes (each worker, and every `backtimer` a test starts) compiled
# every test module and every backtimer module from source again, a few seconds each.
sys.dont_write_bytecode = False


def pytest_collection_finish(session: pytest.Session) -> None:
    """Collect garbage far less often than Python's defaults, once the tests are known.

    Each pilot test builds an app of thousands of short-lived objects; at the
    defaults (a young collection every 700 allocations, a full one every 100 of
    those over every module the suite has imported) the collector took a quarter of
    the TUI tests' CPU. What is loaded now is frozen out of the collector's sight,
    and collections come 70 times less often. No test depends on when garbage goes:
    the ones that measure memory do it in a process of their own.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Collect what the tests left (apps' event loops among it) before the process ends.

    With collections so rare, the last tests' event loops were still waiting when a
    pytest-xdist worker was told to end: their `__del__` then ran inside that ending
    and was cut by its KeyboardInterrupt, and a passing run ended with a traceback
    (issue 21). Collected here, they are gone before the end comes.
    """
    gc.unfreeze()
    gc.collect()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point BACKTIMER_HOME at a fresh folder so no test sees real data."""
    folder = tmp_path / "home"
    monkeypatch.setenv("BACKTIMER_HOME", str(folder))
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
