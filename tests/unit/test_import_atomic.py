"""An import is all or nothing (issue 11, point 8).

A ``history import`` killed part way left part of the file imported (575 of
3,030 sessions) and a temporary file behind. Now every month file is written
aside first, a commit record names them, and only then are they moved into
place: stopped before the record, nothing changed; stopped after it, the next
start completes the change. These tests stop it at each point by injecting
the failure; tests/system/test_import_killed.py kills a real process.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from backtimer.domain.history.session import Session
from backtimer.storage import files, locations, transaction
from backtimer.storage.files import StorageError
from backtimer.storage.history import HistoryStore
from tests.factories import NOW, session


@pytest.fixture
def store() -> HistoryStore:
    return HistoryStore(lambda: NOW)


def twelve_months() -> list[Session]:
    return [session(NOW - timedelta(days=31 * n), suffix=f"{n:06x}") for n in range(12)]


def snapshot(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file() and "cache" not in p.parts and p.name != ".lock"
    }


def temporaries(home: Path) -> list[Path]:
    return [p for p in home.rglob("*") if p.name.endswith(".tmp")]


@pytest.fixture
def before(store: HistoryStore, home: Path) -> Iterator[dict[str, bytes]]:
    store.record(session(NOW - timedelta(days=400), suffix="aaaaaa"))
    yield snapshot(home)


class Stop(BaseException):
    """What a kill looks like to the code it interrupts."""


@pytest.mark.parametrize("failure", [StorageError("could not write: No space left"), Stop()])
def test_stopped_while_writing_the_months_nothing_changes(
    failure: BaseException,
    before: dict[str, bytes],
    store: HistoryStore,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = files.write_temporary
    written: list[Path] = []

    def third_fails(path: Path, text: str | bytes) -> Path:
        if len(written) == 3:
            raise failure
        written.append(real(path, text))
        return written[-1]

    monkeypatch.setattr("backtimer.storage.transaction.write_temporary", third_fails)
    with pytest.raises(type(failure)):
        store.add_new(twelve_months())
    assert snapshot(home) == before
    assert temporaries(home) == []


def test_stopped_while_moving_them_into_place_the_next_start_completes_it(
    before: dict[str, bytes], store: HistoryStore, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace
    moved: list[str] = []

    def stop_after_two(source: str | Path, target: str | Path) -> None:
        if str(target).endswith(".toml"):  # a history file, not the cache or the record
            if len(moved) == 2:
                raise Stop
            moved.append(str(target))
        real(source, target)

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", stop_after_two)
        with pytest.raises(Stop):
            store.add_new(twelve_months())
    assert transaction.commit_path().exists()
    recovered, told = HistoryStore(lambda: NOW).recover()
    assert told == [
        "a change to 12 history files (an import, say) was cut short when backtimer was"
        " stopped; it is now complete"
    ]
    assert len(store.load().sessions) == 13
    assert not transaction.commit_path().exists() and temporaries(home) == []
    added, _ = store.add_new(twelve_months())
    assert added == []  # a second run adds nothing: the first one is whole


def test_temporary_files_left_by_kill_9_go_at_the_next_start(
    store: HistoryStore, home: Path
) -> None:
    store.record(session(NOW))
    for stray in (home / ".history.toml.x1y2z3.tmp", home / ".settings.toml.abc.tmp"):
        stray.write_text("half a file")
    (home / "history").mkdir()
    (home / "history" / ".2026-01.toml.q.tmp").write_text("half")
    assert store.recover() == ([], [])
    assert temporaries(home) == []


def test_a_commit_record_backtimer_did_not_write_moves_nothing(
    store: HistoryStore, home: Path, tmp_path: Path
) -> None:
    store.record(session(NOW))
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    record = [[str(tmp_path / ".victim.txt.a.tmp"), str(victim)], ["../x.tmp", "history.toml"]]
    transaction.commit_path().write_text(json.dumps(record))
    (tmp_path / ".victim.txt.a.tmp").write_text("overwritten!")
    _, told = store.recover()
    assert told == [
        f"{transaction.commit_path()}: not a record backtimer wrote; removed, no file was changed"
    ]
    assert victim.read_text() == "keep me"
    assert len(store.load().sessions) == 1


def test_a_single_file_write_removes_its_temporary_file_when_interrupted(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.write_atomic(locations.history_file(), "text")
    assert temporaries(home) == []


def test_reading_the_history_makes_no_folder_and_no_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKTIMER_HOME", str(tmp_path / "nowhere"))
    HistoryStore().recover()
    HistoryStore().load_digests()
    assert not (tmp_path / "nowhere").exists()
