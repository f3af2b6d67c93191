"""The history on disk: months, journals, broken files, full disks, privacy."""

from __future__ import annotations

import errno
import os
import tomllib
from datetime import timedelta
from pathlib import Path

import pytest

from backtimer.domain.history.session import Session
from backtimer.storage import locations
from backtimer.storage.files import StorageError, write_atomic
from backtimer.storage.history import HistoryStore
from backtimer.storage.history_file import parse_sessions
from tests.factories import NOW, session


@pytest.fixture
def store() -> HistoryStore:
    return HistoryStore(lambda: NOW)


def test_a_session_of_this_month_goes_to_history_toml(store: HistoryStore) -> None:
    store.record(session(NOW))
    data = tomllib.loads(locations.history_file().read_text())
    assert data["session"][0]["status"] == "completed"
    assert data["session"][0]["started_at"] == NOW
    assert store.load().sessions == [session(NOW)]


def test_recording_again_replaces_the_session_with_that_id(store: HistoryStore) -> None:
    store.record(session(NOW, status="interrupted"))
    store.record(session(NOW, status="completed", note="better"))
    (only,) = store.load().sessions
    assert (only.status, only.note) == ("completed", "better")


def test_earlier_months_move_to_their_own_file(store: HistoryStore) -> None:
    october = NOW - timedelta(days=40)
    store.record(session(october))
    assert (locations.archive_dir() / "2026-10.toml").exists()
    assert parse_sessions(locations.history_file().read_text(), "h") == []
    store.record(session(NOW))
    assert [s.started_at for s in store.load().sessions] == [october, NOW]


def test_last_months_sessions_roll_over_when_the_month_changes() -> None:
    HistoryStore(lambda: NOW).record(session(NOW))
    december = HistoryStore(lambda: NOW + timedelta(days=10))
    december.record(session(NOW + timedelta(days=10), suffix="000002"))
    assert [
        s.id[:8]
        for s in parse_sessions((locations.archive_dir() / "2026-11.toml").read_text(), "a")
    ] == ["20261124"]
    assert len(december.load().sessions) == 2


def test_an_unreadable_history_is_set_aside_never_overwritten(store: HistoryStore) -> None:
    path = locations.history_file()
    write_atomic(path, "[[session]]\nid = 'broken\n")
    broken = path.read_bytes()
    problems = store.record(session(NOW))
    (kept,) = path.parent.glob("history.toml.unreadable-*")
    assert kept.read_bytes() == broken
    assert "not valid TOML" in problems[0] and kept.name in problems[0]
    assert store.load().sessions == [session(NOW)]


def test_loading_reports_a_broken_file_and_keeps_the_rest(store: HistoryStore) -> None:
    store.record(session(NOW - timedelta(days=40)))
    write_atomic(locations.history_file(), 'session = "nope"\n')
    result = store.load()
    assert len(result.sessions) == 1
    assert result.problems == [
        f"{locations.history_file()}: 'session' must be a list of [[session]] tables;"
        " left out until the file is repaired"
    ]
    assert locations.history_file().read_text() == 'session = "nope"\n'  # untouched by reading


def test_an_invalid_session_names_the_field(store: HistoryStore) -> None:
    write_atomic(locations.history_file(), "[[session]]\nid = 'x'\nroutine = 3\n")
    (problem,) = store.load().problems
    assert problem == (
        f"{locations.history_file()}: line 1: session 1 (id 'x'): routine: must be text in"
        " double quotes (got 3); left out until the file is repaired"
    )


def test_a_full_disk_leaves_the_old_file_whole(
    store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.record(session(NOW))
    before = locations.history_file().read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", full)
        with pytest.raises(StorageError, match=r"history\.toml: No space left on device"):
            store.record(session(NOW + timedelta(hours=1), suffix="000002"))
    assert locations.history_file().read_bytes() == before
    assert [p.name for p in locations.data_dir().iterdir() if p.suffix == ".tmp"] == []


def test_files_and_folders_are_private(store: HistoryStore) -> None:
    store.record(session(NOW))
    store.record(session(NOW - timedelta(days=40)))
    journal = store.journal("20261124T090000Z-00000a")
    journal.save(session(NOW + timedelta(hours=1), suffix="00000a"))
    for path in [locations.data_dir(), locations.archive_dir(), locations.journal_dir()]:
        assert path.stat().st_mode & 0o777 == 0o700, path
    for path in [locations.history_file(), locations.archive_dir() / "2026-10.toml", journal.path]:
        assert path.stat().st_mode & 0o777 == 0o600, path
    journal.close()


def test_a_journal_held_by_a_live_process_is_left_alone(store: HistoryStore) -> None:
    journal = store.journal("20261124T090000Z-00000a")
    journal.save(session(NOW, suffix="00000a", status="interrupted"))
    assert store.recover() == ([], [])  # this process holds it
    journal.finish(session(NOW, suffix="00000a"))
    assert [s.status for s in store.load().sessions] == ["completed"]
    assert list(locations.journal_dir().iterdir()) == []


def test_an_orphaned_journal_is_recorded_as_interrupted(store: HistoryStore) -> None:
    orphan = session(NOW, suffix="00000b", status="interrupted", stopped_at_step=1)
    write_atomic(locations.journal_dir() / f"{orphan.id}.toml", _journal_text(orphan))
    recovered, problems = store.recover()
    assert (recovered, problems) == ([orphan], [])
    assert store.load().sessions == [orphan]
    assert list(locations.journal_dir().glob("*.toml")) == []


def test_an_unreadable_journal_is_set_aside(store: HistoryStore) -> None:
    path = locations.journal_dir() / "20261124T090000Z-00000c.toml"
    write_atomic(path, "not toml at all")
    recovered, (problem,) = store.recover()
    assert recovered == [] and "not valid TOML" in problem
    assert [p.name.split(".unreadable")[0] for p in path.parent.glob("*.unreadable-*")] == [
        path.name
    ]


def test_delete_removes_one_session_and_returns_it(store: HistoryStore) -> None:
    first, second = session(NOW), session(NOW + timedelta(hours=2), suffix="000002")
    store.record_many([first, second])
    assert store.delete(first.id) == first
    assert store.load().sessions == [second]
    assert store.delete("20000101T000000Z-000000") is None


def _journal_text(one: Session) -> str:
    from backtimer.storage.history_file import dump

    return dump([one])


def test_the_journal_path_is_inside_the_data_dir(store: HistoryStore, home: Path) -> None:
    journal = store.journal("20261124T090000Z-00000d")
    assert journal.path.parent == home / "in-progress"
    journal.close()
