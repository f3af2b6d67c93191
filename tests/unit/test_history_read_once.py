"""A command reads each history file's digests once, however many of its parts need them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backtimer.cli import main
from backtimer.domain.history.session import Session, StepRecord
from backtimer.storage import digest_cache
from backtimer.storage.history import HistoryStore

START = datetime(2026, 1, 5, 7, 30, tzinfo=UTC)
NOW = START + timedelta(weeks=20)


def sessions(count: int) -> list[Session]:
    """One session a week, across a few months' files."""
    return [
        Session(
            id=f"{START + timedelta(weeks=n):%Y%m%dT%H%M%SZ}-00000{n}",
            routine="desk-reset",
            routine_name="Desk reset",
            started_at=START + timedelta(weeks=n),
            ended_at=START + timedelta(weeks=n, minutes=7),
            status="completed",
            active_seconds=400.0,
            paused_seconds=0.0,
            pain_before=3,
            steps=[StepRecord(exercise="cat-cow", sets_done=1, reps_done=10, seconds_done=60.0)],
        )
        for n in range(count)
    ]


@pytest.mark.parametrize("command", [["today"], ["today", "--json"], ["stats"]])
def test_each_history_file_is_read_once(
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    HistoryStore(lambda: NOW).record_many(sessions(16))
    assert main(["programs", "start", "back-durability-6wk"], now=lambda: NOW) == 0
    assert main(command, now=lambda: NOW) == 0  # the digests cached
    files = len(list(digest_cache.folder().glob("*.json")))
    reads: list[Path] = []
    cached = digest_cache._cached

    def counted(source: Path, key: list[int]) -> object:
        reads.append(source)
        return cached(source, key)

    monkeypatch.setattr(digest_cache, "_cached", counted)
    capsys.readouterr()
    assert main(command, now=lambda: NOW) == 0
    if command[0] == "stats":
        assert files > 1 and len(reads) == files, sorted(reads)
    else:  # `today` reads only the files that can hold a session it needs (here none)
        assert len(reads) == len(set(reads)) < files, sorted(reads)
